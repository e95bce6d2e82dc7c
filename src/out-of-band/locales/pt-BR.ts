import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Portuguese (Brazil): the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'App do seu banco',
    page: 'Site do seu banco',
    callBank: 'Ligar para o seu banco',
    bankCalls: 'Seu banco liga para você',
  },
  optionWithValue: {
    app: 'Aprovar em {value}',
    page: 'Site do seu banco: {value}',
    callBank: 'Ligar para o seu banco: {value}',
    bankCalls: 'Seu banco liga para você no {value}',
  },
  continue: 'Continuar',
  intro: 'Seu banco precisa confirmar este cartão.',
  chooseMethod: 'Como você quer confirmar?',
  notifyFailed: 'Não conseguimos pedir ao seu banco que ligue para você.',
  noMoreCodes: 'Não é possível enviar mais códigos para este cartão. Escolha outro método.',
  notifying: 'Pedindo para o seu banco ligar para você…',
  waitingApp: 'Abra o app do seu banco no celular e aprove a solicitação. Depois, volte para esta página.',
  waitingAppNamed: 'Abra {app} no celular e aprove a solicitação. Depois, volte para esta página.',
  waitingPage: 'Confirme na página do seu banco. Ela abre em uma nova janela.',
  waitingCallBank: 'Ligue para o seu banco no {number} e peça a aprovação deste cartão para esta loja.',
  waitingCallBankNoNumber:
    'Ligue para o número no verso do seu cartão e peça ao seu banco a aprovação deste cartão para esta loja.',
  waitingBankCalls: 'Seu banco vai ligar para você no {number}. Atenda e siga as instruções.',
  waitingBankCallsNoNumber: 'Seu banco vai ligar para você em instantes. Atenda e siga as instruções.',
  openApp: 'Abrir o app do banco',
  openPage: 'Abrir a página do banco',
  copyNumber: 'Copiar número',
  numberCopied: 'Número copiado.',
  done: {
    app: 'Já aprovei',
    page: 'Já concluí na página do banco',
    callBank: 'Já liguei para o banco',
    bankCalls: 'Já atendi a ligação',
  },
  callAgain: 'Não recebeu a ligação? Pedir novamente',
  callRequested: 'Pedimos ao seu banco para ligar para você novamente.',
  callsExhausted: 'Seu banco não pode ligar novamente para este cartão.',
  checking: 'Consultando seu banco…',
  autoCheck: 'Esta página é atualizada sozinha assim que seu banco confirmar.',
  stillPending: 'Seu banco ainda não confirmou. Conclua o processo com seu banco e verifique novamente.',
  pollStopped: 'Paramos de verificar automaticamente. Quando terminar com seu banco, verifique novamente.',
  checkAgain: 'Verificar novamente',
  declined: 'Seu banco recusou esta solicitação. Escolha outro método ou use outro cartão.',
  expired: 'Esta solicitação expirou. Escolha um método novamente.',
  popupBlocked:
    'Seu navegador bloqueou a página do seu banco. Permita pop-ups para este site ou abra a página novamente.',
  windowClosed:
    'A página do seu banco foi fechada antes de terminar. Abra novamente ou verifique se você já concluiu.',
  noResult: 'A página do seu banco não enviou um resultado. Estamos consultando seu banco.',
  failure: 'Seu banco não conseguiu concluir a confirmação. Tente novamente ou escolha outro método.',
  confirming: 'Confirmando com seu banco…',
  codeRefused: 'A confirmação do seu banco não foi aceita. Escolha outro método.',
  announceWaiting: 'Aguardando a confirmação do seu banco.',
} satisfies OutOfBandCatalog;

export default words;
