import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Dutch: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'App van uw bank',
    page: 'Website van uw bank',
    callBank: 'Uw bank bellen',
    bankCalls: 'Uw bank belt u',
  },
  optionWithValue: {
    app: 'Goedkeuren in {value}',
    page: 'Website van uw bank: {value}',
    callBank: 'Uw bank bellen: {value}',
    bankCalls: 'Uw bank belt u op {value}',
  },
  continue: 'Doorgaan',
  intro: 'Uw bank moet deze kaart bevestigen.',
  chooseMethod: 'Hoe wilt u bevestigen?',
  notifyFailed: 'We konden uw bank niet vragen u te bellen.',
  noMoreCodes: 'Voor deze kaart kunnen geen codes meer worden verstuurd. Kies een andere methode.',
  notifying: 'We vragen uw bank u te bellen…',
  waitingApp: 'Open de app van uw bank op uw telefoon en keur het verzoek goed. Kom daarna terug naar deze pagina.',
  waitingAppNamed: 'Open {app} op uw telefoon en keur het verzoek goed. Kom daarna terug naar deze pagina.',
  waitingPage: 'Bevestig op de pagina van uw bank. Die opent in een nieuw venster.',
  waitingCallBank: 'Bel uw bank op {number} en vraag of ze deze kaart voor deze webwinkel willen goedkeuren.',
  waitingCallBankNoNumber:
    'Bel het nummer op de achterkant van uw kaart en vraag uw bank om deze kaart voor deze webwinkel goed te keuren.',
  waitingBankCalls: 'Uw bank belt u op {number}. Neem op en volg de instructies.',
  waitingBankCallsNoNumber: 'Uw bank belt u zo meteen. Neem op en volg de instructies.',
  openApp: 'App van uw bank openen',
  openPage: 'Pagina van uw bank openen',
  copyNumber: 'Nummer kopiëren',
  numberCopied: 'Nummer gekopieerd.',
  done: {
    app: 'Ik heb het goedgekeurd',
    page: 'Ik ben klaar op de pagina van mijn bank',
    callBank: 'Ik heb mijn bank gebeld',
    bankCalls: 'Mijn bank heeft me gebeld',
  },
  callAgain: 'Niet gebeld? Opnieuw aanvragen',
  callRequested: 'We hebben uw bank gevraagd u opnieuw te bellen.',
  callsExhausted: 'Uw bank kan voor deze kaart niet nog een keer bellen.',
  checking: 'Controleren bij uw bank…',
  autoCheck: 'Deze pagina werkt vanzelf bij zodra uw bank bevestigt.',
  stillPending: 'Uw bank heeft nog niet bevestigd. Rond het af bij uw bank en controleer het daarna opnieuw.',
  pollStopped: 'We controleren niet meer automatisch. Bent u klaar bij uw bank? Controleer het dan opnieuw.',
  checkAgain: 'Opnieuw controleren',
  declined: 'Uw bank heeft dit verzoek afgewezen. Kies een andere methode of gebruik een andere kaart.',
  expired: 'Dit verzoek is verlopen. Kies opnieuw een methode.',
  popupBlocked:
    'Uw browser heeft de pagina van uw bank geblokkeerd. Sta pop-ups toe voor deze website of open de pagina opnieuw.',
  windowClosed:
    'De pagina van uw bank is gesloten voordat u klaar was. Open de pagina opnieuw of controleer of het al gelukt is.',
  noResult: 'De pagina van uw bank heeft geen resultaat teruggestuurd. We vragen het na bij uw bank.',
  failure: 'Uw bank kon de bevestiging niet afronden. Probeer het opnieuw of kies een andere methode.',
  confirming: 'Bevestigen bij uw bank…',
  codeRefused: 'De bevestiging van uw bank is niet geaccepteerd. Kies een andere methode.',
  announceWaiting: 'Wachten op bevestiging van uw bank.',
} satisfies OutOfBandCatalog;

export default words;
