/**
 * Shared helpers for the sandbox tests: a fixed clock value, step-up options, deterministic random sources,
 * request builders and a way to catch and classify a rejection.
 */
import {
  StepUpBackendError,
  defaultClassifyError,
  type CreateOtpRequest,
  type RawStepUpOption,
  type StepUpCallContext,
  type StepUpErrorKind,
  type ValidateOtpRequest,
} from '../../src/core';

/** A realistic "now" in epoch ms (June 2025), a multiple of 1000. */
export const T0 = 1_750_000_000_000;

export const SMS_ID = 'sms-option-1';
export const EMAIL_ID = 'email-option-1';
export const BANK_ID = 'bank-option-1';

export const OPTIONS: RawStepUpOption[] = [
  { id: SMS_ID, method: 'OTP_SMS', value: '***-***-1234', platformType: 'WEB' },
  { id: EMAIL_ID, method: 'OTP_EMAIL', value: 'j*****n@e*****e.com', platformType: 'WEB' },
  { id: BANK_ID, method: 'OTP_ONLINE_BANKING', value: 'Acme Bank app', platformType: 'WEB' },
];

/**
 * A random source that yields, in a loop, numbers whose `Math.floor(x * 10)` are the given digits,
 * so the codes the simulator generates are exactly those digits in order.
 */
export function digitsRandom(digits: string): () => number {
  const values = [...digits].map((d) => (Number(d) + 0.5) / 10);
  let i = 0;
  return () => values[i++ % values.length]!;
}

/** A random source that yields the given raw values in a loop. */
export function sequenceRandom(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

export function ctx(signal?: AbortSignal): StepUpCallContext {
  return { signal: signal ?? new AbortController().signal };
}

export function sendRequest(optionId: string = SMS_ID, tokenId?: string): CreateOtpRequest {
  return { clientCorrelationId: 'corr-1', stepUpOption: { id: optionId }, ...(tokenId ? { tokenId } : {}) };
}

export function validateRequest(otp: string, optionId: string = SMS_ID, tokenId?: string): ValidateOtpRequest {
  return { clientCorrelationId: 'corr-1', stepUpOption: { id: optionId }, otp, ...(tokenId ? { tokenId } : {}) };
}

/** Awaits a promise that must reject with a `StepUpBackendError` and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<StepUpBackendError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StepUpBackendError);
    return error as StepUpBackendError;
  }
  throw new Error(`expected the call to reject, but it resolved with ${JSON.stringify(value)}`);
}

/** The kit's reading of a failed call (the default classifier). */
export function classify(error: StepUpBackendError, operation: 'create-otp' | 'validate-otp'): StepUpErrorKind {
  return defaultClassifyError({ operation, status: error.status, body: error.body, error });
}

/** Tracks whether a promise has settled, without letting a rejection go unhandled. */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  const done = promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return { state, done };
}

/** The validate answer of an accepted code. */
export const SUCCESS = { action: 'AUTHENTICATION_REGISTRATION' };

/** A clock the test sets (`clock.t = …`), back at T0 before each test; `clock.now` goes to the sandbox. */
export function testClock(): { t: number; now: () => number } {
  const clock = { t: T0, now: () => clock.t };
  beforeEach(() => {
    clock.t = T0;
  });
  return clock;
}
