import { forwardRef, useRef, type ComponentPropsWithoutRef } from 'react';
import { attemptsLeft, currentCode, currentError, inGroup, resendsLeft, type StepUpError } from '../core/index.js';
import { useComposedRefs, visuallyHidden } from './compose.js';
import { useStepUpContext } from './context.js';
import { withDestination } from './destination.js';
import { useRescueFocus } from './use-rescue-focus.js';

/** The heading text of the step-up (labels the root group, so its id stays the part's). */
export const Title = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<'h2'>>(function Title({ children, ...props }, ref) {
  const { messages, ids } = useStepUpContext();
  return (
    <h2 data-part="title" {...props} ref={ref} id={ids.title}>
      {children ?? messages.title}
    </h2>
  );
});

/** "We sent a code to ***-***-1234." */
export const CodeSentNotice = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function CodeSentNotice(
  { children, ...props },
  ref,
) {
  const { state, messages } = useStepUpContext();
  const code = currentCode(state);
  if (!code) return null;
  const destination = messages.destination(code.option);
  return (
    <p data-part="code-sent" {...props} ref={ref}>
      {children ?? withDestination(messages.codeSent({ destination, method: code.option.method }), code.option.value ?? destination)}
    </p>
  );
});

/** "3 attempts left" for the current code, when the backend gave a limit. */
export const Attempts = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function Attempts(props, ref) {
  const { state, messages, ids, locale } = useStepUpContext();
  const left = attemptsLeft(state);
  // while the code is live
  if (left === undefined || !inGroup(state, 'pending')) return null;
  return (
    <p data-part="attempts" data-state={left <= 1 ? 'last' : 'some'} {...props} ref={ref} id={ids.attempts}>
      {messages.attemptsLeft({ count: left, locale })}
    </p>
  );
});

/** "2 resends left", or why no code can be sent any more. */
export const ResendInfo = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'> & { onlyWhenExhausted?: boolean }>(
  function ResendInfo({ onlyWhenExhausted, ...props }, ref) {
    const { state, messages, locale } = useStepUpContext();
    const left = resendsLeft(state);
    if (left === undefined || (onlyWhenExhausted && left > 0)) return null;
    // the alert already says it
    if (currentError(state)?.kind === 'resends-exhausted') return null;
    return (
      <p data-part="resend-info" data-state={left === 0 ? 'exhausted' : 'available'} {...props} ref={ref}>
        {left === 0 ? messages.resendsExhausted : messages.resendsLeft({ count: left, locale })}
      </p>
    );
  },
);

let errorSerial = 0;
const errorKeys = new WeakMap<StepUpError, number>();

/**
 * The failure as a sentence for the cardholder, in `role="alert"`. A new error remounts the alert, so a
 * second wrong code is announced again. Expiry by the clock is shown by `StepUp.Countdown` instead.
 */
export const ErrorMessage = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function ErrorMessage(props, ref) {
  const { state, messages, locale, ids } = useStepUpContext();
  if (state.status === 'no-options') {
    return (
      <p role="alert" data-part="error" data-kind="no-otp-options" {...props} ref={ref} id={ids.error}>
        {messages.errors['no-otp-options']}
      </p>
    );
  }
  const error = currentError(state);
  if (!error || (error.kind === 'expired' && state.status === 'expired')) return null;
  if (!errorKeys.has(error)) errorKeys.set(error, ++errorSerial);
  const text = messages.errors[error.kind] ?? messages.errors.unknown;
  const left = attemptsLeft(state);
  const extra = error.kind === 'invalid-otp' && left !== undefined ? messages.wrongCodeAttemptsLeft({ count: left, locale }) : '';
  return (
    <p key={errorKeys.get(error)} role="alert" data-part="error" data-kind={error.kind} {...props} ref={ref}>
      {/* the sentence alone describes the code field, which already has the attempts line */}
      <span id={ids.error}>{text}</span>
      {/* said with the alert, hidden from the eye: the attempts line shows it */}
      {extra ? ' ' : null}
      {extra ? (
        <span data-part="error-attempts" style={visuallyHidden}>
          {extra}
        </span>
      ) : null}
    </p>
  );
});

/** The success state; the check mark is drawn in the text's colour, with no colour of its own. */
export const Success = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function Success({ children, ...props }, ref) {
  const { state, messages } = useStepUpContext();
  const own = useRef<HTMLDivElement>(null);
  const composed = useComposedRefs(ref, own);
  // the code field was locked while checking: keyboard and screen-reader users land here, not on the page
  useRescueFocus(own, state.status === 'verified');
  if (state.status !== 'verified') return null;
  return (
    <div tabIndex={-1} data-part="success" {...props} ref={composed}>
      <SuccessMark />
      <p data-part="success-text">{children ?? messages.verified}</p>
    </div>
  );
});

/** The check mark of a verified step-up (the out-of-band panel's too), in the text's colour. */
export function SuccessMark() {
  return (
    <svg data-part="success-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      <path
        d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-5 10.5 3.2 3.2L17 9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The end state after Cancel. */
export const Cancelled = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function Cancelled({ children, ...props }, ref) {
  const { state, messages } = useStepUpContext();
  const own = useRef<HTMLParagraphElement>(null);
  const composed = useComposedRefs(ref, own);
  // the Cancel button the cardholder pressed is gone: focus lands on what happened
  useRescueFocus(own, state.status === 'cancelled');
  if (state.status !== 'cancelled') return null;
  return (
    <p tabIndex={-1} data-part="cancelled" {...props} ref={composed}>
      {children ?? messages.cancelled}
    </p>
  );
});
