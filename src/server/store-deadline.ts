import { DEFAULT_LOCK_WAIT_MS, SessionStoreUnavailableError, type LockLease, type LockOptions, type SessionStore } from './session-store.js';

/** The deadline of the routes' session store calls. */
export interface StoreDeadlineOptions {
  /**
   * How long one call to the session store may take before the routes give up on it and answer 503
   * `store-unavailable`: a read, a write, a delete or a lock's release; taking a lock gets this on top of the
   * lock's wait. It holds for any store (the Redis store also bounds each of its own commands, the lock's
   * included, with its `commandTimeoutMs`). Milliseconds, at most 60 000.
   * @defaultValue 1000
   */
  storeTimeoutMs?: number;
}

export const DEFAULT_STORE_TIMEOUT_MS = 1_000;

/**
 * A store deadline option: a positive finite number of milliseconds up to a minute (NaN would switch it off,
 * and a huge one overflows `setTimeout`, which then fires at once).
 */
export function deadlineOption(value: number | undefined, name: string): number {
  const ms = value ?? DEFAULT_STORE_TIMEOUT_MS;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > 60_000)
    throw new TypeError(`stepup-kit/server: ${name} must be a number of milliseconds above 0 and at most 60000`);
  return ms;
}

/**
 * `promise`, or a `SessionStoreUnavailableError` once `ms` have passed without it settling. What it settles
 * to afterwards is dropped: the caller has been answered.
 */
export function withinDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SessionStoreUnavailableError(`${what} did not finish within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * `store` with a deadline on each call, so that no route hangs on a store that stopped answering. A lock is
 * given `waitMs` plus `timeoutMs` to be taken; once the locked work is done, its release gets `timeoutMs`
 * and is then left to finish (or to expire) on its own. Work whose lock came too late is never run: its
 * caller has already been answered.
 */
export function withStoreDeadline<T>(store: SessionStore<T>, timeoutMs: number): SessionStore<T> {
  const bounded = <R>(call: () => Promise<R>, what: string) => withinDeadline(Promise.resolve().then(call), timeoutMs, `the session store's ${what}`);
  return {
    get: (id) => bounded(() => store.get(id), 'get'),
    set: (id, value, ttlSeconds, lease) => bounded(() => store.set(id, value, ttlSeconds, lease), 'set'),
    delete: (id) => bounded(() => store.delete(id), 'delete'),
    withLock<R>(id: string, fn: (lease: LockLease) => Promise<R>, options?: LockOptions): Promise<R> {
      const takeMs = (options?.waitMs ?? DEFAULT_LOCK_WAIT_MS) + timeoutMs;
      return new Promise<R>((resolve, reject) => {
        let phase: 'taking' | 'running' | 'releasing' | 'answered' = 'taking';
        let outcome: { ok: true; value: R } | { ok: false; error: unknown } | undefined;
        let releaseTimer: ReturnType<typeof setTimeout> | undefined;
        const answer = () => {
          clearTimeout(takeTimer);
          clearTimeout(releaseTimer);
          if (phase === 'answered' || !outcome) return;
          phase = 'answered';
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error);
        };
        const takeTimer = setTimeout(() => {
          outcome = { ok: false, error: new SessionStoreUnavailableError(`the session store did not give the lock within ${takeMs} ms`) };
          answer();
        }, takeMs);
        store
          .withLock(
            id,
            async (lease) => {
              if (phase !== 'taking') throw new SessionStoreUnavailableError('the lock came after its caller was answered');
              clearTimeout(takeTimer);
              phase = 'running';
              try {
                const value = await fn(lease);
                outcome = { ok: true, value };
                return value;
              } catch (error) {
                outcome = { ok: false, error };
                throw error;
              } finally {
                phase = 'releasing';
                // a store that just failed will not release in time either: answer now, let the lock expire
                if (!outcome?.ok && outcome?.error instanceof SessionStoreUnavailableError) answer();
                else releaseTimer = setTimeout(answer, timeoutMs);
              }
            },
            options,
          )
          .then(
            (value) => {
              outcome ??= { ok: true, value };
              answer();
            },
            (error: unknown) => {
              // once the work is done its outcome stands, whatever the release did
              outcome ??= { ok: false, error };
              answer();
            },
          );
      });
    },
  };
}
