/**
 * A virtual clock whose timers can be delivered late, as a background tab throttles them. Written here
 * because fake-timer libraries deliver every timer on time; the benchmark needs late and skipped ticks.
 */
export interface VirtualTime {
  now(): number;
  /** Runs due timers up to `ms` from now, each delivered `lateness()` ms after its due time. */
  advance(ms: number, lateness?: () => number, onFire?: () => void): void;
  /** Delivers the next timer `lateness` ms after its due time, if that is before `until`; false when none is. */
  step(lateness: number, until: number): boolean;
  /** Moves the clock without running timers (a sleeping tab). */
  jump(ms: number): void;
  install(): void;
  uninstall(): void;
  pending(): number;
  scheduled(): number;
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export function createVirtualTime(start: number): VirtualTime {
  let t = start;
  let nextId = 1;
  let count = 0;
  const timers = new Map<number, Timer>();
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  return {
    now: () => t,
    pending: () => timers.size,
    scheduled: () => count,
    install() {
      globalThis.setTimeout = ((fn: () => void, ms = 0) => {
        const id = nextId++;
        count += 1;
        timers.set(id, { id, at: t + Math.max(0, ms), fn });
        return id;
      }) as unknown as typeof setTimeout;
      globalThis.clearTimeout = ((id: number) => void timers.delete(id)) as typeof clearTimeout;
      Date.now = () => t;
    },
    uninstall() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      Date.now = real.now;
    },
    step(lateness, until) {
      let next: Timer | undefined;
      for (const timer of timers.values()) if (!next || timer.at < next.at) next = timer;
      if (!next) return false;
      const deliverAt = Math.max(t, next.at + Math.max(0, lateness));
      if (deliverAt > until) return false;
      t = deliverAt;
      timers.delete(next.id);
      next.fn();
      return true;
    },
    jump(ms) {
      t += ms;
    },
    advance(ms, lateness = () => 0, onFire) {
      const end = t + ms;
      for (;;) {
        let next: Timer | undefined;
        for (const timer of timers.values()) if (!next || timer.at < next.at) next = timer;
        if (!next) break;
        const deliverAt = next.at + Math.max(0, lateness());
        if (deliverAt > end) break;
        t = Math.max(t, deliverAt);
        timers.delete(next.id);
        next.fn();
        onFire?.();
      }
      t = end;
    },
  };
}
