import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Polish: short imperatives ("Wpisz kod") and impersonal forms, as Polish bank screens use them. */
export const catalog = {
  locale: 'pl',
  dir: 'ltr',
  title: 'Potwierdź tożsamość',
  intro: 'Bank musi potwierdzić tę kartę. Wyślemy jednorazowy kod.',
  chooseMethod: 'Gdzie wysłać kod?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'E-mail', OTP_ONLINE_BANKING: 'Bankowość internetowa' },
  optionWithValue: {
    OTP_SMS: 'SMS na numer {value}',
    OTP_EMAIL: 'E-mail na adres {value}',
    OTP_ONLINE_BANKING: 'Bankowość internetowa: {value}',
  },
  destinationUnknown: {
    OTP_SMS: 'numer telefonu',
    OTP_EMAIL: 'adres e-mail',
    OTP_ONLINE_BANKING: 'konto w bankowości internetowej',
  },
  destinationBanking: 'konto w bankowości internetowej ({value})',
  chooseMethodRequired: 'Wybierz, gdzie wysłać kod.',
  sendCode: 'Wyślij kod',
  sending: 'Wysyłanie…',
  codeSent: 'Wysłaliśmy kod na {destination}.',
  codeLabel: 'Kod weryfikacyjny',
  codeHint: 'Wpisz {length}-cyfrowy kod.',
  codeIncomplete: 'Wpisz cały {length}-cyfrowy kod.',
  verify: 'Potwierdź',
  verifying: 'Sprawdzanie…',
  expiresIn: 'Kod wygaśnie za {time}',
  expired: 'Ten kod wygasł. Poproś o nowy kod.',
  attemptsLeft: {
    one: 'Pozostała {count} próba',
    few: 'Pozostały {count} próby',
    many: 'Pozostało {count} prób',
    other: 'Pozostało {count} próby',
  },
  resendCode: 'Wyślij kod ponownie',
  resendsLeft: {
    one: 'Kod można wysłać jeszcze {count} raz',
    few: 'Kod można wysłać jeszcze {count} razy',
    many: 'Kod można wysłać jeszcze {count} razy',
    other: 'Kod można wysłać jeszcze {count} raza',
  },
  resendsExhausted: 'Dla tej karty nie można wysłać więcej kodów.',
  useAnotherMethod: 'Wybierz inną metodę',
  tryAgain: 'Spróbuj ponownie',
  cancel: 'Anuluj',
  verified: 'Dziękujemy, karta została potwierdzona.',
  cancelled: 'Weryfikacja anulowana.',
  announceSending: 'Wysyłanie kodu…',
  announceVerifying: 'Sprawdzanie kodu…',
  announceMinutesLeft: {
    one: 'Na wpisanie kodu została {count} minuta.',
    few: 'Na wpisanie kodu zostały {count} minuty.',
    many: 'Na wpisanie kodu zostało {count} minut.',
    other: 'Na wpisanie kodu zostało {count} minuty.',
  },
  announceSecondsLeft: {
    one: 'Na wpisanie kodu została {count} sekunda.',
    few: 'Na wpisanie kodu zostały {count} sekundy.',
    many: 'Na wpisanie kodu zostało {count} sekund.',
    other: 'Na wpisanie kodu zostało {count} sekundy.',
  },
  announceExpired: 'Kod wygasł.',
  errors: {
    'no-otp-options':
      'Tej karty nie można tu potwierdzić kodem jednorazowym. Użyj innej karty lub innej metody płatności.',
    'send-rejected': 'Nie udało się tam wysłać kodu. Spróbuj ponownie lub wybierz inną metodę.',
    'resends-exhausted': 'Dla tej karty nie można wysłać więcej kodów. Użyj innej metody płatności.',
    'invalid-otp': 'Kod jest nieprawidłowy. Sprawdź go i spróbuj ponownie.',
    'attempts-exhausted': 'Zbyt wiele błędnych kodów. Poproś o nowy kod lub wybierz inną metodę.',
    expired: 'Ten kod wygasł. Poproś o nowy kod.',
    'code-unconfirmed': 'Nie udało się potwierdzić tego kodu. Poproś o nowy kod.',
    'rate-limited': 'Zbyt wiele zapytań. Odczekaj chwilę i spróbuj ponownie.',
    'server-error': 'Wystąpił błąd po naszej stronie. Spróbuj ponownie.',
    network: 'Nie udało się połączyć. Sprawdź połączenie z internetem i spróbuj ponownie.',
    timeout: 'To trwa zbyt długo. Spróbuj ponownie.',
    'malformed-response': 'Otrzymaliśmy nieoczekiwaną odpowiedź. Spróbuj ponownie.',
    unknown: 'Coś poszło nie tak. Spróbuj ponownie.',
  },
  wrongCodeAttemptsLeft: {
    one: 'Pozostała {count} próba.',
    few: 'Pozostały {count} próby.',
    many: 'Pozostało {count} prób.',
    other: 'Pozostało {count} próby.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
