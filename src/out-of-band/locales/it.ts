import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Italian: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'App della sua banca',
    page: 'Sito della sua banca',
    callBank: 'Chiamata alla sua banca',
    bankCalls: 'Chiamata dalla sua banca',
  },
  optionWithValue: {
    app: 'Autorizza in {value}',
    page: 'Sito della sua banca: {value}',
    callBank: 'Chiamata alla sua banca: {value}',
    bankCalls: 'Chiamata dalla sua banca al {value}',
  },
  continue: 'Continua',
  intro: 'La sua banca deve confermare questa carta.',
  chooseMethod: 'Come desidera confermare?',
  notifyFailed: 'Non è stato possibile chiedere alla sua banca di chiamarla.',
  noMoreCodes: 'Non è possibile inviare altri codici per questa carta. Scelga un altro metodo.',
  notifying: 'Stiamo chiedendo alla sua banca di chiamarla…',
  waitingApp: 'Apra l’app della sua banca sul telefono e autorizzi la richiesta. Poi torni su questa pagina.',
  waitingAppNamed: 'Apra {app} sul telefono e autorizzi la richiesta. Poi torni su questa pagina.',
  waitingPage: 'Confermi sulla pagina della sua banca, che si apre in una nuova finestra.',
  waitingCallBank:
    'Chiami la sua banca al numero {number} e chieda di autorizzare questa carta per questo esercente.',
  waitingCallBankNoNumber:
    'Chiami il numero riportato sul retro della carta e chieda alla sua banca di autorizzare questa carta per questo esercente.',
  waitingBankCalls: 'La sua banca la chiamerà al numero {number}. Risponda e segua le istruzioni.',
  waitingBankCallsNoNumber: 'La sua banca la chiamerà a breve. Risponda e segua le istruzioni.',
  openApp: 'Apri l’app della banca',
  openPage: 'Apri la pagina della banca',
  copyNumber: 'Copia numero',
  numberCopied: 'Numero copiato.',
  done: {
    app: 'Ho autorizzato',
    page: 'Ho completato sulla pagina della banca',
    callBank: 'Ho chiamato la banca',
    bankCalls: 'Ho ricevuto la chiamata',
  },
  callAgain: 'Nessuna chiamata? Richiedi di nuovo',
  callRequested: 'Abbiamo chiesto alla sua banca di richiamarla.',
  callsExhausted: 'La sua banca non può più chiamarla per questa carta.',
  checking: 'Verifica con la banca in corso…',
  autoCheck: 'Questa pagina si aggiorna da sola appena la sua banca conferma.',
  stillPending: 'La sua banca non ha ancora confermato. Completi l’operazione con la banca, poi verifichi di nuovo.',
  pollStopped:
    'Abbiamo interrotto la verifica automatica. Quando avrà completato l’operazione con la banca, verifichi di nuovo.',
  checkAgain: 'Verifica di nuovo',
  declined: 'La sua banca ha rifiutato questa richiesta. Scelga un altro metodo o utilizzi un’altra carta.',
  expired: 'Questa richiesta è scaduta. Scelga di nuovo un metodo.',
  popupBlocked:
    'Il browser ha bloccato la pagina della sua banca. Consenta i pop-up per questo sito o la apra di nuovo.',
  windowClosed:
    'La pagina della sua banca è stata chiusa prima del termine. La apra di nuovo o verifichi se ha già completato l’operazione.',
  noResult: 'La pagina della sua banca non ha restituito alcun esito. Stiamo verificando con la banca.',
  failure: 'La sua banca non è riuscita a completare la conferma. Riprovi o scelga un altro metodo.',
  confirming: 'Conferma con la banca in corso…',
  codeRefused: 'La conferma della sua banca non è stata accettata. Scelga un altro metodo.',
  announceWaiting: 'In attesa della conferma della sua banca.',
} satisfies OutOfBandCatalog;

export default words;
