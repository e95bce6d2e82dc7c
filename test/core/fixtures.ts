/**
 * Shared fixtures for the core tests: one state per `StepUpStatus`, built around a fixed clock so no test
 * depends on `Date.now()`.
 */
import {
  StepUpError,
  type CodeSession,
  type StepUpErrorKind,
  type StepUpOperation,
  type StepUpOption,
  type StepUpState,
  type StepUpStatus,
} from '../../src/core';

/** When the first createOtp answer arrived (epoch ms). */
export const T0 = 1_700_000_000_000;
/** Life of the fixture code: 5 minutes. */
export const TTL = 300_000;
/** The fixture code's deadline. */
export const DEADLINE = T0 + TTL;

export function option(id: string, method: string, value?: string, isOtp = true): StepUpOption {
  return { id, method, isOtp, value, raw: { id, method, value } };
}

export const sms = option('sms-1', 'OTP_SMS', '***-***-1234');
export const email = option('email-1', 'OTP_EMAIL', 'j***@example.com');
/** An OTP option that is not among the offered ones. */
export const notOffered = option('bank-9', 'OTP_ONLINE_BANKING', 'Example Bank');

export const options: StepUpOption[] = [sms, email];

export function err(kind: StepUpErrorKind, operation: StepUpOperation = 'validate-otp'): StepUpError {
  return new StepUpError(kind, operation, `${operation} failed (${kind})`);
}

/** A code with one failed attempt out of three. */
export const code: CodeSession = {
  option: sms,
  sentAt: T0,
  expiresAt: DEADLINE,
  maxVerifications: 3,
  failedAttempts: 1,
};

/** The same code with all its attempts spent. */
export const spentCode: CodeSession = { ...code, failedAttempts: 3 };

/** The send budget every fixture carries: one code sent of three allowed. */
export const budget = { options, sends: 1, maxRequests: 3 };

export const sendError = err('server-error', 'create-otp');
export const verifyError = err('network', 'validate-otp');
export const wrongCodeError = err('invalid-otp', 'validate-otp');
export const expiredError = err('expired', 'validate-otp');
export const verifiedResponse = { action: 'AUTHENTICATION_REGISTRATION' };

/** One representative state per status. */
export const STATES: { [S in StepUpStatus]: Extract<StepUpState, { status: S }> } = {
  'no-options': { status: 'no-options', options: [], sends: 0 },
  choosing: { status: 'choosing', ...budget },
  sending: { status: 'sending', ...budget, option: sms, resend: true, code },
  'send-failed': { status: 'send-failed', ...budget, option: sms, resend: true, code, error: sendError },
  'code-entry': { status: 'code-entry', ...budget, code },
  verifying: { status: 'verifying', ...budget, code },
  'verify-failed': { status: 'verify-failed', ...budget, code, error: verifyError },
  'attempts-exhausted': { status: 'attempts-exhausted', ...budget, code: spentCode, error: wrongCodeError },
  expired: { status: 'expired', ...budget, code, error: expiredError },
  verified: { status: 'verified', ...budget, code, response: verifiedResponse },
  cancelled: { status: 'cancelled', ...budget },
};

export const ALL_STATUSES = Object.keys(STATES) as StepUpStatus[];

/** Freezes an object graph so a transition that mutates its input throws instead of passing silently. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
