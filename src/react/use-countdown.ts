import { useEffect, useRef, useState } from 'react';
import { ANNOUNCE_MILESTONES } from '../core/index.js';

/**
 * The seconds to display: rounded down, and each new value is shown as soon as it is due. A tick that
 * arrives late (a throttled background tab) then leaves the screen at most that lateness behind, so with
 * ticks up to 1 s late the countdown is never more than 1 s away from the true time left. (Rounding up
 * would add a second to that.)
 */
function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.floor((deadline - now) / 1000));
}

export interface UseCountdownOptions {
  /** The wall clock, `Date.now` unless a test or story injects one. */
  now?: () => number;
  /** Called once when the deadline is reached. */
  onExpire?: () => void;
  /** Called when the seconds left cross a milestone (60, 30, 10, 0), with the lowest one crossed. */
  onMilestone?: (seconds: number) => void;
}

/**
 * Seconds left until `deadline` (epoch ms), read from the wall clock on every tick, so a tab that slept
 * for ten minutes shows the right time when it wakes. Ticks are scheduled for the moment the displayed
 * second changes, and `visibilitychange` re-reads the clock at once. Only the component that calls this
 * hook re-renders on a tick.
 */
export function useCountdown(deadline: number | undefined, options: UseCountdownOptions = {}): number | undefined {
  const now = options.now ?? Date.now;
  const callbacks = useRef(options);
  callbacks.current = options;

  const [tracked, setTracked] = useState(() => ({
    deadline,
    seconds: deadline === undefined ? undefined : secondsUntil(deadline, now()),
  }));
  // a new deadline (a resend) shows its own time in the same render, not one tick late
  let seconds = tracked.seconds;
  if (tracked.deadline !== deadline) {
    seconds = deadline === undefined ? undefined : secondsUntil(deadline, now());
    setTracked({ deadline, seconds });
  }

  useEffect(() => {
    if (deadline === undefined) return;
    const clock = callbacks.current.now ?? Date.now;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let previous = secondsUntil(deadline, clock());
    let expired = false;

    const tick = () => {
      clearTimeout(timer);
      const t = clock();
      const remaining = deadline - t;
      const left = secondsUntil(deadline, t);
      setTracked((cur) => (cur.deadline === deadline && cur.seconds === left ? cur : { deadline, seconds: left }));
      // 60/30/10 as the display reaches them; 0 only when the code has really expired
      const crossed = ANNOUNCE_MILESTONES.filter((m) => m > 0 && previous > m && left <= m);
      if (remaining <= 0) crossed.push(0);
      if (crossed.length > 0 && !expired) callbacks.current.onMilestone?.(Math.min(...crossed));
      previous = left;
      if (remaining <= 0) {
        if (!expired) {
          expired = true;
          callbacks.current.onExpire?.();
        }
        return;
      }
      // the next value is due when the time left drops below the one displayed
      timer = setTimeout(tick, remaining - left * 1000 + 1);
    };

    if (deadline - clock() <= 0) {
      expired = true;
      callbacks.current.onExpire?.();
    } else {
      tick();
    }
    const onWake = () => {
      if (!expired) tick();
    };
    document.addEventListener('visibilitychange', onWake);
    window.addEventListener('focus', onWake);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onWake);
      window.removeEventListener('focus', onWake);
    };
  }, [deadline]);

  return seconds;
}
