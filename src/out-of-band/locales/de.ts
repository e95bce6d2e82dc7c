import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** German: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
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
  intro: 'Ihre Bank muss diese Karte bestätigen.',
  chooseMethod: 'Wie möchten Sie bestätigen?',
  notifyFailed: 'Wir konnten Ihre Bank nicht bitten, Sie anzurufen.',
  noMoreCodes: 'Für diese Karte können keine weiteren Codes gesendet werden. Wählen Sie eine andere Methode.',
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
} satisfies OutOfBandCatalog;

export default words;
