/**
 * The words of the methods that complete outside the page (`stepup-kit/out-of-band`): approve in the bank's
 * app or on its page, call the bank, or be called by it. Kept apart from `StepUpCatalog`, so a checkout that
 * offers only codes never loads them: `stepup-kit/out-of-band/locales/<tag>` ships one set per language, and
 * `outOfBand({ words })` takes it; the English one is built in.
 */

/** How a cardholder completes an out-of-band method: the bank's app, the bank's web page, calling the bank, or being called. */
export type OutOfBandWay = 'app' | 'page' | 'callBank' | 'bankCalls';

/** Every sentence of the out-of-band methods in one language: plain strings with `{name}` placeholders. */
export interface OutOfBandCatalog {
  /** The name of each way in the channel choice, when the issuer gave no value. */
  methods: Record<OutOfBandWay, string>;
  /** The same with the issuer's `{value}`: the app's name, the bank's name, a phone number. */
  optionWithValue: Record<OutOfBandWay, string>;
  /** The primary button of the choice when an out-of-band method is chosen. */
  continue: string;
  /** The line under the heading, and the legend of the choice, when it offers such methods (a code is not the only way). */
  intro: string;
  chooseMethod: string;
  /** Instead of the instruction, when the bank could not be asked to call. */
  notifyFailed: string;
  /** When no more codes can be sent and the choice still offers a method that needs none. */
  noMoreCodes: string;
  /** While the bank is asked to call (`OUTBOUND_CALL`). */
  notifying: string;
  /** What to do now, for each way; `{app}` is the app's name, `{number}` the phone number. */
  waitingApp: string;
  waitingAppNamed: string;
  waitingPage: string;
  waitingCallBank: string;
  waitingCallBankNoNumber: string;
  waitingBankCalls: string;
  waitingBankCallsNoNumber: string;
  /** Opens the bank's app (only where the host page can) or its page. */
  openApp: string;
  openPage: string;
  copyNumber: string;
  numberCopied: string;
  /** The cardholder says they are done: each way's words. */
  done: Record<OutOfBandWay, string>;
  /** Asks the bank to call once more (`OUTBOUND_CALL`). */
  callAgain: string;
  callRequested: string;
  /** No more calls can be asked for. */
  callsExhausted: string;
  /** While the kit asks the bank whether it approved. */
  checking: string;
  /** Under the instruction while the kit checks by itself. */
  autoCheck: string;
  /** The cardholder said they were done, and the bank has not confirmed yet. */
  stillPending: string;
  /** After about ten minutes the kit stops checking by itself. */
  pollStopped: string;
  checkAgain: string;
  declined: string;
  expired: string;
  popupBlocked: string;
  windowClosed: string;
  noResult: string;
  failure: string;
  /** While the code the bank's app or page returned is checked. */
  confirming: string;
  /** The bank's code was refused. */
  codeRefused: string;
  /** Polite announcement when the waiting screen appears. */
  announceWaiting: string;
}

/** English, the reference the other languages translate. */
export const englishOutOfBand = {
  methods: {
    app: 'Your bank’s app',
    page: 'Your bank’s website',
    callBank: 'Call your bank',
    bankCalls: 'Your bank calls you',
  },
  optionWithValue: {
    app: 'Approve in {value}',
    page: 'Your bank’s website: {value}',
    callBank: 'Call your bank: {value}',
    bankCalls: 'Your bank calls you at {value}',
  },
  continue: 'Continue',
  intro: 'Your bank needs to confirm this card.',
  chooseMethod: 'How would you like to confirm?',
  notifyFailed: 'We couldn’t ask your bank to call you.',
  noMoreCodes: 'No more codes can be sent for this card. Choose another method.',
  notifying: 'Asking your bank to call you…',
  waitingApp: 'Open your bank’s app on your phone and approve the request. Then come back here.',
  waitingAppNamed: 'Open {app} on your phone and approve the request. Then come back here.',
  waitingPage: 'Confirm on your bank’s page. It opens in a new window.',
  waitingCallBank: 'Call your bank at {number} and ask them to approve this card for this shop.',
  waitingCallBankNoNumber: 'Call the number on the back of your card and ask your bank to approve this card for this shop.',
  waitingBankCalls: 'Your bank will call you at {number}. Answer and follow their instructions.',
  waitingBankCallsNoNumber: 'Your bank will call you shortly. Answer and follow their instructions.',
  openApp: 'Open your bank’s app',
  openPage: 'Open your bank’s page',
  copyNumber: 'Copy number',
  numberCopied: 'Number copied.',
  done: {
    app: 'I’ve approved it',
    page: 'I’ve finished on my bank’s page',
    callBank: 'I’ve finished the call',
    bankCalls: 'I’ve taken the call',
  },
  callAgain: 'Didn’t get a call? Ask again',
  callRequested: 'We’ve asked your bank to call you again.',
  callsExhausted: 'Your bank can’t call again for this card.',
  checking: 'Checking with your bank…',
  autoCheck: 'This page updates by itself once your bank confirms.',
  stillPending: 'Your bank hasn’t confirmed yet. Finish with your bank, then check again.',
  pollStopped: 'We’ve stopped checking by ourselves. When you’ve finished with your bank, check again.',
  checkAgain: 'Check again',
  declined: 'Your bank declined this request. Choose another method, or use another card.',
  expired: 'This request has expired. Choose a method again.',
  popupBlocked: 'Your browser blocked your bank’s page. Allow pop-ups for this site, or open it again.',
  windowClosed: 'Your bank’s page was closed before it finished. Open it again, or check if you finished.',
  noResult: 'Your bank’s page didn’t send a result. We’re checking with your bank.',
  failure: 'Your bank couldn’t complete the confirmation. Try again or choose another method.',
  confirming: 'Confirming with your bank…',
  codeRefused: 'Your bank’s confirmation wasn’t accepted. Choose another method.',
  announceWaiting: 'Waiting for your bank to confirm.',
} satisfies OutOfBandCatalog;
