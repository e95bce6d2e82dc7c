import type { StepUpCatalog } from '../core/catalog.js';
import { defineLocale } from '../core/catalog-messages.js';

/** Japanese: です/ます, 「認証コード」 throughout, full-width punctuation. */
export const catalog = {
  locale: 'ja',
  dir: 'ltr',
  title: 'ご本人確認',
  intro: 'カード発行会社によるご本人確認が必要です。1回限り有効な認証コードをお送りします。',
  chooseMethod: '認証コードの送信先',
  methods: { OTP_SMS: 'SMS', OTP_EMAIL: 'メール', OTP_ONLINE_BANKING: 'インターネットバンキング' },
  optionWithValue: {
    OTP_SMS: 'SMS（{value}）',
    OTP_EMAIL: 'メール（{value}）',
    OTP_ONLINE_BANKING: 'インターネットバンキング（{value}）',
  },
  destinationUnknown: {
    OTP_SMS: 'ご登録の電話番号',
    OTP_EMAIL: 'ご登録のメールアドレス',
    OTP_ONLINE_BANKING: 'ご利用のインターネットバンキング',
  },
  destinationBanking: 'ご利用のインターネットバンキング（{value}）',
  chooseMethodRequired: '認証コードの送信先を選択してください。',
  sendCode: '認証コードを送信',
  sending: '送信中…',
  codeSent: '{destination}に認証コードを送信しました。',
  codeLabel: '認証コード',
  codeHint: '{length}桁の認証コードを入力してください。',
  codeIncomplete: '認証コードを{length}桁すべて入力してください。',
  verify: '認証する',
  verifying: '確認中…',
  expiresIn: '有効期限まであと{time}',
  expired: 'この認証コードは有効期限が切れています。認証コードを再送信してください。',
  attemptsLeft: { other: 'あと{count}回入力できます' },
  resendCode: '認証コードを再送信',
  resendsLeft: { other: '再送信はあと{count}回できます' },
  resendsExhausted: 'このカードでは、これ以上認証コードを送信できません。',
  useAnotherMethod: '別の方法を選ぶ',
  tryAgain: 'もう一度試す',
  cancel: 'キャンセル',
  verified: 'ありがとうございます。カードの確認が完了しました。',
  cancelled: 'ご本人確認をキャンセルしました。',
  announceSending: '認証コードを送信しています…',
  announceVerifying: '認証コードを確認しています…',
  announceMinutesLeft: { other: '認証コードの入力期限まで、あと{count}分です。' },
  announceSecondsLeft: { other: '認証コードの入力期限まで、あと{count}秒です。' },
  announceExpired: '認証コードの有効期限が切れました。',
  errors: {
    'no-otp-options':
      'このカードは、ここでは認証コードによるご本人確認ができません。別のカードまたはお支払い方法をご利用ください。',
    'send-rejected': 'この送信先に認証コードを送信できませんでした。もう一度お試しいただくか、別の方法を選択してください。',
    'resends-exhausted': 'このカードでは、これ以上認証コードを送信できません。別のお支払い方法をご利用ください。',
    'invalid-otp': '認証コードが正しくありません。ご確認のうえ、もう一度お試しください。',
    'attempts-exhausted': '認証コードの入力誤りが上限に達しました。認証コードを再送信するか、別の方法を選択してください。',
    expired: 'この認証コードは有効期限が切れています。認証コードを再送信してください。',
    'code-unconfirmed': 'この認証コードを確認できませんでした。認証コードを再送信してください。',
    'rate-limited': 'ただいまリクエストが集中しています。しばらく待ってから、もう一度お試しください。',
    'server-error': 'システムで問題が発生しました。もう一度お試しください。',
    network: '接続できませんでした。インターネット接続を確認して、もう一度お試しください。',
    timeout: '処理に時間がかかっています。もう一度お試しください。',
    'malformed-response': '予期しない応答を受信しました。もう一度お試しください。',
    unknown: '問題が発生しました。もう一度お試しください。',
  },
  wrongCodeAttemptsLeft: { other: 'あと{count}回入力できます。' },
} satisfies StepUpCatalog;

// pure: a bundle that takes only `catalog` leaves the interpreter out
export default /* @__PURE__ */ defineLocale(catalog);
