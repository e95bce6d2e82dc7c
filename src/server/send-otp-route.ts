import { parseLimit } from '../core/normalize.js';
import { isIssued, readOptionId, sameStepUp, sendLimit, validationLimit, writeSession, type HandledRoute, type RouteContext } from './route-context.js';
import { logUpstreamFailure, routeError, upstreamFailure, type RouteOutcome } from './route-outcome.js';
import type { LockLease, StepUpSession } from './session-store.js';

/**
 * `POST …/one-time-passwords`, and the notifying part of `POST …/selection` (`purpose: 'selection'`: the same
 * call with the id of an out-of-band option, so the issuer knows to act; it records the choice, not a code). Under the session lock: a send that overlapped another send of the same
 * option gets that send's recorded answer instead of a second upstream call; the limit is checked against
 * every upstream attempt, counted before the call so a crash mid-call still spends it.
 *
 * The write before the call also names the send in flight. If its answer was never recorded (the write
 * after the call failed, the process died), Visa most likely sent a code: a retry for the same option is
 * answered as that sent code rather than making Visa send a second one, which would void the first.
 */
export async function sendOtpRoute(ctx: RouteContext, key: string, body: Record<string, unknown>, purpose: 'otp' | 'selection' = 'otp'): Promise<HandledRoute> {
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
      const unrecorded = session.sendInFlight;
      if (unrecorded && unrecorded.optionId === optionId) {
        // no codeExpiration: the moment the code was sent is not known well enough for a countdown, and
        // Visa still answers `expired` to a late validate
        const outcome = {
          status: 200,
          body: purpose === 'selection' ? selectionBody(ctx, session) : { maxRequestsAllowed: sendLimit(ctx, session), maxVerificationAllowed: validationLimit(ctx, session) },
        };
        mark(ctx, session, optionId, purpose);
        await record(ctx, key, session, lease, unrecorded.seq, optionId, outcome);
        return { outcome, log: { recovered: true, seq: unrecorded.seq } };
      }
      const limit = sendLimit(ctx, session);
      if (session.sendAttempts >= limit) return { outcome: routeError(403, 'resends-exhausted'), log: { limit } };

      const seq = session.sendAttempts + 1;
      session.sendAttempts = seq;
      session.sendInFlight = { seq, optionId, since: ctx.now() };
      await writeSession(ctx, key, session, lease);

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
        mark(ctx, session, optionId, purpose);
        // the limits these routes enforce, so the cardholder is shown what will really be allowed
        outcome = {
          status: 200,
          body:
            purpose === 'selection'
              ? selectionBody(ctx, session)
              : { maxRequestsAllowed: sendLimit(ctx, session), maxVerificationAllowed: validationLimit(ctx, session), codeExpiration },
        };
      } catch (error) {
        outcome = upstreamFailure(error, 'create-otp');
        visaCorrelationId = logUpstreamFailure(ctx.logger, purpose === 'selection' ? 'selection' : 'create-otp', error, { seq });
      }
      await record(ctx, key, session, lease, seq, optionId, outcome);
      return { outcome, log: { seq, upstreamMs: ctx.now() - started, visaCorrelationId } };
    },
    ctx.lock,
  );
}

/** Records a send's answer, for duplicates to replay, in the same write that ends it being in flight. */
function record(ctx: RouteContext, key: string, session: StepUpSession, lease: LockLease, seq: number, optionId: string, outcome: RouteOutcome) {
  session.lastSend = { seq, optionId, status: outcome.status, body: outcome.body };
  session.sendInFlight = undefined;
  return writeSession(ctx, key, session, lease);
}

/** A successful send makes a code in force; a submitted selection records the chosen option instead. */
function mark(ctx: RouteContext, session: StepUpSession, optionId: string, purpose: 'otp' | 'selection') {
  if (purpose === 'otp') session.code = { optionId, failedValidations: 0 };
  else session.selected = { optionId, at: ctx.now() };
}

/** The answer of a submitted selection: the issuer was told, and the sends these routes still allow in all. */
export function selectionBody(ctx: RouteContext, session: StepUpSession, notified = true) {
  return { notified, maxRequestsAllowed: sendLimit(ctx, session) };
}
