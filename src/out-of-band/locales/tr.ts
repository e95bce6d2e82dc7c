import type { OutOfBandCatalog } from '../../core/out-of-band-catalog.js';

/** Turkish: the words of the bank's app and page and the phone-call methods (`outOfBand({ words })`). */
export const words = {
  methods: {
    app: 'Bankanızın mobil uygulaması',
    page: 'Bankanızın web sitesi',
    callBank: 'Bankanızı arayın',
    bankCalls: 'Bankanız sizi arasın',
  },
  optionWithValue: {
    app: '{value} ile onaylayın',
    page: 'Bankanızın web sitesi: {value}',
    callBank: 'Bankanızı arayın: {value}',
    bankCalls: 'Bankanız sizi arasın: {value}',
  },
  continue: 'Devam et',
  intro: 'Bankanızın bu kartı doğrulaması gerekiyor.',
  chooseMethod: 'Nasıl doğrulamak istersiniz?',
  notifyFailed: 'Bankanızdan sizi aramasını isteyemedik.',
  noMoreCodes: 'Bu kart için artık kod gönderilemiyor. Başka bir yöntem seçin.',
  notifying: 'Bankanızdan sizi araması isteniyor…',
  waitingApp: 'Telefonunuzda bankanızın mobil uygulamasını açın ve talebi onaylayın. Ardından bu sayfaya dönün.',
  waitingAppNamed: 'Telefonunuzda {app} uygulamasını açın ve talebi onaylayın. Ardından bu sayfaya dönün.',
  waitingPage: 'Bankanızın sayfasında onaylayın. Sayfa yeni bir pencerede açılır.',
  waitingCallBank: 'Bankanızı {number} numaralı telefondan arayın ve bu kartın bu mağaza için onaylanmasını isteyin.',
  waitingCallBankNoNumber:
    'Kartınızın arkasındaki numarayı arayın ve bankanızdan bu kartı bu mağaza için onaylamasını isteyin.',
  waitingBankCalls: 'Bankanız {number} numaralı telefonunuzu arayacak. Aramayı yanıtlayıp talimatları izleyin.',
  waitingBankCallsNoNumber: 'Bankanız sizi birazdan arayacak. Aramayı yanıtlayıp talimatları izleyin.',
  openApp: 'Banka uygulamasını aç',
  openPage: 'Banka sayfasını aç',
  copyNumber: 'Numarayı kopyala',
  numberCopied: 'Numara kopyalandı.',
  done: {
    app: 'Onayladım',
    page: 'Banka sayfasında işlemi tamamladım',
    callBank: 'Bankamı aradım',
    bankCalls: 'Aramayı yanıtladım',
  },
  callAgain: 'Arama gelmedi mi? Tekrar iste',
  callRequested: 'Bankanızdan sizi tekrar aramasını istedik.',
  callsExhausted: 'Bankanız bu kart için sizi tekrar arayamıyor.',
  checking: 'Bankanızla kontrol ediliyor…',
  autoCheck: 'Bankanız onayladığında bu sayfa kendiliğinden güncellenir.',
  stillPending: 'Bankanız henüz onaylamadı. Bankanızla işlemi tamamlayıp tekrar kontrol edin.',
  pollStopped: 'Otomatik kontrolü durdurduk. Bankanızla işlemi tamamladığınızda tekrar kontrol edin.',
  checkAgain: 'Tekrar kontrol et',
  declined: 'Bankanız bu talebi reddetti. Başka bir yöntem seçin veya başka bir kart kullanın.',
  expired: 'Bu talebin süresi doldu. Yeniden bir yöntem seçin.',
  popupBlocked:
    'Tarayıcınız bankanızın sayfasını engelledi. Bu site için açılır pencerelere izin verin veya sayfayı yeniden açın.',
  windowClosed:
    'Bankanızın sayfası işlem bitmeden kapatıldı. Sayfayı yeniden açın veya işlemi tamamlayıp tamamlamadığınızı kontrol edin.',
  noResult: 'Bankanızın sayfası bir sonuç göndermedi. Bankanızla kontrol ediyoruz.',
  failure: 'Bankanız onayı tamamlayamadı. Tekrar deneyin veya başka bir yöntem seçin.',
  confirming: 'Bankanızla onaylanıyor…',
  codeRefused: 'Bankanızın onayı kabul edilmedi. Başka bir yöntem seçin.',
  announceWaiting: 'Bankanızın onayı bekleniyor.',
} satisfies OutOfBandCatalog;

export default words;
