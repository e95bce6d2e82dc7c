import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/**
 * French: formal address (vous). A narrow no-break space (U+202F) stands before ? ! ; and a no-break
 * space (U+00A0) before :, as French typography wants.
 */
export const catalog = {
  locale: 'fr',
  dir: 'ltr',
  title: 'Confirmez votre identité',
  intro: 'Votre banque doit confirmer cette carte. Nous allons vous envoyer un code à usage unique.',
  chooseMethod: 'Où souhaitez-vous recevoir votre code ?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'E-mail', OTP_ONLINE_BANKING: 'Banque en ligne' },
  optionWithValue: { OTP_SMS: 'SMS au {value}', OTP_EMAIL: 'E-mail à {value}', OTP_ONLINE_BANKING: 'Banque en ligne : {value}' },
  destinationUnknown: { OTP_SMS: 'votre téléphone', OTP_EMAIL: 'votre adresse e-mail', OTP_ONLINE_BANKING: 'votre banque en ligne' },
  destinationBanking: 'votre banque en ligne ({value})',
  chooseMethodRequired: 'Choisissez où recevoir votre code.',
  sendCode: 'Envoyer le code',
  sending: 'Envoi en cours…',
  codeSent: 'Nous avons envoyé un code à {destination}.',
  codeLabel: 'Code de vérification',
  codeHint: 'Saisissez le code à {length} chiffres.',
  codeIncomplete: 'Saisissez les {length} chiffres du code.',
  verify: 'Valider',
  verifying: 'Vérification…',
  expiresIn: 'Le code expire dans {time}',
  expired: 'Ce code a expiré. Demandez un nouveau code.',
  attemptsLeft: {
    one: '{count} tentative restante',
    many: '{count} de tentatives restantes',
    other: '{count} tentatives restantes',
  },
  resendCode: 'Renvoyer le code',
  resendsLeft: { one: '{count} renvoi restant', many: '{count} de renvois restants', other: '{count} renvois restants' },
  resendsExhausted: 'Aucun autre code ne peut être envoyé pour cette carte.',
  useAnotherMethod: 'Changer de méthode',
  tryAgain: 'Réessayer',
  cancel: 'Annuler',
  verified: 'Merci, votre carte est confirmée.',
  cancelled: 'Vérification annulée.',
  announceSending: 'Envoi de votre code…',
  announceVerifying: 'Vérification de votre code…',
  announceMinutesLeft: {
    one: 'Il vous reste {count} minute pour saisir le code.',
    many: 'Il vous reste {count} de minutes pour saisir le code.',
    other: 'Il vous reste {count} minutes pour saisir le code.',
  },
  announceSecondsLeft: {
    one: 'Il vous reste {count} seconde pour saisir le code.',
    many: 'Il vous reste {count} de secondes pour saisir le code.',
    other: 'Il vous reste {count} secondes pour saisir le code.',
  },
  announceExpired: 'Le code a expiré.',
  errors: {
    'no-otp-options':
      'Cette carte ne peut pas être confirmée ici par un code à usage unique. Veuillez utiliser une autre carte ou un autre moyen de paiement.',
    'send-rejected': 'Nous n’avons pas pu envoyer de code par ce moyen. Réessayez ou choisissez une autre méthode.',
    'resends-exhausted': 'Aucun autre code ne peut être envoyé pour cette carte. Veuillez utiliser un autre moyen de paiement.',
    'invalid-otp': 'Ce code est incorrect. Vérifiez-le et réessayez.',
    'attempts-exhausted': 'Trop de codes incorrects. Demandez un nouveau code ou choisissez une autre méthode.',
    expired: 'Ce code a expiré. Demandez un nouveau code.',
    'code-unconfirmed': 'Nous n’avons pas pu confirmer ce code. Demandez un nouveau code.',
    'rate-limited': 'Trop de demandes pour le moment. Patientez quelques instants et réessayez.',
    'server-error': 'Un problème est survenu de notre côté. Veuillez réessayer.',
    network: 'Connexion impossible. Vérifiez votre connexion Internet et réessayez.',
    timeout: 'L’opération prend trop de temps. Veuillez réessayer.',
    'malformed-response': 'Nous avons reçu une réponse inattendue. Veuillez réessayer.',
    unknown: 'Une erreur est survenue. Veuillez réessayer.',
  },
  wrongCodeAttemptsLeft: {
    one: 'Il vous reste {count} tentative.',
    many: 'Il vous reste {count} de tentatives.',
    other: 'Il vous reste {count} tentatives.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
