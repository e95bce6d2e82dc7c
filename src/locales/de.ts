import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** German: formal address (Sie). */
export const catalog = {
  locale: 'de',
  dir: 'ltr',
  title: 'Bestätigen Sie Ihre Identität',
  intro: 'Ihre Bank muss diese Karte bestätigen. Wir senden Ihnen dazu einen Einmalcode.',
  chooseMethod: 'Wohin sollen wir Ihren Code senden?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'E-Mail', OTP_ONLINE_BANKING: 'Onlinebanking' },
  optionWithValue: { OTP_SMS: 'SMS an {value}', OTP_EMAIL: 'E-Mail an {value}', OTP_ONLINE_BANKING: 'Onlinebanking: {value}' },
  destinationUnknown: { OTP_SMS: 'Ihre Mobilnummer', OTP_EMAIL: 'Ihre E-Mail-Adresse', OTP_ONLINE_BANKING: 'Ihr Onlinebanking' },
  destinationBanking: 'Ihr Onlinebanking ({value})',
  chooseMethodRequired: 'Wählen Sie aus, wohin wir Ihren Code senden sollen.',
  sendCode: 'Code senden',
  sending: 'Wird gesendet…',
  codeSent: 'Wir haben einen Code an {destination} gesendet.',
  codeLabel: 'Bestätigungscode',
  codeHint: 'Geben Sie den {length}-stelligen Code ein.',
  codeIncomplete: 'Geben Sie alle {length} Ziffern des Codes ein.',
  verify: 'Bestätigen',
  verifying: 'Wird geprüft…',
  expiresIn: 'Code läuft in {time} ab',
  expired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an.',
  attemptsLeft: { one: 'Noch {count} Versuch', other: 'Noch {count} Versuche' },
  resendCode: 'Code erneut senden',
  resendsLeft: { one: 'Noch {count} neuer Code möglich', other: 'Noch {count} neue Codes möglich' },
  resendsExhausted: 'Für diese Karte können keine weiteren Codes gesendet werden.',
  useAnotherMethod: 'Andere Methode wählen',
  tryAgain: 'Erneut versuchen',
  cancel: 'Abbrechen',
  verified: 'Vielen Dank, Ihre Karte ist bestätigt.',
  cancelled: 'Bestätigung abgebrochen.',
  announceSending: 'Ihr Code wird gesendet…',
  announceVerifying: 'Ihr Code wird geprüft…',
  announceMinutesLeft: {
    one: 'Noch {count} Minute, um den Code einzugeben.',
    other: 'Noch {count} Minuten, um den Code einzugeben.',
  },
  announceSecondsLeft: {
    one: 'Noch {count} Sekunde, um den Code einzugeben.',
    other: 'Noch {count} Sekunden, um den Code einzugeben.',
  },
  announceExpired: 'Der Code ist abgelaufen.',
  errors: {
    'no-otp-options':
      'Diese Karte kann hier nicht mit einem Einmalcode bestätigt werden. Bitte verwenden Sie eine andere Karte oder Zahlungsart.',
    'send-rejected': 'Dorthin konnten wir keinen Code senden. Versuchen Sie es erneut oder wählen Sie eine andere Methode.',
    'resends-exhausted':
      'Für diese Karte können keine weiteren Codes gesendet werden. Bitte verwenden Sie eine andere Zahlungsart.',
    'invalid-otp': 'Dieser Code ist nicht korrekt. Prüfen Sie ihn und versuchen Sie es erneut.',
    'attempts-exhausted': 'Zu viele falsche Codes. Fordern Sie einen neuen Code an oder wählen Sie eine andere Methode.',
    expired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an.',
    'code-unconfirmed': 'Wir konnten diesen Code nicht bestätigen. Fordern Sie einen neuen Code an.',
    'rate-limited': 'Gerade gibt es zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
    'server-error': 'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
    network: 'Wir konnten keine Verbindung herstellen. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    timeout: 'Das dauert zu lange. Bitte versuchen Sie es erneut.',
    'malformed-response': 'Wir haben eine unerwartete Antwort erhalten. Bitte versuchen Sie es erneut.',
    unknown: 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  },
  wrongCodeAttemptsLeft: { one: 'Noch {count} Versuch.', other: 'Noch {count} Versuche.' },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
