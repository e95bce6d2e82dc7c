import { describe, expect, it } from 'vitest';
import {
  StepUpError,
  attemptsLeft,
  initialState,
  normalizeCreateOtpResponse,
  normalizeStepUpOptions,
  resendsLeft,
  transition,
  type OtpGrant,
  type StepUpErrorKind,
  type StepUpEvent,
  type StepUpEventType,
  type StepUpState,
  type StepUpStatus,
} from '../../src/core';
import {
  ALL_STATUSES,
  DEADLINE,
  STATES,
  T0,
  budget,
  code,
  deepFreeze,
  email,
  err,
  notOffered,
  option,
  options,
  sms,
  spentCode,
  verifiedResponse,
  wrongCodeError,
} from './fixtures';

deepFreeze(STATES);

/** When the second createOtp answer arrives in the matrix. */
const T1 = T0 + 120_000;
const grant: OtpGrant = { maxRequests: 5, maxVerifications: 4, expiresAt: T1 + 600_000 };
const sendFailure = err('network', 'create-otp');
const okResponse = { action: 'AUTHENTICATION_REGISTRATION', extra: 1 };

/** One event of every type, each with the payload the matrix below assumes. */
const EVENTS: { [E in StepUpEventType]: Extract<StepUpEvent, { type: E }> } = deepFreeze({
  SEND: { type: 'SEND', option: sms },
  RESEND: { type: 'RESEND' },
  SEND_SUCCEEDED: { type: 'SEND_SUCCEEDED', grant, receivedAt: T1 },
  SEND_FAILED: { type: 'SEND_FAILED', error: sendFailure },
  SUBMIT: { type: 'SUBMIT', now: T0 + 10_000 }, // well before the deadline
  VERIFY_SUCCEEDED: { type: 'VERIFY_SUCCEEDED', response: okResponse },
  VERIFY_FAILED: { type: 'VERIFY_FAILED', error: wrongCodeError },
  RETRY: { type: 'RETRY' },
  EXPIRE: { type: 'EXPIRE', now: DEADLINE + 1 }, // just after the deadline
  CHANGE_METHOD: { type: 'CHANGE_METHOD' },
  CANCEL: { type: 'CANCEL' },
});

const ALL_EVENT_TYPES = Object.keys(EVENTS) as StepUpEventType[];

const SAME = 'unchanged' as const;
type Expected = StepUpState | typeof SAME;

const toSending = (s: { code: typeof code }): StepUpState => ({
  status: 'sending',
  ...budget,
  option: sms,
  resend: true,
  code: s.code,
});
const toChoosing: StepUpState = { status: 'choosing', ...budget };
const toCancelled: StepUpState = { status: 'cancelled', ...budget };
const toExpired = (s: { code: typeof code }): StepUpState => ({ status: 'expired', ...budget, code: s.code });

/**
 * The whole transition table: for every status, what every event type leads to.
 * `unchanged` means the event does not apply and the very same object must come back.
 */
const MATRIX: Record<StepUpStatus, Record<StepUpEventType, Expected>> = {
  'no-options': {
    SEND: SAME,
    RESEND: SAME,
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: SAME,
    CANCEL: { status: 'cancelled', options: [], sends: 0 },
  },
  choosing: {
    SEND: { status: 'sending', ...budget, option: sms, resend: false, code: undefined },
    RESEND: SAME,
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: SAME,
    CANCEL: toCancelled,
  },
  sending: {
    SEND: SAME,
    RESEND: SAME,
    SEND_SUCCEEDED: {
      status: 'code-entry',
      options,
      sends: 2,
      maxRequests: 5,
      code: { option: sms, sentAt: T1, expiresAt: T1 + 600_000, maxVerifications: 4, failedAttempts: 0 },
    },
    SEND_FAILED: { status: 'send-failed', ...budget, option: sms, resend: true, code, error: sendFailure },
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: toChoosing,
    CANCEL: toCancelled,
  },
  'send-failed': {
    SEND: { status: 'sending', ...budget, option: sms, resend: true, code },
    RESEND: SAME,
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: { status: 'sending', ...budget, option: sms, resend: true, code },
    EXPIRE: SAME,
    CHANGE_METHOD: toChoosing,
    CANCEL: toCancelled,
  },
  'code-entry': {
    SEND: SAME,
    RESEND: toSending({ code }),
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: { status: 'verifying', ...budget, code },
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: toExpired({ code }),
    CHANGE_METHOD: toChoosing,
    CANCEL: toCancelled,
  },
  verifying: {
    SEND: SAME,
    RESEND: SAME,
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: { status: 'verified', ...budget, code, response: okResponse },
    VERIFY_FAILED: { status: 'code-entry', ...budget, code: { ...code, failedAttempts: 2 }, error: wrongCodeError },
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: SAME,
    CANCEL: toCancelled,
  },
  'verify-failed': {
    SEND: SAME,
    RESEND: toSending({ code }),
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    // the cardholder may correct the code and submit it instead of pressing Try again
    SUBMIT: { status: 'verifying', ...budget, code },
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: { status: 'verifying', ...budget, code },
    EXPIRE: toExpired({ code }),
    CHANGE_METHOD: toChoosing,
    CANCEL: toCancelled,
  },
  'attempts-exhausted': {
    SEND: SAME,
    RESEND: toSending({ code: spentCode }),
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: toExpired({ code: spentCode }),
    CHANGE_METHOD: toChoosing,
    CANCEL: toCancelled,
  },
  expired: {
    SEND: SAME,
    RESEND: toSending({ code }),
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: toChoosing,
    CANCEL: toCancelled,
  },
  verified: {
    SEND: SAME,
    RESEND: SAME,
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: SAME,
    CANCEL: SAME,
  },
  cancelled: {
    SEND: SAME,
    RESEND: SAME,
    SEND_SUCCEEDED: SAME,
    SEND_FAILED: SAME,
    SUBMIT: SAME,
    VERIFY_SUCCEEDED: SAME,
    VERIFY_FAILED: SAME,
    RETRY: SAME,
    EXPIRE: SAME,
    CHANGE_METHOD: SAME,
    CANCEL: SAME,
  },
};

const rows = ALL_STATUSES.flatMap((status) =>
  ALL_EVENT_TYPES.map((type) => {
    const expected = MATRIX[status][type];
    return { name: `${status} + ${type} ${expected === SAME ? SAME : `→ ${expected.status}`}`, status, type, expected };
  }),
);

describe('transition: every status × every event', () => {
  it('covers all 11 statuses and all 11 event types', () => {
    expect(ALL_STATUSES).toHaveLength(11);
    expect(ALL_EVENT_TYPES).toHaveLength(11);
    expect(rows).toHaveLength(121);
  });

  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, { status, type, expected }) => {
    const state = STATES[status];
    const next = transition(state, EVENTS[type]);
    if (expected === SAME) {
      expect(next).toBe(state);
      return;
    }
    expect(next).not.toBe(state);
    expect(next).toEqual(expected);
    expect(next.status).toBe(expected.status);
    // the offered options travel unchanged through every transition
    expect(next.options).toBe(state.options);
    // a state without an error must not carry a stale one
    if (!('error' in expected) || expected.error === undefined) {
      expect((next as { error?: unknown }).error).toBeUndefined();
    }
  });

  it('is deterministic: the same state and event give equal results', () => {
    for (const { status, type } of rows) {
      const a = transition(STATES[status], EVENTS[type]);
      const b = transition(STATES[status], EVENTS[type]);
      expect(b).toEqual(a);
    }
  });
});

const codeEntry = (overrides: Partial<Extract<StepUpState, { status: 'code-entry' }>> = {}): StepUpState => ({
  status: 'code-entry',
  ...budget,
  code,
  ...overrides,
});

describe('SEND', () => {
  it('is refused for an option that is not offered', () => {
    const state = STATES.choosing;
    expect(transition(state, { type: 'SEND', option: notOffered })).toBe(state);
  });

  it('is refused for a non-OTP option, even with an id that looks plausible', () => {
    const state = STATES.choosing;
    const app = option('app-1', 'APP_TO_APP', 'Mobile Banking Application', false);
    expect(transition(state, { type: 'SEND', option: app })).toBe(state);
  });

  it('sends to any offered option from the choice', () => {
    const next = transition(STATES.choosing, { type: 'SEND', option: email });
    expect(next).toMatchObject({ status: 'sending', option: email, resend: false, sends: 1, maxRequests: 3 });
  });

  it('is refused when every allowed send has been spent', () => {
    const state: StepUpState = { status: 'choosing', options, sends: 3, maxRequests: 3 };
    expect(transition(state, { type: 'SEND', option: sms })).toBe(state);
    expect(transition(state, { type: 'SEND', option: email })).toBe(state);
  });

  it('is allowed while one send is left', () => {
    const state: StepUpState = { status: 'choosing', options, sends: 2, maxRequests: 3 };
    expect(transition(state, { type: 'SEND', option: sms }).status).toBe('sending');
  });

  it('is allowed when the limit is unknown, whatever the number of sends', () => {
    const state: StepUpState = { status: 'choosing', options, sends: 42 };
    expect(transition(state, { type: 'SEND', option: sms }).status).toBe('sending');
  });

  it('after a failed send, is refused for another option (the cardholder changes method first)', () => {
    const state = STATES['send-failed'];
    expect(transition(state, { type: 'SEND', option: email })).toBe(state);
  });

  it('after a failed send, is refused when the sends are exhausted', () => {
    const state: StepUpState = { ...STATES['send-failed'], sends: 3, maxRequests: 3 };
    expect(transition(state, { type: 'SEND', option: sms })).toBe(state);
  });

  it('ignores a second SEND while the first is in flight (a double click sends once)', () => {
    const sending = transition(STATES.choosing, { type: 'SEND', option: sms });
    expect(transition(sending, { type: 'SEND', option: sms })).toBe(sending);
    expect(transition(sending, { type: 'SEND', option: email })).toBe(sending);
  });
});

describe('RESEND', () => {
  const resendable = ['code-entry', 'verify-failed', 'attempts-exhausted', 'expired'] as const;

  it.each(resendable)('from %s: resends the same option with resend=true and keeps the old code', (status) => {
    const state = { ...STATES[status], sends: 2, maxRequests: 3 } as StepUpState;
    const next = transition(state, { type: 'RESEND' });
    expect(next).toMatchObject({ status: 'sending', option: sms, resend: true, sends: 2, maxRequests: 3 });
    expect((next as { code?: unknown }).code).toBe((state as { code: unknown }).code);
  });

  it.each(resendable)('from %s: refused when no resends are left', (status) => {
    const state = { ...STATES[status], sends: 3, maxRequests: 3 } as StepUpState;
    expect(transition(state, { type: 'RESEND' })).toBe(state);
  });

  it.each(resendable)('from %s: refused when the backend lowered the limit below the sends made', (status) => {
    const state = { ...STATES[status], sends: 3, maxRequests: 2 } as StepUpState;
    expect(transition(state, { type: 'RESEND' })).toBe(state);
  });

  it.each(resendable)('from %s: allowed when the limit is unknown', (status) => {
    const state = { ...STATES[status], sends: 9, maxRequests: undefined } as StepUpState;
    expect(transition(state, { type: 'RESEND' }).status).toBe('sending');
  });

  it('resends the option of the current code, not the first offered one', () => {
    const state = codeEntry({ code: { ...code, option: email } });
    expect(transition(state, { type: 'RESEND' })).toMatchObject({ status: 'sending', option: email });
  });
});

describe('SEND_SUCCEEDED', () => {
  const sendingWith = (overrides: Partial<Extract<StepUpState, { status: 'sending' }>> = {}): StepUpState => ({
    status: 'sending',
    ...budget,
    option: sms,
    resend: true,
    code: { ...code, failedAttempts: 2 },
    ...overrides,
  });

  it('counts the send and opens a fresh code with no failed attempts', () => {
    const next = transition(sendingWith(), {
      type: 'SEND_SUCCEEDED',
      grant: { maxRequests: 3, maxVerifications: 3, expiresAt: T1 + 60_000 },
      receivedAt: T1,
    });
    expect(next.status).toBe('code-entry');
    expect(next.sends).toBe(2);
    expect(next).toMatchObject({
      code: { option: sms, sentAt: T1, expiresAt: T1 + 60_000, maxVerifications: 3, failedAttempts: 0 },
    });
    expect(attemptsLeft(next)).toBe(3);
    expect(resendsLeft(next)).toBe(1);
  });

  it('the latest maxRequests wins when it is lower', () => {
    const next = transition(sendingWith({ maxRequests: 5 }), {
      type: 'SEND_SUCCEEDED',
      grant: { maxRequests: 2 },
      receivedAt: T1,
    });
    expect(next.maxRequests).toBe(2);
    expect(resendsLeft(next)).toBe(0);
  });

  it('the latest maxRequests wins when it is higher', () => {
    const next = transition(sendingWith({ maxRequests: 2 }), {
      type: 'SEND_SUCCEEDED',
      grant: { maxRequests: 6 },
      receivedAt: T1,
    });
    expect(next.maxRequests).toBe(6);
    expect(resendsLeft(next)).toBe(4);
  });

  it('keeps the known limit when the latest answer does not give one', () => {
    const next = transition(sendingWith({ maxRequests: 3 }), { type: 'SEND_SUCCEEDED', grant: {}, receivedAt: T1 });
    expect(next.maxRequests).toBe(3);
  });

  it('an answer without expiry or attempts gives a code without a deadline or count', () => {
    const next = transition(sendingWith({ maxRequests: undefined }), {
      type: 'SEND_SUCCEEDED',
      grant: {},
      receivedAt: T1,
    });
    expect(next).toMatchObject({ status: 'code-entry', sends: 2 });
    expect(next.maxRequests).toBeUndefined();
    const c = (next as Extract<StepUpState, { status: 'code-entry' }>).code;
    expect(c.expiresAt).toBeUndefined();
    expect(c.maxVerifications).toBeUndefined();
    expect(attemptsLeft(next)).toBeUndefined();
  });

  it('the new code is for the option that was being sent', () => {
    const next = transition(sendingWith({ option: email, code: undefined, resend: false }), {
      type: 'SEND_SUCCEEDED',
      grant: {},
      receivedAt: T1,
    });
    expect(next).toMatchObject({ status: 'code-entry', code: { option: email } });
  });
});

describe('SEND_FAILED', () => {
  it("with kind 'resends-exhausted' sets maxRequests to the sends made, so no further send is offered", () => {
    const sending: StepUpState = { status: 'sending', options, sends: 1, maxRequests: 5, option: sms, resend: true, code };
    const next = transition(sending, { type: 'SEND_FAILED', error: err('resends-exhausted', 'create-otp') });
    expect(next).toMatchObject({ status: 'send-failed', sends: 1, maxRequests: 1, option: sms, resend: true, code });
    expect(resendsLeft(next)).toBe(0);
    expect(transition(next, { type: 'RETRY' })).toBe(next);
    expect(transition(next, { type: 'SEND', option: sms })).toBe(next);
    const choosing = transition(next, { type: 'CHANGE_METHOD' });
    expect(choosing.status).toBe('choosing');
    expect(transition(choosing, { type: 'SEND', option: email })).toBe(choosing);
  });

  it("with kind 'resends-exhausted' on the very first send, when the limit was unknown, allows no sends", () => {
    const sending: StepUpState = { status: 'sending', options, sends: 0, option: sms, resend: false };
    const next = transition(sending, { type: 'SEND_FAILED', error: err('resends-exhausted', 'create-otp') });
    expect(next.maxRequests).toBe(0);
    expect(resendsLeft(next)).toBe(0);
    expect(transition(next, { type: 'RETRY' })).toBe(next);
  });

  it.each(['send-rejected', 'server-error', 'network', 'timeout', 'rate-limited'] as StepUpErrorKind[])(
    "with kind '%s' keeps the limit and keeps the error",
    (kind) => {
      const sending: StepUpState = { status: 'sending', options, sends: 1, maxRequests: 3, option: sms, resend: false };
      const error = err(kind, 'create-otp');
      const next = transition(sending, { type: 'SEND_FAILED', error });
      expect(next).toMatchObject({ status: 'send-failed', sends: 1, maxRequests: 3, option: sms, resend: false });
      expect((next as { error?: unknown }).error).toBe(error);
    },
  );
});

describe('SUBMIT', () => {
  it('before the deadline goes to verifying with the same code', () => {
    const state = codeEntry();
    const next = transition(state, { type: 'SUBMIT', now: DEADLINE - 1 });
    expect(next).toMatchObject({ status: 'verifying' });
    expect((next as { code: unknown }).code).toBe(code);
  });

  it('exactly at the deadline goes to expired', () => {
    const next = transition(codeEntry(), { type: 'SUBMIT', now: DEADLINE });
    expect(next).toMatchObject({ status: 'expired', sends: 1, maxRequests: 3 });
    expect((next as { code: unknown }).code).toBe(code);
  });

  it('after the deadline goes to expired without calling validate', () => {
    const next = transition(codeEntry(), { type: 'SUBMIT', now: DEADLINE + 60_000 });
    expect(next.status).toBe('expired');
  });

  it('with no known deadline always goes to verifying', () => {
    const next = transition(codeEntry({ code: { ...code, expiresAt: undefined } }), {
      type: 'SUBMIT',
      now: T0 + 365 * 24 * 3_600_000,
    });
    expect(next.status).toBe('verifying');
  });

  it('with no attempts left goes to attempts-exhausted', () => {
    const next = transition(codeEntry({ code: spentCode }), { type: 'SUBMIT', now: T0 });
    expect(next).toMatchObject({ status: 'attempts-exhausted', code: spentCode });
  });

  it('from verify-failed after the deadline goes to expired', () => {
    const next = transition(STATES['verify-failed'], { type: 'SUBMIT', now: DEADLINE });
    expect(next).toMatchObject({ status: 'expired', sends: 1, maxRequests: 3 });
    expect((next as { error?: unknown }).error).toBeUndefined();
  });

  it.each(['no-options', 'choosing', 'sending', 'send-failed', 'verifying', 'attempts-exhausted', 'expired', 'verified', 'cancelled'] as const)(
    'from %s does nothing (no validate without an open code; a double submit validates once)',
    (status) => {
      expect(transition(STATES[status], { type: 'SUBMIT', now: T0 })).toBe(STATES[status]);
    },
  );

  it('clears the previous wrong-code error', () => {
    const next = transition(codeEntry({ error: wrongCodeError }), { type: 'SUBMIT', now: T0 });
    expect(next.status).toBe('verifying');
    expect((next as { error?: unknown }).error).toBeUndefined();
  });
});

describe('VERIFY_FAILED', () => {
  it('invalid-otp spends one attempt each time and ends in attempts-exhausted on the last one', () => {
    let state: StepUpState = codeEntry({ code: { ...code, failedAttempts: 0, maxVerifications: 3 } });
    expect(attemptsLeft(state)).toBe(3);
    for (const left of [2, 1]) {
      state = transition(state, { type: 'SUBMIT', now: T0 + 1000 });
      expect(state.status).toBe('verifying');
      state = transition(state, { type: 'VERIFY_FAILED', error: wrongCodeError });
      expect(state.status).toBe('code-entry');
      expect(attemptsLeft(state)).toBe(left);
      expect((state as { error?: unknown }).error).toBe(wrongCodeError);
    }
    state = transition(state, { type: 'SUBMIT', now: T0 + 1000 });
    state = transition(state, { type: 'VERIFY_FAILED', error: wrongCodeError });
    expect(state.status).toBe('attempts-exhausted');
    expect(attemptsLeft(state)).toBe(0);
    expect(state).toMatchObject({ code: { failedAttempts: 3, option: sms } });
    // the last wrong code is reported as attempts-exhausted (the doc's INVALID_OTP → ATTEMPTS_EXHAUSTED rule)
    const error = (state as { error?: StepUpError }).error;
    expect(error).toBeInstanceOf(StepUpError);
    expect(error).toMatchObject({ kind: 'attempts-exhausted', operation: 'validate-otp' });
    expect(error?.cause).toBe(wrongCodeError);
    // the send budget is untouched by wrong codes
    expect(state).toMatchObject({ sends: 1, maxRequests: 3 });
  });

  it('invalid-otp with a single allowed attempt exhausts at once', () => {
    const verifying: StepUpState = { status: 'verifying', ...budget, code: { ...code, maxVerifications: 1, failedAttempts: 0 } };
    const rejected = new StepUpError('invalid-otp', 'validate-otp', 'HTTP 400', { status: 400, body: { errors: [] } });
    const next = transition(verifying, { type: 'VERIFY_FAILED', error: rejected });
    expect(next.status).toBe('attempts-exhausted');
    expect(next).toMatchObject({ code: { failedAttempts: 1 }, error: { kind: 'attempts-exhausted', status: 400, body: { errors: [] } } });
    expect((next as { error?: StepUpError }).error?.cause).toBe(rejected);
  });

  it('invalid-otp with an unknown attempt count never exhausts by itself', () => {
    let state: StepUpState = codeEntry({ code: { ...code, maxVerifications: undefined, failedAttempts: 0 } });
    for (let i = 1; i <= 10; i++) {
      state = transition(transition(state, { type: 'SUBMIT', now: T0 }), { type: 'VERIFY_FAILED', error: wrongCodeError });
      expect(state.status).toBe('code-entry');
      expect((state as { code: { failedAttempts: number } }).code.failedAttempts).toBe(i);
    }
    expect(attemptsLeft(state)).toBeUndefined();
  });

  it('attempts-exhausted from the backend ends the code even with attempts left by our count', () => {
    const error = err('attempts-exhausted');
    const next = transition(STATES.verifying, { type: 'VERIFY_FAILED', error });
    expect(next).toMatchObject({ status: 'attempts-exhausted', code: { failedAttempts: 2 } });
    expect((next as { error?: unknown }).error).toBe(error);
  });

  it('expired goes to expired, keeping the attempts and the error', () => {
    const error = err('expired');
    const next = transition(STATES.verifying, { type: 'VERIFY_FAILED', error });
    expect(next).toMatchObject({ status: 'expired', sends: 1, maxRequests: 3, error });
    expect((next as { code: unknown }).code).toBe(code);
    expect(attemptsLeft(next)).toBe(2);
  });

  it('code-unconfirmed ends the code like expired, spending no attempt', () => {
    const error = err('code-unconfirmed');
    const next = transition(STATES.verifying, { type: 'VERIFY_FAILED', error });
    expect(next).toMatchObject({ status: 'expired', sends: 1, maxRequests: 3, error });
    expect(attemptsLeft(next)).toBe(attemptsLeft(STATES.verifying));
  });

  it.each(['network', 'timeout', 'server-error', 'malformed-response', 'rate-limited', 'unknown'] as StepUpErrorKind[])(
    '%s is not a wrong code: verify-failed, attempts and code kept',
    (kind) => {
      const error = err(kind);
      const next = transition(STATES.verifying, { type: 'VERIFY_FAILED', error });
      expect(next).toMatchObject({ status: 'verify-failed', sends: 1, maxRequests: 3, error });
      expect((next as { code: unknown }).code).toBe(code);
      expect(attemptsLeft(next)).toBe(attemptsLeft(STATES.verifying));
    },
  );
});

describe('VERIFY_SUCCEEDED', () => {
  it('keeps the response of validate', () => {
    const next = transition(STATES.verifying, { type: 'VERIFY_SUCCEEDED', response: verifiedResponse });
    expect(next).toMatchObject({ status: 'verified', response: verifiedResponse, code });
  });

  it('a late answer after cancel is ignored', () => {
    const cancelled = transition(STATES.verifying, { type: 'CANCEL' });
    expect(transition(cancelled, { type: 'VERIFY_SUCCEEDED', response: verifiedResponse })).toBe(cancelled);
  });
});

describe('RETRY', () => {
  it('from send-failed repeats the same send, keeping resend flag and old code', () => {
    const next = transition(STATES['send-failed'], { type: 'RETRY' });
    expect(next).toMatchObject({ status: 'sending', option: sms, resend: true, code, sends: 1, maxRequests: 3 });
    expect((next as { error?: unknown }).error).toBeUndefined();
  });

  it('from send-failed on a first send keeps resend=false and no code', () => {
    const state: StepUpState = { status: 'send-failed', options, sends: 0, option: email, resend: false, error: err('network', 'create-otp') };
    const next = transition(state, { type: 'RETRY' });
    expect(next).toMatchObject({ status: 'sending', option: email, resend: false });
    expect((next as { code?: unknown }).code).toBeUndefined();
  });

  it('from send-failed is refused when the sends are spent', () => {
    const state: StepUpState = { ...STATES['send-failed'], sends: 3, maxRequests: 3 };
    expect(transition(state, { type: 'RETRY' })).toBe(state);
  });

  it('from verify-failed repeats the same validate with the same code and attempts', () => {
    const next = transition(STATES['verify-failed'], { type: 'RETRY' });
    expect(next).toMatchObject({ status: 'verifying', sends: 1, maxRequests: 3 });
    expect((next as { code: unknown }).code).toBe(code);
    expect((next as { error?: unknown }).error).toBeUndefined();
  });

  it.each(ALL_STATUSES.filter((s) => s !== 'send-failed' && s !== 'verify-failed'))('from %s does nothing', (status) => {
    expect(transition(STATES[status], { type: 'RETRY' })).toBe(STATES[status]);
  });
});

describe('EXPIRE', () => {
  const expirable = ['code-entry', 'verify-failed', 'attempts-exhausted'] as const;

  it.each(expirable)('in %s before the deadline does nothing', (status) => {
    const state = STATES[status];
    expect(transition(state, { type: 'EXPIRE', now: DEADLINE - 1 })).toBe(state);
  });

  it.each(expirable)('in %s at the deadline goes to expired, keeping the code', (status) => {
    const state = STATES[status];
    const next = transition(state, { type: 'EXPIRE', now: DEADLINE });
    expect(next).toMatchObject({ status: 'expired', sends: 1, maxRequests: 3 });
    expect((next as { code: unknown }).code).toBe(state.code);
  });

  it.each(expirable)('in %s after the deadline goes to expired', (status) => {
    expect(transition(STATES[status], { type: 'EXPIRE', now: DEADLINE + 10_000 }).status).toBe('expired');
  });

  it('does nothing for a code without a deadline', () => {
    const state = codeEntry({ code: { ...code, expiresAt: undefined } });
    expect(transition(state, { type: 'EXPIRE', now: Number.MAX_SAFE_INTEGER })).toBe(state);
  });

  it('does not interrupt a validate in flight (its answer decides)', () => {
    expect(transition(STATES.verifying, { type: 'EXPIRE', now: DEADLINE + 1 })).toBe(STATES.verifying);
  });
});

describe('CHANGE_METHOD', () => {
  const changeable = ['sending', 'send-failed', 'code-entry', 'verify-failed', 'attempts-exhausted', 'expired'] as const;

  it.each(changeable)('from %s returns to the choice keeping sends and maxRequests', (status) => {
    const state = { ...STATES[status], sends: 2, maxRequests: 4 } as StepUpState;
    const next = transition(state, { type: 'CHANGE_METHOD' });
    expect(next).toEqual({ status: 'choosing', options, sends: 2, maxRequests: 4 });
  });

  it('then sending to another channel counts against the same budget', () => {
    const choosing = transition(STATES['code-entry'], { type: 'CHANGE_METHOD' });
    const sending = transition(choosing, { type: 'SEND', option: email });
    expect(sending).toMatchObject({ status: 'sending', option: email, resend: false, sends: 1, maxRequests: 3 });
    const sent = transition(sending, { type: 'SEND_SUCCEEDED', grant: {}, receivedAt: T1 });
    expect(sent).toMatchObject({ status: 'code-entry', sends: 2, maxRequests: 3, code: { option: email, failedAttempts: 0 } });
    expect(resendsLeft(sent)).toBe(1);
  });

  it.each(['no-options', 'choosing', 'verifying', 'verified', 'cancelled'] as const)('from %s does nothing', (status) => {
    expect(transition(STATES[status], { type: 'CHANGE_METHOD' })).toBe(STATES[status]);
  });
});

describe('CANCEL', () => {
  it.each(ALL_STATUSES.filter((s) => s !== 'verified' && s !== 'cancelled'))(
    'from %s cancels, keeping only options and the send budget',
    (status) => {
      const state = STATES[status];
      const next = transition(state, { type: 'CANCEL' });
      expect(next).toEqual({ status: 'cancelled', options: state.options, sends: state.sends, maxRequests: state.maxRequests });
      expect(Object.keys(next).sort()).toEqual(['maxRequests', 'options', 'sends', 'status']);
    },
  );

  it.each(['verified', 'cancelled'] as const)('from %s does nothing', (status) => {
    expect(transition(STATES[status], { type: 'CANCEL' })).toBe(STATES[status]);
  });

  it('nothing moves a cancelled step-up again', () => {
    const cancelled = transition(STATES['code-entry'], { type: 'CANCEL' });
    for (const type of ALL_EVENT_TYPES) expect(transition(cancelled, EVENTS[type])).toBe(cancelled);
  });
});

describe('initialState', () => {
  it("with no OTP options is 'no-options' with an empty option list", () => {
    const state = initialState([
      option('a', 'APP_TO_APP', 'Mobile Banking Application', false),
      option('c', 'CUSTOMER_SERVICE', '1-800-555-1212', false),
      option('o', 'OUTBOUND_CALL', undefined, false),
    ]);
    expect(state).toEqual({ status: 'no-options', options: [], sends: 0 });
    expect(state.maxRequests).toBeUndefined();
  });

  it("with no options at all is 'no-options'", () => {
    expect(initialState([])).toEqual({ status: 'no-options', options: [], sends: 0 });
  });

  it('offers only the OTP options, in their order', () => {
    const app = option('a', 'APP_TO_APP', 'Mobile Banking Application', false);
    const unknown = option('x', 'CARRIER_PIGEON', undefined, false);
    const state = initialState([app, email, unknown, sms]);
    expect(state.status).toBe('choosing');
    expect(state.options).toEqual([email, sms]);
    expect(state.sends).toBe(0);
    expect(state.maxRequests).toBeUndefined();
  });

  it('works from raw Visa options through the whole happy path', () => {
    const raw = [
      { id: 'A1', method: 'APP-TO-APP', value: 'Mobile Banking Application' },
      { id: 'S1', method: 'OTPSMS', value: '***-***-1234' },
      { id: 'E1', method: 'OTP_EMAIL', value: 'j***@example.com' },
    ];
    let state = initialState(normalizeStepUpOptions(raw));
    expect(state.options.map((o) => o.id)).toEqual(['S1', 'E1']);
    const chosen = state.options[0]!;
    state = transition(state, { type: 'SEND', option: chosen });
    const parsed = normalizeCreateOtpResponse(
      { maxRequestsAllowed: '3', maxVerificationAllowed: 3, codeExpiration: 5 },
      'auto',
      T0,
    );
    if (!parsed.ok) throw new Error('expected a valid answer');
    state = transition(state, { type: 'SEND_SUCCEEDED', grant: parsed.value, receivedAt: T0 });
    expect(state).toMatchObject({ status: 'code-entry', sends: 1, maxRequests: 3, code: { expiresAt: T0 + 5 * 60_000 } });
    state = transition(state, { type: 'SUBMIT', now: T0 + 30_000 });
    state = transition(state, { type: 'VERIFY_SUCCEEDED', response: verifiedResponse });
    expect(state).toMatchObject({ status: 'verified', response: verifiedResponse, code: { option: { id: 'S1' } } });
  });
});
