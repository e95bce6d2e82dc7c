// @vitest-environment node
/// <reference types="vite/client" />
/** Catalogs turned into the messages the parts read: plural forms, numbers and times in each language. */
import { fc, test as propTest } from '@fast-check/vitest';
import type { StepUpCatalog } from '../../src/core/catalog';
import { messagesFromCatalog } from '../../src/core/catalog-messages';
import { defaultMessages } from '../../src/core/messages';
import { catalog as en } from '../../src/locales/en';

const modules = import.meta.glob<{ catalog?: StepUpCatalog }>('../../src/locales/*.ts', { eager: true });
const catalogs = Object.values(modules)
  .map((module) => module.catalog)
  .filter((catalog): catalog is StepUpCatalog => typeof catalog?.locale === 'string');

const english = messagesFromCatalog(en);
const method = fc.constantFrom('OTP_SMS', 'OTP_EMAIL', 'OTP_ONLINE_BANKING', 'OTP_SOMETHING_NEW');
const value = fc.option(fc.constantFrom('+1 ***-***-1234', 'j***@e***.com', 'Bank ****12'), { nil: undefined });

describe('the English catalog says exactly what the built-in English messages say', () => {
  it.each(Object.keys(defaultMessages).filter((key) => typeof defaultMessages[key as keyof typeof defaultMessages] === 'string'))(
    '%s',
    (key) => {
      const k = key as keyof typeof defaultMessages;
      expect(english[k]).toBe(defaultMessages[k]);
    },
  );

  it('errors', () => {
    expect(english.errors).toEqual(defaultMessages.errors);
  });

  propTest.prop([fc.integer({ min: 0, max: 999 })], { numRuns: 200 })('counts and times', (n) => {
    for (const key of ['attemptsLeft', 'resendsLeft', 'wrongCodeAttemptsLeft'] as const) {
      expect(english[key]({ count: n, locale: 'en' })).toBe(defaultMessages[key]({ count: n, locale: 'en' }));
    }
    expect(english.announceTimeLeft({ seconds: n, locale: 'en' })).toBe(defaultMessages.announceTimeLeft({ seconds: n, locale: 'en' }));
    expect(english.codeHint({ length: n })).toBe(defaultMessages.codeHint({ length: n }));
    expect(english.codeIncomplete({ length: n })).toBe(defaultMessages.codeIncomplete({ length: n }));
    const time = `${Math.floor(n / 60)}:${String(n % 60).padStart(2, '0')}`;
    expect(english.expiresIn({ time, seconds: n })).toBe(defaultMessages.expiresIn({ time, seconds: n }));
  });

  propTest.prop([method, value], { numRuns: 100 })('channels and destinations', (m, v) => {
    const name = english.methodName(m);
    expect(name).toBe(defaultMessages.methodName(m));
    expect(english.optionLabel({ method: m, methodName: name, value: v })).toBe(defaultMessages.optionLabel({ method: m, methodName: name, value: v }));
    const option = { id: 'o', method: m, value: v } as Parameters<typeof english.destination>[0];
    expect(english.destination(option)).toBe(defaultMessages.destination(option));
    expect(english.codeSent({ destination: 'x', method: m })).toBe(defaultMessages.codeSent({ destination: 'x', method: m }));
  });
});

describe.each(catalogs.map((catalog) => [catalog.locale, catalog] as const))('%s', (locale, catalog) => {
  const m = messagesFromCatalog(catalog);
  const number = new Intl.NumberFormat(locale);

  propTest.prop([fc.integer({ min: 1, max: 2_000_000 })], { numRuns: 300 })('writes every count in the language’s own digits and separators', (n) => {
    for (const text of [m.attemptsLeft({ count: n, locale }), m.resendsLeft({ count: n, locale }), m.wrongCodeAttemptsLeft({ count: n, locale })]) {
      expect(text).toContain(number.format(n));
      expect(text).not.toContain('{');
    }
  });

  it('says nothing extra after the last wrong code', () => {
    expect(m.wrongCodeAttemptsLeft({ count: 0, locale })).toBe('');
  });

  it('speaks whole minutes as minutes, other milestones as seconds, and zero as expired', () => {
    expect(m.announceTimeLeft({ seconds: 120, locale })).toContain(number.format(2));
    expect(m.announceTimeLeft({ seconds: 120, locale })).not.toBe(m.announceTimeLeft({ seconds: 2, locale }));
    expect(m.announceTimeLeft({ seconds: 30, locale })).toContain(number.format(30));
    expect(m.announceTimeLeft({ seconds: 0, locale })).toBe(catalog.announceExpired);
  });

  it('writes the countdown as m:ss in the language’s digits', () => {
    const digits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
    expect(m.expiresIn({ time: '4:05', seconds: 245 })).toContain(`${new Intl.NumberFormat(locale).format(4)}:${digits.format(5)}`);
  });

  it('names known methods in the language and keeps an unknown one as the issuer wrote it', () => {
    expect(m.methodName('OTP_SMS')).toBe(catalog.methods.OTP_SMS);
    expect(m.methodName('OTP_SOMETHING_NEW')).toBe('OTP_SOMETHING_NEW');
    expect(m.optionLabel({ method: 'OTP_SMS', methodName: m.methodName('OTP_SMS'), value: '+1 ***-***-1234' })).toContain('+1 ***-***-1234');
    expect(m.destination({ id: 'b', method: 'OTP_ONLINE_BANKING', value: 'Bank ****12' } as Parameters<typeof m.destination>[0])).toContain('Bank ****12');
  });
});
