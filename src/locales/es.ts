import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Spanish: formal address (usted), in wording read alike in Spain and Latin America. */
export const catalog = {
  locale: 'es',
  dir: 'ltr',
  title: 'Confirme su identidad',
  intro: 'Su banco necesita confirmar esta tarjeta. Le enviaremos un código de un solo uso.',
  chooseMethod: '¿Dónde desea recibir el código?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'Correo electrónico', OTP_ONLINE_BANKING: 'Banca en línea' },
  optionWithValue: {
    OTP_SMS: 'SMS al {value}',
    OTP_EMAIL: 'Correo electrónico a {value}',
    OTP_ONLINE_BANKING: 'Banca en línea: {value}',
  },
  destinationUnknown: { OTP_SMS: 'su teléfono', OTP_EMAIL: 'su correo electrónico', OTP_ONLINE_BANKING: 'su banca en línea' },
  destinationBanking: 'su banca en línea ({value})',
  chooseMethodRequired: 'Elija dónde desea recibir el código.',
  sendCode: 'Enviar código',
  sending: 'Enviando…',
  codeSent: 'Hemos enviado un código a {destination}.',
  codeLabel: 'Código de verificación',
  codeHint: 'Escriba el código de {length} dígitos.',
  codeIncomplete: 'Escriba los {length} dígitos del código.',
  verify: 'Verificar',
  verifying: 'Verificando…',
  expiresIn: 'El código expira en {time}',
  expired: 'Este código ha expirado. Solicite un código nuevo.',
  attemptsLeft: { one: 'Queda {count} intento', many: 'Quedan {count} de intentos', other: 'Quedan {count} intentos' },
  resendCode: 'Reenviar código',
  resendsLeft: { one: 'Queda {count} reenvío', many: 'Quedan {count} de reenvíos', other: 'Quedan {count} reenvíos' },
  resendsExhausted: 'No se pueden enviar más códigos para esta tarjeta.',
  useAnotherMethod: 'Usar otro método',
  tryAgain: 'Intentar de nuevo',
  cancel: 'Cancelar',
  verified: 'Gracias, su tarjeta está confirmada.',
  cancelled: 'Verificación cancelada.',
  announceSending: 'Enviando su código…',
  announceVerifying: 'Verificando su código…',
  announceMinutesLeft: {
    one: 'Queda {count} minuto para escribir el código.',
    many: 'Quedan {count} de minutos para escribir el código.',
    other: 'Quedan {count} minutos para escribir el código.',
  },
  announceSecondsLeft: {
    one: 'Queda {count} segundo para escribir el código.',
    many: 'Quedan {count} de segundos para escribir el código.',
    other: 'Quedan {count} segundos para escribir el código.',
  },
  announceExpired: 'El código ha expirado.',
  errors: {
    'no-otp-options':
      'Esta tarjeta no se puede confirmar aquí con un código de un solo uso. Use otra tarjeta u otro método de pago.',
    'send-rejected': 'No se pudo enviar el código a ese destino. Inténtelo de nuevo o elija otro método.',
    'resends-exhausted': 'No se pueden enviar más códigos para esta tarjeta. Use otro método de pago.',
    'invalid-otp': 'El código no es correcto. Revíselo e inténtelo de nuevo.',
    'attempts-exhausted': 'Demasiados códigos incorrectos. Solicite un código nuevo o elija otro método.',
    expired: 'Este código ha expirado. Solicite un código nuevo.',
    'code-unconfirmed': 'No se pudo confirmar este código. Solicite un código nuevo.',
    'rate-limited': 'Hay demasiadas solicitudes en este momento. Espere unos instantes e inténtelo de nuevo.',
    'server-error': 'Se produjo un error de nuestra parte. Inténtelo de nuevo.',
    network: 'No se pudo establecer la conexión. Verifique su conexión a internet e inténtelo de nuevo.',
    timeout: 'Esto está tardando demasiado. Inténtelo de nuevo.',
    'malformed-response': 'Se recibió una respuesta inesperada. Inténtelo de nuevo.',
    unknown: 'Se produjo un error. Inténtelo de nuevo.',
  },
  wrongCodeAttemptsLeft: { one: 'Queda {count} intento.', many: 'Quedan {count} de intentos.', other: 'Quedan {count} intentos.' },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
