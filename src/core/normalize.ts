import type {
  CodeExpirationUnit,
  CreateOtpResponse,
  KnownStepUpMethod,
  OtpGrant,
  RawStepUpOption,
  StepUpOption,
} from './types.js';

const OTP_METHODS: readonly string[] = ['OTP_SMS', 'OTP_EMAIL', 'OTP_ONLINE_BANKING'] satisfies KnownStepUpMethod[];
const OUT_OF_BAND_METHODS: readonly string[] = ['APP_TO_APP', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL'] satisfies KnownStepUpMethod[];

/** How a method completes: a one-time password, an approval outside the page, or not known to the kit. */
export type StepUpMethodKind = 'otp' | 'out-of-band' | 'unknown';

/** A string without its surrounding spaces; anything else is empty. */
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A method with its separators left out: how TMS, VTS and their docs differ (`OTPSMS`, `APP-TO-APP`). */
const squash = (method: string) => method.replace(/[_-]/g, '');

/**
 * Maps the spellings seen in TMS, VTS and their docs (`OTPSMS`, `APP-TO-APP`, `otp_sms` …) to the
 * underscore form: case, surrounding spaces, underscores and hyphens do not count. Unknown methods are
 * returned upper-cased, not dropped.
 */
export function normalizeMethod(method: unknown): string {
  const key = trimmed(method).toUpperCase();
  return [...OTP_METHODS, ...OUT_OF_BAND_METHODS].find((known) => squash(known) === squash(key)) ?? key;
}

/** Whether a normalised method delivers a one-time password. */
export function isOtpMethod(method: string): boolean {
  return OTP_METHODS.includes(method);
}

/** Whether a normalised method completes outside the page: the issuer's app or page, or a phone call. */
export function isOutOfBandMethod(method: string): boolean {
  return OUT_OF_BAND_METHODS.includes(method);
}

/** The kind of a normalised method. */
export function stepUpMethodKind(method: string): StepUpMethodKind {
  return isOtpMethod(method) ? 'otp' : isOutOfBandMethod(method) ? 'out-of-band' : 'unknown';
}

/**
 * Normalises the raw `stepUpOptions` of the authentication-options answer. Items without a usable
 * `id` are dropped (nothing could be sent for them); everything else is kept in order.
 */
export function normalizeStepUpOptions(raw: unknown): StepUpOption[] {
  if (!Array.isArray(raw)) return [];
  const options: StepUpOption[] = [];
  // a set, not a search of the options kept: the list comes from outside and may be long
  const seen = new Set<string>();
  for (const item of raw as unknown[]) {
    if (!isRecord(item)) continue;
    const id = trimmed(item.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const method = normalizeMethod(item.method);
    const value = trimmed(item.value) || undefined;
    const option: StepUpOption = { id, method, isOtp: isOtpMethod(method), value, raw: item as RawStepUpOption };
    for (const field of ['platformType', 'subMethod', 'source', 'requestPayload'] as const) {
      if (typeof item[field] === 'string' && item[field]) option[field] = item[field];
    }
    options.push(option);
  }
  return options;
}

/** Whether the authentication-options `action` asks for a step-up, in either documented spelling. */
export function isStepUpAction(action: unknown): boolean {
  return action === 'STEP_UP_AUTHENTICATE' || action === 'STEP_UP_AUTHENTICATION';
}

/**
 * Reads a count or duration that may arrive as a number or a numeric string.
 * Anything else (negative, NaN, infinite, non-numeric, missing) is `undefined`.
 */
export function parseNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return n >= 0 && n < Infinity ? n : undefined;
}

/** A positive whole count, or `undefined` when the value is 0 or unknown (0 means "not shown"). */
export function parseLimit(value: unknown): number | undefined {
  const n = parseNumber(value);
  return n !== undefined && n >= 1 ? Math.floor(n) : undefined;
}

/**
 * Turns `codeExpiration` into a deadline in epoch milliseconds.
 *
 * `auto`: ≥ 1e12 → epoch milliseconds; ≥ 1e9 → epoch seconds; above 60 → seconds from receipt;
 * 1 … 60 → minutes from receipt; 0 or unknown → no deadline.
 *
 * @param receivedAt when the createOtp answer arrived, in epoch milliseconds
 */
export function resolveCodeExpiration(
  value: unknown,
  unit: CodeExpirationUnit,
  receivedAt: number,
): number | undefined {
  const n = parseNumber(value);
  if (!n) return undefined;
  switch (unit) {
    case 'minutes':
      return receivedAt + n * 60_000;
    case 'seconds':
      return receivedAt + n * 1000;
    case 'epoch-seconds':
      return absolute(n * 1000, receivedAt);
    case 'epoch-milliseconds':
      return absolute(n, receivedAt);
    case 'auto':
    default:
      if (n >= 1e12) return absolute(n, receivedAt);
      if (n >= 1e9) return absolute(n * 1000, receivedAt);
      if (n > 60) return receivedAt + n * 1000;
      return receivedAt + n * 60_000;
  }
}

/**
 * An absolute deadline is compared with this device's clock. One already past when the fresh code
 * arrives says the clock is wrong, not that the code is dead: the expiry is then unknown and the server
 * decides, instead of every code showing as expired on arrival.
 */
function absolute(deadline: number, receivedAt: number): number | undefined {
  return deadline > receivedAt ? deadline : undefined;
}

/** Result of reading a backend answer: either the value or a sign that it was malformed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Normalises a createOtp answer. A non-object answer is malformed; garbage inside an object only
 * makes that value unknown.
 */
export function normalizeCreateOtpResponse(
  raw: unknown,
  unit: CodeExpirationUnit,
  receivedAt: number,
): Parsed<OtpGrant> {
  if (!isRecord(raw)) return { ok: false, reason: `expected a JSON object, got ${describe(raw)}` };
  const response = raw as CreateOtpResponse;
  return {
    ok: true,
    value: {
      maxRequests: parseLimit(response.maxRequestsAllowed),
      maxVerifications: parseLimit(response.maxVerificationAllowed),
      expiresAt: resolveCodeExpiration(response.codeExpiration, unit, receivedAt),
    },
  };
}

/** A validate answer must be a JSON object (for example `{ "action": "AUTHENTICATION_REGISTRATION" }`). */
export function normalizeValidateOtpResponse(raw: unknown): Parsed<Record<string, unknown>> {
  if (!isRecord(raw)) return { ok: false, reason: `expected a JSON object, got ${describe(raw)}` };
  return { ok: true, value: raw };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
