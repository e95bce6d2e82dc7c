import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/**
 * Arabic (Modern Standard Arabic). The cardholder is addressed without gendered verbs: requests are
 * «يُرجى» with a verbal noun, buttons are verbal nouns. Plural forms follow the counted-noun rules: a
 * number written in digits cannot stand before a singular or dual noun (1 and 2 are said as «محاولة
 * واحدة», «محاولتان»), so zero, one and two use the «…المتبقية: {count}» form; 3–10 take the plural, 11
 * and above the singular.
 */
export const catalog = {
  locale: 'ar',
  dir: 'rtl',
  title: 'تأكيد هويتك',
  intro: 'يطلب بنكك تأكيد هذه البطاقة. سنرسل إليك رمزًا صالحًا لمرة واحدة.',
  chooseMethod: 'إلى أين نرسل رمز التحقق؟',
  methods: {
    OTP_SMS: 'رسالة نصية',
    OTP_EMAIL: 'البريد الإلكتروني',
    OTP_ONLINE_BANKING: 'الخدمات المصرفية عبر الإنترنت',
  },
  optionWithValue: {
    OTP_SMS: 'رسالة نصية إلى {value}',
    OTP_EMAIL: 'بريد إلكتروني إلى {value}',
    OTP_ONLINE_BANKING: 'الخدمات المصرفية عبر الإنترنت: {value}',
  },
  destinationUnknown: {
    OTP_SMS: 'هاتفك',
    OTP_EMAIL: 'بريدك الإلكتروني',
    OTP_ONLINE_BANKING: 'حسابك في الخدمات المصرفية عبر الإنترنت',
  },
  destinationBanking: 'حسابك في الخدمات المصرفية عبر الإنترنت ({value})',
  chooseMethodRequired: 'يُرجى اختيار طريقة إرسال الرمز.',
  sendCode: 'إرسال الرمز',
  sending: 'جارٍ الإرسال…',
  codeSent: 'أرسلنا الرمز إلى {destination}.',
  codeLabel: 'رمز التحقق',
  codeHint: 'يُرجى إدخال الرمز المكوّن من {length} أرقام.',
  codeIncomplete: 'يُرجى إدخال جميع أرقام الرمز، وعددها {length}.',
  verify: 'تأكيد',
  verifying: 'جارٍ التحقق…',
  expiresIn: 'تنتهي صلاحية الرمز خلال {time}',
  expired: 'انتهت صلاحية هذا الرمز. يُرجى طلب رمز جديد.',
  attemptsLeft: {
    zero: 'المحاولات المتبقية: {count}',
    one: 'المحاولات المتبقية: {count}',
    two: 'المحاولات المتبقية: {count}',
    few: '{count} محاولات متبقية',
    many: '{count} محاولة متبقية',
    other: '{count} محاولة متبقية',
  },
  resendCode: 'إعادة إرسال الرمز',
  resendsLeft: {
    zero: 'مرات إعادة الإرسال المتبقية: {count}',
    one: 'مرات إعادة الإرسال المتبقية: {count}',
    two: 'مرات إعادة الإرسال المتبقية: {count}',
    few: 'يمكن إعادة الإرسال {count} مرات أخرى',
    many: 'يمكن إعادة الإرسال {count} مرة أخرى',
    other: 'يمكن إعادة الإرسال {count} مرة أخرى',
  },
  resendsExhausted: 'لا يمكن إرسال المزيد من الرموز لهذه البطاقة.',
  useAnotherMethod: 'استخدام طريقة أخرى',
  tryAgain: 'إعادة المحاولة',
  cancel: 'إلغاء',
  verified: 'شكرًا لك، تم تأكيد بطاقتك.',
  cancelled: 'تم إلغاء التحقق.',
  announceSending: 'جارٍ إرسال الرمز…',
  announceVerifying: 'جارٍ التحقق من الرمز…',
  announceMinutesLeft: {
    zero: 'الدقائق المتبقية لإدخال الرمز: {count}.',
    one: 'الدقائق المتبقية لإدخال الرمز: {count}.',
    two: 'الدقائق المتبقية لإدخال الرمز: {count}.',
    few: 'تبقّت {count} دقائق لإدخال الرمز.',
    many: 'تبقّت {count} دقيقة لإدخال الرمز.',
    other: 'تبقّت {count} دقيقة لإدخال الرمز.',
  },
  announceSecondsLeft: {
    zero: 'الثواني المتبقية لإدخال الرمز: {count}.',
    one: 'الثواني المتبقية لإدخال الرمز: {count}.',
    two: 'الثواني المتبقية لإدخال الرمز: {count}.',
    few: 'تبقّت {count} ثوانٍ لإدخال الرمز.',
    many: 'تبقّت {count} ثانية لإدخال الرمز.',
    other: 'تبقّت {count} ثانية لإدخال الرمز.',
  },
  announceExpired: 'انتهت صلاحية الرمز.',
  errors: {
    'no-otp-options': 'لا يمكن تأكيد هذه البطاقة هنا برمز لمرة واحدة. يُرجى استخدام بطاقة أخرى أو طريقة دفع أخرى.',
    'send-rejected': 'تعذّر إرسال الرمز بهذه الطريقة. يُرجى المحاولة مرة أخرى أو اختيار طريقة أخرى.',
    'resends-exhausted': 'لا يمكن إرسال المزيد من الرموز لهذه البطاقة. يُرجى استخدام طريقة دفع أخرى.',
    'invalid-otp': 'الرمز غير صحيح. يُرجى التحقق منه والمحاولة مرة أخرى.',
    'attempts-exhausted': 'أُدخلت رموز غير صحيحة مرات كثيرة. يُرجى طلب رمز جديد أو اختيار طريقة أخرى.',
    expired: 'انتهت صلاحية هذا الرمز. يُرجى طلب رمز جديد.',
    'code-unconfirmed': 'تعذّر تأكيد هذا الرمز. يُرجى طلب رمز جديد.',
    'rate-limited': 'عدد الطلبات كبير جدًا حاليًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
    'server-error': 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.',
    network: 'تعذّر الاتصال. يُرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى.',
    timeout: 'تستغرق العملية وقتًا أطول من المعتاد. يُرجى المحاولة مرة أخرى.',
    'malformed-response': 'تلقّينا ردًّا غير متوقع. يُرجى المحاولة مرة أخرى.',
    unknown: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  },
  wrongCodeAttemptsLeft: {
    zero: 'عدد المحاولات المتبقية: {count}.',
    one: 'عدد المحاولات المتبقية: {count}.',
    two: 'عدد المحاولات المتبقية: {count}.',
    few: 'تبقّت لديك {count} محاولات.',
    many: 'تبقّت لديك {count} محاولة.',
    other: 'تبقّت لديك {count} محاولة.',
  },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
