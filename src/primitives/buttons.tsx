import { useRef, type ComponentPropsWithoutRef } from 'react';
import { canResend, currentError, isResendOffered, isRetryable, resendsLeft, transition } from '../core/index.js';
import { useStepUpContext } from './context.js';
import { useRescueFocus } from './use-rescue-focus.js';
import { isChoiceReopened } from '../core/index.js';

type ButtonProps = Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'onClick'>;

/** "Send code": one `createOtp` call however often it is pressed. */
export function SendButton(props: ButtonProps) {
  const { state, status, send, messages } = useStepUpContext('StepUp.SendButton');
  const sending = status === 'sending';
  const button = useRef<HTMLButtonElement>(null);
  // Enter on a channel sends, and the channels lock while sending: focus waits here ("Sending…")
  useRescueFocus(button, sending);
  return (
    <button
      ref={button}
      type="button"
      data-part="send"
      data-variant="primary"
      disabled={resendsLeft(state) === 0}
      aria-disabled={sending || undefined}
      data-busy={sending ? '' : undefined}
      onClick={sending ? undefined : send}
      {...props}
    >
      {sending ? messages.sending : messages.sendCode}
    </button>
  );
}

/** "Verify": validates the code (the last digit and Enter do too). */
export function VerifyButton(props: ButtonProps) {
  const { status, submitCode, messages } = useStepUpContext('StepUp.VerifyButton');
  const verifying = status === 'verifying';
  const idle = status !== 'code-entry' && status !== 'verify-failed';
  return (
    <button
      type="button"
      data-part="verify"
      data-variant="primary"
      aria-disabled={idle || undefined}
      data-busy={verifying ? '' : undefined}
      onClick={idle ? undefined : () => submitCode()}
      {...props}
    >
      {verifying ? messages.verifying : messages.verify}
    </button>
  );
}

/** "Resend code", disabled with its reason when no codes are left. */
export function ResendButton(props: ButtonProps & { describedBy?: string }) {
  const { state, resend, messages } = useStepUpContext('StepUp.ResendButton');
  const { describedBy, ...rest } = props;
  const button = useRef<HTMLButtonElement>(null);
  const primary = state.status === 'expired' || state.status === 'attempts-exhausted';
  useRescueFocus(button, primary);
  if (!isResendOffered(state) && !(state.status === 'sending' && state.resend)) return null;
  const sending = state.status === 'sending';
  const enabled = canResend(state);
  return (
    <button
      ref={button}
      type="button"
      data-part="resend"
      data-variant={primary ? 'primary' : 'link'}
      // while its own send is under way it keeps focus ("Sending…") instead of dropping it to the page
      disabled={!enabled && !sending}
      aria-disabled={sending || undefined}
      aria-describedby={describedBy}
      data-busy={sending ? '' : undefined}
      onClick={sending ? undefined : resend}
      {...rest}
    >
      {sending ? messages.sending : messages.resendCode}
    </button>
  );
}

/** "Use another method": back to the channel choice. */
export function ChangeMethodButton(props: ButtonProps) {
  const { state, status, changeMethod, messages } = useStepUpContext('StepUp.ChangeMethodButton');
  if (status === 'verifying' || status === 'verified' || status === 'cancelled' || status === 'choosing') return null;
  // after a failed first send the list itself is open for another method; and sends are counted per
  // card: with none left, no other method can get a code either
  if (isChoiceReopened(state) || resendsLeft(state) === 0) return null;
  return (
    <button type="button" data-part="change-method" data-variant="link" onClick={changeMethod} {...props}>
      {messages.useAnotherMethod}
    </button>
  );
}

/** "Try again": repeats the failed call, exactly one call per click. */
export function RetryButton(props: ButtonProps) {
  const { state, status, retry, messages } = useStepUpContext('StepUp.RetryButton');
  const button = useRef<HTMLButtonElement>(null);
  const error = currentError(state);
  // offered only when it would make a call: not after "no more codes can be sent"
  const shown =
    (status === 'send-failed' || status === 'verify-failed') &&
    error !== undefined &&
    isRetryable(error.kind) &&
    transition(state, { type: 'RETRY' }) !== state;
  useRescueFocus(button, shown);
  if (!shown) return null;
  return (
    <button ref={button} type="button" data-part="retry" data-variant="primary" onClick={retry} {...props}>
      {messages.tryAgain}
    </button>
  );
}

/** "Cancel", shown only when the merchant passed `onCancel`. */
export function CancelButton(props: ButtonProps) {
  const { cancellable, status, cancel, messages } = useStepUpContext('StepUp.CancelButton');
  if (!cancellable || status === 'verified' || status === 'cancelled') return null;
  return (
    <button type="button" data-part="cancel" data-variant="secondary" onClick={cancel} {...props}>
      {messages.cancel}
    </button>
  );
}
