import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/**
 * Hebrew. The cardholder is addressed without gender: instructions are «יש ל…» or «אפשר ל…» with an
 * infinitive, buttons are nouns, and «we» (שולחים, בודקים) says what the page is doing.
 */
export const catalog = {
  locale: 'he',
  dir: 'rtl',
  title: 'אימות זהות',
  intro: 'הבנק צריך לאמת את הכרטיס הזה. לשם כך נשלח קוד חד-פעמי.',
  chooseMethod: 'לאן לשלוח את הקוד?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'אימייל', OTP_ONLINE_BANKING: 'בנקאות מקוונת' },
  optionWithValue: {
    OTP_SMS: 'SMS למספר {value}',
    OTP_EMAIL: 'אימייל לכתובת {value}',
    OTP_ONLINE_BANKING: 'בנקאות מקוונת: {value}',
  },
  destinationUnknown: {
    OTP_SMS: 'הטלפון הנייד הרשום',
    OTP_EMAIL: 'כתובת האימייל הרשומה',
    OTP_ONLINE_BANKING: 'הבנקאות המקוונת',
  },
  destinationBanking: 'הבנקאות המקוונת ({value})',
  chooseMethodRequired: 'יש לבחור לאן לשלוח את הקוד.',
  sendCode: 'שליחת קוד',
  sending: 'שולחים…',
  codeSent: 'הקוד נשלח אל {destination}.',
  codeLabel: 'קוד אימות',
  codeHint: 'יש להזין את הקוד בן {length} הספרות.',
  codeIncomplete: 'יש להזין את כל {length} הספרות של הקוד.',
  verify: 'אימות',
  verifying: 'בודקים…',
  expiresIn: 'תוקף הקוד יפוג בעוד {time}',
  expired: 'תוקף הקוד פג. יש לבקש קוד חדש.',
  attemptsLeft: { one: 'נותר {count} ניסיון', two: 'נותרו {count} ניסיונות', other: 'נותרו {count} ניסיונות' },
  resendCode: 'שליחה חוזרת',
  resendsLeft: {
    one: 'נותרה {count} שליחה חוזרת',
    two: 'נותרו {count} שליחות חוזרות',
    other: 'נותרו {count} שליחות חוזרות',
  },
  resendsExhausted: 'לא ניתן לשלוח עוד קודים לכרטיס הזה.',
  useAnotherMethod: 'בחירת אמצעי אחר',
  tryAgain: 'לנסות שוב',
  cancel: 'ביטול',
  verified: 'תודה, הכרטיס אומת.',
  cancelled: 'האימות בוטל.',
  announceSending: 'שולחים את הקוד…',
  announceVerifying: 'בודקים את הקוד…',
  announceMinutesLeft: {
    one: 'נותרה {count} דקה להזנת הקוד.',
    two: 'נותרו {count} דקות להזנת הקוד.',
    other: 'נותרו {count} דקות להזנת הקוד.',
  },
  announceSecondsLeft: {
    one: 'נותרה {count} שנייה להזנת הקוד.',
    two: 'נותרו {count} שניות להזנת הקוד.',
    other: 'נותרו {count} שניות להזנת הקוד.',
  },
  announceExpired: 'תוקף הקוד פג.',
  errors: {
    'no-otp-options': 'לא ניתן לאמת כאן את הכרטיס הזה בקוד חד-פעמי. יש להשתמש בכרטיס אחר או באמצעי תשלום אחר.',
    'send-rejected': 'לא הצלחנו לשלוח את הקוד לשם. אפשר לנסות שוב או לבחור אמצעי אחר.',
    'resends-exhausted': 'לא ניתן לשלוח עוד קודים לכרטיס הזה. יש להשתמש באמצעי תשלום אחר.',
    'invalid-otp': 'הקוד שגוי. יש לבדוק אותו ולנסות שוב.',
    'attempts-exhausted': 'הוזנו יותר מדי קודים שגויים. יש לבקש קוד חדש או לבחור אמצעי אחר.',
    expired: 'תוקף הקוד פג. יש לבקש קוד חדש.',
    'code-unconfirmed': 'לא הצלחנו לאמת את הקוד. יש לבקש קוד חדש.',
    'rate-limited': 'יש כרגע יותר מדי בקשות. כדאי לחכות רגע ולנסות שוב.',
    'server-error': 'משהו השתבש אצלנו. אפשר לנסות שוב.',
    network: 'לא הצלחנו להתחבר. יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
    timeout: 'זה לוקח יותר מדי זמן. אפשר לנסות שוב.',
    'malformed-response': 'קיבלנו תשובה לא צפויה. אפשר לנסות שוב.',
    unknown: 'משהו השתבש. אפשר לנסות שוב.',
  },
  wrongCodeAttemptsLeft: {
    one: 'נותר {count} ניסיון.',
    two: 'נותרו {count} ניסיונות.',
    other: 'נותרו {count} ניסיונות.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
