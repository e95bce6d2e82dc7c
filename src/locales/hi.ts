import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Hindi, as Indian bank and UPI apps write it: आप forms, and OTP, SMS, ईमेल, नेट बैंकिंग as cardholders say them. */
export const catalog = {
  locale: 'hi',
  dir: 'ltr',
  title: 'पुष्टि करें कि यह आप ही हैं',
  intro: 'आपके बैंक को इस कार्ड की पुष्टि करनी है। हम आपको एक OTP भेजेंगे।',
  chooseMethod: 'OTP कहाँ भेजें?',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'ईमेल', OTP_ONLINE_BANKING: 'नेट बैंकिंग' },
  optionWithValue: {
    OTP_SMS: '{value} पर SMS',
    OTP_EMAIL: '{value} पर ईमेल',
    OTP_ONLINE_BANKING: 'नेट बैंकिंग: {value}',
  },
  // before «पर» in codeSent, so in the oblique case
  destinationUnknown: {
    OTP_SMS: 'आपके फ़ोन',
    OTP_EMAIL: 'आपके ईमेल',
    OTP_ONLINE_BANKING: 'आपकी नेट बैंकिंग',
  },
  destinationBanking: 'आपकी नेट बैंकिंग ({value})',
  chooseMethodRequired: 'चुनें कि OTP कहाँ भेजा जाए।',
  sendCode: 'OTP भेजें',
  sending: 'भेजा जा रहा है…',
  codeSent: 'हमने {destination} पर OTP भेजा है।',
  codeLabel: 'OTP',
  codeHint: '{length} अंकों का OTP दर्ज करें।',
  codeIncomplete: 'OTP के सभी {length} अंक दर्ज करें।',
  verify: 'सत्यापित करें',
  verifying: 'जाँच हो रही है…',
  expiresIn: 'OTP {time} में समाप्त होगा',
  expired: 'इस OTP की समय-सीमा समाप्त हो गई है। नया OTP मँगाएँ।',
  attemptsLeft: { one: '{count} प्रयास बाकी', other: '{count} प्रयास बाकी' },
  resendCode: 'OTP दोबारा भेजें',
  resendsLeft: { one: 'OTP {count} बार और भेजा जा सकता है', other: 'OTP {count} बार और भेजा जा सकता है' },
  resendsExhausted: 'इस कार्ड के लिए अब और OTP नहीं भेजे जा सकते।',
  useAnotherMethod: 'दूसरा तरीका चुनें',
  tryAgain: 'फिर से कोशिश करें',
  cancel: 'रद्द करें',
  verified: 'धन्यवाद, आपके कार्ड की पुष्टि हो गई है।',
  cancelled: 'सत्यापन रद्द कर दिया गया।',
  announceSending: 'आपका OTP भेजा जा रहा है…',
  announceVerifying: 'आपके OTP की जाँच हो रही है…',
  announceMinutesLeft: {
    one: 'OTP दर्ज करने के लिए {count} मिनट बाकी है।',
    other: 'OTP दर्ज करने के लिए {count} मिनट बाकी हैं।',
  },
  announceSecondsLeft: {
    one: 'OTP दर्ज करने के लिए {count} सेकंड बाकी है।',
    other: 'OTP दर्ज करने के लिए {count} सेकंड बाकी हैं।',
  },
  announceExpired: 'OTP की समय-सीमा समाप्त हो गई है।',
  errors: {
    'no-otp-options':
      'इस कार्ड की पुष्टि यहाँ OTP से नहीं हो सकती। कृपया कोई दूसरा कार्ड या भुगतान का दूसरा तरीका इस्तेमाल करें।',
    'send-rejected': 'हम वहाँ OTP नहीं भेज पाए। फिर से कोशिश करें या दूसरा तरीका चुनें।',
    'resends-exhausted':
      'इस कार्ड के लिए अब और OTP नहीं भेजे जा सकते। कृपया भुगतान का कोई दूसरा तरीका इस्तेमाल करें।',
    'invalid-otp': 'यह OTP सही नहीं है। जाँचकर फिर से कोशिश करें।',
    'attempts-exhausted': 'बहुत बार गलत OTP डाला गया। नया OTP मँगाएँ या दूसरा तरीका चुनें।',
    expired: 'इस OTP की समय-सीमा समाप्त हो गई है। नया OTP मँगाएँ।',
    'code-unconfirmed': 'हम इस OTP की पुष्टि नहीं कर पाए। नया OTP मँगाएँ।',
    'rate-limited': 'अभी बहुत ज़्यादा अनुरोध आ रहे हैं। थोड़ी देर रुककर फिर से कोशिश करें।',
    'server-error': 'हमारी तरफ़ से कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।',
    network: 'कनेक्ट नहीं हो पाया। अपना इंटरनेट कनेक्शन जाँचें और फिर से कोशिश करें।',
    timeout: 'इसमें बहुत ज़्यादा समय लग रहा है। कृपया फिर से कोशिश करें।',
    'malformed-response': 'हमें अनपेक्षित जवाब मिला। कृपया फिर से कोशिश करें।',
    unknown: 'कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।',
  },
  wrongCodeAttemptsLeft: { one: '{count} प्रयास बाकी है।', other: '{count} प्रयास बाकी हैं।' },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
