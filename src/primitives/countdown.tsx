import type { ComponentPropsWithoutRef } from 'react';
import { currentCode, formatCountdown } from '../core/index.js';
import { useCountdown } from '../react/use-countdown.js';
import { useStepUpContext } from './context.js';
import { isCodePending } from '../core/index.js';

/**
 * "Code expires in 4:59", computed from the deadline against the wall clock. Its tick re-renders only
 * this element; the 60/30/10/0-second milestones go to the live region. Renders nothing when the
 * backend gave no expiry.
 */
export function Countdown(props: ComponentPropsWithoutRef<'p'>) {
  const { state, messages, ids, expire, announcer, now, locale } = useStepUpContext('StepUp.Countdown');
  const code = currentCode(state);
  const ticking = isCodePending(state);
  const seconds = useCountdown(ticking ? code?.expiresAt : undefined, {
    now,
    onExpire: expire,
    // 0 is said by `expire`, and only when the code really is expired (not while it is being checked)
    onMilestone: (s) => {
      if (s > 0) announcer.announce(messages.announceTimeLeft({ seconds: s, locale }));
    },
  });
  // a code the backend could not confirm is not said to have expired: the alert says what happened
  if (state.status === 'expired' && state.error?.kind === 'code-unconfirmed') return null;
  if (state.status === 'expired') {
    return (
      <p id={ids.countdown} data-part="countdown" data-state="expired" {...props}>
        {messages.expired}
      </p>
    );
  }
  if (!ticking || seconds === undefined) return null;
  return (
    <p
      id={ids.countdown}
      role="timer"
      aria-live="off"
      data-part="countdown"
      data-state={seconds <= 30 ? 'ending' : 'running'}
      {...props}
    >
      {messages.expiresIn({ time: formatCountdown(seconds), seconds })}
    </p>
  );
}
