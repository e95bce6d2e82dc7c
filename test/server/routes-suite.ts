// @vitest-environment node
/**
 * The step-up routes suite, run once per session store (memory, Redis). Every test goes the whole way:
 * the kit's real `createFetchBackend` → the routes handler → the signed client → the sandbox server over
 * HTTP on 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { createFetchBackend } from '../../src/backend/fetch-backend';
import { StepUpBackendError, defaultClassifyError, type StepUpBackend, type StepUpErrorKind } from '../../src/core';
import {
  createStepUpRoutes,
  createVisaAcceptanceClient,
  type SessionStore,
  type StepUpRoutes,
  type StepUpRoutesOptions,
  type VisaAcceptanceClient,
} from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { AUTH_BODY, MERCHANT_ID, KEY_ID, capturingLogger, jwtClient, signatureClient, startTestSandbox } from './helpers';

const SMS = 'c21zLW9wdGlvbi0x';
const EMAIL = 'ZW1haWwtb3B0aW9uLTE=';
const ctx = () => ({ signal: new AbortController().signal });
const { clientCorrelationId: _ignored, ...AUTH_WITHOUT_ID } = AUTH_BODY;

/** A code that is surely wrong: every digit shifted by one. */
export function wrongCode(code: string): string {
  return [...code].map((d) => String((Number(d) + 1) % 10)).join('');
}

export async function failure(promise: Promise<unknown>): Promise<StepUpBackendError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepUpBackendError);
  return error as StepUpBackendError;
}

/** How the kit in the browser reads a failed call. */
export function kitKind(error: StepUpBackendError, operation: 'create-otp' | 'validate-otp'): StepUpErrorKind {
  return defaultClassifyError({ operation, status: error.status, body: error.body, error });
}

/** The browser side: the kit's fetch backend whose `fetch` calls the routes handler directly. */
export function browserFor(routes: StepUpRoutes, sessionId: string | undefined): StepUpBackend {
  return createFetchBackend({
    baseUrl: 'http://shop.test/api/step-up',
    headers: sessionId ? { 'x-session-id': sessionId } : {},
    fetch: (input, init) => routes(new Request(input as string, init)),
  });
}

export function describeStepUpRoutes(label: string, makeStore: () => SessionStore) {
  describe(`step-up routes with the ${label} session store`, () => {
    let server: SandboxServer;
    let sessions: SessionStore;
    let log: ReturnType<typeof capturingLogger>;

    beforeEach(async () => {
      server = await startTestSandbox();
      sessions = makeStore();
      log = capturingLogger();
    });
    afterEach(() => server.close());

    function routesFor(client: VisaAcceptanceClient = signatureClient(server), options: Partial<StepUpRoutesOptions> = {}): StepUpRoutes {
      return createStepUpRoutes({
        client,
        sessions,
        getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
        logger: log.logger,
        basePath: '/api/step-up',
        ...options,
      });
    }

    async function started(routes: StepUpRoutes) {
      const sessionId = `sess-${randomUUID()}`;
      const tokenId = `tok-${randomUUID()}`;
      const result = await routes.startStepUp({ sessionId, tokenId, authenticationOptionsBody: AUTH_WITHOUT_ID });
      return { sessionId, tokenId, result, browser: browserFor(routes, sessionId), cid: result.clientCorrelationId };
    }

    const codeFor = (tokenId: string) => server.sandbox.outbox().filter((m) => m.tokenId === tokenId).at(-1)!.code;
    const sendsFor = (tokenId: string) => server.sandbox.calls('createOtp').filter((c) => c.tokenId === tokenId).length;
    const validationsFor = (tokenId: string) => server.sandbox.calls('validateOtp').filter((c) => c.tokenId === tokenId).length;

    it.each([
      ['HTTP Signature', (s: SandboxServer) => signatureClient(s)],
      ['JWT', (s: SandboxServer) => jwtClient(s)],
    ])('runs a step-up end to end with a %s client', async (_name, makeClient) => {
      const routes = routesFor(makeClient(server));
      const { sessionId, tokenId, result, browser, cid } = await started(routes);
      expect(result).toMatchObject({ action: 'STEP_UP_AUTHENTICATE', stepUp: true });
      expect(result.stepUpOptions).toEqual([
        { id: SMS, method: 'OTP_SMS', value: '***-***-1234' },
        { id: EMAIL, method: 'OTP_EMAIL', value: 'j*****n@e*****e.com' },
        { id: 'YmFuay1vcHRpb24tMQ==', method: 'OTP_ONLINE_BANKING', value: 'Acme Bank app' },
      ]);
      expect(cid).toMatch(/^[0-9a-f-]{36}$/);

      await expect(browser.createOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS } }, ctx())).resolves.toEqual({
        maxRequestsAllowed: 3,
        maxVerificationAllowed: 3,
        codeExpiration: 5,
      });
      const validated = await browser.validateOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS }, otp: codeFor(tokenId) }, ctx());
      expect(validated).toEqual({ action: 'AUTHENTICATION_REGISTRATION' });

      expect(await routes.getStepUp(sessionId)).toEqual({
        tokenId,
        clientCorrelationId: cid,
        verified: true,
        action: 'AUTHENTICATION_REGISTRATION',
        sendAttempts: 1,
      });
      const [send] = server.sandbox.calls('createOtp').filter((c) => c.tokenId === tokenId);
      expect(send!.body).toMatchObject({ clientCorrelationId: cid, stepUpOption: { id: SMS } });

      const again = await failure(browser.createOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS } }, ctx()));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: { kind: 'already-verified' } });
      expect(sendsFor(tokenId)).toBe(1);

      // the browser lost the answer and tries again: the success is replayed, Visa is not asked twice
      const validates = server.sandbox.calls('validateOtp').filter((c) => c.tokenId === tokenId).length;
      const replay = await browser.validateOtp(
        { clientCorrelationId: cid, stepUpOption: { id: SMS }, otp: codeFor(tokenId) },
        ctx(),
      );
      expect(replay).toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
      expect(server.sandbox.calls('validateOtp').filter((c) => c.tokenId === tokenId)).toHaveLength(validates);
    });

    it('ignores a tokenId sent by the browser and uses the session’s', async () => {
      const routes = routesFor();
      const { tokenId, browser, cid } = await started(routes);
      await browser.createOtp({ clientCorrelationId: 'browser-id', stepUpOption: { id: SMS }, tokenId: 'someone-elses-token' }, ctx());
      await browser.validateOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS }, otp: codeFor(tokenId), tokenId: 'someone-elses-token' }, ctx());
      expect(server.sandbox.calls().map((c) => c.tokenId)).toEqual([tokenId, tokenId]);
      expect(server.sandbox.calls().map((c) => c.body.clientCorrelationId)).toEqual([cid, cid]);
      expect(server.sandbox.outbox().some((m) => m.tokenId === 'someone-elses-token')).toBe(false);
    });

    it('refuses with 403 an option id that was not issued to this session, without calling Visa', async () => {
      const routes = routesFor();
      const mine = await started(routes);
      server.sandbox.configure({ stepUpOptions: [{ id: 'other-session-sms', method: 'OTP_SMS', value: '***-***-9999' }] });
      const theirs = await started(routes);
      expect(theirs.result.stepUpOptions.map((o) => o.id)).toEqual(['other-session-sms']);

      for (const id of ['other-session-sms', 'made-up-id']) {
        const send = await failure(mine.browser.createOtp({ clientCorrelationId: mine.cid, stepUpOption: { id } }, ctx()));
        expect(send.status).toBe(403);
        expect(send.body).toMatchObject({ error: { kind: 'option-not-issued' } });
        expect(kitKind(send, 'create-otp')).toBe('send-rejected');
        const validate = await failure(mine.browser.validateOtp({ clientCorrelationId: mine.cid, stepUpOption: { id }, otp: '123456' }, ctx()));
        expect(validate.status).toBe(403);
      }
      expect(server.sandbox.calls()).toHaveLength(0);
    });

    it('turns two concurrent sends for one session into one upstream call, and still allows a later resend', async () => {
      server.sandbox.configure({ latencyMs: 80 });
      const routes = routesFor();
      const { tokenId, browser, cid } = await started(routes);
      const body = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      const [a, b] = await Promise.all([browser.createOtp(body, ctx()), browser.createOtp(body, ctx())]);
      expect(a).toEqual(b);
      expect(sendsFor(tokenId)).toBe(1);
      expect(server.sandbox.outbox().filter((m) => m.tokenId === tokenId)).toHaveLength(1);
      expect(log.lines.some((line) => line.includes('"coalesced":true'))).toBe(true);

      await browser.createOtp(body, ctx());
      expect(sendsFor(tokenId)).toBe(2);
    });

    it('never sends more codes upstream than maxRequestsAllowed', async () => {
      server.sandbox.configure({ maxRequestsAllowed: 2 });
      const routes = routesFor();
      const { tokenId, browser, cid } = await started(routes);
      const body = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      await browser.createOtp(body, ctx());
      await browser.createOtp({ ...body, stepUpOption: { id: EMAIL } }, ctx());
      const third = await failure(browser.createOtp(body, ctx()));
      expect(third.status).toBe(403);
      expect(third.body).toMatchObject({ error: { kind: 'resends-exhausted' } });
      expect(kitKind(third, 'create-otp')).toBe('resends-exhausted');
      expect(sendsFor(tokenId)).toBe(2);
    });

    it('caps sends at maxSendsPerStepUp, failed attempts included, when Visa allows more', async () => {
      server.sandbox.configure({ maxRequestsAllowed: 10, failure: 'send-server-error' });
      const routes = routesFor(undefined, { maxSendsPerStepUp: 2 });
      const { tokenId, browser, cid } = await started(routes);
      const body = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      expect((await failure(browser.createOtp(body, ctx()))).status).toBe(502);
      server.sandbox.configure({ failure: 'none' });
      await browser.createOtp(body, ctx());
      expect(kitKind(await failure(browser.createOtp(body, ctx())), 'create-otp')).toBe('resends-exhausted');
      expect(sendsFor(tokenId)).toBe(2);
    });

    it('maps Visa’s own send limit (403) to resends-exhausted', async () => {
      const routes = routesFor();
      const { browser, cid } = await started(routes);
      const body = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      await browser.createOtp(body, ctx());
      server.sandbox.configure({ maxRequestsAllowed: 1 });
      const refused = await failure(browser.createOtp(body, ctx()));
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { kind: 'resends-exhausted' }, visa: { errors: [{ reason: 'MAX_REQUESTS_EXCEEDED' }] } });
      expect(kitKind(refused, 'create-otp')).toBe('resends-exhausted');
    });

    it('stops validating at maxVerificationAllowed failed attempts until a new code is sent', async () => {
      server.sandbox.configure({ maxVerificationAllowed: 2 });
      const routes = routesFor();
      const { tokenId, browser, cid } = await started(routes);
      const send = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      await browser.createOtp(send, ctx());
      const code = codeFor(tokenId);
      for (let i = 0; i < 2; i++) {
        const wrong = await failure(browser.validateOtp({ ...send, otp: wrongCode(code) }, ctx()));
        expect(wrong.status).toBe(400);
        expect(wrong.body).toMatchObject({ error: { kind: 'invalid-otp' }, visa: { errors: [{ reason: 'OTP_INVALID' }] } });
        expect(kitKind(wrong, 'validate-otp')).toBe('invalid-otp');
      }
      const exhausted = await failure(browser.validateOtp({ ...send, otp: code }, ctx()));
      expect(exhausted.status).toBe(403);
      expect(exhausted.body).toMatchObject({ error: { kind: 'attempts-exhausted' } });
      expect(validationsFor(tokenId)).toBe(2);

      await browser.createOtp(send, ctx());
      await expect(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    });

    it('maps an expired code to expired, which the kit reads as expired', async () => {
      let clock = Date.now();
      server.sandbox.configure({ now: () => clock });
      const routes = routesFor();
      const { tokenId, browser, cid } = await started(routes);
      const send = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      await browser.createOtp(send, ctx());
      clock += 10 * 60_000;
      const expired = await failure(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx()));
      expect(expired.status).toBe(400);
      expect(expired.body).toMatchObject({ error: { kind: 'expired' }, visa: { errors: [{ reason: 'OTP_EXPIRED' }] } });
      expect(kitKind(expired, 'validate-otp')).toBe('expired');
    });

    it.each([
      ['a refused send (400)', 'send-rejected', 'create-otp', 400, 'send-rejected', 'send-rejected'],
      ['a send 5xx', 'send-server-error', 'create-otp', 502, 'upstream-error', 'server-error'],
      ['a validate 5xx', 'validate-server-error', 'validate-otp', 502, 'upstream-error', 'server-error'],
      ['a dropped connection', 'network', 'create-otp', 502, 'upstream-unreachable', 'server-error'],
      ['a malformed answer', 'malformed', 'create-otp', 502, 'upstream-error', 'server-error'],
    ] as const)('maps %s to stable JSON', async (_name, mode, operation, status, kind, kit) => {
      const routes = routesFor();
      const { browser, cid } = await started(routes);
      const send = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      if (operation === 'validate-otp') await browser.createOtp(send, ctx());
      server.sandbox.configure({ failure: mode });
      const error = await failure(operation === 'create-otp' ? browser.createOtp(send, ctx()) : browser.validateOtp({ ...send, otp: '123456' }, ctx()));
      expect(error.status).toBe(status);
      expect(error.body).toMatchObject({ error: { kind, message: expect.any(String) }, message: expect.any(String) });
      expect(kitKind(error, operation)).toBe(kit);
    });

    it('maps an upstream timeout to 504 and does not count a 5xx validation as a failed attempt', async () => {
      server.sandbox.configure({ maxVerificationAllowed: 1 });
      const routes = routesFor(signatureClient(server, { timeoutMs: 200 }));
      const { tokenId, browser, cid } = await started(routes);
      const send = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      await browser.createOtp(send, ctx());
      server.sandbox.configure({ failure: 'hang' });
      const timedOut = await failure(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx()));
      expect(timedOut.status).toBe(504);
      expect(timedOut.body).toMatchObject({ error: { kind: 'upstream-timeout' } });
      expect(kitKind(timedOut, 'validate-otp')).toBe('timeout');
      server.sandbox.configure({ failure: 'validate-server-error' });
      expect((await failure(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx()))).status).toBe(502);
      server.sandbox.configure({ failure: 'none' });
      await expect(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    });

    it('answers 502 without Visa’s body when Visa refuses the merchant’s credentials, and logs it', async () => {
      const good = routesFor();
      const { sessionId, cid } = await started(good);
      const badClient = createVisaAcceptanceClient({
        environment: { baseUrl: server.url },
        merchantId: MERCHANT_ID,
        credentials: { type: 'http-signature', keyId: KEY_ID, sharedSecret: Buffer.alloc(32, 7).toString('base64') },
      });
      const error = await failure(browserFor(routesFor(badClient), sessionId).createOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS } }, ctx()));
      expect(error.status).toBe(502);
      expect(error.body).toEqual({ error: { kind: 'upstream-error', message: expect.any(String) }, message: expect.any(String) });
      expect(log.lines.some((line) => line.startsWith('warn') && line.includes('"visaStatus":401'))).toBe(true);
    });

    it('never lets the one-time password reach a log line, an error message or an answer', async () => {
      const routes = routesFor(signatureClient(server, { timeoutMs: 200 }));
      const { tokenId, sessionId, browser, cid } = await started(routes);
      const send = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      await browser.createOtp(send, ctx());
      const code = codeFor(tokenId);
      const wrong = wrongCode(code);
      const seen: string[] = [];
      const collect = (error: StepUpBackendError) => seen.push(error.message, JSON.stringify(error.body));

      collect(await failure(browser.validateOtp({ ...send, otp: wrong }, ctx())));
      server.sandbox.configure({ failure: 'validate-server-error' });
      collect(await failure(browser.validateOtp({ ...send, otp: wrong }, ctx())));
      server.sandbox.configure({ failure: 'hang' });
      collect(await failure(browser.validateOtp({ ...send, otp: wrong }, ctx())));
      server.sandbox.configure({ failure: 'none' });
      const broken = await routes(
        new Request('http://shop.test/api/step-up/validate', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-session-id': sessionId },
          body: `{"otp":"${wrong}", "stepUpOption": `,
        }),
      );
      expect(broken.status).toBe(400);
      seen.push(await broken.text());
      seen.push(JSON.stringify(await browser.validateOtp({ ...send, otp: code }, ctx())));

      expect(log.lines.length).toBeGreaterThan(5);
      expect(log.lines.some((line) => line.includes('validate') && line.includes('visaCorrelationId'))).toBe(true);
      for (const text of [...log.lines, ...seen]) {
        expect(text).not.toContain(code);
        expect(text).not.toContain(wrong);
      }
    });

    it('redacts the code even from a library error message that quotes the request body', async () => {
      const real = signatureClient(server);
      const leaky: VisaAcceptanceClient = {
        ...real,
        validateOtp: async (_tokenId, body) => {
          throw new Error(`instrumentation failed on ${JSON.stringify(body)}`);
        },
      };
      const routes = routesFor(leaky);
      const { browser, cid } = await started(routes);
      await browser.createOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS } }, ctx());
      const error = await failure(browser.validateOtp({ clientCorrelationId: cid, stepUpOption: { id: SMS }, otp: '918273' }, ctx()));
      expect(error.status).toBe(500);
      expect(JSON.stringify(error.body)).not.toContain('918273');
      expect(log.lines.join('\n')).toContain('"otp\\":\\"[redacted]');
      expect(log.lines.join('\n')).not.toContain('918273');
    });

    it('answers malformed and unauthorised requests with stable JSON', async () => {
      const routes = routesFor();
      const { sessionId, cid } = await started(routes);
      const post = (path: string, body: string, headers: Record<string, string> = {}, method = 'POST') =>
        routes(new Request(`http://shop.test${path}`, { method, body: method === 'GET' ? undefined : body, headers: { 'content-type': 'application/json', 'x-session-id': sessionId, ...headers } }));
      const send = JSON.stringify({ clientCorrelationId: cid, stepUpOption: { id: SMS } });
      const cases: Array<[Promise<Response>, number, string]> = [
        [post('/api/step-up/one-time-passwords', send, { 'x-session-id': '' }), 401, 'no-session'],
        [post('/api/step-up/one-time-passwords', send, { 'x-session-id': 'unknown-session' }), 409, 'no-step-up'],
        [post('/api/step-up/validate', JSON.stringify({ clientCorrelationId: cid, stepUpOption: { id: SMS }, otp: '123456' })), 409, 'code-not-sent'],
        [post('/api/step-up/one-time-passwords', send, { 'content-type': 'text/plain' }), 415, 'unsupported-media-type'],
        [post('/api/step-up/one-time-passwords', '', {}, 'GET'), 405, 'method-not-allowed'],
        [post('/api/elsewhere/one-time-passwords', send), 404, 'not-found'],
        [post('/api/step-up/one-time-passwords', '[1,2]'), 400, 'bad-request'],
        [post('/api/step-up/one-time-passwords', JSON.stringify({ clientCorrelationId: cid })), 400, 'bad-request'],
        [post('/api/step-up/validate', JSON.stringify({ clientCorrelationId: cid, stepUpOption: { id: SMS }, otp: '<script>' })), 400, 'bad-request'],
        [post('/api/step-up/one-time-passwords', JSON.stringify({ pad: 'x'.repeat(20_000) })), 413, 'payload-too-large'],
      ];
      for (const [pending, status, kind] of cases) {
        const response = await pending;
        expect({ status: response.status, kind: ((await response.json()) as { error: { kind: string } }).error.kind }).toEqual({ status, kind });
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
      expect(server.sandbox.calls()).toHaveLength(0);
    });

    it('caps failed validations of a code at maxValidationsPerCode when Visa answers no limit (0)', async () => {
      server.sandbox.configure({ limitsUnknown: true, maxVerificationAllowed: 10 });
      const routes = routesFor(undefined, { maxValidationsPerCode: 3 });
      const { tokenId, browser, cid } = await started(routes);
      const send = { clientCorrelationId: cid, stepUpOption: { id: SMS } };
      // Visa says 0 (no limit known); the browser is told the limits these routes will enforce
      await expect(browser.createOtp(send, ctx())).resolves.toMatchObject({ maxRequestsAllowed: 5, maxVerificationAllowed: 3 });
      const code = codeFor(tokenId);
      for (let i = 0; i < 3; i++) {
        expect(kitKind(await failure(browser.validateOtp({ ...send, otp: wrongCode(code) }, ctx())), 'validate-otp')).toBe('invalid-otp');
      }
      const stopped = await failure(browser.validateOtp({ ...send, otp: code }, ctx()));
      expect(stopped.status).toBe(403);
      expect(stopped.body).toMatchObject({ error: { kind: 'attempts-exhausted' } });
      expect(validationsFor(tokenId)).toBe(3);
    });

    it.each(['send', 'validate'] as const)(
      'does not %s for a step-up that startStepUp replaced while the request waited for the lock',
      async (action) => {
        let replaceWhileWaiting: (() => Promise<unknown>) | undefined;
        const store = sessions;
        const waiting: SessionStore = {
          get: (key) => store.get(key),
          set: (key, value, ttl) => store.set(key, value, ttl),
          delete: (key) => store.delete(key),
          withLock: async (key, fn, options) => {
            const replace = replaceWhileWaiting;
            replaceWhileWaiting = undefined;
            if (replace) await replace();
            return store.withLock(key, fn, options);
          },
        };
        sessions = waiting;
        const routes = routesFor();
        const old = await started(routes);
        const body = { clientCorrelationId: old.cid, stepUpOption: { id: SMS } };
        if (action === 'validate') await old.browser.createOtp(body, ctx());
        const oldCode = action === 'validate' ? codeFor(old.tokenId) : '';
        const callsBefore = server.sandbox.calls().length;

        // another card's step-up for the same shopper, offering only email, opens as this request waits
        server.sandbox.configure({ stepUpOptions: [{ id: EMAIL, method: 'OTP_EMAIL', value: 'j***@example.com' }] });
        replaceWhileWaiting = () =>
          routes.startStepUp({ sessionId: old.sessionId, tokenId: 'tok-other-card', authenticationOptionsBody: AUTH_WITHOUT_ID });
        const refused = await failure(
          action === 'send' ? old.browser.createOtp(body, ctx()) : old.browser.validateOtp({ ...body, otp: oldCode }, ctx()),
        );

        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ error: { kind: 'no-step-up' } });
        expect(server.sandbox.calls().slice(callsBefore)).toEqual([]);
      },
    );

    it('starts a fresh step-up over an old one and forgets it on endStepUp', async () => {
      const routes = routesFor();
      const first = await started(routes);
      await first.browser.createOtp({ clientCorrelationId: first.cid, stepUpOption: { id: SMS } }, ctx());
      const again = await routes.startStepUp({ sessionId: first.sessionId, tokenId: 'tok-new', authenticationOptionsBody: AUTH_WITHOUT_ID });
      expect(again.clientCorrelationId).not.toBe(first.cid);
      expect(await routes.getStepUp(first.sessionId)).toMatchObject({ tokenId: 'tok-new', sendAttempts: 0, verified: false });
      await routes.endStepUp(first.sessionId);
      expect(await routes.getStepUp(first.sessionId)).toBeUndefined();
      const gone = await failure(first.browser.createOtp({ clientCorrelationId: first.cid, stepUpOption: { id: SMS } }, ctx()));
      expect(gone.body).toMatchObject({ error: { kind: 'no-step-up' } });
    });
  });
}
