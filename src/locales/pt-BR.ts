import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Brazilian Portuguese: "você", as Brazilian checkouts address the buyer. */
export const catalog = {
  locale: 'pt-BR',
  dir: 'ltr',
  title: 'Confirme sua identidade',
  intro: 'Seu banco precisa confirmar este cartão. Vamos enviar um código de uso único para você.',
  chooseMethod: 'Onde você quer receber o código?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'E-mail', OTP_ONLINE_BANKING: 'Internet banking' },
  optionWithValue: { OTP_SMS: 'SMS para {value}', OTP_EMAIL: 'E-mail para {value}', OTP_ONLINE_BANKING: 'Internet banking: {value}' },
  destinationUnknown: { OTP_SMS: 'seu celular', OTP_EMAIL: 'seu e-mail', OTP_ONLINE_BANKING: 'seu internet banking' },
  destinationBanking: 'seu internet banking ({value})',
  chooseMethodRequired: 'Escolha onde você quer receber o código.',
  sendCode: 'Enviar código',
  sending: 'Enviando…',
  codeSent: 'Enviamos um código para {destination}.',
  codeLabel: 'Código de verificação',
  codeHint: 'Digite o código de {length} dígitos.',
  codeIncomplete: 'Digite os {length} dígitos do código.',
  verify: 'Verificar',
  verifying: 'Verificando…',
  expiresIn: 'O código expira em {time}',
  expired: 'Este código expirou. Solicite um novo código.',
  attemptsLeft: { one: 'Resta {count} tentativa', many: 'Restam {count} de tentativas', other: 'Restam {count} tentativas' },
  resendCode: 'Reenviar código',
  resendsLeft: { one: 'Resta {count} reenvio', many: 'Restam {count} de reenvios', other: 'Restam {count} reenvios' },
  resendsExhausted: 'Não é possível enviar mais códigos para este cartão.',
  useAnotherMethod: 'Usar outro método',
  tryAgain: 'Tentar novamente',
  cancel: 'Cancelar',
  verified: 'Obrigado, seu cartão foi confirmado.',
  cancelled: 'Verificação cancelada.',
  announceSending: 'Enviando seu código…',
  announceVerifying: 'Verificando seu código…',
  announceMinutesLeft: {
    one: 'Resta {count} minuto para digitar o código.',
    many: 'Restam {count} de minutos para digitar o código.',
    other: 'Restam {count} minutos para digitar o código.',
  },
  announceSecondsLeft: {
    one: 'Resta {count} segundo para digitar o código.',
    many: 'Restam {count} de segundos para digitar o código.',
    other: 'Restam {count} segundos para digitar o código.',
  },
  announceExpired: 'O código expirou.',
  errors: {
    'no-otp-options':
      'Não é possível confirmar este cartão aqui com um código de uso único. Use outro cartão ou outra forma de pagamento.',
    'send-rejected': 'Não foi possível enviar o código por esse meio. Tente novamente ou escolha outro método.',
    'resends-exhausted': 'Não é possível enviar mais códigos para este cartão. Use outra forma de pagamento.',
    'invalid-otp': 'Código incorreto. Confira e tente novamente.',
    'attempts-exhausted': 'Muitos códigos incorretos. Solicite um novo código ou escolha outro método.',
    expired: 'Este código expirou. Solicite um novo código.',
    'code-unconfirmed': 'Não foi possível confirmar este código. Solicite um novo código.',
    'rate-limited': 'Muitas solicitações no momento. Aguarde um instante e tente novamente.',
    'server-error': 'Algo deu errado do nosso lado. Tente novamente.',
    network: 'Não foi possível conectar. Verifique sua conexão com a internet e tente novamente.',
    timeout: 'Isso está demorando demais. Tente novamente.',
    'malformed-response': 'Recebemos uma resposta inesperada. Tente novamente.',
    unknown: 'Algo deu errado. Tente novamente.',
  },
  wrongCodeAttemptsLeft: {
    one: 'Resta {count} tentativa.',
    many: 'Restam {count} de tentativas.',
    other: 'Restam {count} tentativas.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
