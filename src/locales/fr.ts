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
  outOfBand: {
    methods: {
      app: 'Votre application bancaire',
      page: 'Site de votre banque',
      callBank: 'Appeler votre banque',
      bankCalls: 'Votre banque vous appelle',
    },
    optionWithValue: {
      app: 'Valider dans {value}',
      page: 'Site de votre banque : {value}',
      callBank: 'Appeler votre banque : {value}',
      bankCalls: 'Votre banque vous appelle au {value}',
    },
    continue: 'Continuer',
    notifying: 'Nous demandons à votre banque de vous appeler…',
    waitingApp:
      'Ouvrez l’application de votre banque sur votre téléphone et validez la demande. Revenez ensuite sur cette page.',
    waitingAppNamed: 'Ouvrez {app} sur votre téléphone et validez la demande. Revenez ensuite sur cette page.',
    waitingPage: 'Confirmez sur la page de votre banque. Elle s’ouvre dans une nouvelle fenêtre.',
    waitingCallBank: 'Appelez votre banque au {number} et demandez-lui d’autoriser cette carte pour ce commerçant.',
    waitingCallBankNoNumber:
      'Appelez le numéro figurant au dos de votre carte et demandez à votre banque d’autoriser cette carte pour ce commerçant.',
    waitingBankCalls: 'Votre banque va vous appeler au {number}. Répondez et suivez ses instructions.',
    waitingBankCallsNoNumber:
      'Votre banque va vous appeler dans quelques instants. Répondez et suivez ses instructions.',
    openApp: 'Ouvrir l’application bancaire',
    openPage: 'Ouvrir la page de votre banque',
    copyNumber: 'Copier le numéro',
    numberCopied: 'Numéro copié.',
    done: {
      app: 'J’ai validé',
      page: 'J’ai terminé sur la page de ma banque',
      callBank: 'J’ai appelé ma banque',
      bankCalls: 'J’ai reçu l’appel',
    },
    callAgain: 'Aucun appel reçu ? Demander un nouvel appel',
    callRequested: 'Nous avons demandé à votre banque de vous rappeler.',
    callsExhausted: 'Votre banque ne peut plus vous appeler pour cette carte.',
    checking: 'Vérification auprès de votre banque…',
    autoCheck: 'Cette page se met à jour automatiquement dès que votre banque confirme.',
    stillPending:
      'Votre banque n’a pas encore confirmé. Terminez l’opération auprès de votre banque, puis vérifiez à nouveau.',
    pollStopped:
      'Nous avons arrêté la vérification automatique. Une fois l’opération terminée auprès de votre banque, vérifiez à nouveau.',
    checkAgain: 'Vérifier à nouveau',
    declined: 'Votre banque a refusé cette demande. Choisissez une autre méthode ou utilisez une autre carte.',
    expired: 'Cette demande a expiré. Choisissez de nouveau une méthode.',
    popupBlocked:
      'Votre navigateur a bloqué la page de votre banque. Autorisez les fenêtres pop-up pour ce site ou ouvrez-la à nouveau.',
    windowClosed:
      'La page de votre banque a été fermée avant la fin. Ouvrez-la à nouveau ou vérifiez si vous avez terminé.',
    noResult: 'La page de votre banque n’a renvoyé aucun résultat. Nous vérifions auprès de votre banque.',
    failure: 'Votre banque n’a pas pu finaliser la confirmation. Réessayez ou choisissez une autre méthode.',
    confirming: 'Confirmation auprès de votre banque…',
    codeRefused: 'La confirmation de votre banque n’a pas été acceptée. Choisissez une autre méthode.',
    announceWaiting: 'En attente de la confirmation de votre banque.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
