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
  outOfBand: {
    methods: {
      app: 'Ihre Banking-App',
      page: 'Website Ihrer Bank',
      callBank: 'Ihre Bank anrufen',
      bankCalls: 'Ihre Bank ruft Sie an',
    },
    optionWithValue: {
      app: 'In {value} freigeben',
      page: 'Website Ihrer Bank: {value}',
      callBank: 'Ihre Bank anrufen: {value}',
      bankCalls: 'Ihre Bank ruft Sie unter {value} an',
    },
    continue: 'Weiter',
    notifying: 'Wir bitten Ihre Bank, Sie anzurufen…',
    waitingApp:
      'Öffnen Sie Ihre Banking-App auf Ihrem Smartphone und geben Sie die Anfrage frei. Kehren Sie danach hierher zurück.',
    waitingAppNamed:
      'Öffnen Sie {app} auf Ihrem Smartphone und geben Sie die Anfrage frei. Kehren Sie danach hierher zurück.',
    waitingPage: 'Bestätigen Sie auf der Seite Ihrer Bank. Die Seite öffnet sich in einem neuen Fenster.',
    waitingCallBank:
      'Rufen Sie Ihre Bank unter {number} an und bitten Sie darum, diese Karte für diesen Shop freizugeben.',
    waitingCallBankNoNumber:
      'Rufen Sie die Nummer auf der Rückseite Ihrer Karte an und bitten Sie Ihre Bank, diese Karte für diesen Shop freizugeben.',
    waitingBankCalls: 'Ihre Bank ruft Sie unter {number} an. Nehmen Sie den Anruf an und folgen Sie den Anweisungen.',
    waitingBankCallsNoNumber: 'Ihre Bank ruft Sie in Kürze an. Nehmen Sie den Anruf an und folgen Sie den Anweisungen.',
    openApp: 'Banking-App öffnen',
    openPage: 'Seite Ihrer Bank öffnen',
    copyNumber: 'Nummer kopieren',
    numberCopied: 'Nummer kopiert.',
    done: {
      app: 'Ich habe freigegeben',
      page: 'Ich habe auf der Seite meiner Bank bestätigt',
      callBank: 'Ich habe meine Bank angerufen',
      bankCalls: 'Meine Bank hat mich angerufen',
    },
    callAgain: 'Kein Anruf erhalten? Erneut anfordern',
    callRequested: 'Wir haben Ihre Bank gebeten, Sie erneut anzurufen.',
    callsExhausted: 'Ihre Bank kann für diese Karte nicht erneut anrufen.',
    checking: 'Wird bei Ihrer Bank geprüft…',
    autoCheck: 'Diese Seite aktualisiert sich automatisch, sobald Ihre Bank bestätigt.',
    stillPending:
      'Ihre Bank hat noch nicht bestätigt. Schließen Sie den Vorgang bei Ihrer Bank ab und prüfen Sie dann erneut.',
    pollStopped:
      'Wir prüfen nicht mehr automatisch. Wenn Sie den Vorgang bei Ihrer Bank abgeschlossen haben, prüfen Sie erneut.',
    checkAgain: 'Erneut prüfen',
    declined:
      'Ihre Bank hat diese Anfrage abgelehnt. Wählen Sie eine andere Methode oder verwenden Sie eine andere Karte.',
    expired: 'Diese Anfrage ist abgelaufen. Wählen Sie erneut eine Methode.',
    popupBlocked:
      'Ihr Browser hat die Seite Ihrer Bank blockiert. Erlauben Sie Pop-ups für diese Website oder öffnen Sie die Seite erneut.',
    windowClosed:
      'Die Seite Ihrer Bank wurde geschlossen, bevor der Vorgang abgeschlossen war. Öffnen Sie sie erneut oder prüfen Sie, ob Sie bereits fertig waren.',
    noResult: 'Die Seite Ihrer Bank hat kein Ergebnis übermittelt. Wir fragen bei Ihrer Bank nach.',
    failure:
      'Ihre Bank konnte die Bestätigung nicht abschließen. Versuchen Sie es erneut oder wählen Sie eine andere Methode.',
    confirming: 'Wird mit Ihrer Bank bestätigt…',
    codeRefused: 'Die Bestätigung Ihrer Bank wurde nicht akzeptiert. Wählen Sie eine andere Methode.',
    announceWaiting: 'Warten auf die Bestätigung Ihrer Bank.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
