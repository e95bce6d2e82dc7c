import { isOutOfBandMethod, normalizeMethod } from '../core/normalize.js';
import { readOptionId, sameStepUp, writeSession, type HandledRoute, type RouteContext } from './route-context.js';
import { routeError } from './route-outcome.js';
import { selectionBody, sendOtpRoute } from './send-otp-route.js';

/**
 * `POST …/selection`: the cardholder chose an out-of-band option. For a method whose `notifyOnSelect` is on
 * (by default `OUTBOUND_CALL` only: the issuer can only call if told) it is a send of that option's id to
 * one-time-passwords, with every rule of a send: the send limit, one upstream call for concurrent duplicates,
 * a lost answer never sending twice. For the others it only records the choice, which the check reads.
 */
export async function selectionRoute(ctx: RouteContext, key: string, body: Record<string, unknown>): Promise<HandledRoute> {
  const optionId = readOptionId(body);
  if (!optionId) return { outcome: routeError(400, 'bad-request'), log: {} };
  const before = await ctx.sessions.get(key);
  if (!before) return { outcome: routeError(409, 'no-step-up'), log: {} };
  const option = before.options.find((o) => o.id === optionId);
  if (!option) return { outcome: routeError(403, 'option-not-issued'), log: {} };
  const method = normalizeMethod(option.method);
  // a code-sending option goes to one-time-passwords; an unknown method is never offered
  if (!isOutOfBandMethod(method)) return { outcome: routeError(400, 'bad-request'), log: { method } };
  if (ctx.notifyOnSelect[method]) return sendOtpRoute(ctx, key, body, 'selection');

  return ctx.sessions.withLock(
    key,
    async (lease): Promise<HandledRoute> => {
      const session = await ctx.sessions.get(key);
      if (!session || !sameStepUp(session, before)) return { outcome: routeError(409, 'no-step-up'), log: {} };
      if (session.verified) return { outcome: routeError(409, 'already-verified'), log: {} };
      session.selected = { optionId, at: ctx.now() };
      await writeSession(ctx, key, session, lease);
      return { outcome: { status: 200, body: selectionBody(ctx, session, false) }, log: { method, notified: false } };
    },
    ctx.lock,
  );
}
