import { runWithLock } from './lock-loop.js';
import { DEFAULT_SESSION_TTL_SECONDS, LockLostError, type SessionStore, type StepUpSession } from './session-store.js';

/** Options of `createMemorySessionStore`. */
export interface MemorySessionStoreOptions {
  /**
   * Lifetime of a value when `set` is given none.
   * @defaultValue 900
   */
  ttlSeconds?: number;
  /**
   * The clock, epoch milliseconds (tests).
   * @defaultValue Date.now
   */
  now?: () => number;
}

/**
 * A session store in this process's memory: for one server instance, development and tests. Values are
 * copied in and out (as JSON) so callers never share a mutable object with the store, as with Redis.
 */
export function createMemorySessionStore<T = StepUpSession>(options: MemorySessionStoreOptions = {}): SessionStore<T> {
  const now = options.now ?? Date.now;
  const defaultTtl = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const values = new Map<string, { json: string; expiresAt: number }>();
  const locks = new Map<string, { token: string; expiresAt: number }>();
  const waiters = new Map<string, Set<() => void>>();

  let sweptAt = 0;
  let sizeAfterSweep = 0;
  function sweep() {
    // expired entries are dropped lazily by get; a full pass runs only once the map is large, and then at
    // most once a minute or when it has doubled since the last pass: constant work per set on average,
    // however many step-ups are live
    if (values.size < 1024) return;
    const t = now();
    if (values.size < 2 * sizeAfterSweep && t - sweptAt < 60_000) return;
    for (const [id, entry] of values) if (entry.expiresAt <= t) values.delete(id);
    sweptAt = t;
    sizeAfterSweep = values.size;
  }

  function wake(id: string) {
    const set = waiters.get(id);
    if (!set) return;
    waiters.delete(id);
    set.forEach((resolve) => resolve());
  }

  return {
    async get(id) {
      const entry = values.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        values.delete(id);
        return undefined;
      }
      return JSON.parse(entry.json) as T;
    },
    async set(id, value, ttlSeconds, lease) {
      if (lease) {
        const held = locks.get(lease.id);
        if (lease.id !== id || held?.token !== lease.token || held.expiresAt <= Date.now()) throw new LockLostError();
      }
      sweep();
      values.set(id, { json: JSON.stringify(value), expiresAt: now() + (ttlSeconds ?? defaultTtl) * 1000 });
    },
    async delete(id) {
      values.delete(id);
    },
    withLock(id, fn, lockOptions) {
      return runWithLock(
        {
          async acquire(lockId, token, ttlMs) {
            const held = locks.get(lockId);
            if (held && held.expiresAt > Date.now()) return false;
            locks.set(lockId, { token, expiresAt: Date.now() + ttlMs });
            return true;
          },
          async release(lockId, token) {
            if (locks.get(lockId)?.token !== token) return;
            locks.delete(lockId);
            wake(lockId);
          },
          waitForRelease(lockId, ms) {
            const held = locks.get(lockId);
            // wake on release, or when the holder's lock expires on its own
            const wait = Math.max(1, Math.min(ms, held ? held.expiresAt - Date.now() : ms));
            return new Promise<void>((resolve) => {
              const done = () => {
                clearTimeout(timer);
                waiters.get(lockId)?.delete(done);
                resolve();
              };
              const timer = setTimeout(done, wait);
              let set = waiters.get(lockId);
              if (!set) waiters.set(lockId, (set = new Set()));
              set.add(done);
            });
          },
        },
        id,
        fn,
        lockOptions,
      );
    },
  };
}
