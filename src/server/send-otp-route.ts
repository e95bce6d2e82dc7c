import { parseLimit } from '../core/normalize.js';
import { isIssued, readOptionId, sameStepUp, sendLimit, validationLimit, type HandledRoute, type RouteContext } from './route-context.js';
import { logUpstreamFailure, routeError, upstreamFailure, type RouteOutcome } from './route-outcome.js';

/**
 * `POST …/one-time-passwords`. Under the session lock: a send that overlapped another send of the same
 * option gets that send's recorded answer instead of a second upstream call; the limit is checked against
 * every upstream attempt, counted before the call so a crash mid-call still spends it.
 */
export async function sendOtpRoute(ctx: RouteContext, key: string, body: Record<string, unknown>): Promise<HandledRoute> {
  const optionId = readOptionId(body);
  if (!optionId) return { outcome: routeError(400, 'bad-request'), log: {} };
  const before = await ctx.sessions.get(key);
  if (!before) return { outcome: routeError(409, 'no-step-up'), log: {} };
  if (!isIssued(before, optionId)) return { outcome: routeError(403, 'option-not-issued'), log: {} };
  // a send that completed after this point overlapped this request: it is this request's duplicate
  const baseline = before.lastSend?.seq ?? 0;

  return ctx.sessions.withLock(
    key,
    async (lease): Promise<HandledRoute> => {
      const session = await ctx.sessions.get(key);
      // a startStepUp while this request waited for the lock opened another step-up, maybe for another card
      if (!session || !sameStepUp(session, before))
        return { outcome: routeError(409, 'no-step-up'), log: {} };
      if (session.verified) return { outcome: routeError(409, 'already-verified'), log: {} };
      const last = session.lastSend;
      if (last && last.seq > baseline && last.optionId === optionId) {
        return { outcome: { status: last.status, body: last.body }, log: { coalesced: true, seq: last.seq } };
      }
      const limit = sendLimit(ctx, session);
      if (session.sendAttempts >= limit) return { outcome: routeError(403, 'resends-exhausted'), log: { limit } };

      const seq = session.sendAttempts + 1;
      session.sendAttempts = seq;
      await ctx.sessions.set(key, session, ctx.sessionTtlSeconds, lease);

      const started = ctx.now();
      let outcome: RouteOutcome;
      let visaCorrelationId: string | undefined;
      try {
        // the browser's abort is deliberately not passed on: once Visa may have sent a code, the answer must be recorded
        const answer = await ctx.client.createOtp(session.tokenId, {
          clientCorrelationId: session.clientCorrelationId,
          stepUpOption: { id: optionId },
        });
        visaCorrelationId = answer.correlationId;
        const { maxRequestsAllowed, maxVerificationAllowed, codeExpiration } = answer.body;
        session.sends += 1;
        session.maxRequestsAllowed = parseLimit(maxRequestsAllowed) ?? session.maxRequestsAllowed;
        session.maxVerificationAllowed = parseLimit(maxVerificationAllowed) ?? session.maxVerificationAllowed;
        session.code = { optionId, failedValidations: 0 };
        // the limits these routes enforce, so the cardholder is shown what will really be allowed
        outcome = {
          status: 200,
          body: {
            maxRequestsAllowed: sendLimit(ctx, session),
            maxVerificationAllowed: validationLimit(ctx, session),
            codeExpiration,
          },
        };
      } catch (error) {
        outcome = upstreamFailure(error, 'create-otp');
        visaCorrelationId = logUpstreamFailure(ctx.logger, 'create-OTP', error, { seq });
      }
      session.lastSend = { seq, optionId, status: outcome.status, body: outcome.body };
      await ctx.sessions.set(key, session, ctx.sessionTtlSeconds, lease);
      return { outcome, log: { seq, upstreamMs: ctx.now() - started, visaCorrelationId } };
    },
    ctx.lock,
  );
}
