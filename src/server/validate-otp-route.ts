import { isIssued, readOptionId, sameStepUp, validationLimit, writeSession, type HandledRoute, type RouteContext } from './route-context.js';
import { logUpstreamFailure, routeError, upstreamFailure, upstreamFate, type RouteOutcome } from './route-outcome.js';
import type { CurrentCode, StepUpSession } from './session-store.js';

/** What differs between validating a one-time password and an issuer's authentication code. */
export interface Verification {
  /** The field Visa's validate takes. */
  field: 'otp' | 'issuerAuthCode';
  /** The record of the option's validations, made on demand; a string is the refusal when there is none. */
  record(session: StepUpSession, optionId: string): CurrentCode | 'code-not-sent';
  /** The most refused validations of the record. */
  limit(session: StepUpSession): number;
  /** After a lost verdict, a refusal retires the record for good (a one-time password) or only this answer (an issuer code, new each time). */
  retireUnconfirmed: boolean;
  /** For the log line. */
  operation: 'validate-otp' | 'issuer-code';
}

/**
 * The `otp` field: codes are 4 to 8 characters; a little slack above, but never arbitrary text (and never
 * shorter than the logger's redaction of codes reaches).
 */
const OTP_SHAPE = /^[0-9A-Za-z]{4,16}$/;

/**
 * `POST …/validate`. Validations of one session are serialised under its lock, so two tabs cannot spend
 * more attempts than `maxVerificationAllowed` (or `maxValidationsPerCode`) allows. Only Visa's own refusal
 * of the code counts as a failed attempt; a 5xx, a timeout or a refusal by a layer in front of Visa does not.
 *
 * A verdict is written ahead: the code is marked pending before the call and the mark goes in the write
 * that records Visa's answer. A mark still there means a verdict was lost, and Visa may have accepted (and
 * used up) the code; then a refusal cannot mean "wrong code": the answer is `code-unconfirmed`, no attempt
 * is spent, and the code is retired until a new one is sent.
 */
export async function validateOtpRoute(ctx: RouteContext, key: string, body: Record<string, unknown>, otp: string | undefined): Promise<HandledRoute> {
  const optionId = readOptionId(body);
  if (!optionId || otp === undefined || !OTP_SHAPE.test(otp)) return { outcome: routeError(400, 'bad-request'), log: {} };
  return verify(ctx, key, optionId, otp, {
    field: 'otp',
    record: (session, id) => (session.code && session.code.optionId === id ? session.code : 'code-not-sent'),
    limit: (session) => validationLimit(ctx, session),
    retireUnconfirmed: true,
    operation: 'validate-otp',
  });
}

/**
 * Validates `secret` for `optionId` under the session lock, with the rules of `validateOtpRoute`: only Visa's
 * own refusal counts as a failed attempt, a verdict is written ahead, and a refusal after a lost verdict is
 * `code-unconfirmed`, never a wrong code. `before` checks run first (403 for a foreign option).
 */
export async function verify(ctx: RouteContext, key: string, optionId: string, secret: string, how: Verification): Promise<HandledRoute> {
  const before = await ctx.sessions.get(key);
  if (!before) return { outcome: routeError(409, 'no-step-up'), log: {} };
  if (!isIssued(before, optionId)) return { outcome: routeError(403, 'option-not-issued'), log: {} };

  return ctx.sessions.withLock(
    key,
    async (lease): Promise<HandledRoute> => {
      const session = await ctx.sessions.get(key);
      // a startStepUp while this request waited for the lock opened another step-up: this code is not for it
      if (!session || !sameStepUp(session, before))
        return { outcome: routeError(409, 'no-step-up'), log: {} };
      // Visa accepted the code but the browser never got the answer (a timeout, a dropped connection) and
      // tries again: replay the success, or the cardholder would be told the right code is wrong
      if (session.verified)
        return {
          outcome: { status: 200, body: session.verified.action ? { action: session.verified.action } : {} },
          log: { replayed: true },
        };
      const code = how.record(session, optionId);
      if (code === 'code-not-sent') return { outcome: routeError(409, 'code-not-sent'), log: {} };
      if (code.unconfirmed) return { outcome: routeError(409, 'code-unconfirmed'), log: { retired: true } };
      const limit = how.limit(session);
      if (code.failedValidations >= limit) return { outcome: routeError(403, 'attempts-exhausted'), log: { limit } };

      const verdictLost = code.verdictPendingSince !== undefined;
      code.verdictPendingSince ??= ctx.now();
      await writeSession(ctx, key, session, lease);

      const started = ctx.now();
      let outcome: RouteOutcome;
      let visaCorrelationId: string | undefined;
      try {
        const answer = await ctx.client.validateOtp(session.tokenId, {
          clientCorrelationId: session.clientCorrelationId,
          stepUpOption: { id: optionId },
          [how.field]: secret,
        });
        visaCorrelationId = answer.correlationId;
        const action = typeof answer.body.action === 'string' ? answer.body.action : undefined;
        session.verified = { at: ctx.now(), action };
        session.code = undefined;
        session.issuerCodes = undefined;
        outcome = { status: 200, body: answer.body };
      } catch (error) {
        outcome = upstreamFailure(error, 'validate-otp');
        visaCorrelationId = logUpstreamFailure(ctx.logger, how.operation, error);
        const fate = upstreamFate(error, outcome);
        // unknown: Visa may have accepted the code, so the mark stays for the next validate to resolve
        if (fate === 'not-acted' && !verdictLost) code.verdictPendingSince = undefined;
        if (fate === 'refused') {
          code.verdictPendingSince = undefined;
          if (verdictLost) {
            if (how.retireUnconfirmed) code.unconfirmed = true;
            outcome = routeError(409, 'code-unconfirmed', (outcome.body as { visa?: unknown }).visa);
          } else code.failedValidations += 1;
        }
      }
      await writeSession(ctx, key, session, lease);
      return { outcome, log: { upstreamMs: ctx.now() - started, visaCorrelationId, ...(verdictLost ? { verdictWasLost: true } : {}) } };
    },
    ctx.lock,
  );
}
