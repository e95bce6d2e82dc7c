import type { StepUpErrorKind } from './errors.js';
import type { StepUpOption } from './types.js';

/** Values passed to message functions. `locale` is the component's `locale` prop. */
export interface CountParams {
  count: number;
  locale: string;
}

/**
 * Every string the cardholder sees or hears, ARIA labels included. Pass a partial object as the
 * `messages` prop to override some; translate all of them for a locale.
 */
export interface StepUpMessages {
  /** Heading of the step-up. */
  title: string;
  /** Line under the heading while choosing. */
  intro: string;
  /** Legend of the channel radio group. */
  chooseMethod: string;
  /** The kind of a channel: "Text message", "Email", "Online banking". */
  methodName: (method: string) => string;
  /** One option in the radio group: its kind and masked destination. */
  optionLabel: (params: { method: string; methodName: string; value?: string }) => string;
  /** Shown when the cardholder presses Send without choosing. */
  chooseMethodRequired: string;
  sendCode: string;
  sending: string;
  /** "We sent a code to …" after a send. */
  codeSent: (params: { destination: string; method: string }) => string;
  /** Where the code went, for `codeSent` and announcements. */
  destination: (option: StepUpOption) => string;
  /** Label of the code field. */
  codeLabel: string;
  /** Hint under the code label. */
  codeHint: (params: { length: number }) => string;
  /** Shown when Enter or Verify is pressed before all digits are in. */
  codeIncomplete: (params: { length: number }) => string;
  verify: string;
  verifying: string;
  /** Countdown text, with the time already formatted as m:ss. */
  expiresIn: (params: { time: string; seconds: number }) => string;
  expired: string;
  attemptsLeft: (params: CountParams) => string;
  resendCode: string;
  resendsLeft: (params: CountParams) => string;
  /** Why Resend is disabled when no codes are left. */
  resendsExhausted: string;
  useAnotherMethod: string;
  tryAgain: string;
  cancel: string;
  verified: string;
  cancelled: string;
  /** Polite announcements. */
  announceSending: string;
  announceVerifying: string;
  announceTimeLeft: (params: { seconds: number; locale: string }) => string;
  /** The sentence for each failure kind. */
  errors: Record<StepUpErrorKind, string>;
  /** Extra sentence after a wrong code when attempts are known. */
  wrongCodeAttemptsLeft: (params: CountParams) => string;
}

/** "1 attempt left", "3 attempts left": the count and its word (plural with an s), by the locale's plural rules. */
function left(locale: string, count: number, word: string): string {
  let one = count === 1;
  try {
    one = new Intl.PluralRules(locale).select(count) === 'one';
  } catch {
    // an unknown locale tag falls back to the English rule above
  }
  return `${count} ${word}${one ? '' : 's'} left`;
}

/** The English messages. */
export const defaultMessages: StepUpMessages = {
  title: 'Confirm it’s you',
  intro: 'Your bank needs to confirm this card. We’ll send you a one-time code.',
  chooseMethod: 'Where should we send your code?',
  methodName: (method) => {
    const names: Record<string, string> = { OTP_SMS: 'Text message', OTP_EMAIL: 'Email', OTP_ONLINE_BANKING: 'Online banking' };
    return names[method] ?? method;
  },
  optionLabel: ({ method, methodName, value }) => {
    if (!value) return methodName;
    if (method === 'OTP_SMS') return `Text message to ${value}`;
    if (method === 'OTP_EMAIL') return `Email to ${value}`;
    return `${methodName}: ${value}`;
  },
  chooseMethodRequired: 'Choose where we should send your code.',
  sendCode: 'Send code',
  sending: 'Sending…',
  codeSent: ({ destination }) => `We sent a code to ${destination}.`,
  destination: ({ method, value }) => {
    if (method === 'OTP_ONLINE_BANKING') return value ? `your online banking (${value})` : 'your online banking';
    return value || (method === 'OTP_EMAIL' ? 'your email' : 'your phone');
  },
  codeLabel: 'Verification code',
  codeHint: ({ length }) => `Enter the ${length}-digit code.`,
  codeIncomplete: ({ length }) => `Enter all ${length} digits of the code.`,
  verify: 'Verify',
  verifying: 'Checking…',
  expiresIn: ({ time }) => `Code expires in ${time}`,
  expired: 'This code has expired. Request a new code.',
  attemptsLeft: ({ count, locale }) => left(locale, count, 'attempt'),
  resendCode: 'Resend code',
  resendsLeft: ({ count, locale }) => left(locale, count, 'resend'),
  resendsExhausted: 'No more codes can be sent for this card.',
  useAnotherMethod: 'Use another method',
  tryAgain: 'Try again',
  cancel: 'Cancel',
  verified: 'Thank you, your card is confirmed.',
  cancelled: 'Verification cancelled.',
  announceSending: 'Sending your code…',
  announceVerifying: 'Checking your code…',
  announceTimeLeft: ({ seconds, locale }) => {
    if (seconds <= 0) return 'The code has expired.';
    const minutes = seconds >= 60 && seconds % 60 === 0;
    return `${left(locale, minutes ? seconds / 60 : seconds, minutes ? 'minute' : 'second')} to enter the code.`;
  },
  errors: {
    'no-otp-options':
      'This card can’t be confirmed with a one-time code here. Please use another card or payment method.',
    'send-rejected': 'We couldn’t send a code there. Try again or choose another method.',
    'resends-exhausted': 'No more codes can be sent for this card. Please use another payment method.',
    'invalid-otp': 'That code isn’t right. Check it and try again.',
    'attempts-exhausted': 'Too many incorrect codes. Request a new code or choose another method.',
    expired: 'This code has expired. Request a new code.',
    'code-unconfirmed': 'We couldn’t confirm this code. Request a new code.',
    'rate-limited': 'Too many requests right now. Wait a moment and try again.',
    'server-error': 'Something went wrong on our side. Please try again.',
    network: 'We couldn’t connect. Check your internet connection and try again.',
    timeout: 'This is taking too long. Please try again.',
    'malformed-response': 'We got an unexpected answer. Please try again.',
    unknown: 'Something went wrong. Please try again.',
  },
  wrongCodeAttemptsLeft: ({ count, locale }) =>
    count === 0 ? '' : `${left(locale, count, 'attempt')}.`,
};

/** Merges a partial override into the defaults (the `errors` map is merged key by key). */
export function resolveMessages(
  overrides?: Partial<Omit<StepUpMessages, 'errors'>> & { errors?: Partial<StepUpMessages['errors']> },
  base: StepUpMessages = defaultMessages,
): StepUpMessages {
  if (!overrides) return base;
  return {
    ...base,
    ...defined(overrides),
    errors: { ...base.errors, ...defined(overrides.errors ?? {}) },
  } as StepUpMessages;
}

/** Drops keys whose value is `undefined`, so `{ title: maybeTitle }` keeps the default title. */
function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Partial messages, as the `messages` prop takes them. */
export type StepUpMessagesOverride = Partial<Omit<StepUpMessages, 'errors'>> & {
  errors?: Partial<StepUpMessages['errors']>;
};

/** Formats seconds as m:ss ("4:59", "0:09"). */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The seconds-left values at which the live region speaks. */
export const ANNOUNCE_MILESTONES: readonly number[] = [60, 30, 10, 0];
