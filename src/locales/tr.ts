import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Turkish. */
export const catalog = {
  locale: 'tr',
  dir: 'ltr',
  title: 'Kimliğinizi doğrulayın',
  intro: 'Bankanızın bu kartı doğrulaması gerekiyor. Size tek kullanımlık bir kod göndereceğiz.',
  chooseMethod: 'Kodu nereye gönderelim?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'E-posta', OTP_ONLINE_BANKING: 'İnternet bankacılığı' },
  optionWithValue: {
    OTP_SMS: '{value} numarasına SMS',
    OTP_EMAIL: '{value} adresine e-posta',
    OTP_ONLINE_BANKING: 'İnternet bankacılığı: {value}',
  },
  destinationUnknown: {
    OTP_SMS: 'kayıtlı telefon numaranız',
    OTP_EMAIL: 'kayıtlı e-posta adresiniz',
    OTP_ONLINE_BANKING: 'internet bankacılığınız',
  },
  destinationBanking: 'internet bankacılığınız ({value})',
  chooseMethodRequired: 'Kodun nereye gönderileceğini seçin.',
  sendCode: 'Kodu gönder',
  sending: 'Gönderiliyor…',
  codeSent: 'Kodu şuraya gönderdik: {destination}.',
  codeLabel: 'Doğrulama kodu',
  codeHint: '{length} haneli kodu girin.',
  codeIncomplete: '{length} haneli kodun tamamını girin.',
  verify: 'Doğrula',
  verifying: 'Kontrol ediliyor…',
  expiresIn: 'Kodun kalan süresi: {time}',
  expired: 'Bu kodun süresi doldu. Yeni bir kod isteyin.',
  attemptsLeft: { one: '{count} deneme hakkınız kaldı', other: '{count} deneme hakkınız kaldı' },
  resendCode: 'Kodu yeniden gönder',
  resendsLeft: { one: '{count} kez daha kod isteyebilirsiniz', other: '{count} kez daha kod isteyebilirsiniz' },
  resendsExhausted: 'Bu kart için artık kod gönderilemiyor.',
  useAnotherMethod: 'Başka yöntem seç',
  tryAgain: 'Tekrar dene',
  cancel: 'İptal',
  verified: 'Teşekkürler, kartınız doğrulandı.',
  cancelled: 'Doğrulama iptal edildi.',
  announceSending: 'Kodunuz gönderiliyor…',
  announceVerifying: 'Kodunuz kontrol ediliyor…',
  announceMinutesLeft: {
    one: 'Kodu girmek için {count} dakikanız kaldı.',
    other: 'Kodu girmek için {count} dakikanız kaldı.',
  },
  announceSecondsLeft: {
    one: 'Kodu girmek için {count} saniyeniz kaldı.',
    other: 'Kodu girmek için {count} saniyeniz kaldı.',
  },
  announceExpired: 'Kodun süresi doldu.',
  errors: {
    'no-otp-options':
      'Bu kart burada tek kullanımlık kodla doğrulanamıyor. Lütfen başka bir kart veya ödeme yöntemi kullanın.',
    'send-rejected': 'Kodu oraya gönderemedik. Tekrar deneyin veya başka bir yöntem seçin.',
    'resends-exhausted': 'Bu kart için artık kod gönderilemiyor. Lütfen başka bir ödeme yöntemi kullanın.',
    'invalid-otp': 'Kod hatalı. Kontrol edip tekrar deneyin.',
    'attempts-exhausted': 'Çok fazla hatalı kod girildi. Yeni bir kod isteyin veya başka bir yöntem seçin.',
    expired: 'Bu kodun süresi doldu. Yeni bir kod isteyin.',
    'code-unconfirmed': 'Bu kodu doğrulayamadık. Yeni bir kod isteyin.',
    'rate-limited': 'Şu anda çok fazla istek var. Biraz bekleyip tekrar deneyin.',
    'server-error': 'Bizden kaynaklanan bir sorun oluştu. Lütfen tekrar deneyin.',
    network: 'Bağlantı kurulamadı. İnternet bağlantınızı kontrol edip tekrar deneyin.',
    timeout: 'İşlem beklenenden uzun sürüyor. Lütfen tekrar deneyin.',
    'malformed-response': 'Beklenmeyen bir yanıt aldık. Lütfen tekrar deneyin.',
    unknown: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
  },
  wrongCodeAttemptsLeft: { one: '{count} deneme hakkınız kaldı.', other: '{count} deneme hakkınız kaldı.' },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
