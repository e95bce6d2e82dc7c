import { describe, expect, it } from 'vitest';
import {
  attemptsLeft,
  canResend,
  currentCode,
  currentError,
  isPastDeadline,
  inGroup,
  phaseOf,
  resendsLeft,
  transition,
  type StepUpPhase,
  type StepUpState,
  type StepUpStatus,
} from '../../src/core';
import { ALL_STATUSES, DEADLINE, STATES, T0, budget, code, sendError, sms } from './fixtures';

const codeEntry = (overrides: Partial<typeof code> = {}): StepUpState => ({
  status: 'code-entry',
  ...budget,
  code: { ...code, ...overrides },
});

/** Builds a row per status from a table that must name every status. */
function table<T>(expected: Record<StepUpStatus, T>) {
  return ALL_STATUSES.map((status) => [status, expected[status]] as const);
}

describe('isPastDeadline: the one place a deadline is compared', () => {
  it('is false before the deadline', () => {
    expect(isPastDeadline(code, DEADLINE - 1)).toBe(false);
  });

  it('is true at and after the deadline', () => {
    expect(isPastDeadline(code, DEADLINE)).toBe(true);
    expect(isPastDeadline(code, DEADLINE + 1)).toBe(true);
  });

  it('is never true when no expiry is known', () => {
    expect(isPastDeadline({ ...code, expiresAt: undefined }, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('is what EXPIRE and SUBMIT go by', () => {
    expect(transition(codeEntry(), { type: 'EXPIRE', now: DEADLINE - 1 }).status).toBe('code-entry');
    expect(transition(codeEntry(), { type: 'EXPIRE', now: DEADLINE }).status).toBe('expired');
    expect(transition(codeEntry(), { type: 'SUBMIT', now: DEADLINE }).status).toBe('expired');
    expect(transition(codeEntry(), { type: 'SUBMIT', now: T0 }).status).toBe('verifying');
  });
});

describe('attemptsLeft', () => {
  it('is the allowed attempts minus the failed ones', () => {
    expect(attemptsLeft(codeEntry({ maxVerifications: 3, failedAttempts: 0 }))).toBe(3);
    expect(attemptsLeft(codeEntry({ maxVerifications: 3, failedAttempts: 1 }))).toBe(2);
    expect(attemptsLeft(codeEntry({ maxVerifications: 3, failedAttempts: 3 }))).toBe(0);
  });

  it('never goes below 0', () => {
    expect(attemptsLeft(codeEntry({ maxVerifications: 3, failedAttempts: 7 }))).toBe(0);
  });

  it('is undefined when the count is unknown', () => {
    expect(attemptsLeft(codeEntry({ maxVerifications: undefined, failedAttempts: 2 }))).toBeUndefined();
  });

  it('is undefined without a code', () => {
    expect(attemptsLeft(STATES.choosing)).toBeUndefined();
    expect(attemptsLeft(STATES.cancelled)).toBeUndefined();
  });
});

describe('resendsLeft', () => {
  it('is maxRequests minus the sends made (the first send included)', () => {
    expect(resendsLeft({ ...STATES['code-entry'], sends: 1, maxRequests: 3 })).toBe(2);
    expect(resendsLeft({ ...STATES['code-entry'], sends: 3, maxRequests: 3 })).toBe(0);
  });

  it('never goes below 0 when the backend lowered the limit', () => {
    expect(resendsLeft({ ...STATES['code-entry'], sends: 4, maxRequests: 2 })).toBe(0);
  });

  it('is undefined when the limit is unknown', () => {
    expect(resendsLeft({ ...STATES['code-entry'], sends: 2, maxRequests: undefined })).toBeUndefined();
  });
});

describe('the resendable group / canResend across states', () => {
  const offered: Record<StepUpStatus, boolean> = {
    'no-options': false,
    choosing: false,
    sending: false,
    'send-failed': false,
    'code-entry': true,
    verifying: false,
    'verify-failed': true,
    'attempts-exhausted': true,
    expired: true,
    verified: false,
    cancelled: false,
  };

  it.each(table(offered))('resendable: %s is %s', (status, expected) => {
    expect(inGroup(STATES[status], 'resendable')).toBe(expected);
  });

  it.each(table(offered))('canResend(%s) with resends left is %s', (status, expected) => {
    expect(canResend({ ...STATES[status], sends: 1, maxRequests: 3 } as StepUpState)).toBe(expected);
  });

  it.each(table(offered))('canResend(%s) with an unknown limit is %s', (status, expected) => {
    expect(canResend({ ...STATES[status], sends: 7, maxRequests: undefined } as StepUpState)).toBe(expected);
  });

  it.each(ALL_STATUSES)('canResend(%s) is false when no resends are left', (status) => {
    expect(canResend({ ...STATES[status], sends: 3, maxRequests: 3 } as StepUpState)).toBe(false);
  });
});

describe('state flags', () => {
  const busy: Record<StepUpStatus, boolean> = {
    'no-options': false,
    choosing: false,
    sending: true,
    'send-failed': false,
    'code-entry': false,
    verifying: true,
    'verify-failed': false,
    'attempts-exhausted': false,
    expired: false,
    verified: false,
    cancelled: false,
  };
  const editable: Record<StepUpStatus, boolean> = {
    ...busy,
    sending: false,
    verifying: false,
    'code-entry': true,
    'verify-failed': true,
  };
  const final: Record<StepUpStatus, boolean> = {
    ...busy,
    sending: false,
    verifying: false,
    verified: true,
    cancelled: true,
  };

  it.each(table(busy))('busy: %s is %s', (status, expected) => {
    expect(inGroup(STATES[status], 'busy')).toBe(expected);
  });

  it.each(table(editable))('editable: %s is %s', (status, expected) => {
    expect(inGroup(STATES[status], 'editable')).toBe(expected);
  });

  it.each(table(final))('final: %s is %s', (status, expected) => {
    expect(inGroup(STATES[status], 'final')).toBe(expected);
  });
});

describe('currentCode / currentError', () => {
  const hasCode: Record<StepUpStatus, boolean> = {
    'no-options': false,
    choosing: false,
    sending: true,
    'send-failed': true,
    'code-entry': true,
    verifying: true,
    'verify-failed': true,
    'attempts-exhausted': true,
    expired: true,
    verified: true,
    cancelled: false,
  };

  it.each(table(hasCode))('currentCode(%s) present: %s', (status, expected) => {
    const state = STATES[status];
    const result = currentCode(state);
    if (expected) expect(result).toBe((state as { code: unknown }).code);
    else expect(result).toBeUndefined();
  });

  it('currentCode is undefined during a first send', () => {
    expect(currentCode({ status: 'sending', ...budget, option: sms, resend: false, code: undefined })).toBeUndefined();
  });

  it.each(ALL_STATUSES)('currentError(%s) is the error the state carries', (status) => {
    const state = STATES[status];
    expect(currentError(state)).toBe((state as { error?: unknown }).error);
  });

  it('currentError is the send error after a failed send', () => {
    expect(currentError(STATES['send-failed'])).toBe(sendError);
    expect(currentError(STATES.choosing)).toBeUndefined();
  });
});

describe('phaseOf', () => {
  const phases: Record<StepUpStatus, StepUpPhase> = {
    'no-options': 'unavailable',
    choosing: 'choose',
    sending: 'code', // the fixture is a resend: the code screen stays
    'send-failed': 'code',
    'code-entry': 'code',
    verifying: 'code',
    'verify-failed': 'code',
    'attempts-exhausted': 'code',
    expired: 'code',
    verified: 'verified',
    cancelled: 'cancelled',
  };

  it.each(table(phases))('phaseOf(%s) is %s', (status, expected) => {
    expect(phaseOf(STATES[status])).toBe(expected);
  });

  it('a first send (and its failure) stays on the channel choice', () => {
    expect(phaseOf({ status: 'sending', ...budget, option: sms, resend: false })).toBe('choose');
    expect(phaseOf({ status: 'send-failed', ...budget, option: sms, resend: false, error: sendError })).toBe('choose');
  });
});
