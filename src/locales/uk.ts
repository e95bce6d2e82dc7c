import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Ukrainian. */
export const catalog = {
  locale: 'uk',
  dir: 'ltr',
  title: 'Підтвердьте, що це Ви',
  intro: 'Ваш банк має підтвердити цю картку. Ми надішлемо Вам одноразовий код.',
  chooseMethod: 'Куди надіслати код?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'Електронна пошта', OTP_ONLINE_BANKING: 'Інтернет-банкінг' },
  optionWithValue: {
    OTP_SMS: 'SMS на номер {value}',
    OTP_EMAIL: 'Лист на адресу {value}',
    OTP_ONLINE_BANKING: 'Інтернет-банкінг: {value}',
  },
  // after «на» in codeSent, so in the accusative
  destinationUnknown: {
    OTP_SMS: 'Ваш телефон',
    OTP_EMAIL: 'Вашу електронну пошту',
    OTP_ONLINE_BANKING: 'Ваш інтернет-банкінг',
  },
  destinationBanking: 'Ваш інтернет-банкінг ({value})',
  chooseMethodRequired: 'Оберіть, куди надіслати код.',
  sendCode: 'Надіслати код',
  sending: 'Надсилання…',
  codeSent: 'Ми надіслали код на {destination}.',
  codeLabel: 'Код підтвердження',
  codeHint: 'Введіть {length}-значний код.',
  codeIncomplete: 'Введіть усі цифри {length}-значного коду.',
  verify: 'Підтвердити',
  verifying: 'Перевірка…',
  expiresIn: 'Код дійсний ще {time}',
  expired: 'Термін дії коду минув. Запросіть новий код.',
  attemptsLeft: {
    one: 'Залишилася {count} спроба',
    few: 'Залишилося {count} спроби',
    many: 'Залишилося {count} спроб',
    other: 'Залишилося {count} спроби',
  },
  resendCode: 'Надіслати ще раз',
  resendsLeft: {
    one: 'Можна запросити ще {count} код',
    few: 'Можна запросити ще {count} коди',
    many: 'Можна запросити ще {count} кодів',
    other: 'Можна запросити ще {count} коду',
  },
  resendsExhausted: 'Для цієї картки більше не можна надіслати код.',
  useAnotherMethod: 'Інший спосіб',
  tryAgain: 'Спробувати ще раз',
  cancel: 'Скасувати',
  verified: 'Дякуємо, Вашу картку підтверджено.',
  cancelled: 'Підтвердження скасовано.',
  announceSending: 'Надсилаємо код…',
  announceVerifying: 'Перевіряємо код…',
  announceMinutesLeft: {
    one: 'На введення коду залишилася {count} хвилина.',
    few: 'На введення коду залишилося {count} хвилини.',
    many: 'На введення коду залишилося {count} хвилин.',
    other: 'На введення коду залишилося {count} хвилини.',
  },
  announceSecondsLeft: {
    one: 'На введення коду залишилася {count} секунда.',
    few: 'На введення коду залишилося {count} секунди.',
    many: 'На введення коду залишилося {count} секунд.',
    other: 'На введення коду залишилося {count} секунди.',
  },
  announceExpired: 'Термін дії коду минув.',
  errors: {
    'no-otp-options':
      'Цю картку не можна підтвердити тут одноразовим кодом. Скористайтеся, будь ласка, іншою карткою або іншим способом оплати.',
    'send-rejected': 'Не вдалося надіслати код цим способом. Спробуйте ще раз або оберіть інший спосіб.',
    'resends-exhausted':
      'Для цієї картки більше не можна надіслати код. Скористайтеся, будь ласка, іншим способом оплати.',
    'invalid-otp': 'Неправильний код. Перевірте його та спробуйте ще раз.',
    'attempts-exhausted': 'Забагато неправильних кодів. Запросіть новий код або оберіть інший спосіб.',
    expired: 'Термін дії коду минув. Запросіть новий код.',
    'code-unconfirmed': 'Не вдалося підтвердити цей код. Запросіть новий код.',
    'rate-limited': 'Зараз забагато запитів. Зачекайте трохи та спробуйте ще раз.',
    'server-error': 'Сталася помилка з нашого боку. Спробуйте, будь ласка, ще раз.',
    network: 'Не вдалося з’єднатися. Перевірте підключення до інтернету та спробуйте ще раз.',
    timeout: 'Це триває надто довго. Спробуйте, будь ласка, ще раз.',
    'malformed-response': 'Ми отримали неочікувану відповідь. Спробуйте, будь ласка, ще раз.',
    unknown: 'Щось пішло не так. Спробуйте, будь ласка, ще раз.',
  },
  wrongCodeAttemptsLeft: {
    one: 'Залишилася {count} спроба.',
    few: 'Залишилося {count} спроби.',
    many: 'Залишилося {count} спроб.',
    other: 'Залишилося {count} спроби.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
