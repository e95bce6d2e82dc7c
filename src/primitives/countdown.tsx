import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { currentCode, formatCountdown, inGroup } from '../core/index.js';
import { useCountdown } from '../react/use-countdown.js';
import { useStepUpContext } from './context.js';

/**
 * "Code expires in 4:59", computed from the deadline against the wall clock. Its tick re-renders only
 * this element; the 60/30/10/0-second milestones go to the live region. Renders nothing when the
 * backend gave no expiry.
 */
export const Countdown = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(function Countdown(props, ref) {
  const { state, messages, ids, expire, announcer, now, locale } = useStepUpContext();
  const code = currentCode(state);
  const ticking = inGroup(state, 'pending');
  const seconds = useCountdown(ticking ? code?.expiresAt : undefined, {
    now,
    // at 0:00 the step-up's clock is asked; it alone says whether the code has expired
    onExpire: expire,
    // 0 is said when the code really is expired (not while it is being checked), with the status
    onMilestone: (s) => {
      if (s > 0) announcer.announce(messages.announceTimeLeft({ seconds: s, locale }));
    },
  });
  if (state.status === 'expired') {
    // a code the backend could not confirm is not said to have expired: the alert says what happened
    if (state.error?.kind === 'code-unconfirmed') return null;
    return (
      <p data-part="countdown" data-state="expired" {...props} ref={ref} id={ids.countdown}>
        {messages.expired}
      </p>
    );
  }
  if (!ticking || seconds === undefined) return null;
  return (
    <p
      role="timer"
      aria-live="off"
      data-part="countdown"
      data-state={seconds <= 30 ? 'ending' : 'running'}
      {...props}
      ref={ref}
      id={ids.countdown}
    >
      {messages.expiresIn({ time: formatCountdown(seconds), seconds })}
    </p>
  );
});
