import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Dutch: formal address (u), as Dutch banks and checkouts use it. */
export const catalog = {
  locale: 'nl',
  dir: 'ltr',
  title: 'Bevestig uw identiteit',
  intro: 'Uw bank moet deze kaart bevestigen. We sturen u een eenmalige code.',
  chooseMethod: 'Waar wilt u de code ontvangen?',
  methods: { OTP_SMS: 'Sms', OTP_EMAIL: 'E-mail', OTP_ONLINE_BANKING: 'Internetbankieren' },
  optionWithValue: { OTP_SMS: 'Sms naar {value}', OTP_EMAIL: 'E-mail naar {value}', OTP_ONLINE_BANKING: 'Internetbankieren: {value}' },
  destinationUnknown: {
    OTP_SMS: 'uw telefoon',
    OTP_EMAIL: 'uw e-mailadres',
    OTP_ONLINE_BANKING: 'uw internetbankieromgeving',
  },
  destinationBanking: 'uw internetbankieromgeving ({value})',
  chooseMethodRequired: 'Kies waar u de code wilt ontvangen.',
  sendCode: 'Code versturen',
  sending: 'Versturen…',
  codeSent: 'We hebben een code gestuurd naar {destination}.',
  codeLabel: 'Verificatiecode',
  codeHint: 'Vul de {length}-cijferige code in.',
  codeIncomplete: 'Vul alle {length} cijfers van de code in.',
  verify: 'Bevestigen',
  verifying: 'Controleren…',
  expiresIn: 'Code verloopt over {time}',
  expired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
  attemptsLeft: { one: 'Nog {count} poging', other: 'Nog {count} pogingen' },
  resendCode: 'Code opnieuw sturen',
  resendsLeft: { one: 'Nog {count} nieuwe code mogelijk', other: 'Nog {count} nieuwe codes mogelijk' },
  resendsExhausted: 'Voor deze kaart kunnen geen codes meer worden verstuurd.',
  useAnotherMethod: 'Andere methode kiezen',
  tryAgain: 'Opnieuw proberen',
  cancel: 'Annuleren',
  verified: 'Bedankt, uw kaart is bevestigd.',
  cancelled: 'Verificatie geannuleerd.',
  announceSending: 'Uw code wordt verstuurd…',
  announceVerifying: 'Uw code wordt gecontroleerd…',
  announceMinutesLeft: {
    one: 'Nog {count} minuut om de code in te vullen.',
    other: 'Nog {count} minuten om de code in te vullen.',
  },
  announceSecondsLeft: {
    one: 'Nog {count} seconde om de code in te vullen.',
    other: 'Nog {count} seconden om de code in te vullen.',
  },
  announceExpired: 'De code is verlopen.',
  errors: {
    'no-otp-options':
      'Deze kaart kan hier niet met een eenmalige code worden bevestigd. Gebruik een andere kaart of betaalmethode.',
    'send-rejected': 'We konden de code niet via deze methode versturen. Probeer het opnieuw of kies een andere methode.',
    'resends-exhausted': 'Voor deze kaart kunnen geen codes meer worden verstuurd. Gebruik een andere betaalmethode.',
    'invalid-otp': 'Deze code klopt niet. Controleer de code en probeer het opnieuw.',
    'attempts-exhausted': 'Te vaak een onjuiste code ingevuld. Vraag een nieuwe code aan of kies een andere methode.',
    expired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
    'code-unconfirmed': 'We konden deze code niet bevestigen. Vraag een nieuwe code aan.',
    'rate-limited': 'Er zijn op dit moment te veel verzoeken. Wacht even en probeer het opnieuw.',
    'server-error': 'Er ging bij ons iets mis. Probeer het opnieuw.',
    network: 'We konden geen verbinding maken. Controleer uw internetverbinding en probeer het opnieuw.',
    timeout: 'Dit duurt te lang. Probeer het opnieuw.',
    'malformed-response': 'We kregen een onverwacht antwoord. Probeer het opnieuw.',
    unknown: 'Er ging iets mis. Probeer het opnieuw.',
  },
  wrongCodeAttemptsLeft: { one: 'Nog {count} poging.', other: 'Nog {count} pogingen.' },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
