import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Italian: formal address (Lei) in sentences; buttons in the usual short imperative. */
export const catalog = {
  locale: 'it',
  dir: 'ltr',
  title: 'Conferma dell’identità',
  intro: 'La sua banca deve confermare questa carta. Le invieremo un codice monouso.',
  chooseMethod: 'Dove desidera ricevere il codice?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'E-mail', OTP_ONLINE_BANKING: 'Home banking' },
  optionWithValue: { OTP_SMS: 'SMS al {value}', OTP_EMAIL: 'E-mail a {value}', OTP_ONLINE_BANKING: 'Home banking: {value}' },
  destinationUnknown: {
    OTP_SMS: 'il suo telefono',
    OTP_EMAIL: 'il suo indirizzo e-mail',
    OTP_ONLINE_BANKING: 'il suo home banking',
  },
  destinationBanking: 'il suo home banking ({value})',
  chooseMethodRequired: 'Scelga dove ricevere il codice.',
  sendCode: 'Invia codice',
  sending: 'Invio in corso…',
  codeSent: 'Abbiamo inviato un codice al seguente recapito: {destination}.',
  codeLabel: 'Codice di verifica',
  codeHint: 'Inserisca il codice a {length} cifre.',
  codeIncomplete: 'Inserisca tutte le {length} cifre del codice.',
  verify: 'Verifica',
  verifying: 'Verifica in corso…',
  expiresIn: 'Il codice scade tra {time}',
  expired: 'Questo codice è scaduto. Richieda un nuovo codice.',
  attemptsLeft: {
    one: '{count} tentativo rimanente',
    many: '{count} di tentativi rimanenti',
    other: '{count} tentativi rimanenti',
  },
  resendCode: 'Reinvia codice',
  resendsLeft: {
    one: '{count} nuovo invio disponibile',
    many: '{count} di nuovi invii disponibili',
    other: '{count} nuovi invii disponibili',
  },
  resendsExhausted: 'Non è possibile inviare altri codici per questa carta.',
  useAnotherMethod: 'Cambia metodo',
  tryAgain: 'Riprova',
  cancel: 'Annulla',
  verified: 'Grazie, la sua carta è stata confermata.',
  cancelled: 'Verifica annullata.',
  announceSending: 'Invio del codice in corso…',
  announceVerifying: 'Verifica del codice in corso…',
  announceMinutesLeft: {
    one: 'Resta {count} minuto per inserire il codice.',
    many: 'Restano {count} di minuti per inserire il codice.',
    other: 'Restano {count} minuti per inserire il codice.',
  },
  announceSecondsLeft: {
    one: 'Resta {count} secondo per inserire il codice.',
    many: 'Restano {count} di secondi per inserire il codice.',
    other: 'Restano {count} secondi per inserire il codice.',
  },
  announceExpired: 'Il codice è scaduto.',
  errors: {
    'no-otp-options':
      'Qui non è possibile confermare questa carta con un codice monouso. Utilizzi un’altra carta o un altro metodo di pagamento.',
    'send-rejected': 'Non è stato possibile inviare il codice a questo recapito. Riprovi o scelga un altro metodo.',
    'resends-exhausted': 'Non è possibile inviare altri codici per questa carta. Utilizzi un altro metodo di pagamento.',
    'invalid-otp': 'Il codice non è corretto. Lo controlli e riprovi.',
    'attempts-exhausted': 'Troppi codici errati. Richieda un nuovo codice o scelga un altro metodo.',
    expired: 'Questo codice è scaduto. Richieda un nuovo codice.',
    'code-unconfirmed': 'Non è stato possibile confermare questo codice. Richieda un nuovo codice.',
    'rate-limited': 'Troppe richieste in questo momento. Attenda qualche istante e riprovi.',
    'server-error': 'Si è verificato un problema da parte nostra. La preghiamo di riprovare.',
    network: 'Connessione non riuscita. Verifichi la connessione a internet e riprovi.',
    timeout: 'L’operazione sta richiedendo troppo tempo. La preghiamo di riprovare.',
    'malformed-response': 'Abbiamo ricevuto una risposta inattesa. La preghiamo di riprovare.',
    unknown: 'Si è verificato un errore. La preghiamo di riprovare.',
  },
  wrongCodeAttemptsLeft: {
    one: 'Resta {count} tentativo.',
    many: 'Restano {count} di tentativi.',
    other: 'Restano {count} tentativi.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
