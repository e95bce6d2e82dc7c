import { useRef, type ComponentPropsWithoutRef } from 'react';
import { attemptsLeft, currentCode, currentError, resendsLeft, type StepUpError } from '../core/index.js';
import { useStepUpContext } from './context.js';
import { withDestination } from './destination.js';
import { useRescueFocus } from './use-rescue-focus.js';
import { showsAttempts } from './visibility.js';

/** The heading text of the step-up (labels the root group). */
export function Title(props: ComponentPropsWithoutRef<'h2'>) {
  const { messages, ids } = useStepUpContext('StepUp.Title');
  return (
    <h2 id={ids.title} data-part="title" {...props}>
      {props.children ?? messages.title}
    </h2>
  );
}

/** "We sent a code to ***-***-1234." */
export function CodeSentNotice(props: ComponentPropsWithoutRef<'p'>) {
  const { state, messages } = useStepUpContext('StepUp.CodeSentNotice');
  const code = currentCode(state);
  if (!code) return null;
  const destination = messages.destination(code.option);
  return (
    <p data-part="code-sent" {...props}>
      {withDestination(messages.codeSent({ destination, method: code.option.method }), code.option.value ?? destination)}
    </p>
  );
}

/** "3 attempts left" for the current code, when the backend gave a limit. */
export function Attempts(props: ComponentPropsWithoutRef<'p'>) {
  const { state, messages, ids, locale } = useStepUpContext('StepUp.Attempts');
  const left = attemptsLeft(state);
  if (left === undefined || !showsAttempts(state)) return null;
  return (
    <p data-part="attempts" data-state={left <= 1 ? 'last' : 'some'} {...props} id={ids.attempts}>
      {messages.attemptsLeft({ count: left, locale })}
    </p>
  );
}

/** "2 resends left", or why no code can be sent any more. */
export function ResendInfo({ onlyWhenExhausted, ...props }: ComponentPropsWithoutRef<'p'> & { onlyWhenExhausted?: boolean }) {
  const { state, messages, locale } = useStepUpContext('StepUp.ResendInfo');
  const left = resendsLeft(state);
  if (left === undefined || (onlyWhenExhausted && left > 0)) return null;
  // the alert already says it
  if (currentError(state)?.kind === 'resends-exhausted') return null;
  return (
    <p data-part="resend-info" data-state={left === 0 ? 'exhausted' : 'available'} {...props}>
      {left === 0 ? messages.resendsExhausted : messages.resendsLeft({ count: left, locale })}
    </p>
  );
}

let errorSerial = 0;
const errorKeys = new WeakMap<StepUpError, number>();

/**
 * The failure as a sentence for the cardholder, in `role="alert"`. A new error remounts the alert, so a
 * second wrong code is announced again. Expiry by the clock is shown by `StepUp.Countdown` instead.
 */
export function ErrorMessage(props: ComponentPropsWithoutRef<'p'>) {
  const { state, messages, locale, ids } = useStepUpContext('StepUp.ErrorMessage');
  const keys = useRef(errorKeys);
  if (state.status === 'no-options') {
    return (
      <p role="alert" data-part="error" data-kind="no-otp-options" {...props} id={ids.error}>
        {messages.errors['no-otp-options']}
      </p>
    );
  }
  const error = currentError(state);
  if (!error || (error.kind === 'expired' && state.status === 'expired')) return null;
  if (!keys.current.has(error)) keys.current.set(error, ++errorSerial);
  const text = messages.errors[error.kind] ?? messages.errors.unknown;
  const left = attemptsLeft(state);
  const extra = error.kind === 'invalid-otp' && left !== undefined ? messages.wrongCodeAttemptsLeft({ count: left, locale }) : '';
  return (
    <p key={keys.current.get(error)} role="alert" data-part="error" data-kind={error.kind} {...props}>
      {/* the sentence alone describes the code field, which already has the attempts line */}
      <span id={ids.error}>{text}</span>
      {/* said with the alert; the default stylesheet hides it from the eye, as the attempts line shows it */}
      {extra ? ' ' : null}
      {extra ? <span data-part="error-attempts">{extra}</span> : null}
    </p>
  );
}

/** The success state. */
export function Success(props: ComponentPropsWithoutRef<'div'>) {
  const { state, messages } = useStepUpContext('StepUp.Success');
  const success = useRef<HTMLDivElement>(null);
  // the code field was locked while checking: keyboard and screen-reader users land here, not on the page
  useRescueFocus(success, state.status === 'verified');
  if (state.status !== 'verified') return null;
  return (
    <div ref={success} tabIndex={-1} data-part="success" {...props}>
      <svg data-part="success-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11" fill="currentColor" />
        <path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p data-part="success-text">{messages.verified}</p>
    </div>
  );
}

/** The end state after Cancel. */
export function Cancelled(props: ComponentPropsWithoutRef<'p'>) {
  const { state, messages } = useStepUpContext('StepUp.Cancelled');
  const cancelled = useRef<HTMLParagraphElement>(null);
  // the Cancel button the cardholder pressed is gone: focus lands on what happened
  useRescueFocus(cancelled, state.status === 'cancelled');
  if (state.status !== 'cancelled') return null;
  return (
    <p ref={cancelled} tabIndex={-1} data-part="cancelled" {...props}>
      {props.children ?? messages.cancelled}
    </p>
  );
}
