import { checkStepUpRoute, defaultInterpretCheck, type CheckInterpreter } from './check-step-up.js';
import { issuerCodeRoute } from './issuer-code-route.js';
import { redactingLogger, silentLogger, type StepUpLogger } from './logger.js';
import { durationOption, wholeNumberOption } from './option-checks.js';
import { BODY_PROBLEM_STATUS, readJsonBody } from './read-json-body.js';
import { sessionKey, type HandledRoute, type RouteContext } from './route-context.js';
import { routeError, toResponse } from './route-outcome.js';
import { lockWaitLeft, routeTiming } from './route-timing.js';
import { selectionRoute } from './selection-route.js';
import { sendOtpRoute } from './send-otp-route.js';
import {
  DEFAULT_SESSION_TTL_SECONDS,
  LockLostError,
  SessionLockTimeoutError,
  SessionStoreUnavailableError,
  type SessionStore,
  type StepUpSession,
} from './session-store.js';
import { startStepUp, type StartStepUpInput, type StartStepUpResult } from './start-step-up.js';
import { deadlineOption, withStoreDeadline, type StoreDeadlineOptions } from './store-deadline.js';
import { validateOtpRoute } from './validate-otp-route.js';
import type { VisaAcceptanceClient } from './visa-acceptance-client.js';

/** Options of `createStepUpRoutes`. */
export interface StepUpRoutesOptions extends StoreDeadlineOptions {
  client: VisaAcceptanceClient;
  /** `createMemorySessionStore()` for one instance, `createRedisSessionStore()` for several. */
  sessions: SessionStore<StepUpSession>;
  /**
   * The merchant's session id of a request (from a cookie, a verified JWT …), or `undefined` when the
   * request has none. It is hashed before it reaches the store.
   */
  getSessionId(request: Request): string | undefined | Promise<string | undefined>;
  /** @defaultValue silent */
  logger?: StepUpLogger;
  /**
   * The path the routes live under, e.g. `/api/step-up` (then `/api/step-up/one-time-passwords`,
   * `/validate`, `/issuer-code`, `/check` and `/selection` are served). When omitted, any path ending in one of
   * those segments is served.
   */
  basePath?: string;
  /**
   * Lifetime of a step-up in the store, refreshed by each call: 1 to 86 400 seconds.
   * @defaultValue 900
   */
  sessionTtlSeconds?: number;
  /**
   * The most create-OTP calls made upstream per step-up, failed ones included; Visa's
   * `maxRequestsAllowed` lowers it once known.
   * @defaultValue 5
   */
  maxSendsPerStepUp?: number;
  /**
   * The most validations of one code that Visa may refuse; Visa's `maxVerificationAllowed` lowers it once
   * known. It holds when Visa gives no limit (0 or none), so a script cannot try codes without end. 1 to 100.
   * @defaultValue 3
   */
  maxValidationsPerCode?: number;
  /**
   * Per out-of-band method, whether `POST {basePath}/selection` calls one-time-passwords with the option's id so
   * the issuer acts (a send, within the send limits). Inferred: TMS documents that call for OTP methods only,
   * and the issuer can only call the cardholder if told; set a method to `true` or `false` to change it.
   * @defaultValue { OUTBOUND_CALL: true, APP_TO_APP: false, CUSTOMER_SERVICE: false }
   */
  notifyOnSelect?: Partial<Record<'APP_TO_APP' | 'CUSTOMER_SERVICE' | 'OUTBOUND_CALL', boolean>>;
  /**
   * At most one upstream check per step-up in this many milliseconds (0 to 60 000); a check sooner gets the
   * last answer again.
   * @defaultValue 2000
   */
  minCheckIntervalMs?: number;
  /**
   * The most upstream checks per step-up (1 to 10 000); then the check answers 429 `rate-limited`.
   * @defaultValue 300 (10 minutes of checks every 2 s)
   */
  maxChecksPerStepUp?: number;
  /**
   * Reads what authentication-options answered a check: `verified`, `pending`, `expired`, `declined`, or
   * `undefined` for an answer that says nothing (502). The default is `defaultInterpretCheck`; every rule in it
   * is inferred (see the README).
   */
  interpretCheck?: CheckInterpreter;
  /**
   * The largest request body read, in bytes (1 KiB to 1 MiB); a larger one gets 413.
   * @defaultValue 16384
   */
  maxBodyBytes?: number;
  /**
   * The whole request body must arrive within this many milliseconds, else 408 `request-timeout`: a client
   * that sends its body slowly or never finishes holds nothing for longer. 1 ms to 10 minutes.
   * @defaultValue 10000
   */
  bodyTimeoutMs?: number;
}

/** The routes by name, and the path each answers under `basePath`. */
const ROUTE_PATHS = {
  send: '/one-time-passwords',
  validate: '/validate',
  'issuer-code': '/issuer-code',
  check: '/check',
  selection: '/selection',
} as const;
type RouteName = keyof typeof ROUTE_PATHS;
const ROUTE_LABELS: Record<RouteName, string> = { send: 'create-otp', validate: 'validate-otp', 'issuer-code': 'issuer-code', check: 'check', selection: 'selection' };
const OTHER_ROUTES = { 'issuer-code': issuerCodeRoute, check: checkStepUpRoute, selection: selectionRoute };

/** What the server may read about a step-up. */
export interface StepUpRecord {
  tokenId: string;
  clientCorrelationId: string;
  /**
   * Whether Visa accepted a code or an issuer code, or a check found the issuer approved: check this
   * server-side before going on (never trust the browser's word).
   */
  verified: boolean;
  /** Visa's validate `action`, e.g. `AUTHENTICATION_REGISTRATION`. */
  action?: string;
  /** Create-OTP calls made upstream. */
  sendAttempts: number;
}

/** The step-up routes: a `(Request) => Promise<Response>` handler with the server-side operations attached. */
export interface StepUpRoutes {
  (request: Request): Promise<Response>;
  /** Calls authentication-options for `tokenId` and opens the step-up of `sessionId`. */
  startStepUp(input: StartStepUpInput): Promise<StartStepUpResult>;
  /** The state of the step-up of `sessionId`, or `undefined` when there is none. */
  getStepUp(sessionId: string): Promise<StepUpRecord | undefined>;
  /** Forgets the step-up of `sessionId` (after use, or on logout). */
  endStepUp(sessionId: string): Promise<void>;
}

/**
 * The merchant's server side of `createFetchBackend`: `POST {basePath}/one-time-passwords` and
 * `POST {basePath}/validate` with the kit's JSON bodies, and for the methods that complete outside the page
 * `POST {basePath}/issuer-code`, `/check` and `/selection`. The browser only names an option id; the token,
 * the correlation id and the limits come from the session that `startStepUp` opened. Errors answer
 * `{ error: { kind, message }, message, visa? }` with a status the kit's classifier reads correctly.
 *
 * @throws TypeError when a numeric option (or the client's `timeoutMs`) is not a whole number in its range
 */
export function createStepUpRoutes(options: StepUpRoutesOptions): StepUpRoutes {
  // every line the routes and startStepUp log passes through this, so a code or a token id cannot leak by accident
  const logger = options.logger ? redactingLogger(options.logger) : silentLogger;
  const storeTimeoutMs = deadlineOption(options.storeTimeoutMs, 'storeTimeoutMs');
  const timing = routeTiming(durationOption(options.client.timeoutMs, 'client.timeoutMs'), storeTimeoutMs);
  const ctx: RouteContext = {
    client: options.client,
    sessions: withStoreDeadline(options.sessions, storeTimeoutMs),
    logger,
    // startStepUp, the merchant's own call, waits out a holder; the routes wait only as long as they can
    // still answer within timing.answerWithinMs (below)
    lock: { ttlMs: timing.lockTtlMs, waitMs: timing.lockTtlMs + 1_000 },
    sessionTtlSeconds: wholeNumberOption(options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS, 'sessionTtlSeconds', 1, 86_400),
    maxSendsPerStepUp: wholeNumberOption(options.maxSendsPerStepUp ?? 5, 'maxSendsPerStepUp', 1, 100),
    maxValidationsPerCode: wholeNumberOption(options.maxValidationsPerCode ?? 3, 'maxValidationsPerCode', 1, 100),
    notifyOnSelect: { APP_TO_APP: false, CUSTOMER_SERVICE: false, OUTBOUND_CALL: true, ...options.notifyOnSelect },
    minCheckIntervalMs: wholeNumberOption(options.minCheckIntervalMs ?? 2_000, 'minCheckIntervalMs', 0, 60_000),
    maxChecksPerStepUp: wholeNumberOption(options.maxChecksPerStepUp ?? 300, 'maxChecksPerStepUp', 1, 10_000),
    interpretCheck: options.interpretCheck ?? defaultInterpretCheck,
    now: Date.now,
  };
  const bodyLimits = {
    maxBytes: wholeNumberOption(options.maxBodyBytes ?? 16_384, 'maxBodyBytes', 1_024, 1_048_576),
    timeoutMs: durationOption(options.bodyTimeoutMs ?? 10_000, 'bodyTimeoutMs'),
  };
  const base = options.basePath?.replace(/\/+$/, '');

  function actionOf(pathname: string): RouteName | undefined {
    const path = pathname.replace(/\/+$/, '');
    for (const [action, suffix] of Object.entries(ROUTE_PATHS) as Array<[RouteName, string]>) {
      if (base === undefined ? path.endsWith(suffix) : path === base + suffix) return action;
    }
    return undefined;
  }

  const handle = async (request: Request): Promise<Response> => {
    const action = actionOf(new URL(request.url).pathname);
    if (!action) return toResponse(routeError(404, 'not-found'));
    if (request.method !== 'POST') return toResponse(routeError(405, 'method-not-allowed'), { allow: 'POST' });
    const body = await readJsonBody(request, bodyLimits);
    if (!body.ok) return toResponse(routeError(BODY_PROBLEM_STATUS[body.problem], body.problem));

    const otp = action === 'validate' && typeof body.value.otp === 'string' ? body.value.otp : undefined;
    const started = Date.now();
    let handled: HandledRoute;
    try {
      const sessionId = await options.getSessionId(request);
      if (!sessionId) handled = { outcome: routeError(401, 'no-session'), log: {} };
      else {
        const key = sessionKey(sessionId);
        const routeCtx = { ...ctx, lock: { ttlMs: timing.lockTtlMs, waitMs: lockWaitLeft(timing, started, Date.now()) } };
        handled =
          action === 'send'
            ? await sendOtpRoute(routeCtx, key, body.value)
            : action === 'validate'
              ? await validateOtpRoute(routeCtx, key, body.value, otp)
              : await OTHER_ROUTES[action](routeCtx, key, body.value);
      }
    } catch (error) {
      // 503, not 409: the kit must read it as "try again", never as a wrong code that spends an attempt
      if (error instanceof SessionLockTimeoutError || error instanceof LockLostError) handled = { outcome: routeError(503, 'busy'), log: {} };
      else if (error instanceof SessionStoreUnavailableError) {
        logger.error('step-up: session store unavailable', { route: action, error: error.message });
        handled = { outcome: routeError(503, 'store-unavailable'), log: {} };
      }
      else {
        logger.error('step-up: route failed', { route: action, error: error instanceof Error ? error.message : 'unknown error' });
        handled = { outcome: routeError(500, 'internal'), log: {} };
      }
    }
    const { status, body: answer } = handled.outcome;
    const kind = status >= 400 ? (answer as { error?: { kind?: string } }).error?.kind : undefined;
    logger.info(`step-up: ${ROUTE_LABELS[action]} answered ${status}`, {
      route: action,
      status,
      ...(kind ? { kind } : {}),
      ms: Date.now() - started,
      ...handled.log,
    });
    return toResponse(handled.outcome);
  };

  return Object.assign(handle, {
    startStepUp: (input: StartStepUpInput) => startStepUp(ctx, input),
    async getStepUp(sessionId: string): Promise<StepUpRecord | undefined> {
      const session = await ctx.sessions.get(sessionKey(sessionId));
      if (!session) return undefined;
      return {
        tokenId: session.tokenId,
        clientCorrelationId: session.clientCorrelationId,
        verified: session.verified !== undefined,
        ...(session.verified?.action ? { action: session.verified.action } : {}),
        sendAttempts: session.sendAttempts,
      };
    },
    endStepUp: (sessionId: string) => ctx.sessions.delete(sessionKey(sessionId)),
  });
}
