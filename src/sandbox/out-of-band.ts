import { StepUpBackendError } from '../core/errors.js';
import { isOutOfBandMethod, normalizeMethod } from '../core/normalize.js';
import type { CreateOtpResponse, RawStepUpOption, ValidateOtpResponse } from '../core/types.js';
import { SANDBOX_ISSUER_PAGE_URL, sandboxStepUpOptions, type SandboxMethod } from './out-of-band-methods.js';
import { visaError } from './visa-errors.js';

/** What the issuer decided about a token's out-of-band step-up (from the control, the issuer page or a code). */
export type OutOfBandDecision = 'approved' | 'declined';

/** An out-of-band step-up the issuer has not decided yet, as the outbox page lists it. */
export interface OutOfBandRequest {
  tokenId: string;
  optionId: string;
  /** Underscore spelling, e.g. `OUTBOUND_CALL`. */
  method: string;
  /** The option's display value (the number to call, the app's name). */
  to?: string;
  /** `offered` once authentication-options listed it; `selected` once the selection was submitted (the bank calls). */
  state: 'offered' | 'selected';
  at: number;
}

/** What authentication-options answers for a token, given the out-of-band decisions. */
export type AuthenticationOptionsAnswer =
  | { action: 'STEP_UP_AUTHENTICATE'; stepUpOptions: RawStepUpOption[] }
  | { action: 'AUTHENTICATION_REGISTRATION' };

const LIMIT = 10_000;

/**
 * The issuer's side of the methods that complete outside the page: which token was approved or declined
 * (by the control, the simulated issuer page, or a valid `issuerAuthCode`), the codes the issuer's app or
 * page handed out, and the requests still waiting. Browser-safe, like the rest of the simulator.
 */
export class OutOfBandIssuer {
  /** Where the web variant's `source` points; a sandbox server sets its own `{url}/__issuer`. */
  issuerPageUrl = SANDBOX_ISSUER_PAGE_URL;
  private decisions = new Map<string, OutOfBandDecision>();
  private offered = new Map<string, SandboxMethod[]>();
  private waiting = new Map<string, OutOfBandRequest>();
  private handles = new Map<string, { tokenId: string; optionId: string }>();
  private codes = new Map<string, { tokenId: string; optionId: string; used: boolean }>();

  constructor(
    private readonly now: () => number,
    private readonly changed: () => void,
  ) {}

  /** Offer `methods` to `tokenId` instead of the simulator's `stepUpOptions` (`undefined`: back to those). */
  offer(tokenId: string, methods: readonly SandboxMethod[] | undefined): void {
    // throws on an unknown name before anything changes
    if (methods) this.offered.set(tokenId, sandboxStepUpOptions(methods) && [...methods]);
    else this.offered.delete(tokenId);
    this.changed();
  }

  /**
   * The authentication-options answer for `tokenId`: `AUTHENTICATION_REGISTRATION` once approved, a 403
   * `declined` once declined, else the step-up with `options` (or the methods offered to this token). The web
   * variant's `source` becomes the issuer page and its `requestPayload` an opaque handle the page resolves.
   */
  answer(tokenId: string, options: readonly RawStepUpOption[]): AuthenticationOptionsAnswer {
    const decision = this.decisions.get(tokenId);
    if (decision === 'approved') return { action: 'AUTHENTICATION_REGISTRATION' };
    if (decision === 'declined') throw httpError(403, visaError('declined', 'The issuer declined this device binding', 'STEP_UP_DECLINED'));
    const stepUpOptions = this.optionsFor(tokenId, options).map((o) => ({ ...o })).map((option) => {
      const method = normalizeMethod(option.method);
      if (!option.id || !isOutOfBandMethod(method)) return option;
      const key = `${tokenId}\n${option.id}`;
      if (!this.waiting.has(key)) this.remember(key, { tokenId, optionId: option.id, method, to: option.value, state: 'offered', at: this.now() });
      if (option.source !== SANDBOX_ISSUER_PAGE_URL) return option;
      return { ...option, source: this.issuerPageUrl, requestPayload: this.handleFor(tokenId, option.id) };
    });
    return { action: 'STEP_UP_AUTHENTICATE', stepUpOptions };
  }

  /** The options `tokenId` is offered: those chosen for it by `offer`, else `options`. */
  optionsFor(tokenId: string, options: readonly RawStepUpOption[]): readonly RawStepUpOption[] {
    const methods = this.offered.get(tokenId);
    return methods ? sandboxStepUpOptions(methods) : options;
  }

  /**
   * The selection of an out-of-band option was submitted (`one-time-passwords` with its id): for
   * `OUTBOUND_CALL` the bank now calls. Answers the send limits of `grant`, without a code expiry.
   */
  selected(tokenId: string, option: RawStepUpOption, grant: CreateOtpResponse): CreateOtpResponse {
    const key = `${tokenId}\n${option.id}`;
    this.remember(key, { tokenId, optionId: option.id!, method: normalizeMethod(option.method), to: option.value, state: 'selected', at: this.now() });
    return { maxRequestsAllowed: grant.maxRequestsAllowed };
  }

  /** Approve (or decline) the token's pending step-up, as the bank's agent or app would. */
  decide(tokenId: string, decision: OutOfBandDecision): void {
    this.decisions.set(tokenId, decision);
    for (const key of [...this.waiting.keys()]) if (key.startsWith(`${tokenId}\n`)) this.waiting.delete(key);
    this.changed();
  }

  /** What the issuer decided for `tokenId`, if anything. */
  decision(tokenId: string): OutOfBandDecision | undefined {
    return this.decisions.get(tokenId);
  }

  /** A fresh issuer authentication code for the token's option, as the bank's app or page returns one. */
  issueCode(tokenId: string, optionId: string): string {
    const code = randomText(32);
    this.codes.set(code, { tokenId, optionId, used: false });
    trim(this.codes);
    this.changed();
    return code;
  }

  /** The token and option behind an issuer page's `a2apayload`, or `undefined` for one the sandbox never issued. */
  resolveHandle(handle: string): { tokenId: string; optionId: string } | undefined {
    return this.handles.get(handle);
  }

  /**
   * `validate` with an `issuerAuthCode`: a code the sandbox issued for this token and option, not used yet,
   * approves the token (`AUTHENTICATION_REGISTRATION`); anything else is a 400 Visa reads as an invalid code.
   */
  validate(tokenId: string, optionId: string | undefined, issuerAuthCode: unknown): ValidateOtpResponse {
    if (typeof issuerAuthCode !== 'string' || !issuerAuthCode || issuerAuthCode.length > 4096)
      throw httpError(400, visaError('invalidFields', 'issuerAuthCode must be a string of 1 to 4096 characters', undefined, 'issuerAuthCode'));
    const code = this.codes.get(issuerAuthCode);
    if (!code || code.used || code.tokenId !== tokenId || code.optionId !== optionId)
      throw httpError(400, visaError('invalidFields', 'The issuer authentication code is not valid', 'ISSUER_AUTH_CODE_INVALID', 'issuerAuthCode'));
    code.used = true;
    this.decide(tokenId, 'approved');
    return { action: 'AUTHENTICATION_REGISTRATION' };
  }

  /** The out-of-band step-ups no one has decided yet, oldest first. */
  pending(): OutOfBandRequest[] {
    return [...this.waiting.values()];
  }

  /** Forget a token's decision, offered methods and waiting requests (a new step-up for it). */
  forget(tokenId: string): void {
    this.decisions.delete(tokenId);
    this.offered.delete(tokenId);
    for (const key of [...this.waiting.keys()]) if (key.startsWith(`${tokenId}\n`)) this.waiting.delete(key);
  }

  /** Forget everything. */
  reset(): void {
    this.decisions.clear();
    this.offered.clear();
    this.waiting.clear();
    this.handles.clear();
    this.codes.clear();
  }

  private remember(key: string, request: OutOfBandRequest) {
    this.waiting.delete(key);
    this.waiting.set(key, request);
    trim(this.waiting);
    this.changed();
  }

  private handleFor(tokenId: string, optionId: string): string {
    for (const [handle, target] of this.handles) if (target.tokenId === tokenId && target.optionId === optionId) return handle;
    const handle = randomText(24);
    this.handles.set(handle, { tokenId, optionId });
    trim(this.handles);
    return handle;
  }
}

/** Drops the oldest entries past the limit: the sandbox server may run for days. */
function trim(map: Map<string, unknown>): void {
  while (map.size > LIMIT) map.delete(map.keys().next().value!);
}

function randomText(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return btoa(String.fromCharCode(...buffer)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function httpError(status: number, body: unknown): StepUpBackendError {
  return new StepUpBackendError('http', `sandbox answered ${status}`, { status, body });
}
