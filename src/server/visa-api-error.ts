import { StepUpBackendError, type StepUpBackendErrorKind } from '../core/errors.js';

/** How a Visa Acceptance call failed: the one list of transport failures the browser's backend uses too. */
export type VisaApiErrorKind = StepUpBackendErrorKind;

/** The Visa operation a call was for. */
export type VisaOperation = 'authentication-options' | 'create-otp' | 'validate-otp';

/**
 * Thrown by every client method that does not get a 2xx JSON answer. The message never includes a request
 * body (a validate body holds the one-time password) and shows the token id masked like a PAN
 * (`…/tokenized-cards/…3b21/…`), so it is safe to log.
 */
export class VisaApiError extends StepUpBackendError {
  override readonly name: string = 'VisaApiError';
  readonly operation: VisaOperation;
  /** The `v-c-correlation-id` of the answer, for Visa support. */
  readonly correlationId?: string;
  /** Visa's reason code from the answer body (e.g. `INVALID_SIGNATURE`, `INVALID_DATA`), also shown in `message`. */
  readonly reason?: string;

  constructor(
    kind: VisaApiErrorKind,
    operation: VisaOperation,
    message: string,
    options: { status?: number; body?: unknown; correlationId?: string; cause?: unknown } = {},
  ) {
    super(kind, message, options);
    this.operation = operation;
    this.correlationId = options.correlationId;
    this.reason = kind === 'http' ? visaReason(options.body) : undefined;
    if (this.reason) this.message = `${message} (${this.reason})`;
  }
}

/** A reason code is a short word; anything else in a body (free text, echoed fields) stays out of the message. */
const REASON_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * Visa's reason code in an error body: `reason` (Visa Acceptance REST), `errors[0].reason` or `.type`,
 * `errorInformation.reason`, or `response.rmsg` of an authentication failure when it is a code.
 */
export function visaReason(body: unknown): string | undefined {
  const record = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  const root = record(body);
  const firstError = Array.isArray(root?.errors) ? record(root.errors[0]) : undefined;
  const candidates = [root?.reason, firstError?.reason, firstError?.type, record(root?.errorInformation)?.reason, record(root?.response)?.rmsg];
  return candidates.find((value): value is string => typeof value === 'string' && REASON_CODE.test(value));
}
