import type { IncomingHttpHeaders } from 'node:http';

/** Why the sandbox refused a request's credentials; sent as `errors[0].reason` (the real API does not say why). */
export type AuthFailureReason =
  | 'MISSING_CREDENTIALS'
  | 'UNKNOWN_MERCHANT'
  | 'UNKNOWN_KEY'
  | 'UNSUPPORTED_ALGORITHM'
  | 'MISSING_SIGNED_HEADER'
  | 'INVALID_SIGNATURE'
  | 'DIGEST_MISMATCH'
  | 'STALE_DATE'
  | 'CERTIFICATE_MISMATCH'
  | 'MALFORMED_TOKEN'
  | 'REQUEST_MISMATCH'
  | 'REPLAYED_TOKEN';

export type AuthResult = { ok: true; merchantId: string } | { ok: false; reason: AuthFailureReason; message: string };

/** A received request as the verifiers see it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Verification settings. */
export interface VerifyOptions {
  now: number;
  /** Largest accepted difference between the request's date and `now`. */
  maxSkewMs: number;
}

export function fail(reason: AuthFailureReason, message: string): AuthResult {
  return { ok: false, reason, message };
}

/** A header's single value (the first of a repeated one). */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether a time in epoch milliseconds is within `maxSkewMs` of `now`. */
export function isFresh(at: number, { now, maxSkewMs }: VerifyOptions): boolean {
  return Number.isFinite(at) && Math.abs(now - at) <= maxSkewMs;
}
