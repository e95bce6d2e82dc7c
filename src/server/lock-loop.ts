import { DEFAULT_LOCK_TTL_MS, DEFAULT_LOCK_WAIT_MS, SessionLockTimeoutError, type LockLease, type LockOptions } from './session-store.js';

/** The three primitives a store provides to get `withLock`. */
export interface LockPrimitives {
  /** Takes the lock for `token` if it is free (or expired); `false` when someone else holds it. */
  acquire(id: string, token: string, ttlMs: number): Promise<boolean>;
  /** Frees the lock only if `token` still holds it. */
  release(id: string, token: string): Promise<void>;
  /** Resolves when the lock may have become free, or after at most `ms`. */
  waitForRelease(id: string, ms: number): Promise<void>;
}

/**
 * The shared `withLock` algorithm: try, wait, retry until `waitMs`; run `fn`; release with the token so an
 * expired holder never frees a lock someone else took since.
 */
export async function runWithLock<R>(
  primitives: LockPrimitives,
  id: string,
  fn: (lease: LockLease) => Promise<R>,
  options: LockOptions = {},
): Promise<R> {
  const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const token = globalThis.crypto.randomUUID();
  const deadline = Date.now() + waitMs;
  const acquire = () =>
    primitives.acquire(id, token, ttlMs).catch((error: unknown) => {
      // an acquire that timed out may still reach a stalled store and take the lock later: a release queued
      // behind it frees it then, instead of the lock blocking the step-up until its TTL (not awaited: the
      // store is not answering)
      primitives.release(id, token).catch(() => undefined);
      throw error;
    });
  while (!(await acquire())) {
    const left = deadline - Date.now();
    if (left <= 0) throw new SessionLockTimeoutError(waitMs);
    await primitives.waitForRelease(id, left);
  }
  try {
    return await fn({ id, token });
  } finally {
    // a failed release must not turn a done step (a code Visa accepted) into an error: the lock's TTL frees it
    await primitives.release(id, token).catch(() => undefined);
  }
}
