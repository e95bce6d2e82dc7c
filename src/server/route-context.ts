import { createHash } from 'node:crypto';
import type { StepUpLogger, LogFields } from './logger.js';
import type { RouteOutcome } from './route-outcome.js';
import type { LockOptions, SessionStore, StepUpSession } from './session-store.js';
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

export function isIssued(session: StepUpSession, optionId: string): boolean {
  return session.options.some((option) => option.id === optionId);
}
