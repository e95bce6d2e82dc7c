import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** French: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
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
  intro: 'Votre banque doit confirmer cette carte.',
  chooseMethod: 'Comment souhaitez-vous confirmer ?',
  notifyFailed: 'Nous n’avons pas pu demander à votre banque de vous appeler.',
  noMoreCodes: 'Aucun autre code ne peut être envoyé pour cette carte. Choisissez une autre méthode.',
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
} satisfies OutOfBandCatalog;

export default words;
