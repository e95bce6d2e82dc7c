// @vitest-environment node
/**
 * The out-of-band routes (issuer-code, check, selection), run once per session store: the kit's fetch backend →
 * the routes → the signed client → the sandbox server over HTTP, with the sandbox's controls and issuer page.
 */
import { randomUUID } from 'node:crypto';
import type { StepUpBackend } from '../../src/core';
import { SANDBOX_METHOD_OPTIONS, sandboxStepUpOptions, type SandboxMethod } from '../../src/sandbox';
import type { SandboxServer } from '../../src/sandbox-server';
import { createStepUpRoutes, type SessionStore, type StepUpRoutes, type StepUpRoutesOptions, type VisaAcceptanceClient } from '../../src/server';
import { AUTH_BODY, capturingLogger, signatureClient, startTestSandbox } from './helpers';
import { browserFor, failure, kitKind } from './routes-suite';

export const IDS = Object.fromEntries(Object.entries(SANDBOX_METHOD_OPTIONS).map(([name, option]) => [name, option.id!])) as Record<SandboxMethod, string>;
export const ALL_METHODS: SandboxMethod[] = ['OTP_SMS', 'APP_TO_APP', 'APP_TO_APP_CODE', 'APP_TO_APP_WEB', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL'];
const ctx = () => ({ signal: new AbortController().signal });

/** A client whose authentication-options bodies are kept, to see what a check sends. */
export function recordingClient(client: VisaAcceptanceClient) {
  const bodies: Array<Record<string, unknown>> = [];
  const wrapped: VisaAcceptanceClient = {
    ...client,
    authenticationOptions: (tokenId, body, options) => {
      bodies.push(structuredClone(body));
      return client.authenticationOptions(tokenId, body, options);
    },
  };
  return { client: wrapped, bodies };
}

/** Posts to a sandbox control route. */
export async function control(server: SandboxServer, action: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/__control/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Opens the issuer page as the kit's default builder would, presses a button, and reads where the page sends the cardholder. */
export async function pressOnIssuerPage(source: string, requestPayload: string | undefined, button: 'Approve' | 'Decline', returnUrl = 'https://shop.test/step-up/return?state=opaque') {
  const url = new URL(source);
  url.searchParams.set('wpcallback', returnUrl);
  if (requestPayload) url.searchParams.set('a2apayload', requestPayload);
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)].find((m) => m[2]!.includes(`>${button}<`));
  expect(form).toBeDefined();
  const fields = new URLSearchParams([...form![2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decodeEntities(m[2]!)]));
  const answer = await fetch(new URL(form![1]!, url), { method: 'POST', body: fields, redirect: 'manual' });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get('location')!);
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function describeOutOfBandRoutes(label: string, makeStore: () => SessionStore) {
  describe(`out-of-band routes with the ${label} session store`, () => {
    let server: SandboxServer;
    let log: ReturnType<typeof capturingLogger>;
    let recorded: ReturnType<typeof recordingClient>;

    beforeEach(async () => {
      server = await startTestSandbox({ stepUpOptions: sandboxStepUpOptions(ALL_METHODS), latencyMs: 30 });
      log = capturingLogger();
      recorded = recordingClient(signatureClient(server));
    });
    afterEach(() => server.close());

    async function started(options: Partial<StepUpRoutesOptions> = {}) {
      const routes: StepUpRoutes = createStepUpRoutes({
        client: recorded.client,
        sessions: makeStore(),
        getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
        logger: log.logger,
        basePath: '/api/step-up',
        ...options,
      });
      const sessionId = `sess-${randomUUID()}`;
      const tokenId = `tok-${randomUUID()}`;
      const result = await routes.startStepUp({ sessionId, tokenId, authenticationOptionsBody: { ...AUTH_BODY, clientCorrelationId: undefined } });
      const browser: StepUpBackend = browserFor(routes, sessionId);
      return { routes, sessionId, tokenId, result, browser, cid: result.clientCorrelationId };
    }
    const upstream = (operation: 'createOtp' | 'validateOtp', tokenId: string) => server.sandbox.calls(operation).filter((c) => c.tokenId === tokenId);

    it('gives the browser what opening the issuer page needs, and nothing of the sort for OTP options', async () => {
      const { result } = await started();
      const web = result.stepUpOptions.find((o) => o.id === IDS.APP_TO_APP_WEB)!;
      expect(web).toMatchObject({ method: 'APP_TO_APP', platformType: 'WEB', subMethod: '3DS', source: `${server.url}/__issuer`, requestPayload: expect.any(String) });
      expect(result.stepUpOptions[0]).toEqual({ id: IDS.OTP_SMS, method: 'OTP_SMS', value: '***-***-1234' });
    });

    it('web variant: the issuer page approves, returns a code to wpcallback, and issuer-code verifies the step-up', async () => {
      const { routes, sessionId, tokenId, result, browser, cid } = await started();
      const web = result.stepUpOptions.find((o) => o.id === IDS.APP_TO_APP_WEB)!;
      const back = await pressOnIssuerPage(web.source!, web.requestPayload, 'Approve');
      expect(back.origin + back.pathname).toBe('https://shop.test/step-up/return');
      expect(back.searchParams.get('state')).toBe('opaque');
      expect(back.searchParams.get('stepupresponse')).toBe('approved');
      const code = back.searchParams.get('stepupauthcode')!;
      expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);

      await expect(browser.validateIssuerCode!({ clientCorrelationId: cid, stepUpOption: { id: IDS.APP_TO_APP_WEB }, issuerAuthCode: code }, ctx())).resolves.toEqual({
        action: 'AUTHENTICATION_REGISTRATION',
      });
      expect(await routes.getStepUp(sessionId)).toMatchObject({ verified: true, action: 'AUTHENTICATION_REGISTRATION' });
      expect(upstream('validateOtp', tokenId)).toHaveLength(1);
      expect(upstream('validateOtp', tokenId)[0]!.body).toMatchObject({ clientCorrelationId: cid, issuerAuthCode: code });
      for (const secret of [code, web.requestPayload!, web.source!, 'secure-token']) expect(log.lines.join('\n')).not.toContain(secret);
    });

    it('web variant declined: the page returns stepupresponse=declined and the check says declined', async () => {
      const { result, browser, cid } = await started();
      const web = result.stepUpOptions.find((o) => o.id === IDS.APP_TO_APP_WEB)!;
      const back = await pressOnIssuerPage(web.source!, web.requestPayload, 'Decline');
      expect(back.searchParams.get('stepupresponse')).toBe('declined');
      expect(back.searchParams.has('stepupauthcode')).toBe(false);
      await expect(browser.checkStepUp!({ clientCorrelationId: cid }, ctx())).resolves.toEqual({ status: 'declined' });
    });

    it('OUTBOUND_CALL: the selection is sent once for concurrent duplicates, the check is pending, then verified after the control approves', async () => {
      const { routes, sessionId, tokenId, browser, cid } = await started({ minCheckIntervalMs: 0 });
      const select = () => browser.submitSelection!({ clientCorrelationId: cid, stepUpOption: { id: IDS.OUTBOUND_CALL } }, ctx());
      const answers = await Promise.all([select(), select(), select()]);
      expect(answers).toEqual(Array(3).fill({ notified: true, maxRequestsAllowed: 3 }));
      expect(upstream('createOtp', tokenId)).toHaveLength(1);
      expect(upstream('createOtp', tokenId)[0]!.body).toMatchObject({ stepUpOption: { id: IDS.OUTBOUND_CALL } });

      await expect(browser.checkStepUp!({ clientCorrelationId: cid, secureToken: 'fresh-token-1' }, ctx())).resolves.toEqual({ status: 'pending' });
      expect(await routes.getStepUp(sessionId)).toMatchObject({ verified: false });
      const pending = (await (await fetch(`${server.url}/__outbox?format=json&tokenId=${tokenId}`)).json()) as { outOfBand: Array<{ method: string; state: string }> };
      expect(pending.outOfBand).toContainEqual(expect.objectContaining({ method: 'OUTBOUND_CALL', state: 'selected' }));

      expect((await control(server, 'approve', { tokenId })).status).toBe(200);
      await expect(browser.checkStepUp!({ clientCorrelationId: cid, secureToken: 'fresh-token-2' }, ctx())).resolves.toEqual({
        status: 'verified',
        action: 'AUTHENTICATION_REGISTRATION',
      });
      expect(await routes.getStepUp(sessionId)).toMatchObject({ verified: true, action: 'AUTHENTICATION_REGISTRATION' });
      // the stored body went again, with the browser's fresh token and never the first one
      const checks = recorded.bodies.slice(1);
      expect(checks.map((b) => (b.sessionInformation as { secureToken?: string }).secureToken)).toEqual(['fresh-token-1', 'fresh-token-2']);
      expect(checks[0]).toMatchObject({ clientCorrelationId: cid, authenticatorRenderMethod: 'IFRAME', orderInformation: AUTH_BODY.orderInformation });
      expect(log.lines.join('\n')).not.toContain('fresh-token');
    });

    it('CUSTOMER_SERVICE: the selection only records the choice; the check says expired once the option is gone', async () => {
      const { tokenId, browser, cid } = await started({ minCheckIntervalMs: 0 });
      await expect(browser.submitSelection!({ clientCorrelationId: cid, stepUpOption: { id: IDS.CUSTOMER_SERVICE } }, ctx())).resolves.toEqual({
        notified: false,
        maxRequestsAllowed: 5,
      });
      expect(upstream('createOtp', tokenId)).toHaveLength(0);
      await expect(browser.checkStepUp!({ clientCorrelationId: cid }, ctx())).resolves.toEqual({ status: 'pending' });
      expect((await control(server, 'methods', { tokenId, methods: ['OTP_SMS'] })).status).toBe(200);
      await expect(browser.checkStepUp!({ clientCorrelationId: cid }, ctx())).resolves.toEqual({ status: 'expired' });
    });

    it('checks upstream at most once per minCheckIntervalMs, concurrent checks included, and at most maxChecksPerStepUp times', async () => {
      const first = await started();
      const check = () => first.browser.checkStepUp!({ clientCorrelationId: first.cid }, ctx());
      await Promise.all([check(), check(), check()]);
      await check();
      expect(recorded.bodies).toHaveLength(2); // the start and one check

      const capped = await started({ minCheckIntervalMs: 0, maxChecksPerStepUp: 2 });
      const before = recorded.bodies.length;
      await capped.browser.checkStepUp!({ clientCorrelationId: capped.cid }, ctx());
      await capped.browser.checkStepUp!({ clientCorrelationId: capped.cid }, ctx());
      const third = await failure(capped.browser.checkStepUp!({ clientCorrelationId: capped.cid }, ctx()));
      expect(third.status).toBe(429);
      expect(third.body).toMatchObject({ error: { kind: 'rate-limited' } });
      expect(recorded.bodies.length - before).toBe(2);
    });

    it('refuses a foreign option with 403 on selection and issuer-code, an OTP option on selection with 400, without calling Visa', async () => {
      const { tokenId, browser, cid } = await started();
      for (const id of ['made-up', 'c3RyYW5nZXI=']) {
        const selection = await failure(browser.submitSelection!({ clientCorrelationId: cid, stepUpOption: { id } }, ctx()));
        expect(selection.status).toBe(403);
        const code = await failure(browser.validateIssuerCode!({ clientCorrelationId: cid, stepUpOption: { id }, issuerAuthCode: 'abc' }, ctx()));
        expect(code.status).toBe(403);
        expect(code.body).toMatchObject({ error: { kind: 'option-not-issued' } });
      }
      expect((await failure(browser.submitSelection!({ clientCorrelationId: cid, stepUpOption: { id: IDS.OTP_SMS } }, ctx()))).status).toBe(400);
      for (const issuerAuthCode of ['', 'x'.repeat(4097), 42]) {
        const bad = await failure(browser.validateIssuerCode!({ clientCorrelationId: cid, stepUpOption: { id: IDS.APP_TO_APP_CODE }, issuerAuthCode } as never, ctx()));
        expect(bad.status).toBe(400);
      }
      expect(server.sandbox.calls().filter((c) => c.tokenId === tokenId)).toEqual([]);
    });

    it('counts refused issuer codes per option up to maxValidationsPerCode, then answers attempts-exhausted without calling Visa', async () => {
      const { tokenId, browser, cid } = await started({ maxValidationsPerCode: 2 });
      const validate = (issuerAuthCode: string) =>
        browser.validateIssuerCode!({ clientCorrelationId: cid, stepUpOption: { id: IDS.APP_TO_APP_CODE }, issuerAuthCode }, ctx());
      for (let i = 0; i < 2; i++) {
        const wrong = await failure(validate(`wrong-${i}`));
        expect(wrong.status).toBe(400);
        expect(kitKind(wrong, 'validate-otp')).toBe('invalid-otp');
      }
      const code = ((await (await control(server, 'issuer-code', { tokenId, optionId: IDS.APP_TO_APP_CODE })).json()) as { issuerAuthCode: string }).issuerAuthCode;
      const exhausted = await failure(validate(code));
      expect(exhausted.status).toBe(403);
      expect(exhausted.body).toMatchObject({ error: { kind: 'attempts-exhausted' } });
      expect(upstream('validateOtp', tokenId)).toHaveLength(2);
    });

    it('keeps "didn’t get a call" within the send limits: a second selection is a second send, the third is refused', async () => {
      const { tokenId, browser, cid } = await started({ maxSendsPerStepUp: 2 });
      const select = () => browser.submitSelection!({ clientCorrelationId: cid, stepUpOption: { id: IDS.OUTBOUND_CALL } }, ctx());
      await select();
      await expect(select()).resolves.toEqual({ notified: true, maxRequestsAllowed: 2 });
      const third = await failure(select());
      expect(third.status).toBe(403);
      expect(kitKind(third, 'create-otp')).toBe('resends-exhausted');
      expect(upstream('createOtp', tokenId)).toHaveLength(2);
    });

    it('validates a code the bank’s app returned (the control issues it), and replays the success without a second call', async () => {
      const { tokenId, browser, cid } = await started();
      const code = ((await (await control(server, 'issuer-code', { tokenId, optionId: IDS.APP_TO_APP_CODE })).json()) as { issuerAuthCode: string }).issuerAuthCode;
      const body = { clientCorrelationId: cid, stepUpOption: { id: IDS.APP_TO_APP_CODE }, issuerAuthCode: code };
      await expect(browser.validateIssuerCode!(body, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
      await expect(browser.validateIssuerCode!(body, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
      await expect(browser.checkStepUp!({ clientCorrelationId: cid }, ctx())).resolves.toEqual({ status: 'verified', action: 'AUTHENTICATION_REGISTRATION' });
      expect(upstream('validateOtp', tokenId)).toHaveLength(1);
      expect(log.lines.join('\n')).not.toContain(code);
    });

    const ROUTES = {
      check: (b: StepUpBackend, cid: string) => b.checkStepUp!({ clientCorrelationId: cid }, ctx()),
      selection: (b: StepUpBackend, cid: string) => b.submitSelection!({ clientCorrelationId: cid, stepUpOption: { id: IDS.OUTBOUND_CALL } }, ctx()),
      'issuer-code': (b: StepUpBackend, cid: string) =>
        b.validateIssuerCode!({ clientCorrelationId: cid, stepUpOption: { id: IDS.APP_TO_APP_CODE }, issuerAuthCode: 'some-code' }, ctx()),
    };
    const upstreamCalls = (tokenId: string) => recorded.bodies.length + server.sandbox.calls().filter((c) => c.tokenId === tokenId).length;

    it.each(Object.keys(ROUTES) as Array<keyof typeof ROUTES>)(
      '%s: nothing goes upstream for a step-up that startStepUp replaced while the request waited for the lock',
      async (route) => {
        const inner = makeStore();
        let replace: (() => Promise<unknown>) | undefined;
        const sessions: SessionStore = {
          get: (key) => inner.get(key),
          set: (key, value, ttl, lease) => inner.set(key, value, ttl, lease),
          delete: (key) => inner.delete(key),
          withLock: async (key, fn, options) => {
            const pending = replace;
            replace = undefined;
            if (pending) await pending();
            return inner.withLock(key, fn, options);
          },
        };
        const { routes, sessionId, tokenId, browser, cid } = await started({ sessions, minCheckIntervalMs: 0 });
        replace = () => routes.startStepUp({ sessionId, tokenId: 'tok-other-card', authenticationOptionsBody: { clientCorrelationId: undefined } });
        const before = upstreamCalls(tokenId);
        const refused = await failure(ROUTES[route](browser, cid));
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ error: { kind: 'no-step-up' } });
        // the replacing startStepUp made one authentication-options call, for the other card
        expect(upstreamCalls(tokenId)).toBe(before + 1);
      },
    );

    it.each(Object.keys(ROUTES) as Array<keyof typeof ROUTES>)(
      '%s: a store that cannot record the call before it goes upstream answers 503 store-unavailable, and Visa is not called',
      async (route) => {
        const inner = makeStore();
        let failing = 0;
        const sessions: SessionStore = {
          get: (key) => inner.get(key),
          set: (key, value, ttl, lease) => (failing-- > 0 ? Promise.reject(new Error('Socket closed unexpectedly')) : inner.set(key, value, ttl, lease)),
          delete: (key) => inner.delete(key),
          withLock: (key, fn, options) => inner.withLock(key, fn, options),
        };
        const { tokenId, browser, cid } = await started({ sessions, minCheckIntervalMs: 0 });
        const before = upstreamCalls(tokenId);
        failing = 3;
        const error = await failure(ROUTES[route](browser, cid));
        expect(error.status).toBe(503);
        expect(error.body).toMatchObject({ error: { kind: 'store-unavailable' } });
        expect(upstreamCalls(tokenId)).toBe(before);
      },
    );
  });
}
