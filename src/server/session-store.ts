/** A step-up option as the browser may see it and as the session remembers it. */
export interface IssuedStepUpOption {
  id: string;
  /** The method as Visa spelled it (the kit normalises spellings itself). */
  method: string;
  /** The masked destination. */
  value?: string;
  /** Out-of-band options only (returned by `startStepUp`, not stored): `IOS`, `ANDROID` or `WEB`. */
  platformType?: string;
  /** Out-of-band options only (not stored): e.g. `3DS`. */
  subMethod?: string;
  /** Out-of-band options only (not stored): the issuer app's id or page URL, which the browser opens. Never logged. */
  source?: string;
  /** Out-of-band options only (not stored): the opaque payload for the issuer app or page. Never logged. */
  requestPayload?: string;
}

/** The outcome of the latest create-OTP attempt, replayed to a concurrent duplicate send. */
export interface RecordedSend {
  /** The attempt's number in this step-up (1, 2, …). */
  seq: number;
  optionId: string;
  /** The status and JSON body the browser got. */
  status: number;
  body: unknown;
}

/** The code in force: which option it went to and what is known of its validations. */
export interface CurrentCode {
  optionId: string;
  /** Validations of this code that Visa refused. */
  failedValidations: number;
  /**
   * Written (epoch ms) before a validation of this code goes to Visa, and removed by the write that records
   * Visa's verdict. Still there at the next validate means a verdict was lost (a timeout, a cut answer, an
   * unreadable answer, a failed write): Visa may have accepted the code, so its refusal now proves nothing.
   */
  verdictPendingSince?: number;
  /** Visa refused this code after a lost verdict: it can be neither confirmed nor tried again. */
  unconfirmed?: true;
}

/** A create-OTP call written down before it went to Visa, until its answer is recorded. */
export interface SendInFlight {
  /** Its number in this step-up, as in `RecordedSend.seq`. */
  seq: number;
  optionId: string;
  /** When it went to Visa, epoch milliseconds. */
  since: number;
}

/**
 * What the server keeps per step-up. It holds no one-time password and nothing the browser sent except
 * option ids, so it may live in a shared store. Fields added since `v: 1` are optional, so records written
 * before them read as "nothing pending".
 */
export interface StepUpSession {
  v: 1;
  tokenId: string;
  /** One id for every Visa call of this step-up. */
  clientCorrelationId: string;
  /** The options issued by Visa; only their ids may be used by the browser. */
  options: IssuedStepUpOption[];
  startedAt: number;
  /** Create-OTP calls made upstream, failed ones included. */
  sendAttempts: number;
  /** Create-OTP calls Visa answered with 2xx. */
  sends: number;
  /** From the latest create-OTP answer; `undefined` while unknown. */
  maxRequestsAllowed?: number;
  /** From the latest create-OTP answer; `undefined` while unknown. */
  maxVerificationAllowed?: number;
  lastSend?: RecordedSend;
  /**
   * Still set at the next send means its answer was never recorded (the write failed, the process died):
   * Visa most likely sent a code, so a retry for that option must not send a second one.
   */
  sendInFlight?: SendInFlight;
  /** The code in force. */
  code?: CurrentCode;
  /** Set once Visa accepted a code, or a check found the issuer approved. */
  verified?: { at: number; action?: string };
  /**
   * The authentication-options body `startStepUp` sent, without `sessionInformation.secureToken`: the check
   * re-runs it with the browser's fresh token. Absent in records written before the check existed.
   */
  checkBody?: Record<string, unknown>;
  /** The out-of-band option the cardholder chose, by a selection submit. */
  selected?: { optionId: string; at: number };
  /** Per out-of-band option id, what is known of its issuer-code validations (`CurrentCode` rules, one record per option). */
  issuerCodes?: Record<string, CurrentCode>;
  /** The latest upstream check's answer, replayed to checks within `minCheckIntervalMs` of it. */
  lastCheck?: { at: number; status: number; body: unknown };
  /** Checks made upstream. */
  checks?: number;
}

/** How long a lock is held at most and how long a caller waits for it. */
export interface LockOptions {
  /**
   * The lock frees itself after this long even if its holder crashed. Keep it above the longest upstream call.
   * @defaultValue 30000
   */
  ttlMs?: number;
  /**
   * Give up (with `SessionLockTimeoutError`) after waiting this long.
   * @defaultValue 35000
   */
  waitMs?: number;
}

/**
 * Proof that its holder took the lock of `id` with `token`. A write that carries it is *fenced*: it happens
 * only while that token still holds the lock, checked in the same atomic step as the write, so a holder that
 * stalled past the lock's TTL (a GC pause, a stopped process) cannot overwrite what a newer holder wrote.
 */
export interface LockLease {
  readonly id: string;
  readonly token: string;
}

/**
 * Where step-up state lives: in memory for one instance, or in Redis for several behind a load balancer.
 * Values are JSON-serialisable; `withLock` is an exclusive per-id lock that holds across instances sharing
 * the store.
 */
export interface SessionStore<T = StepUpSession> {
  get(id: string): Promise<T | undefined>;
  /**
   * Stores the value; it disappears after `ttlSeconds` (the store's default when omitted). With `lease`, the
   * write happens only if the lease still holds the lock of `id`, else it rejects with `LockLostError`.
   */
  set(id: string, value: T, ttlSeconds?: number, lease?: LockLease): Promise<void>;
  delete(id: string): Promise<void>;
  /** Runs `fn` while holding the lock of `id`; the lock is released when `fn` settles. */
  withLock<R>(id: string, fn: (lease: LockLease) => Promise<R>, options?: LockOptions): Promise<R>;
}

/** A fenced write found that its lease no longer holds the lock: a newer holder may have written since. */
export class LockLostError extends Error {
  override readonly name = 'LockLostError';
  constructor() {
    super('the session lock was lost before the write (it expired and may be held by another request)');
  }
}

/** A store call failed or did not finish within its deadline (the store is down, stalled or full). */
export class SessionStoreUnavailableError extends Error {
  override readonly name = 'SessionStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Thrown by `withLock` when the lock could not be taken within `waitMs`. */
export class SessionLockTimeoutError extends Error {
  override readonly name = 'SessionLockTimeoutError';
  constructor(waitMs: number) {
    super(`the session lock was not free within ${waitMs} ms`);
  }
}

export const DEFAULT_LOCK_TTL_MS = 30_000;
export const DEFAULT_LOCK_WAIT_MS = 35_000;
/** Fifteen minutes: longer than any code lifetime Visa documents, short enough not to hoard memory. */
export const DEFAULT_SESSION_TTL_SECONDS = 900;
