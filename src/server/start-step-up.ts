import { isOutOfBandMethod, isStepUpAction, normalizeStepUpOptions } from '../core/normalize.js';
import type { StepUpOption } from '../core/types.js';
import { sessionKey, type RouteContext } from './route-context.js';
import type { IssuedStepUpOption, StepUpSession } from './session-store.js';
import type { AuthenticationContext, AuthenticationOptionsRequest } from './visa-types.js';

/** Input of `routes.startStepUp`. */
export interface StartStepUpInput {
  /** The merchant's id for the shopper's session: the same value `getSessionId` returns for their requests. */
  sessionId: string;
  /** The TMS tokenized card id; it stays on the server. */
  tokenId: string;
  /**
   * The authentication-options body (device, order, merchant and session information). Its
   * `clientCorrelationId` is generated when absent and reused for every call of the step-up.
   */
  authenticationOptionsBody: Omit<AuthenticationOptionsRequest, 'clientCorrelationId'> & { clientCorrelationId?: string };
  /** Abort the Visa call. */
  signal?: AbortSignal;
}

/** What `startStepUp` returns: only what the browser may see. */
export interface StartStepUpResult {
  /** Visa's `action`, e.g. `STEP_UP_AUTHENTICATE`, `AUTHENTICATE`, `AUTHENTICATION_REGISTRATION`. */
  action?: string;
  /** Whether a step-up is needed (Visa listed step-up options, or said so): then render `<StepUpOtp>`. */
  stepUp: boolean;
  /** Pass to `<StepUpOtp clientCorrelationId>` so browser and server use one id. */
  clientCorrelationId: string;
  /**
   * Pass to `<StepUpOtp stepUpOptions>`: id, method and masked value; for the out-of-band methods also
   * `platformType`, `subMethod`, `source` and `requestPayload`, which the browser needs to open the issuer's page.
   */
  stepUpOptions: IssuedStepUpOption[];
  /** With `AUTHENTICATE`: the passkey context the VTS iframe needs. */
  authenticationContext?: AuthenticationContext;
  /** Visa's `v-c-correlation-id`, for support. Not needed by the browser. */
  visaCorrelationId?: string;
}

/**
 * Calls authentication-options and, when Visa asks for a step-up, stores a fresh session (replacing any
 * earlier step-up of this session). A Visa failure rejects with `VisaApiError` and stores nothing.
 */
export async function startStepUp(ctx: RouteContext, input: StartStepUpInput): Promise<StartStepUpResult> {
  if (!input.sessionId) throw new TypeError('stepup-kit/server: startStepUp needs a sessionId');
  const clientCorrelationId = input.authenticationOptionsBody.clientCorrelationId ?? globalThis.crypto.randomUUID();
  const answer = await ctx.client.authenticationOptions(
    input.tokenId,
    { ...input.authenticationOptionsBody, clientCorrelationId },
    { signal: input.signal },
  );
  const { action, stepUpOptions, authenticationContext } = answer.body;
  const issued = normalizeStepUpOptions(stepUpOptions);
  const options: IssuedStepUpOption[] = issued.map(({ id, method, value }) => (value === undefined ? { id, method } : { id, method, value }));
  const stepUp = options.length > 0 || isStepUpAction(action);
  const key = sessionKey(input.sessionId);
  if (stepUp) {
    const session: StepUpSession = {
      v: 1,
      tokenId: input.tokenId,
      clientCorrelationId,
      options,
      startedAt: ctx.now(),
      sendAttempts: 0,
      sends: 0,
      checkBody: withoutSecureToken({ ...input.authenticationOptionsBody, clientCorrelationId }),
    };
    await ctx.sessions.withLock(key, (lease) => ctx.sessions.set(key, session, ctx.sessionTtlSeconds, lease), ctx.lock);
  } else {
    // no step-up for this card: an earlier step-up of the session (another card, maybe verified) must not
    // be mistaken for this one by getStepUp
    await ctx.sessions.withLock(key, () => ctx.sessions.delete(key), ctx.lock);
  }
  ctx.logger.info('step-up: started', { action, stepUp, options: options.length, visaCorrelationId: answer.correlationId });
  return {
    action: typeof action === 'string' ? action : undefined,
    stepUp,
    clientCorrelationId,
    stepUpOptions: issued.map(forBrowser),
    ...(authenticationContext ? { authenticationContext } : {}),
    ...(answer.correlationId ? { visaCorrelationId: answer.correlationId } : {}),
  };
}

/** What the browser gets of an option: the stored fields, and what it needs to open an issuer app or page. */
function forBrowser(option: StepUpOption): IssuedStepUpOption {
  const { id, method, value, platformType, subMethod, source, requestPayload } = option;
  const extra = isOutOfBandMethod(method) ? { platformType, subMethod, source, requestPayload } : {};
  return Object.fromEntries(Object.entries({ id, method, value, ...extra }).filter(([, v]) => v !== undefined)) as unknown as IssuedStepUpOption;
}

/** The body without the device-session token: the session keeps nothing secret it did not keep before. */
function withoutSecureToken(body: Record<string, unknown>): Record<string, unknown> {
  const info = body.sessionInformation;
  if (typeof info !== 'object' || info === null) return body;
  const { secureToken: _dropped, ...rest } = info as Record<string, unknown>;
  return { ...body, sessionInformation: rest };
}
