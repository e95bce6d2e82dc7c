import { forwardRef, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { inGroup, offers } from '../core/index.js';
import { composeEventHandlers, useComposedRefs } from './compose.js';
import { useStepUpContext } from './context.js';
import { useRescueFocus } from './use-rescue-focus.js';

/** Any `<button>` prop; `children` replaces the part's own label, `onClick` runs first and may `preventDefault()`. */
export type StepUpButtonProps = ComponentPropsWithoutRef<'button'>;

interface ActionButtonProps extends StepUpButtonProps {
  part: string;
  variant: 'primary' | 'secondary' | 'link';
  label: ReactNode;
  /** What a click does, unless `unavailable`. */
  action: () => void;
  /** Does nothing now and says so (`aria-disabled`), yet keeps focus, unlike `disabled`. */
  unavailable?: boolean;
  /** Its call is under way ("Sending…"): `data-busy` for styling. */
  busy?: boolean;
  /** Cannot be used at all: disabled (as is a button the merchant disables). */
  off?: boolean;
  /** Takes focus when the control the cardholder used is gone (see `useRescueFocus`). */
  rescue?: boolean;
}

/** The one button every action part renders: type="button", so it never submits the merchant's form. */
const ActionButton = forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton(
  { part, variant, label, action, unavailable = false, busy = false, off = false, rescue = false, onClick, children, disabled, ...props },
  ref,
) {
  const own = useRef<HTMLButtonElement>(null);
  useRescueFocus(own, rescue);
  return (
    <button
      data-part={part}
      data-variant={variant}
      aria-disabled={unavailable || undefined}
      data-busy={busy ? '' : undefined}
      {...props}
      ref={useComposedRefs(ref, own)}
      type="button"
      disabled={off || disabled}
      onClick={composeEventHandlers(onClick, unavailable ? undefined : () => action())}
    >
      {children ?? label}
    </button>
  );
});

/** "Send code": one `createOtp` call however often it is pressed. */
export const SendButton = forwardRef<HTMLButtonElement, StepUpButtonProps>(function SendButton(props, ref) {
  const { state, send, messages } = useStepUpContext();
  const sending = state.status === 'sending';
  return (
    <ActionButton
      part="send"
      variant="primary"
      label={sending ? messages.sending : messages.sendCode}
      action={send}
      unavailable={sending}
      busy={sending}
      off={!sending && !offers(state, 'send')}
      // Enter on a channel sends, and the channels lock while sending: focus waits here ("Sending…")
      rescue={sending}
      {...props}
      ref={ref}
    />
  );
});

/** "Verify": validates the code (the last digit and Enter do too). */
export const VerifyButton = forwardRef<HTMLButtonElement, StepUpButtonProps>(function VerifyButton(props, ref) {
  const { state, submitCode, messages } = useStepUpContext();
  const verifying = state.status === 'verifying';
  return (
    <ActionButton
      part="verify"
      variant="primary"
      label={verifying ? messages.verifying : messages.verify}
      action={() => submitCode()}
      unavailable={!offers(state, 'submit')}
      busy={verifying}
      {...props}
      ref={ref}
    />
  );
});

/** "Resend code", disabled with its reason (`describedBy`, the id of the line saying why) when no codes are left. */
export const ResendButton = forwardRef<HTMLButtonElement, StepUpButtonProps & { describedBy?: string }>(function ResendButton(
  { describedBy, ...props },
  ref,
) {
  const { state, resend, messages } = useStepUpContext();
  const sending = state.status === 'sending' && state.resend;
  if (!inGroup(state, 'resendable') && !sending) return null;
  // once the code is dead, a new one is the way on: focus lands here when the field locks
  const primary = inGroup(state, 'spent');
  return (
    <ActionButton
      part="resend"
      variant={primary ? 'primary' : 'link'}
      label={sending ? messages.sending : messages.resendCode}
      action={resend}
      // while its own send is under way it keeps focus ("Sending…") instead of dropping it to the page
      unavailable={sending}
      busy={sending}
      off={!sending && !offers(state, 'resend')}
      rescue={primary}
      aria-describedby={describedBy}
      {...props}
      ref={ref}
    />
  );
});

/** "Use another method": back to the channel choice. */
export const ChangeMethodButton = forwardRef<HTMLButtonElement, StepUpButtonProps>(function ChangeMethodButton(props, ref) {
  const { state, changeMethod, messages } = useStepUpContext();
  // not while the list itself is open again, nor with no sends left for any channel (sends count per card)
  if (!offers(state, 'change-method')) return null;
  return <ActionButton part="change-method" variant="link" label={messages.useAnotherMethod} action={changeMethod} {...props} ref={ref} />;
});

/** "Try again": repeats the failed call, exactly one call per click; offered only when it would make one. */
export const RetryButton = forwardRef<HTMLButtonElement, StepUpButtonProps>(function RetryButton(props, ref) {
  const { state, retry, messages } = useStepUpContext();
  if (!offers(state, 'retry')) return null;
  return <ActionButton part="retry" variant="primary" label={messages.tryAgain} action={retry} rescue {...props} ref={ref} />;
});

/** "Cancel", shown only when the merchant passed `onCancel`. */
export const CancelButton = forwardRef<HTMLButtonElement, StepUpButtonProps>(function CancelButton(props, ref) {
  const { state, cancellable, cancel, messages } = useStepUpContext();
  if (!cancellable || inGroup(state, 'final')) return null;
  return <ActionButton part="cancel" variant="secondary" label={messages.cancel} action={cancel} {...props} ref={ref} />;
});
