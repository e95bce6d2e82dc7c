import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Spanish: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'App de su banco',
    page: 'Sitio web de su banco',
    callBank: 'Llamar a su banco',
    bankCalls: 'Llamada de su banco',
  },
  optionWithValue: {
    app: 'Autorizar en {value}',
    page: 'Sitio web de su banco: {value}',
    callBank: 'Llamar a su banco: {value}',
    bankCalls: 'Llamada de su banco al {value}',
  },
  continue: 'Continuar',
  intro: 'Su banco necesita confirmar esta tarjeta.',
  chooseMethod: '¿Cómo desea confirmarla?',
  notifyFailed: 'No hemos podido pedir a su banco que le llame.',
  noMoreCodes: 'No se pueden enviar más códigos para esta tarjeta. Elija otro método.',
  notifying: 'Solicitando una llamada de su banco…',
  waitingApp: 'Abra la app de su banco en su teléfono y autorice la solicitud. Después, vuelva a esta página.',
  waitingAppNamed: 'Abra {app} en su teléfono y autorice la solicitud. Después, vuelva a esta página.',
  waitingPage: 'Confirme en la página de su banco. Se abrirá en una ventana nueva.',
  waitingCallBank: 'Llame a su banco al {number} y pida que autoricen esta tarjeta para este comercio.',
  waitingCallBankNoNumber:
    'Llame al número que aparece en el reverso de su tarjeta y pida a su banco que autorice esta tarjeta para este comercio.',
  waitingBankCalls: 'Recibirá una llamada de su banco al {number}. Contéstela y siga las instrucciones.',
  waitingBankCallsNoNumber: 'En breve recibirá una llamada de su banco. Contéstela y siga las instrucciones.',
  openApp: 'Abrir la app de su banco',
  openPage: 'Abrir la página de su banco',
  copyNumber: 'Copiar número',
  numberCopied: 'Número copiado.',
  done: {
    app: 'Ya lo he autorizado',
    page: 'Ya he terminado en la página de mi banco',
    callBank: 'Ya he llamado a mi banco',
    bankCalls: 'Ya he recibido la llamada',
  },
  callAgain: '¿No ha recibido la llamada? Solicitar otra',
  callRequested: 'Hemos solicitado a su banco una nueva llamada.',
  callsExhausted: 'Su banco no puede volver a llamar para esta tarjeta.',
  checking: 'Consultando con su banco…',
  autoCheck: 'Esta página se actualizará sola cuando su banco lo confirme.',
  stillPending: 'Su banco aún no lo ha confirmado. Termine el proceso con su banco y vuelva a comprobarlo.',
  pollStopped: 'Hemos dejado de comprobarlo automáticamente. Cuando termine con su banco, vuelva a comprobarlo.',
  checkAgain: 'Comprobar de nuevo',
  declined: 'Su banco ha rechazado esta solicitud. Elija otro método o use otra tarjeta.',
  expired: 'Esta solicitud ha expirado. Vuelva a elegir un método.',
  popupBlocked:
    'Su navegador ha bloqueado la página de su banco. Permita las ventanas emergentes para este sitio o vuelva a abrirla.',
  windowClosed:
    'La página de su banco se cerró antes de terminar. Vuelva a abrirla o compruebe si ya había terminado.',
  noResult: 'La página de su banco no envió ningún resultado. Estamos consultando con su banco.',
  failure: 'Su banco no pudo completar la confirmación. Inténtelo de nuevo o elija otro método.',
  confirming: 'Confirmando con su banco…',
  codeRefused: 'No se aceptó la confirmación de su banco. Elija otro método.',
  announceWaiting: 'Esperando la confirmación de su banco.',
} satisfies OutOfBandCatalog;

export default words;
