import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Swedish: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'Din bankapp',
    page: 'Din banks webbplats',
    callBank: 'Ring din bank',
    bankCalls: 'Banken ringer dig',
  },
  optionWithValue: {
    app: 'Godkänn i {value}',
    page: 'Din banks webbplats: {value}',
    callBank: 'Ring din bank: {value}',
    bankCalls: 'Banken ringer dig på {value}',
  },
  continue: 'Fortsätt',
  intro: 'Din bank behöver bekräfta det här kortet.',
  chooseMethod: 'Hur vill du bekräfta?',
  notifyFailed: 'Vi kunde inte be din bank att ringa dig.',
  noMoreCodes: 'Det går inte att skicka fler koder för det här kortet. Välj ett annat sätt.',
  notifying: 'Ber din bank att ringa dig…',
  waitingApp: 'Öppna bankappen i din telefon och godkänn begäran. Kom sedan tillbaka hit.',
  waitingAppNamed: 'Öppna {app} i din telefon och godkänn begäran. Kom sedan tillbaka hit.',
  waitingPage: 'Bekräfta på din banks sida. Den öppnas i ett nytt fönster.',
  waitingCallBank: 'Ring din bank på {number} och be dem godkänna det här kortet för den här butiken.',
  waitingCallBankNoNumber:
    'Ring numret på baksidan av ditt kort och be din bank godkänna det här kortet för den här butiken.',
  waitingBankCalls: 'Din bank ringer dig på {number}. Svara och följ instruktionerna.',
  waitingBankCallsNoNumber: 'Din bank ringer dig inom kort. Svara och följ instruktionerna.',
  openApp: 'Öppna bankappen',
  openPage: 'Öppna bankens sida',
  copyNumber: 'Kopiera numret',
  numberCopied: 'Numret har kopierats.',
  done: {
    app: 'Jag har godkänt',
    page: 'Jag är klar på bankens sida',
    callBank: 'Jag har ringt banken',
    bankCalls: 'Banken har ringt mig',
  },
  callAgain: 'Inget samtal? Be om ett nytt',
  callRequested: 'Vi har bett din bank att ringa dig igen.',
  callsExhausted: 'Din bank kan inte ringa igen för det här kortet.',
  checking: 'Kontrollerar med din bank…',
  autoCheck: 'Sidan uppdateras av sig själv när din bank har bekräftat.',
  stillPending: 'Din bank har inte bekräftat än. Gör klart hos din bank och kontrollera sedan igen.',
  pollStopped: 'Vi har slutat kontrollera automatiskt. När du är klar hos din bank kan du kontrollera igen.',
  checkAgain: 'Kontrollera igen',
  declined: 'Din bank har nekat begäran. Välj ett annat sätt eller använd ett annat kort.',
  expired: 'Begäran har gått ut. Välj ett sätt igen.',
  popupBlocked:
    'Din webbläsare blockerade bankens sida. Tillåt popup-fönster för den här webbplatsen eller öppna sidan igen.',
  windowClosed: 'Bankens sida stängdes innan du var klar. Öppna den igen eller kontrollera om du redan är klar.',
  noResult: 'Bankens sida skickade inget resultat. Vi kontrollerar med din bank.',
  failure: 'Din bank kunde inte slutföra bekräftelsen. Försök igen eller välj ett annat sätt.',
  confirming: 'Bekräftar med din bank…',
  codeRefused: 'Din banks bekräftelse godkändes inte. Välj ett annat sätt.',
  announceWaiting: 'Väntar på bekräftelse från din bank.',
} satisfies OutOfBandCatalog;

export default words;
