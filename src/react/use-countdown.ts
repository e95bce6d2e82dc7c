import { useEffect, useRef, useState } from 'react';
import { ANNOUNCE_MILESTONES, secondsUntil } from '../core';

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
      const left = secondsUntil(deadline, t);
      setTracked((cur) => (cur.deadline === deadline && cur.seconds === left ? cur : { deadline, seconds: left }));
      const crossed = ANNOUNCE_MILESTONES.filter((m) => previous > m && left <= m);
      if (crossed.length > 0) callbacks.current.onMilestone?.(Math.min(...crossed));
      previous = left;
      if (left <= 0) {
        if (!expired) {
          expired = true;
          callbacks.current.onExpire?.();
        }
        return;
      }
      // the displayed value drops when the remaining time crosses the next whole second
      const untilNextSecond = deadline - t - (left - 1) * 1000;
      timer = setTimeout(tick, Math.max(1, untilNextSecond + 1));
    };

    if (previous <= 0) {
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
