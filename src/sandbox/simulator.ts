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
import { delay, grantBody, httpError, networkError } from './answers.js';
import { generateCode, sameCode } from './codes.js';
import { HISTORY_LIMIT, keepLast, type OutboxMessage, type SandboxCall } from './history.js';
import { resolveSandboxOptions, type ResolvedSandboxOptions, type SandboxOptions } from './options.js';
import { OutOfBandIssuer } from './out-of-band.js';
import { outOfBandBackend } from './out-of-band-backend.js';
import { visaError } from './visa-errors.js';

export type { OutboxMessage, SandboxCall } from './history.js';
export {
  DEFAULT_SANDBOX_OPTIONS,
  SANDBOX_GOLDEN_CODE,
  type SandboxExpirationFormat,
  type SandboxFailure,
  type SandboxOptions,
} from './options.js';

interface TokenState {
  sends: number;
  code?: { value: string; optionId: string; expiresAt: number; attempts: number; used: boolean };
}

const DEFAULT_TOKEN = 'sandbox-token';

/**
 * An in-memory simulator of the Visa Acceptance step-up endpoints (createOtp and validate), with
 * Visa's rules as the kit reads them: a fresh code per send, expiry, attempts per code, sends per token,
 * Visa-shaped errors. No Node-only APIs: it runs in stories, tests and the browser alike.
 */
export class StepUpSandbox {
  readonly backend: StepUpBackend;
  /** The issuer's side of the methods that complete outside the page: approve, decline, issuer codes. */
  readonly outOfBand = new OutOfBandIssuer(() => this.options.now(), () => this.emit());
  private options: ResolvedSandboxOptions;
  private tokens = new Map<string, TokenState>();
  private messages: OutboxMessage[] = [];
  private received: SandboxCall[] = [];
  private listeners = new Set<() => void>();

  constructor(options: SandboxOptions = {}) {
    this.options = resolveSandboxOptions(options);
    this.backend = {
      createOtp: (request, context) => this.createOtp(request, context),
      validateOtp: (request, context) => this.validateOtp(request, context),
      ...outOfBandBackend(this),
    };
  }

  /** Change any option while running (Storybook controls do). */
  configure(options: SandboxOptions): void {
    this.options = resolveSandboxOptions({ ...this.currentOptions(), ...options });
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
  calls<O extends SandboxCall['operation'] = SandboxCall['operation']>(operation?: O): readonly Extract<SandboxCall, { operation: O }>[] {
    return (operation ? this.received.filter((c) => c.operation === operation) : this.received) as Extract<SandboxCall, { operation: O }>[];
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
    await delay(this.options, context?.signal);
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
    if (isOutOfBandMethod(normalizeMethod(option.method))) return this.outOfBand.selected(tokenId, option, grantBody(this.options, expiresAt));
    const code = generateCode(this.options.codeLength, this.options.random);
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
    return grantBody(this.options, expiresAt);
  }

  async validateOtp(request: ValidateOtpRequest, context?: StepUpCallContext): Promise<ValidateOtpResponse> {
    const tokenId = request.tokenId ?? DEFAULT_TOKEN;
    this.record('validateOtp', tokenId, request);
    await delay(this.options, context?.signal);
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

  /** The state of a token, made on first use; the least recently used is forgotten past `HISTORY_LIMIT`. */
  private token(tokenId: string): TokenState {
    const token = this.tokens.get(tokenId) ?? { sends: 0 };
    // a Map iterates in insertion order: re-inserting on every use keeps the least recently used first
    this.tokens.delete(tokenId);
    this.tokens.set(tokenId, token);
    if (this.tokens.size > HISTORY_LIMIT) this.tokens.delete(this.tokens.keys().next().value!);
    return token;
  }

  /** Keeps a call for `calls()` (the out-of-band methods record theirs too). */
  record(operation: SandboxCall['operation'], tokenId: string, body: SandboxCall['body']) {
    keepLast(this.received, { operation, tokenId, body: structuredClone(body), at: this.options.now() } as SandboxCall);
    this.emit();
  }

  private emit() {
    this.listeners.forEach((l) => l());
  }
}

/** Creates a simulator; `sandbox.backend` is the `StepUpBackend` to give `<StepUpOtp>`. */
export function createSandbox(options: SandboxOptions = {}): StepUpSandbox {
  return new StepUpSandbox(options);
}
