import { describe, expect, it } from 'vitest';
import {
  ANNOUNCE_MILESTONES,
  defaultMessages,
  formatCountdown,
  resolveMessages,
  type StepUpErrorKind,
} from '../../src/core';
import { email, option, sms } from './fixtures';

const m = defaultMessages;
const bank = option('b', 'OTP_ONLINE_BANKING', 'Example Bank');

describe('plural forms', () => {
  it.each([
    [0, '0 attempts left'],
    [1, '1 attempt left'],
    [2, '2 attempts left'],
    [5, '5 attempts left'],
  ])('attemptsLeft(%d) → %s', (count, expected) => {
    expect(m.attemptsLeft({ count, locale: 'en' })).toBe(expected);
  });

  it.each([
    [0, '0 resends left'],
    [1, '1 resend left'],
    [2, '2 resends left'],
  ])('resendsLeft(%d) → %s', (count, expected) => {
    expect(m.resendsLeft({ count, locale: 'en-US' })).toBe(expected);
  });

  it.each([
    [1, '1 attempt left.'],
    [2, '2 attempts left.'],
    [0, ''],
  ])('wrongCodeAttemptsLeft(%d) → %j', (count, expected) => {
    expect(m.wrongCodeAttemptsLeft({ count, locale: 'en' })).toBe(expected);
  });

  it('falls back to the English rule for an invalid locale tag', () => {
    expect(m.attemptsLeft({ count: 1, locale: 'not a locale!' })).toBe('1 attempt left');
    expect(m.attemptsLeft({ count: 2, locale: 'not a locale!' })).toBe('2 attempts left');
    expect(m.resendsLeft({ count: 1, locale: '' })).toBe('1 resend left');
  });
});

describe('channels', () => {
  it.each([
    ['OTP_SMS', 'Text message'],
    ['OTP_EMAIL', 'Email'],
    ['OTP_ONLINE_BANKING', 'Online banking'],
    ['CARRIER_PIGEON', 'CARRIER_PIGEON'],
  ])('methodName(%s) → %s', (method, expected) => {
    expect(m.methodName(method)).toBe(expected);
  });

  it.each([
    ['OTP_SMS', '***-***-1234', 'Text message to ***-***-1234'],
    ['OTP_EMAIL', 'j***@example.com', 'Email to j***@example.com'],
    ['OTP_ONLINE_BANKING', 'Example Bank', 'Online banking: Example Bank'],
    ['OTP_SMS', undefined, 'Text message'],
    ['OTP_EMAIL', '', 'Email'],
  ])('optionLabel(%s, %j) → %s', (method, value, expected) => {
    expect(m.optionLabel({ method, methodName: m.methodName(method), value })).toBe(expected);
  });

  it('destination is the masked value as the issuer sent it', () => {
    expect(m.destination(sms)).toBe('***-***-1234');
    expect(m.destination(email)).toBe('j***@example.com');
    expect(m.destination(bank)).toBe('your online banking (Example Bank)');
  });

  it('destination without a value names the channel', () => {
    expect(m.destination(option('s', 'OTP_SMS'))).toBe('your phone');
    expect(m.destination(option('e', 'OTP_EMAIL'))).toBe('your email');
    expect(m.destination(option('b', 'OTP_ONLINE_BANKING'))).toBe('your online banking');
  });

  it('codeSent says where the code went', () => {
    expect(m.codeSent({ destination: m.destination(sms), method: 'OTP_SMS' })).toBe('We sent a code to ***-***-1234.');
  });

  it('code hints name the length', () => {
    expect(m.codeHint({ length: 6 })).toBe('Enter the 6-digit code.');
    expect(m.codeIncomplete({ length: 8 })).toBe('Enter all 8 digits of the code.');
  });

  it('expiresIn shows the formatted time', () => {
    expect(m.expiresIn({ time: '4:59', seconds: 299 })).toBe('Code expires in 4:59');
  });
});

describe('formatCountdown', () => {
  it.each([
    [299, '4:59'],
    [300, '5:00'],
    [60, '1:00'],
    [59, '0:59'],
    [9, '0:09'],
    [1, '0:01'],
    [0, '0:00'],
    [-1, '0:00'],
    [-120, '0:00'],
    [600, '10:00'],
    [3599, '59:59'],
    [9.9, '0:09'],
  ])('%d → %s', (seconds, expected) => {
    expect(formatCountdown(seconds)).toBe(expected);
  });
});

describe('announceTimeLeft', () => {
  it.each([
    [60, '1 minute left to enter the code.'],
    [120, '2 minutes left to enter the code.'],
    [30, '30 seconds left to enter the code.'],
    [10, '10 seconds left to enter the code.'],
    [0, 'The code has expired.'],
    [-3, 'The code has expired.'],
  ])('%d → %s', (seconds, expected) => {
    expect(m.announceTimeLeft({ seconds, locale: 'en' })).toBe(expected);
  });

  it('uses the singular for one second', () => {
    expect(m.announceTimeLeft({ seconds: 1, locale: 'en' })).toBe('1 second left to enter the code.');
  });

  it('speaks at 60, 30, 10 and 0 seconds', () => {
    expect(ANNOUNCE_MILESTONES).toEqual([60, 30, 10, 0]);
    for (const seconds of ANNOUNCE_MILESTONES) expect(m.announceTimeLeft({ seconds, locale: 'en' })).not.toBe('');
  });
});

describe('errors', () => {
  const kinds: Record<StepUpErrorKind, true> = {
    'no-otp-options': true,
    'send-rejected': true,
    'resends-exhausted': true,
    'invalid-otp': true,
    'attempts-exhausted': true,
    expired: true,
    'code-unconfirmed': true,
    'rate-limited': true,
    'server-error': true,
    network: true,
    timeout: true,
    'malformed-response': true,
    unknown: true,
  };

  it('has a sentence for every error kind and no other', () => {
    expect(Object.keys(m.errors).sort()).toEqual(Object.keys(kinds).sort());
  });

  it.each(Object.keys(kinds) as StepUpErrorKind[])('%s is a full sentence', (kind) => {
    expect(m.errors[kind]).toMatch(/^[A-Z].*\.$/);
  });

  it('the expired error tells the cardholder to request a new code', () => {
    expect(m.errors.expired).toBe('This code has expired. Request a new code.');
    expect(m.expired).toBe(m.errors.expired);
  });
});

describe('resolveMessages', () => {
  it('returns the defaults without overrides', () => {
    expect(resolveMessages()).toBe(defaultMessages);
    expect(resolveMessages(undefined)).toBe(defaultMessages);
  });

  it('overrides only the given strings and functions', () => {
    const attemptsLeft = ({ count }: { count: number }) => `noch ${count} Versuche`;
    const resolved = resolveMessages({ title: 'Bestätigen', attemptsLeft });
    expect(resolved.title).toBe('Bestätigen');
    expect(resolved.attemptsLeft).toBe(attemptsLeft);
    expect(resolved.attemptsLeft({ count: 2, locale: 'de' })).toBe('noch 2 Versuche');
    expect(resolved.intro).toBe(defaultMessages.intro);
    expect(resolved.verify).toBe('Verify');
    expect(resolved.resendsLeft).toBe(defaultMessages.resendsLeft);
    expect(resolved.errors).toEqual(defaultMessages.errors);
  });

  it('merges errors key by key', () => {
    const resolved = resolveMessages({ errors: { network: 'Offline.', expired: 'Too late.' } });
    expect(resolved.errors.network).toBe('Offline.');
    expect(resolved.errors.expired).toBe('Too late.');
    expect(resolved.errors['invalid-otp']).toBe(defaultMessages.errors['invalid-otp']);
    expect(resolved.errors.timeout).toBe(defaultMessages.errors.timeout);
    expect(Object.keys(resolved.errors).sort()).toEqual(Object.keys(defaultMessages.errors).sort());
    expect(resolved.title).toBe(defaultMessages.title);
  });

  it('does not touch the defaults', () => {
    const before = { ...defaultMessages, errors: { ...defaultMessages.errors } };
    resolveMessages({ title: 'X', errors: { network: 'Y' } });
    expect(defaultMessages).toEqual(before);
    expect(defaultMessages.errors.network).not.toBe('Y');
  });
});

describe('resolveMessages with undefined values', () => {
  it('keeps the default where an override is undefined', () => {
    const m = resolveMessages({ title: undefined, errors: { network: undefined } });
    expect(m.title).toBe(defaultMessages.title);
    expect(m.errors.network).toBe(defaultMessages.errors.network);
  });
});
