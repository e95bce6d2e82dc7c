import { CODE_KINDS, SEND_KINDS, StepUpBackendError, StepUpError, kindForOperation, type BackendOperation, type StepUpErrorKind, type StepUpOperation } from './errors.js';
import { isRecord } from './normalize.js';

/** What a classifier sees of a failed call. */
export interface ErrorClassifierInput {
  operation: BackendOperation;
  /** HTTP status, when the backend answered. */
  status?: number;
  /** The parsed error body, when the backend answered. */
  body?: unknown;
  /** The rejection as thrown by the backend. */
  error: unknown;
}

/**
 * Maps a failed call to a kind. Return `undefined` to fall back to `defaultClassifyError`.
 * Merchants who learn the real Visa error codes from the sandbox plug their own in here.
 */
export type ErrorClassifier = (input: ErrorClassifierInput) => StepUpErrorKind | undefined;

const BY_STATUS: Record<number, StepUpErrorKind> = {
  408: 'timeout',
  429: 'rate-limited',
  // a login, a route, a method, a body size or type refused by a layer in front of the backend: not the
  // cardholder's code, which must not spend an attempt for it
  401: 'unknown',
  404: 'unknown',
  405: 'unknown',
  407: 'unknown',
  413: 'unknown',
  415: 'unknown',
};

/**
 * The default mapping:
 * - network failure → `network`; timeout → `timeout`; a 2xx answer that is not JSON → `malformed-response`;
 * - 429 → `rate-limited`; 408 → `timeout`; 5xx → `server-error`;
 * - 401, 404, 405, 407, 413, 415 → `unknown`: a layer in front of the backend refused the request itself
 *   (an expired merchant login, a wrong path), so no attempt is spent and "Try again" is offered;
 * - validate, any other 4xx → `expired` when the body says so, otherwise `invalid-otp` (the machine turns
 *   the last one into `attempts-exhausted`);
 * - createOtp, any other 4xx → `resends-exhausted` when the body speaks of a limit, otherwise `send-rejected`;
 * - anything else → `unknown`;
 * - and never a kind the operation cannot mean (`kindForOperation`): a code's kinds are not a send's.
 */
export function defaultClassifyError(input: ErrorClassifierInput): StepUpErrorKind {
  return kindForOperation(guessKind(input), input.operation);
}

function guessKind(input: ErrorClassifierInput): StepUpErrorKind {
  const { error, status, body, operation } = input;
  if (error instanceof StepUpBackendError) {
    if (error.kind === 'network' || error.kind === 'timeout') return error.kind;
    if (error.kind === 'malformed') return 'malformed-response';
  }
  if (status === undefined) return 'unknown';
  // the server's own word first, then a status that decides on its own
  const known = fromRouteKind(body) ?? BY_STATUS[status];
  if (known) return known;
  if (status >= 500) return 'server-error';
  if (status >= 400) {
    const text = errorText(body);
    if (operation === 'validate-otp') return /expir/i.test(text) ? 'expired' : 'invalid-otp';
    return /limit|exceed|maximum|too many/i.test(text) ? 'resends-exhausted' : 'send-rejected';
  }
  return 'unknown';
}

/** The kinds `stepup-kit/server` answers with, and what they mean to the browser. */
const ROUTE_KINDS = new Map<unknown, StepUpErrorKind>([
  // the browser's own kinds of a code, of a send, and of 429 mean what they say
  ...[...CODE_KINDS, ...SEND_KINDS, 'rate-limited' as const].map((kind) => [kind, kind] as const),
  ['option-not-issued', 'send-rejected'],
  ['already-verified', 'send-rejected'],
  // the step-up is gone on the server (session expired, never started, no code sent): the code in hand
  // cannot work, a new one is needed (and for a send, the send is refused)
  ['no-step-up', 'expired'],
  ['no-session', 'expired'],
  ['code-not-sent', 'expired'],
  ['upstream-timeout', 'timeout'],
  ['busy', 'server-error'],
  ['store-unavailable', 'server-error'],
  ['upstream-error', 'server-error'],
  ['upstream-unreachable', 'server-error'],
  // the merchant's integration is wrong (a path, a header, a body): not the cardholder's code
  ['bad-request', 'unknown'],
  ['unsupported-media-type', 'unknown'],
  ['payload-too-large', 'unknown'],
  ['not-found', 'unknown'],
  ['method-not-allowed', 'unknown'],
]);

/**
 * The kind `stepup-kit/server` answered with (`{ error: { kind } }`): read before guessing from the
 * status, so the server's own refusals are never taken for a wrong code that spends an attempt.
 */
function fromRouteKind(body: unknown): StepUpErrorKind | undefined {
  return isRecord(body) && isRecord(body.error) ? ROUTE_KINDS.get(body.error.kind) : undefined;
}

/** Collects the human-readable parts of Visa (`errors[].type/message/reason`) and VTS (`errorResponse`) bodies. */
function errorText(body: unknown): string {
  // a bare array is no error body
  return Array.isArray(body) ? '' : textsIn(body, 0).join(' ');
}

/** The strings of a body, found under the keys below and in arrays, at most three levels down. */
function textsIn(value: unknown, depth: number): string[] {
  if (depth > 3) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => textsIn(v, depth + 1));
  if (!isRecord(value)) return [];
  const keys = ['type', 'reason', 'message', 'status', 'errors', 'errorResponse', 'details'];
  return keys.flatMap((key) => textsIn(value[key], depth + 1));
}

/**
 * Wraps a rejection from the backend into a typed `StepUpError`. The kind is the merchant's classifier's,
 * else the default one, held to what the operation can mean (`kindForOperation`).
 */
export function toStepUpError(
  error: unknown,
  operation: BackendOperation,
  classify?: ErrorClassifier,
): StepUpError {
  if (error instanceof StepUpError) return error;
  const { status, body }: { status?: number; body?: unknown } = error instanceof StepUpBackendError ? error : {};
  const input: ErrorClassifierInput = { operation, status, body, error };
  let kind: StepUpErrorKind | undefined;
  try {
    kind = classify?.(input);
  } catch {
    // a throwing merchant classifier must not break the flow: the default one decides
  }
  kind = kindForOperation(kind ?? defaultClassifyError(input), operation);
  const detail = error instanceof Error ? error.message : String(error);
  return new StepUpError(kind, operation, `${operation} failed (${kind}): ${detail}`, {
    status,
    body,
    cause: error,
  });
}

/** A typed error for an answer the kit could not read. */
export function malformedResponseError(operation: StepUpOperation, reason: string, body: unknown): StepUpError {
  return new StepUpError('malformed-response', operation, `${operation}: ${reason}`, {
    body,
  });
}
