import { isRecord, isStepUpAction } from '../core/normalize.js';
import type { CheckStepUpStatus } from '../core/types.js';
import type { CheckAnswer, CheckInterpreter } from './check-answer.js';
import { sameStepUp, writeSession, type HandledRoute, type RouteContext } from './route-context.js';
import { isVisaErrorBody, logUpstreamFailure, routeError, upstreamFailure, type RouteOutcome } from './route-outcome.js';
import { VisaApiError } from './visa-api-error.js';

export type { CheckAnswer, CheckInterpreter } from './check-answer.js';

/**
 * The default reading, each rule an inference (visa-out-of-band-methods.md §6):
 * - `AUTHENTICATION_REGISTRATION` (the issuer approved the binding) or `AUTHENTICATE` (a passkey exists) → `verified`;
 * - a step-up action or `stepUpOptions` without the chosen option → `expired`; with it, or with none chosen → `pending`;
 * - a 4xx whose Visa error names a decline (`type`, `reason` or `message` saying "declin…") → `declined`.
 */
export const defaultInterpretCheck: CheckInterpreter = ({ status, body, selectedOptionId }) => {
  if (!isRecord(body)) return undefined;
  if (status >= 400) return /declin/i.test(JSON.stringify(body.errors ?? body)) ? 'declined' : undefined;
  const { action, stepUpOptions } = body;
  if (action === 'AUTHENTICATION_REGISTRATION' || action === 'AUTHENTICATE') return 'verified';
  if (!isStepUpAction(action) && !Array.isArray(stepUpOptions)) return undefined;
  if (selectedOptionId === undefined) return 'pending';
  const listed = Array.isArray(stepUpOptions) && stepUpOptions.some((o) => isRecord(o) && o.id === selectedOptionId);
  return listed ? 'pending' : 'expired';
};

/** The browser's fresh device-session token: printable, no spaces, at most 8 KiB. */
const SECURE_TOKEN_SHAPE = /^[\x21-\x7e]{1,8192}$/;

/**
 * `POST …/check`: asks Visa again (authentication-options with the stored body and the browser's fresh
 * `secureToken`) whether the issuer approved an out-of-band step-up. Under the session lock, and at most one
 * upstream call per `minCheckIntervalMs`: a check within it of the last one (a duplicate, a second tab) gets that
 * answer again. `verified` marks the step-up verified as an accepted code does.
 */
export async function checkStepUpRoute(ctx: RouteContext, key: string, body: Record<string, unknown>): Promise<HandledRoute> {
  const secureToken = body.secureToken;
  if (secureToken !== undefined && (typeof secureToken !== 'string' || !SECURE_TOKEN_SHAPE.test(secureToken)))
    return { outcome: routeError(400, 'bad-request'), log: {} };
  const before = await ctx.sessions.get(key);
  if (!before || !before.checkBody) return { outcome: routeError(409, 'no-step-up'), log: {} };
  if (before.verified) return { outcome: verified(before.verified.action), log: { replayed: true } };
  const recent = (s: typeof before) => s.lastCheck && ctx.now() - s.lastCheck.at < ctx.minCheckIntervalMs;
  if (recent(before)) return { outcome: { status: before.lastCheck!.status, body: before.lastCheck!.body }, log: { replayed: true } };

  return ctx.sessions.withLock(
    key,
    async (lease): Promise<HandledRoute> => {
      const session = await ctx.sessions.get(key);
      if (!session || !sameStepUp(session, before) || !session.checkBody) return { outcome: routeError(409, 'no-step-up'), log: {} };
      if (session.verified) return { outcome: verified(session.verified.action), log: { replayed: true } };
      // a check that ran while this one waited for the lock answers it
      if (recent(session)) return { outcome: { status: session.lastCheck!.status, body: session.lastCheck!.body }, log: { coalesced: true } };
      const checks = session.checks ?? 0;
      if (checks >= ctx.maxChecksPerStepUp) return { outcome: routeError(429, 'rate-limited'), log: { limit: ctx.maxChecksPerStepUp } };
      session.checks = checks + 1;
      await writeSession(ctx, key, session, lease);

      const started = ctx.now();
      const selectedOptionId = session.selected?.optionId;
      const stored = session.checkBody;
      const info = isRecord(stored.sessionInformation) ? stored.sessionInformation : {};
      let outcome: RouteOutcome;
      let visaCorrelationId: string | undefined;
      try {
        const answer = await ctx.client.authenticationOptions(session.tokenId, {
          ...stored,
          clientCorrelationId: session.clientCorrelationId,
          ...(secureToken || Object.keys(info).length ? { sessionInformation: { ...info, ...(secureToken ? { secureToken } : {}) } } : {}),
        });
        visaCorrelationId = answer.correlationId;
        outcome = verdict(ctx, { status: answer.status, body: answer.body, selectedOptionId }) ?? routeError(502, 'upstream-error');
      } catch (error) {
        visaCorrelationId = logUpstreamFailure(ctx.logger, 'check', error);
        // Visa's own 4xx may be a verdict (a decline); anything else is a failure of the call
        const visaRefusal =
          error instanceof VisaApiError && error.kind === 'http' && error.status !== undefined && error.status >= 400 && error.status < 500 &&
          error.status !== 408 && error.status !== 429 && isVisaErrorBody(error.body);
        outcome = visaRefusal
          ? (verdict(ctx, { status: error.status!, body: error.body, selectedOptionId }) ?? routeError(502, 'upstream-error', error.body))
          : upstreamFailure(error, 'create-otp');
      }
      const status = (outcome.body as { status?: unknown }).status;
      if (status === 'verified') session.verified = { at: ctx.now(), action: (outcome.body as { action?: string }).action };
      session.lastCheck = { at: ctx.now(), status: outcome.status, body: outcome.body };
      await writeSession(ctx, key, session, lease);
      return { outcome, log: { upstreamMs: ctx.now() - started, visaCorrelationId, ...(typeof status === 'string' ? { check: status } : {}) } };
    },
    ctx.lock,
  );
}

function verdict(ctx: RouteContext, answer: CheckAnswer): RouteOutcome | undefined {
  let status: CheckStepUpStatus | undefined;
  try {
    status = ctx.interpretCheck(answer);
  } catch {
    status = undefined; // a throwing interpreter of the merchant's is an unreadable answer, not a crash
  }
  if (status === 'verified') return verified(isRecord(answer.body) && typeof answer.body.action === 'string' ? answer.body.action : undefined);
  return status === 'pending' || status === 'expired' || status === 'declined' ? { status: 200, body: { status } } : undefined;
}

function verified(action: string | undefined): RouteOutcome {
  return { status: 200, body: action ? { status: 'verified', action } : { status: 'verified' } };
}
