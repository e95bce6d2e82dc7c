import { isIssued, readOptionId, sameStepUp, validationLimit, type HandledRoute, type RouteContext } from './route-context.js';
import { logUpstreamFailure, routeError, upstreamFailure, type RouteOutcome } from './route-outcome.js';
import { VisaApiError } from './visa-api-error.js';

/**
 * The `otp` field: codes are 4 to 8 characters; a little slack above, but never arbitrary text (and never
 * shorter than the logger's redaction of codes reaches).
 */
const OTP_SHAPE = /^[0-9A-Za-z]{4,16}$/;

/**
 * `POST …/validate`. Validations of one session are serialised under its lock, so two tabs cannot spend
 * more attempts than `maxVerificationAllowed` (or `maxValidationsPerCode`) allows. Only a 4xx from Visa counts as a failed attempt;
 * a 5xx or a timeout leaves the count as it was, as the kit does in the browser.
 */
export async function validateOtpRoute(ctx: RouteContext, key: string, body: Record<string, unknown>, otp: string | undefined): Promise<HandledRoute> {
  const optionId = readOptionId(body);
  if (!optionId || otp === undefined || !OTP_SHAPE.test(otp)) return { outcome: routeError(400, 'bad-request'), log: {} };
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
      const code = session.code;
      if (!code || code.optionId !== optionId) return { outcome: routeError(409, 'code-not-sent'), log: {} };
      const limit = validationLimit(ctx, session);
      if (code.failedValidations >= limit) return { outcome: routeError(403, 'attempts-exhausted'), log: { limit } };

      const started = ctx.now();
      let outcome: RouteOutcome;
      let visaCorrelationId: string | undefined;
      try {
        const answer = await ctx.client.validateOtp(session.tokenId, {
          clientCorrelationId: session.clientCorrelationId,
          stepUpOption: { id: optionId },
          otp,
        });
        visaCorrelationId = answer.correlationId;
        const action = typeof answer.body.action === 'string' ? answer.body.action : undefined;
        session.verified = { at: ctx.now(), action };
        session.code = undefined;
        outcome = { status: 200, body: answer.body };
      } catch (error) {
        outcome = upstreamFailure(error, 'validate-otp');
        // only Visa's own refusal of the code spends an attempt
        if (error instanceof VisaApiError && error.kind === 'http' && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429)
          code.failedValidations += 1;
        visaCorrelationId = logUpstreamFailure(ctx.logger, 'validate', error);
      }
      await ctx.sessions.set(key, session, ctx.sessionTtlSeconds, lease);
      return { outcome, log: { upstreamMs: ctx.now() - started, visaCorrelationId } };
    },
    ctx.lock,
  );
}
