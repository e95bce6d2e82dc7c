import type { StepUpErrorKind } from './errors.js';

import type { StepUpMessages } from './messages.js';

/**
 * A language ready for the step-up: `stepup-kit/locales/<tag>` exports one as its default, and `locale`
 * of `<StepUpOtp>` and `useStepUpOtp` takes it. Make your own with `defineLocale(catalog)`.
 */
export interface StepUpLocale {
  /** The BCP 47 tag: the `lang` of the root. */
  locale: string;
  /** The direction of the root. */
  dir: 'ltr' | 'rtl';
  messages: StepUpMessages;
}

/** The CLDR plural categories a language may use. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A sentence that depends on a number: one form per plural category of the language (as
 * `Intl.PluralRules(locale).resolvedOptions().pluralCategories` lists them), `other` always. `{count}` is
 * replaced by the number formatted for the locale (its own digits and separators).
 */
export type PluralMessage = { other: string } & Partial<Record<Exclude<PluralCategory, 'other'>, string>>;

/** The one-time-password methods a catalog names. */
export type CatalogMethod = 'OTP_SMS' | 'OTP_EMAIL' | 'OTP_ONLINE_BANKING';

/**
 * Every sentence and label the cardholder sees or hears in one language, as data: plain strings with
 * `{name}` placeholders and plural forms. `stepup-kit/locales/<tag>` exports one per language; the English
 * one is built in. A key added here without every catalog fails the type check.
 */
export interface StepUpCatalog {
  /** The BCP 47 tag of the language, e.g. `de`, `pt-BR`: the `lang` of the root and the locale of its numbers. */
  locale: string;
  /** The direction of the language's text. */
  dir: 'ltr' | 'rtl';
  /** Heading of the step-up. */
  title: string;
  /** Line under the heading while choosing. */
  intro: string;
  /** Legend of the channel choice. */
  chooseMethod: string;
  /** The name of each method, as cardholders in this market say it ("Text message", "SMS", …). */
  methods: Record<CatalogMethod, string>;
  /** A channel with its masked destination `{value}`: "Text message to {value}". */
  optionWithValue: Record<CatalogMethod, string>;
  /** Where the code went when the issuer gave no masked destination: "your phone". */
  destinationUnknown: Record<CatalogMethod, string>;
  /** Online banking with a masked value `{value}`: "your online banking ({value})". */
  destinationBanking: string;
  /** Shown when the cardholder presses Send without choosing. */
  chooseMethodRequired: string;
  sendCode: string;
  sending: string;
  /** After a send: "We sent a code to {destination}." */
  codeSent: string;
  /** Label of the code field. */
  codeLabel: string;
  /** Hint under the label: "Enter the {length}-digit code." */
  codeHint: string;
  /** Enter or Verify pressed before all digits are in: "Enter all {length} digits of the code." */
  codeIncomplete: string;
  verify: string;
  verifying: string;
  /** The countdown, `{time}` as m:ss in the locale's digits: "Code expires in {time}". */
  expiresIn: string;
  expired: string;
  attemptsLeft: PluralMessage;
  resendCode: string;
  resendsLeft: PluralMessage;
  /** Why Resend is disabled when no codes are left. */
  resendsExhausted: string;
  useAnotherMethod: string;
  tryAgain: string;
  cancel: string;
  verified: string;
  cancelled: string;
  /** Polite announcements of the live region. */
  announceSending: string;
  announceVerifying: string;
  /** Spoken at the whole-minute milestones: "{count} minutes left to enter the code." */
  announceMinutesLeft: PluralMessage;
  /** Spoken at the 30 and 10 second milestones: "{count} seconds left to enter the code." */
  announceSecondsLeft: PluralMessage;
  /** Spoken when the countdown reaches zero. */
  announceExpired: string;
  /** The sentence for each failure. */
  errors: Record<StepUpErrorKind, string>;
  /** After a wrong code, when attempts are known and some are left: "{count} attempts left." */
  wrongCodeAttemptsLeft: PluralMessage;
}
