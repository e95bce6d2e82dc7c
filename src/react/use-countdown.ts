import { useEffect, useRef, useState } from 'react';
import { ANNOUNCE_MILESTONES } from '../core/index.js';

/**
 * Whole seconds from `now` until `deadline` as the countdown shows them: rounded down, never below 0, so
 * each new value is shown as soon as it is due. A tick that arrives late (a throttled background tab)
 * then leaves the screen at most that lateness behind: with ticks up to 1 s late the countdown is never
 * more than 1 s from the true time left (rounding up would add a second to that). The only rounding of
 * a deadline into seconds in the kit.
 */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.floor((deadline - now) / 1000));
}

export interface UseCountdownOptions {
  /** The wall clock, `Date.now` unless a test or story injects one. */
  now?: () => number;
  /**
   * Called once when the display reaches 0:00, at once when it mounts or wakes there. Whether the code
   * has expired is for the step-up's own clock to say (`expire()` asks it).
   */
  onExpire?: () => void;
  /** Called when the seconds shown cross a milestone (60, 30, 10, 0), with the lowest one crossed. */
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
    let done = false;

    const tick = () => {
      clearTimeout(timer);
      const t = clock();
      const left = secondsUntil(deadline, t);
      setTracked((cur) => (cur.deadline === deadline && cur.seconds === left ? cur : { deadline, seconds: left }));
      const crossed = ANNOUNCE_MILESTONES.filter((m) => previous > m && left <= m);
      if (crossed.length > 0) callbacks.current.onMilestone?.(Math.min(...crossed));
      previous = left;
      if (left === 0) {
        done = true;
        callbacks.current.onExpire?.();
        return;
      }
      // the next value is due when the time left drops below the one displayed
      timer = setTimeout(tick, deadline - t - left * 1000 + 1);
    };

    if (previous === 0) {
      done = true;
      callbacks.current.onExpire?.();
    } else {
      tick();
    }
    const onWake = () => {
      if (!done) tick();
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
