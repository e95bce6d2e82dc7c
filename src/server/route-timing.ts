import { WRITE_RETRY_DELAYS_MS } from './route-context.js';
import { DEFAULT_STORE_TIMEOUT_MS } from './store-deadline.js';

/**
 * The time bounds of a send or validate, derived from the two waits the routes do not choose: the Visa
 * call's `timeoutMs` and the deadline of one session store call (`storeTimeoutMs`). With the defaults a route answers within
 * 29.6 s of its body's arrival, under the browser's default timeout (`createFetchBackend`, 35 s), so the
 * cardholder gets the server's answer, never a timeout of their own.
 */
export interface RouteTiming {
  /** A lock frees itself after this long, even if its holder stalled: longer than the holder's work under it. */
  lockTtlMs: number;
  /** The longest a request waits for its step-up's lock (another tab's call) before answering 503 `busy`. */
  lockWaitMs: number;
  /** The slowest answer of a send or validate, counted from the moment its body has arrived. */
  answerWithinMs: number;
}

/** A second request of one step-up waits this long for the first at most: enough for a usual Visa answer. */
export const LOCK_WAIT_MS = 4_000;

/** Room for event-loop delays between the holder's last write and its lock's expiry. */
const LOCK_SLACK_MS = 2_000;

/** A session write as the routes make it (`writeSession`): a store call, tried again after each pause. */
function writeMs(storeCallMs: number): number {
  return (WRITE_RETRY_DELAYS_MS.length + 1) * storeCallMs + WRITE_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
}

export function routeTiming(visaTimeoutMs: number, storeCallMs: number = DEFAULT_STORE_TIMEOUT_MS): RouteTiming {
  // under the lock: the read, a write before the Visa call, the call, a write after it
  const underLock = storeCallMs + writeMs(storeCallMs) + visaTimeoutMs + writeMs(storeCallMs);
  // around it: the read before waiting, a lock attempt begun as the wait ends, the release
  const aroundLock = 3 * storeCallMs;
  return {
    lockTtlMs: underLock + LOCK_SLACK_MS,
    lockWaitMs: LOCK_WAIT_MS,
    answerWithinMs: LOCK_WAIT_MS + underLock + aroundLock,
  };
}

/**
 * How long a request whose body arrived at `since` may still wait for the lock at `now` and answer within
 * `answerWithinMs`: what `getSessionId` took comes off the wait, so a slow session lookup makes the request
 * answer `busy` sooner rather than late.
 */
export function lockWaitLeft(timing: RouteTiming, since: number, now: number): number {
  return Math.max(0, timing.lockWaitMs - (now - since));
}
