import { createHash } from 'node:crypto';
import type { StepUpLogger, LogFields } from './logger.js';
import type { RouteOutcome } from './route-outcome.js';
import {
  LockLostError,
  SessionStoreUnavailableError,
  type LockLease,
  type LockOptions,
  type SessionStore,
  type StepUpSession,
} from './session-store.js';
import type { CheckInterpreter } from './check-answer.js';
import type { VisaAcceptanceClient } from './visa-acceptance-client.js';

/** What the route handlers share. */
export interface RouteContext {
  client: VisaAcceptanceClient;
  sessions: SessionStore<StepUpSession>;
  logger: StepUpLogger;
  lock: Required<LockOptions>;
  sessionTtlSeconds: number;
  maxSendsPerStepUp: number;
  maxValidationsPerCode: number;
  /** Per out-of-band method, whether a selection calls one-time-passwords so the issuer acts. */
  notifyOnSelect: Readonly<Record<string, boolean>>;
  minCheckIntervalMs: number;
  maxChecksPerStepUp: number;
  interpretCheck: CheckInterpreter;
  now: () => number;
}

/** A handler's answer plus what it wants logged about it (never a body). */
export interface HandledRoute {
  outcome: RouteOutcome;
  log: LogFields;
}

/**
 * The store key of a session: a SHA-256 of the merchant's session id, so raw session ids (often the
 * cookie that authenticates the shopper) never reach Redis or a log.
 */
export function sessionKey(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('base64url');
}

/** Reads `stepUpOption.id` from a browser body. */
export function readOptionId(body: Record<string, unknown>): string | undefined {
  const option = body.stepUpOption;
  if (typeof option !== 'object' || option === null) return undefined;
  const id = (option as Record<string, unknown>).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 512 ? id : undefined;
}

/** Create-OTP calls these routes allow in the step-up: Visa's limit once known, never above `maxSendsPerStepUp`. */
export function sendLimit(ctx: RouteContext, session: StepUpSession): number {
  return Math.min(session.maxRequestsAllowed ?? Infinity, ctx.maxSendsPerStepUp);
}

/** Refused validations these routes allow per code: Visa's limit once known, never above `maxValidationsPerCode`. */
export function validationLimit(ctx: RouteContext, session: StepUpSession): number {
  return Math.min(session.maxVerificationAllowed ?? Infinity, ctx.maxValidationsPerCode);
}

/** Whether two reads of a session are of one step-up (not one that `startStepUp` opened in between). */
export function sameStepUp(a: StepUpSession, b: StepUpSession): boolean {
  return a.startedAt === b.startedAt && a.tokenId === b.tokenId && a.clientCorrelationId === b.clientCorrelationId;
}

/** Whether `optionId` is one of the options Visa offered this step-up. */
export function isIssued(session: StepUpSession, optionId: string): boolean {
  return session.options.some((option) => option.id === optionId);
}

/**
 * Pauses before each further try of a write. Brief, because the call holds the step-up's lock meanwhile;
 * enough for a store that blinked (a failover, a reconnect) to record what Visa did.
 */
export const WRITE_RETRY_DELAYS_MS = [50, 250];

/**
 * Writes the session, fenced by the lease. A failing store is tried again briefly, then reported as
 * `SessionStoreUnavailableError` (503, "try again"): a write may record what Visa did, and a 500 would
 * read as a failure of the route. A lost lock is not retried: a newer holder may have written since.
 */
export async function writeSession(ctx: RouteContext, key: string, session: StepUpSession, lease: LockLease): Promise<void> {
  for (const delay of [...WRITE_RETRY_DELAYS_MS, undefined]) {
    try {
      return await ctx.sessions.set(key, session, ctx.sessionTtlSeconds, lease);
    } catch (error) {
      if (error instanceof LockLostError) throw error;
      if (delay === undefined)
        throw error instanceof SessionStoreUnavailableError ? error : new SessionStoreUnavailableError('the step-up could not be written to the session store', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
