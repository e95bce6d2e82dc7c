import { StepUpBackendError } from '../core/errors.js';
import type {
  CreateOtpRequest,
  CreateOtpResponse,
  RawStepUpOption,
  StepUpBackend,
  StepUpCallContext,
  ValidateOtpRequest,
  ValidateOtpResponse,
} from '../core/types.js';
import { isOutOfBandMethod, normalizeMethod } from '../core/normalize.js';
import { OutOfBandIssuer } from './out-of-band.js';
import { outOfBandBackend } from './out-of-band-backend.js';
import { visaError } from './visa-errors.js';

/** How the simulator misbehaves, for stories and tests of the failure paths. */
export type SandboxFailure =
  | 'none'
  /** create-OTP answers 500 with a Visa error body. */
  | 'send-server-error'
  /** create-OTP answers 400 (the issuer refuses this channel). */
  | 'send-rejected'
  /** validate answers 500. */
  | 'validate-server-error'
  /** every call fails before an answer (as `fetch` does offline). */
  | 'network'
  /** create-OTP answers a body that is not the Visa shape. */
  | 'malformed'
  /** every call hangs until it is aborted. */
  | 'hang';

/** How the simulator states `codeExpiration` in its create-OTP answer. */
export type SandboxExpirationFormat = 'minutes' | 'seconds' | 'epoch-seconds' | 'epoch-milliseconds';

export interface SandboxOptions {
  /** The step-up options issued for every token. */
  stepUpOptions?: RawStepUpOption[];
  /** Code lifetime in seconds. @defaultValue 300 */
  codeLifetimeSeconds?: number;
  /** How `codeExpiration` is written in the answer. @defaultValue 'minutes' */
  expirationFormat?: SandboxExpirationFormat;
  /** Create-OTP calls allowed per token. @defaultValue 3 */
  maxRequestsAllowed?: number;
  /** Validation attempts allowed per code. @defaultValue 3 */
  maxVerificationAllowed?: number;
  /** Answer the three numbers as strings, as Visa's VTS SDK types them. @defaultValue false */
  numbersAsStrings?: boolean;
  /**
   * Answer 0 for `maxRequestsAllowed` and `maxVerificationAllowed`, as Visa's documented example does, while
   * still enforcing the limits above. @defaultValue false
   */
  limitsUnknown?: boolean;
  /** Accept Visa's sandbox golden code `456789` for every code (or another fixed code). @defaultValue false */
  goldenCode?: boolean | string;
  /** Digits per generated code. @defaultValue 6 */
  codeLength?: number;
  /** Delay of every answer in milliseconds. @defaultValue 0 */
  latencyMs?: number;
  failure?: SandboxFailure;
  /** The clock (epoch ms). @defaultValue Date.now */
  now?: () => number;
  /** A source of numbers in [0, 1) for the codes. @defaultValue crypto-random */
  random?: () => number;
}

/** A code as the cardholder's phone, inbox or bank app would show it. */
export interface OutboxMessage {
  tokenId: string;
  optionId: string;
  method: string;
  to?: string;
  code: string;
  sentAt: number;
  expiresAt: number;
}

/** One call the simulator received. */
export interface SandboxCall {
  operation: 'createOtp' | 'validateOtp';
  tokenId: string;
  body: CreateOtpRequest | ValidateOtpRequest;
  at: number;
}

interface TokenState {
  sends: number;
  code?: { value: string; optionId: string; expiresAt: number; attempts: number; used: boolean };
}

export const DEFAULT_SANDBOX_OPTIONS: RawStepUpOption[] = [
  { id: 'c21zLW9wdGlvbi0x', method: 'OTP_SMS', value: '***-***-1234', platformType: 'WEB' },
  { id: 'ZW1haWwtb3B0aW9uLTE=', method: 'OTP_EMAIL', value: 'j*****n@e*****e.com', platformType: 'WEB' },
  { id: 'YmFuay1vcHRpb24tMQ==', method: 'OTP_ONLINE_BANKING', value: 'Acme Bank app', platformType: 'WEB' },
];

export const SANDBOX_GOLDEN_CODE = '456789';

const DEFAULT_TOKEN = 'sandbox-token';

/**
 * An in-memory simulator of the Visa Acceptance step-up endpoints (create-OTP and validate), with
 * Visa's rules as the kit reads them: a fresh code per send, expiry, attempts per code, sends per token,
 * Visa-shaped errors. No Node-only APIs: it runs in stories, tests and the browser alike.
 */
export class StepUpSandbox {
  readonly backend: StepUpBackend;
  /** The issuer's side of the methods that complete outside the page: approve, decline, issuer codes. */
  readonly outOfBand = new OutOfBandIssuer(() => this.options.now(), () => this.emit());
  private options: Required<Omit<SandboxOptions, 'goldenCode'>> & { goldenCode: string | false };
  private tokens = new Map<string, TokenState>();
  private messages: OutboxMessage[] = [];
  private received: SandboxCall[] = [];
  private listeners = new Set<() => void>();

  constructor(options: SandboxOptions = {}) {
    this.options = resolve(options);
    this.backend = {
      createOtp: (request, context) => this.createOtp(request, context),
      validateOtp: (request, context) => this.validateOtp(request, context),
      ...outOfBandBackend(this),
    };
  }

  /** Change any option while running (Storybook controls do). */
  configure(options: SandboxOptions): void {
    this.options = resolve({ ...this.currentOptions(), ...options });
    this.emit();
  }

  /** The options in force. */
  currentOptions(): SandboxOptions {
    return { ...this.options };
  }

  /** The authentication-options answer for a token: `STEP_UP_AUTHENTICATE` with the configured options. */
  authenticationOptions(): { action: 'STEP_UP_AUTHENTICATE'; stepUpOptions: RawStepUpOption[] } {
    return { action: 'STEP_UP_AUTHENTICATE', stepUpOptions: this.options.stepUpOptions.map((o) => ({ ...o })) };
  }

  /** Every code sent, oldest first. */
  outbox(): readonly OutboxMessage[] {
    return this.messages;
  }

  /** The last code sent, as the cardholder's phone or inbox shows it. */
  lastMessage(): OutboxMessage | undefined {
    return this.messages[this.messages.length - 1];
  }

  /** Every call received, oldest first. */
  calls(operation?: SandboxCall['operation']): readonly SandboxCall[] {
    return operation ? this.received.filter((c) => c.operation === operation) : this.received;
  }

  /** Listen for sends and calls (the outbox view re-renders on it). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forget one token's sends and code, as a new step-up for it would (the outbox and calls stay). */
  forgetToken(tokenId: string): void {
    this.tokens.delete(tokenId);
  }

  /** Forget every token, code and call. */
  reset(): void {
    this.tokens.clear();
    this.outOfBand.reset();
    this.messages = [];
    this.received = [];
    this.emit();
  }

  async createOtp(request: CreateOtpRequest, context?: StepUpCallContext): Promise<CreateOtpResponse> {
    const tokenId = request.tokenId ?? DEFAULT_TOKEN;
    this.record('createOtp', tokenId, request);
    await this.delay(context?.signal);
    const { failure } = this.options;
    if (failure === 'network') throw networkError();
    if (failure === 'send-server-error')
      throw httpError(500, visaError('internalError', 'The issuer could not be reached. Try again later.'));
    if (failure === 'send-rejected')
      throw httpError(400, visaError('declined', 'The issuer declined to send a code to this contact.'));
    if (failure === 'malformed') return '<html>Bad gateway</html>' as unknown as CreateOtpResponse;

    if (!request.clientCorrelationId)
      throw httpError(400, visaError('missingFields', 'clientCorrelationId is required', undefined, 'clientCorrelationId'));
    const option = this.outOfBand.optionsFor(tokenId, this.options.stepUpOptions).find((o) => o.id === request.stepUpOption?.id);
    if (!option) throw httpError(400, visaError('invalidFields', 'stepUpOption.id is not valid', undefined, 'stepUpOption.id'));

    const token = this.token(tokenId);
    if (token.sends >= this.options.maxRequestsAllowed)
      throw httpError(403, visaError('forbidden', 'OTP request limit exceeded for this token', 'MAX_REQUESTS_EXCEEDED'));
    token.sends += 1;
    const now = this.options.now();
    const expiresAt = now + this.options.codeLifetimeSeconds * 1000;
    if (isOutOfBandMethod(normalizeMethod(option.method))) return this.outOfBand.selected(tokenId, option, this.grantBody(expiresAt));
    const code = this.generateCode();
    token.code = { value: code, optionId: option.id!, expiresAt, attempts: 0, used: false };
    keepLast(this.messages, {
      tokenId,
      optionId: option.id!,
      method: String(option.method ?? ''),
      to: option.value,
      code,
      sentAt: now,
      expiresAt,
    });
    this.emit();
    return this.grantBody(expiresAt);
  }

  async validateOtp(request: ValidateOtpRequest, context?: StepUpCallContext): Promise<ValidateOtpResponse> {
    const tokenId = request.tokenId ?? DEFAULT_TOKEN;
    this.record('validateOtp', tokenId, request);
    await this.delay(context?.signal);
    const { failure } = this.options;
    if (failure === 'network') throw networkError();
    if (failure === 'validate-server-error')
      throw httpError(500, visaError('internalError', 'The issuer could not be reached. Try again later.'));

    if (request.otp === undefined && 'issuerAuthCode' in request)
      return this.outOfBand.validate(tokenId, request.stepUpOption?.id, (request as { issuerAuthCode?: unknown }).issuerAuthCode);
    if (!request.otp) throw httpError(400, visaError('missingFields', 'otp is required', undefined, 'otp'));
    if (typeof request.otp !== 'string') throw httpError(400, visaError('invalidFields', 'otp must be a string', undefined, 'otp'));
    // a validate for a token never sent a code creates nothing (so it cannot push a live one out)
    const code = this.tokens.has(tokenId) ? this.token(tokenId).code : undefined;
    if (!code || code.used || code.optionId !== request.stepUpOption?.id)
      throw httpError(400, visaError('invalidFields', 'No one-time password was requested for this option', 'OTP_NOT_REQUESTED'));
    if (this.options.now() >= code.expiresAt)
      throw httpError(400, visaError('invalidFields', 'The one-time password has expired', 'OTP_EXPIRED', 'otp'));
    if (code.attempts >= this.options.maxVerificationAllowed)
      throw httpError(400, visaError('invalidFields', 'Verification attempts exceeded', 'OTP_ATTEMPTS_EXCEEDED', 'otp'));
    const golden = this.options.goldenCode;
    if (!sameCode(request.otp, code.value) && !(golden && sameCode(request.otp, golden))) {
      code.attempts += 1;
      throw httpError(400, visaError('invalidFields', 'The one-time password is not valid', 'OTP_INVALID', 'otp'));
    }
    code.used = true;
    this.emit();
    return { action: 'AUTHENTICATION_REGISTRATION' };
  }

  private grantBody(expiresAt: number): CreateOtpResponse {
    const { expirationFormat, codeLifetimeSeconds, numbersAsStrings, maxRequestsAllowed, maxVerificationAllowed, limitsUnknown } =
      this.options;
    const expiration =
      expirationFormat === 'minutes'
        ? codeLifetimeSeconds / 60
        : expirationFormat === 'seconds'
          ? codeLifetimeSeconds
          : expirationFormat === 'epoch-seconds'
            ? Math.floor(expiresAt / 1000)
            : expiresAt;
    const format = (n: number) => (numbersAsStrings ? String(n) : n);
    return {
      maxRequestsAllowed: format(limitsUnknown ? 0 : maxRequestsAllowed),
      maxVerificationAllowed: format(limitsUnknown ? 0 : maxVerificationAllowed),
      codeExpiration: format(expiration),
    };
  }

  private generateCode(): string {
    let code = '';
    for (let i = 0; i < this.options.codeLength; i++) code += Math.floor(this.options.random() * 10) % 10;
    return code;
  }

  /** The state of a token, made on first use; the least recently used is forgotten past `HISTORY_LIMIT`. */
  private token(tokenId: string): TokenState {
    const token = this.tokens.get(tokenId) ?? { sends: 0 };
    // a Map iterates in insertion order: re-inserting on every use keeps the least recently used first
    this.tokens.delete(tokenId);
    this.tokens.set(tokenId, token);
    if (this.tokens.size > HISTORY_LIMIT) this.tokens.delete(this.tokens.keys().next().value!);
    return token;
  }

  private record(operation: SandboxCall['operation'], tokenId: string, body: CreateOtpRequest | ValidateOtpRequest) {
    keepLast(this.received, { operation, tokenId, body: structuredClone(body), at: this.options.now() });
    this.emit();
  }

  private delay(signal?: AbortSignal): Promise<void> {
    const hang = this.options.failure === 'hang';
    const ms = this.options.latencyMs;
    if (!hang && ms <= 0) return signal?.aborted ? Promise.reject(abortError()) : Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = hang ? undefined : setTimeout(done, ms);
      function done() {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
      function onAbort() {
        clearTimeout(timer);
        reject(abortError());
      }
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private emit() {
    this.listeners.forEach((l) => l());
  }
}

/** Creates a simulator; `sandbox.backend` is the `StepUpBackend` to give `<StepUpOtp>`. */
export function createSandbox(options: SandboxOptions = {}): StepUpSandbox {
  return new StepUpSandbox(options);
}

/**
 * Calls, messages and tokens kept at most, oldest dropped first: the sandbox server may run for days,
 * and every validate body it records holds a code.
 */
const HISTORY_LIMIT = 10_000;

function keepLast<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > HISTORY_LIMIT) list.splice(0, list.length - HISTORY_LIMIT);
}

/** Compares codes in a time that does not depend on where they differ. */
function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function resolve(options: SandboxOptions): StepUpSandbox['options'] {
  const golden = options.goldenCode === true ? SANDBOX_GOLDEN_CODE : options.goldenCode || false;
  return {
    stepUpOptions: options.stepUpOptions ?? DEFAULT_SANDBOX_OPTIONS,
    codeLifetimeSeconds: options.codeLifetimeSeconds ?? 300,
    expirationFormat: options.expirationFormat ?? 'minutes',
    maxRequestsAllowed: options.maxRequestsAllowed ?? 3,
    maxVerificationAllowed: options.maxVerificationAllowed ?? 3,
    numbersAsStrings: options.numbersAsStrings ?? false,
    limitsUnknown: options.limitsUnknown ?? false,
    goldenCode: golden,
    codeLength: options.codeLength ?? 6,
    latencyMs: options.latencyMs ?? 0,
    failure: options.failure ?? 'none',
    now: options.now ?? Date.now,
    random: options.random ?? cryptoRandom,
  };
}

function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0]! / 2 ** 32;
}

function httpError(status: number, body: unknown): StepUpBackendError {
  return new StepUpBackendError('http', `sandbox answered ${status}`, { status, body });
}

function networkError(): StepUpBackendError {
  return new StepUpBackendError('network', 'sandbox: the network is down', { cause: new TypeError('Failed to fetch') });
}

function abortError(): StepUpBackendError {
  return new StepUpBackendError('aborted', 'sandbox: the call was aborted');
}
