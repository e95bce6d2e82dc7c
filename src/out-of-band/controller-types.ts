import type { ErrorClassifier } from '../core/classify.js';
import type { StepUpError } from '../core/errors.js';
import type { StepUpBackend, StepUpOption } from '../core/types.js';
import type { CallRunner, StepUpVerifiedResult } from '../controller/options.js';
import type { OutOfBandWay } from './way.js';

/** Where an out-of-band step-up stands, as `data-status` of its panel. */
export type OutOfBandStatus =
  /** The choice is being submitted (for `OUTBOUND_CALL`: the bank is asked to call). */
  | 'notifying'
  /** The bank could not be asked to call; Try again or another method. */
  | 'notify-failed'
  /** Waiting for the cardholder and the bank; checks run on a click, on return to the tab, and on a backed-off poll. */
  | 'waiting'
  /** Asking the merchant's server whether the bank approved. */
  | 'checking'
  /** Checking the code the bank's app or page returned. */
  | 'confirming'
  | 'verified'
  /** The bank said no (or refused the code its app returned): another method or card. */
  | 'declined'
  /** The request is no longer open at the bank: choose again. */
  | 'expired';

/** A sentence shown while waiting, besides the instruction. */
export type OutOfBandNotice =
  | 'still-pending'
  | 'popup-blocked'
  | 'window-closed'
  | 'no-result'
  | 'failure'
  | 'call-requested'
  | 'poll-stopped'
  | 'code-refused';

export interface OutOfBandState {
  status: OutOfBandStatus;
  /** The option, without what only the bank's app or page may see (`source`, `requestPayload`). */
  option: StepUpOption;
  way: OutOfBandWay;
  notice?: OutOfBandNotice;
  /** The failure of a call the cardholder is told of (the sentence is `messages.errors[kind]`). */
  error?: StepUpError;
  /** Whether the kit still checks by itself. */
  polling: boolean;
  /** Calls the bank may still be asked for (`OUTBOUND_CALL`), when the server said. */
  callsLeft?: number;
  /** While `checking`: whether the cardholder asked for this check (the kit's own are not announced). */
  asked?: boolean;
}

/** What the bank's app or page handed back. */
export interface IssuerAnswer {
  response?: 'approved' | 'declined' | 'failure';
  /** The issuer authentication code, passed to `validateIssuerCode` unchanged and then forgotten. */
  authCode?: string;
}

/** How often the kit asks by itself while the cardholder is with the bank. */
export interface PollOptions {
  /** @defaultValue 5000 */
  firstMs?: number;
  /** Each wait is the last one times this. @defaultValue 1.5 */
  factor?: number;
  /** @defaultValue 30000 */
  maxMs?: number;
  /** No check by itself after this long of waiting (a click or a return to the tab still checks). @defaultValue 600000 */
  stopAfterMs?: number;
}

export interface OutOfBandControllerOptions {
  option: StepUpOption;
  backend: StepUpBackend;
  clientCorrelationId: string;
  tokenId?: string;
  /** Sends already made in this step-up and the server's limit, so "Didn't get a call?" knows the calls left. */
  sends?: number;
  maxRequests?: number;
  runCall?: CallRunner;
  classifyError?: ErrorClassifier;
  poll?: PollOptions;
  now?: () => number;
  onVerified?: (result: StepUpVerifiedResult) => void;
  onError?: (error: StepUpError) => void;
  onStatusChange?: (status: OutOfBandStatus, state: OutOfBandState) => void;
}

export interface OutOfBandController {
  getSnapshot(): OutOfBandState;
  subscribe(listener: () => void): () => void;
  /** Starts (submits the choice, or waits); the function returned stops every timer and abandons the call in flight. */
  connect(): () => void;
  /** The cardholder says they are done: check now. */
  check(): boolean;
  /** The tab came back into view: check now, whether or not the poll still runs. */
  visible(): boolean;
  /** The bank's app or page answered. */
  answer(answer: IssuerAnswer): void;
  popupBlocked(): void;
  windowClosed(): void;
  /** `OUTBOUND_CALL`: ask the bank to call once more. */
  callAgain(): boolean;
  /** After a failed notify: submit the choice again. */
  retry(): boolean;
}
