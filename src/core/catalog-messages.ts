import type { CatalogMethod, PluralMessage, StepUpCatalog, StepUpLocale } from './catalog.js';
import type { StepUpMessages } from './messages.js';

/** Replaces each `{name}` of `template` by its value; an unknown name stays as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A catalog as `<StepUpOtp locale>` takes it: its tag, direction and messages. */
export function defineLocale(catalog: StepUpCatalog): StepUpLocale {
  return { locale: catalog.locale, dir: catalog.dir, messages: messagesFromCatalog(catalog) };
}

/**
 * The messages of a catalog: its plural forms chosen by `Intl.PluralRules` of the catalog's own language
 * (the forms are written for its categories), every number written by `Intl.NumberFormat` of that
 * language (its digits and separators).
 */
export function messagesFromCatalog(catalog: StepUpCatalog): StepUpMessages {
  const { locale } = catalog;
  const number = new Intl.NumberFormat(locale);
  const minutes = new Intl.NumberFormat(locale, { useGrouping: false });
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  const rules = new Intl.PluralRules(locale);
  const count = (message: PluralMessage, n: number) =>
    (message[rules.select(n)] ?? message.other).replace(/\{count\}/g, number.format(n));
  const fill = (template: string, values: Record<string, string | number>) =>
    fillTemplate(template, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? number.format(v) : v])));
  const known = (method: string): method is CatalogMethod => Object.hasOwn(catalog.methods, method);
  const methodName = (method: string) => (known(method) ? catalog.methods[method] : method);

  return {
    title: catalog.title,
    intro: catalog.intro,
    chooseMethod: catalog.chooseMethod,
    methodName,
    optionLabel: ({ method, methodName: name, value }) => {
      if (!value) return name;
      return known(method) ? fill(catalog.optionWithValue[method], { value }) : `${name}: ${value}`;
    },
    chooseMethodRequired: catalog.chooseMethodRequired,
    sendCode: catalog.sendCode,
    sending: catalog.sending,
    codeSent: ({ destination }) => fill(catalog.codeSent, { destination }),
    destination: (option) => {
      if (option.method === 'OTP_ONLINE_BANKING' && option.value) return fill(catalog.destinationBanking, { value: option.value });
      if (option.value) return option.value;
      return catalog.destinationUnknown[option.method === 'OTP_EMAIL' ? 'OTP_EMAIL' : option.method === 'OTP_ONLINE_BANKING' ? 'OTP_ONLINE_BANKING' : 'OTP_SMS'];
    },
    codeLabel: catalog.codeLabel,
    codeHint: ({ length }) => fill(catalog.codeHint, { length }),
    codeIncomplete: ({ length }) => fill(catalog.codeIncomplete, { length }),
    verify: catalog.verify,
    verifying: catalog.verifying,
    // the time is written from the seconds in the language's own digits, m:ss
    expiresIn: ({ seconds }) => {
      const s = Math.max(0, Math.floor(seconds));
      const time = `${minutes.format(Math.floor(s / 60))}:${twoDigits.format(s % 60)}`;
      // m:ss reads left to right in every script: isolated, so right-to-left text never reorders it
      return fill(catalog.expiresIn, { time: catalog.dir === 'rtl' ? `\u2066${time}\u2069` : time });
    },
    expired: catalog.expired,
    attemptsLeft: ({ count: n }) => count(catalog.attemptsLeft, n),
    resendCode: catalog.resendCode,
    resendsLeft: ({ count: n }) => count(catalog.resendsLeft, n),
    resendsExhausted: catalog.resendsExhausted,
    useAnotherMethod: catalog.useAnotherMethod,
    tryAgain: catalog.tryAgain,
    cancel: catalog.cancel,
    verified: catalog.verified,
    cancelled: catalog.cancelled,
    announceSending: catalog.announceSending,
    announceVerifying: catalog.announceVerifying,
    announceTimeLeft: ({ seconds }) => {
      if (seconds <= 0) return catalog.announceExpired;
      if (seconds >= 60 && seconds % 60 === 0) return count(catalog.announceMinutesLeft, seconds / 60);
      return count(catalog.announceSecondsLeft, seconds);
    },
    errors: { ...catalog.errors },
    // no "0 attempts left" after the last wrong code: the alert already says the code is spent
    wrongCodeAttemptsLeft: ({ count: n }) => (n === 0 ? '' : count(catalog.wrongCodeAttemptsLeft, n)),
  };
}
