import { defaultClassifyError } from '../core/classify.js';
import { isRecord } from '../core/normalize.js';
import type { LogFields, StepUpLogger } from './logger.js';
import { VisaApiError } from './visa-api-error.js';

/** The `error.kind` of every non-2xx answer of the step-up routes. */
export type StepUpRouteErrorKind =
  /** The body is not JSON, or a field is missing or of the wrong type. */
  | 'bad-request'
  /** The request is not `application/json` (a cross-site form cannot send that without CORS). */
  | 'unsupported-media-type'
  | 'payload-too-large'
  /** The request body did not arrive within `bodyTimeoutMs`. */
  | 'request-timeout'
  | 'not-found'
  | 'method-not-allowed'
  /** `getSessionId` found no session for the request. */
  | 'no-session'
  /** No step-up was started for this session, or it ended or timed out. */
  | 'no-step-up'
  /** The option id was not issued to this session. */
  | 'option-not-issued'
  | 'already-verified'
  /** Another call of this step-up held the lock for too long, or took it over from this one. */
  | 'busy'
  /** The session store did not answer in time or failed. */
  | 'store-unavailable'
  /** Validate before any code was sent to this option. */
  | 'code-not-sent'
  /** No attempts are left for the current code. */
  | 'attempts-exhausted'
  /** No more codes may be sent in this step-up. */
  | 'resends-exhausted'
  /** Visa refused to send a code (4xx). */
  | 'send-rejected'
  /** Visa rejected the code (4xx). */
  | 'invalid-otp'
  /** Visa says the code expired. */
  | 'expired'
  /**
   * Visa refused this code after an earlier validation of it lost its answer (Visa may have accepted it then):
   * it can be neither confirmed nor called wrong, no attempt is spent, and a new code is needed.
   */
  | 'code-unconfirmed'
  /** Visa answered 429. */
  | 'rate-limited'
  /**
   * Visa answered 5xx, refused the merchant's credentials, answered something unreadable, or a layer in
   * front of it answered a 4xx without Visa's error body.
   */
  | 'upstream-error'
  /** Visa could not be reached. */
  | 'upstream-unreachable'
  /** Visa did not answer in time. */
  | 'upstream-timeout'
  | 'internal';

/** The JSON body of every error answer. `message` repeats `error.message` where generic HTTP tooling and the kit's classifier read it. */
export interface StepUpRouteErrorBody {
  error: { kind: StepUpRouteErrorKind; message: string };
  message: string;
  /** Visa's own error body, when Visa answered with one. */
  visa?: unknown;
}

/** A status and JSON body, kept apart from `Response` so a send's outcome can be stored and replayed. */
export interface RouteOutcome {
  status: number;
  body: unknown;
}

/**
 * The sentences of each kind, for developers and generic HTTP tooling. The kit reads `error.kind`, never this
 * text, and shows the cardholder its own sentence for the kind in their language.
 */
const MESSAGES: Record<StepUpRouteErrorKind, string> = {
  'bad-request': 'The request body is not what the step-up routes accept.',
  'unsupported-media-type': 'Send the request as application/json.',
  'payload-too-large': 'The request body is too large.',
  'request-timeout': 'The request body did not arrive in time.',
  'not-found': 'No step-up route here.',
  'method-not-allowed': 'Use POST.',
  'no-session': 'No session was found for this request.',
  'no-step-up': 'No step-up is in progress for this session.',
  'option-not-issued': 'This step-up option was not offered to this session.',
  'already-verified': 'This step-up is already verified.',
  busy: 'Another request of this step-up is still running. Try again.',
  'store-unavailable': 'The step-up state could not be reached. Try again.',
  'code-not-sent': 'No code was sent to this option yet.',
  'attempts-exhausted': 'No attempts are left for this code. Request a new code.',
  'resends-exhausted': 'The limit of codes for this step-up is reached.',
  'send-rejected': 'The card issuer refused to send a code to this contact.',
  'invalid-otp': 'The code is not valid.',
  expired: 'The code has expired. Request a new code.',
  'code-unconfirmed': 'This code could not be confirmed. Request a new code.',
  'rate-limited': 'Too many requests to the payment service. Wait a moment and try again.',
  'upstream-error': 'The payment service failed to answer properly. Try again.',
  'upstream-unreachable': 'The payment service could not be reached. Try again.',
  'upstream-timeout': 'The payment service did not answer in time. Try again.',
  internal: 'The step-up could not be completed. Try again.',
};

/** An error answer of the given kind. */
export function routeError(status: number, kind: StepUpRouteErrorKind, visa?: unknown): RouteOutcome {
  const message = MESSAGES[kind];
  const body: StepUpRouteErrorBody = { error: { kind, message }, message, ...(visa === undefined ? {} : { visa }) };
  return { status, body };
}

/**
 * Maps a failed Visa call to a stable answer:
 * - 4xx with Visa's error body: the same status; the kind from the kit's own classifier applied to Visa's
 *   body (expired, invalid code, send limit, refusal), so browser and server read Visa alike;
 * - 4xx without it (a WAF's page, a gateway's JSON, an empty body): 502, since Visa never judged the code;
 * - 401/407 (the merchant's credentials) and 404/405/413/415 (a request Visa will not take): 502, since
 *   the cardholder can do nothing about it, and no attempt is spent;
 * - 408 and timeouts: 504; 429: 429; 5xx and unreadable answers: 502; network failures: 502.
 */
export function upstreamFailure(error: unknown, operation: 'create-otp' | 'validate-otp'): RouteOutcome {
  if (!(error instanceof VisaApiError)) return routeError(500, 'internal');
  if (error.kind === 'timeout') return routeError(504, 'upstream-timeout');
  if (error.kind === 'network') return routeError(502, 'upstream-unreachable');
  if (error.kind !== 'http' || error.status === undefined) return routeError(502, 'upstream-error');
  const status = error.status;
  if (status === 401 || status === 407) return routeError(502, 'upstream-error');
  if (status === 408) return routeError(504, 'upstream-timeout');
  if (status === 429) return routeError(429, 'rate-limited', error.body);
  if (status >= 500 || status < 400) return routeError(502, 'upstream-error', error.body);
  // only Visa's own words may call a code wrong or a contact refused; its body is not forwarded either
  if (!isVisaErrorBody(error.body)) return routeError(502, 'upstream-error');
  const kind = defaultClassifyError({ operation, status, body: error.body, error: undefined });
  // Visa refused the request itself (an unknown token or path, a body it will not take): the merchant's
  // integration, not the cardholder's code, so no attempt is spent and the browser may try again
  if (kind === 'unknown') return routeError(502, 'upstream-error', error.body);
  const mapped: StepUpRouteErrorKind =
    kind === 'expired' || kind === 'invalid-otp' || kind === 'resends-exhausted' ? kind : operation === 'create-otp' ? 'send-rejected' : 'invalid-otp';
  return routeError(status, mapped, error.body);
}

/**
 * Whether a 4xx body is one of Visa's error shapes: TMS `{ errors: [{ type | reason | message }] }`,
 * Payments `{ status | message, reason }`, `{ errorInformation }`, or raw VTS `{ errorResponse }`. A bare
 * `{ message }` or `{ status, error }` is what API gateways and web frameworks answer, so it is not enough.
 */
export function isVisaErrorBody(body: unknown): boolean {
  if (!isRecord(body)) return false;
  const { errors, reason, status, message, errorInformation, errorResponse } = body;
  if (Array.isArray(errors))
    return errors.some((e) => isRecord(e) && ['type', 'reason', 'message'].some((field) => typeof e[field] === 'string'));
  if (isRecord(errorInformation) || isRecord(errorResponse)) return true;
  return typeof reason === 'string' && (typeof status === 'string' || typeof message === 'string');
}

/**
 * What a failed call says about whether Visa acted on it:
 * - `refused`: Visa judged the request and said no (a wrong or expired code, a refused contact);
 * - `not-acted`: Visa, or a layer in front of it, refused the request before acting on it (credentials,
 *   rate limit, a request it will not take, a 4xx without Visa's body);
 * - `unknown`: the answer was lost or unreadable (a timeout, a cut connection, a 2xx that is not JSON, a 5xx,
 *   a 408, a library error): Visa may have acted on it.
 */
export type UpstreamFate = 'refused' | 'not-acted' | 'unknown';

/** The fate of a failed call, given the outcome `upstreamFailure` made of it. */
export function upstreamFate(error: unknown, outcome: RouteOutcome): UpstreamFate {
  if (!(error instanceof VisaApiError) || error.kind !== 'http' || error.status === undefined) return 'unknown';
  if (error.status < 400 || error.status >= 500 || error.status === 408) return 'unknown';
  const kind = (outcome.body as StepUpRouteErrorBody).error.kind;
  return kind === 'invalid-otp' || kind === 'expired' || kind === 'send-rejected' || kind === 'resends-exhausted' ? 'refused' : 'not-acted';
}

/** The outcome as a `Response`: JSON, never cached. */
export function toResponse(outcome: RouteOutcome, extraHeaders?: Record<string, string>): Response {
  return new Response(JSON.stringify(outcome.body), {
    status: outcome.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}

/**
 * Logs a failed Visa call without its request body (which may hold the code) and returns Visa's
 * correlation id, for the route's own log line.
 */
export function logUpstreamFailure(
  logger: StepUpLogger,
  operation: 'create-otp' | 'validate-otp' | 'check' | 'selection' | 'issuer-code',
  error: unknown,
  fields: LogFields = {},
): string | undefined {
  const visaCorrelationId = error instanceof VisaApiError ? error.correlationId : undefined;
  logger.warn(`step-up: Visa ${operation} failed`, {
    ...fields,
    error: error instanceof Error ? error.message : 'unknown error',
    visaStatus: error instanceof VisaApiError ? error.status : undefined,
    visaCorrelationId,
  });
  return visaCorrelationId;
}
