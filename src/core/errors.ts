/** What went wrong, as the merchant sees it in `onError` and the cardholder sees it as a sentence. */
export type StepUpErrorKind =
  /** The issuer offered no SMS, email or online-banking option. */
  | 'no-otp-options'
  /** The backend refused to send a code (a 4xx answer to createOtp). */
  | 'send-rejected'
  /** No more codes may be sent for this card. */
  | 'resends-exhausted'
  /** The backend rejected the code (a 4xx answer to validate) while attempts are left. */
  | 'invalid-otp'
  /** The code was rejected and no attempts are left for it. */
  | 'attempts-exhausted'
  /** The code expired, by the clock or by the backend's word. */
  | 'expired'
  /**
   * The backend lost Visa's answer to an earlier check of this code (a timeout, a cut connection), and Visa
   * now refuses it: it may have been accepted and used up, so it is neither right nor wrong. No attempt is
   * spent; a new code is needed.
   */
  | 'code-unconfirmed'
  /** The backend answered 429. */
  | 'rate-limited'
  /** The backend answered 5xx. */
  | 'server-error'
  /** The request never got an answer. */
  | 'network'
  /** The request took too long and was abandoned. */
  | 'timeout'
  /** The answer was not what the Visa API returns. */
  | 'malformed-response'
  /** The backend failed in a way the kit could not read. */
  | 'unknown';

/**
 * The backend calls of a step-up, spelled this way wherever they are data (errors, mutation keys, runners):
 * a code's two, and the three of `stepup-kit/out-of-band` (submit the choice, check, validate the bank's code).
 */
export type BackendOperation = 'create-otp' | 'validate-otp' | 'submit-selection' | 'check-step-up' | 'validate-issuer-code';

/** What failed: a backend call, the setup (no OTP option), or the clock (the code expired). */
export type StepUpOperation = BackendOperation | 'setup' | 'clock';

/** How a transport-level failure of a backend call happened. */
export type StepUpBackendErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'malformed';

/**
 * Thrown (rejected) by backends such as `createFetchBackend`: a non-2xx answer (`kind: 'http'` with
 * `status` and the parsed `body`), a network failure, a timeout, an abort, or a 2xx answer that is not JSON.
 */
export class StepUpBackendError extends Error {
  override readonly name: string = 'StepUpBackendError';
  declare readonly kind: StepUpBackendErrorKind;
  /** HTTP status, when an answer arrived. */
  declare readonly status?: number;
  /** The parsed answer body: Visa's `{ errors: [...] }`, any JSON, or text. */
  declare readonly body?: unknown;

  constructor(
    kind: StepUpBackendErrorKind,
    message: string,
    options: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.body = options.body;
  }
}

/** The typed error given to `onError`. Its `message` is for developers; cardholders see `messages.errors[kind]`. */
export class StepUpError extends Error {
  override readonly name = 'StepUpError';
  declare readonly kind: StepUpErrorKind;
  declare readonly operation: StepUpOperation;
  /** HTTP status of the failed call, when there was one. */
  declare readonly status?: number;
  /** Parsed error body of the failed call, when there was one. */
  declare readonly body?: unknown;

  constructor(
    kind: StepUpErrorKind,
    operation: StepUpOperation,
    message: string,
    options: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.operation = operation;
    this.status = options.status;
    this.body = options.body;
  }
}

/** Kinds that speak of the code in hand; a send has no code yet, so they never describe one. */
export const CODE_KINDS: readonly StepUpErrorKind[] = ['invalid-otp', 'attempts-exhausted', 'expired', 'code-unconfirmed'];
/** Kinds that refuse a send. */
export const SEND_KINDS: readonly StepUpErrorKind[] = ['send-rejected', 'resends-exhausted'];
/** Kinds any call may fail with; "Try again" repeats the call. */
const CALL_KINDS: readonly StepUpErrorKind[] = ['rate-limited', 'server-error', 'network', 'timeout', 'malformed-response', 'unknown'];

/** Errors after which "Try again" repeats the same call. */
export function isRetryable(kind: StepUpErrorKind): boolean {
  return kind === 'send-rejected' || CALL_KINDS.includes(kind);
}

/**
 * The kind a failed call may carry: a kind that cannot describe the operation (a wrong or expired code
 * for a send, "no more codes" for a check, a kind the kit does not know) becomes the operation's own
 * refusal, `send-rejected` or `unknown`, both of which "Try again" answers, so no failure leaves the
 * cardholder without a next step.
 */
export function kindForOperation(kind: StepUpErrorKind | undefined, operation: BackendOperation): StepUpErrorKind {
  const send = operation === 'create-otp';
  if (kind && (CALL_KINDS.includes(kind) || (send ? SEND_KINDS : CODE_KINDS).includes(kind))) return kind;
  return send ? 'send-rejected' : 'unknown';
}
