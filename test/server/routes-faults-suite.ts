// @vitest-environment node
/**
 * The routes when an answer is lost between Visa and the session store, run once per store (memory,
 * Redis): the kit's fetch backend → the routes → the signed client → a faulty upstream on 127.0.0.1 →
 * the sandbox server. Asserted every time: nothing lost (a code Visa sent can be validated, a code Visa
 * accepted is never called wrong), nothing duplicated (no second code upstream), no attempt spent.
 */
import { randomUUID } from 'node:crypto';
import { isRetryable, type StepUpBackend } from '../../src/core';
import { createStepUpRoutes, type SessionStore, type StepUpRoutes } from '../../src/server';
import { sessionKey } from '../../src/server/route-context';
import type { SandboxServer } from '../../src/sandbox-server';
import { startFaultyUpstream, WAF_PAGE, type FaultyUpstream, type UpstreamFault } from './faulty-upstream';
import { AUTH_BODY, signatureClient, startTestSandbox } from './helpers';
import { browserFor, failure, kitKind, wrongCode } from './routes-suite';

const SMS = 'c21zLW9wdGlvbi0x';
const EMAIL = 'ZW1haWwtb3B0aW9uLTE=';
const TIMEOUT_MS = 400;
const LATE = TIMEOUT_MS * 2;
const NOT_JSON: UpstreamFault = { kind: 'answer', forward: true, status: 200, contentType: 'text/html', body: '<html><body>OK</body></html>' };
const GATEWAY_TIMEOUT: UpstreamFault = { kind: 'answer', forward: true, status: 504, contentType: 'text/html', body: '<html><body>504 Gateway Time-out</body></html>' };
const ctx = () => ({ signal: new AbortController().signal });
const { clientCorrelationId: _ignored, ...AUTH_WITHOUT_ID } = AUTH_BODY;

/** A store whose writes fail on demand, as a Redis that went away would fail them. */
function faultyStore(inner: SessionStore) {
  let failing = 0;
  const store: SessionStore = {
    get: (id) => inner.get(id),
    set(id, value, ttl, lease) {
      if (failing <= 0) return inner.set(id, value, ttl, lease);
      failing -= 1;
      return Promise.reject(new Error('Socket closed unexpectedly'));
    },
    delete: (id) => inner.delete(id),
    withLock: (id, fn, options) => inner.withLock(id, fn, options),
  };
  return { store, failWrites: (count: number) => void (failing = count), heal: () => void (failing = 0) };
}

export function describeRouteFaults(label: string, makeStore: () => SessionStore) {
  describe(`step-up routes losing answers, with the ${label} session store`, () => {
    let server: SandboxServer;
    let upstream: FaultyUpstream;
    let store: ReturnType<typeof faultyStore>;
    let routes: StepUpRoutes;

    beforeEach(async () => {
      server = await startTestSandbox();
      upstream = await startFaultyUpstream(server.url);
      store = faultyStore(makeStore());
      routes = createStepUpRoutes({
        client: signatureClient(server, { environment: { baseUrl: upstream.url }, timeoutMs: TIMEOUT_MS }),
        sessions: store.store,
        getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
        basePath: '/api/step-up',
      });
    });
    afterEach(async () => {
      await upstream.close();
      await server.close();
    });

    async function started(): Promise<{ sessionId: string; tokenId: string; browser: StepUpBackend; send: { clientCorrelationId: string; stepUpOption: { id: string } } }> {
      const sessionId = `sess-${randomUUID()}`;
      const tokenId = `tok-${randomUUID()}`;
      const { clientCorrelationId } = await routes.startStepUp({ sessionId, tokenId, authenticationOptionsBody: AUTH_WITHOUT_ID });
      return { sessionId, tokenId, browser: browserFor(routes, sessionId), send: { clientCorrelationId, stepUpOption: { id: SMS } } };
    }

    const codeFor = (tokenId: string) => server.sandbox.outbox().filter((m) => m.tokenId === tokenId).at(-1)!.code;
    const sendsFor = (tokenId: string) => server.sandbox.calls('createOtp').filter((c) => c.tokenId === tokenId).length;
    const validationsFor = (tokenId: string) => server.sandbox.calls('validateOtp').filter((c) => c.tokenId === tokenId).length;
    const attemptsSpent = async (sessionId: string) => (await store.store.get(sessionKey(sessionId)))?.code?.failedValidations ?? 0;
    const verified = async (sessionId: string) => (await routes.getStepUp(sessionId))?.verified;

    describe('a validate whose verdict was lost', () => {
      const lostAfterAcceptance: Array<[string, number, string, () => void]> = [
        ['an answer later than timeoutMs', 504, 'upstream-timeout', () => upstream.failNext('validate-otp', { kind: 'slow', holdMs: LATE, forward: true })],
        ['a socket cut mid-answer', 502, 'upstream-unreachable', () => upstream.failNext('validate-otp', { kind: 'cut', forward: true })],
        ['a 2xx answer that is not JSON', 502, 'upstream-error', () => upstream.failNext('validate-otp', NOT_JSON)],
        ['a gateway’s 504 on the way back', 502, 'upstream-error', () => upstream.failNext('validate-otp', GATEWAY_TIMEOUT)],
        ['the store failing to record the acceptance', 503, 'store-unavailable', () => upstream.afterNextAnswer('validate-otp', () => store.failWrites(Infinity))],
      ];

      it.each(lostAfterAcceptance)(
        'after Visa accepted the code (%s): retryable, then code-unconfirmed, never invalid-otp, no attempt spent',
        async (_name, status, kind, arm) => {
          const { sessionId, tokenId, browser, send } = await started();
          await browser.createOtp(send, ctx());
          const code = codeFor(tokenId);
          arm();
          const lost = await failure(browser.validateOtp({ ...send, otp: code }, ctx()));
          expect({ status: lost.status, kind: (lost.body as { error: { kind: string } }).error.kind }).toEqual({ status, kind });
          expect(isRetryable(kitKind(lost, 'validate-otp'))).toBe(true);
          expect(validationsFor(tokenId)).toBe(1);
          store.heal();

          // the kit's "Try again" with the same right code: Visa answers that the code is used
          const retried = await failure(browser.validateOtp({ ...send, otp: code }, ctx()));
          expect(retried.status).toBe(409);
          expect(retried.body).toMatchObject({ error: { kind: 'code-unconfirmed' } });
          expect(kitKind(retried, 'validate-otp')).toBe('code-unconfirmed');
          expect(await attemptsSpent(sessionId)).toBe(0);
          // the code is retired: the same answer again, without asking Visa
          expect(kitKind(await failure(browser.validateOtp({ ...send, otp: code }, ctx())), 'validate-otp')).toBe('code-unconfirmed');
          expect(validationsFor(tokenId)).toBe(2);
          expect(await verified(sessionId)).toBe(false);

          await browser.createOtp(send, ctx());
          await expect(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
          expect(await verified(sessionId)).toBe(true);
        },
      );

      const lostBeforeVisa: Array<[string, number, UpstreamFault]> = [
        ['held past timeoutMs', 504, { kind: 'slow', holdMs: LATE, forward: false }],
        ['cut', 502, { kind: 'cut', forward: false }],
      ];

      it.each(lostBeforeVisa)('that never reached Visa (%s): the retry with the right code is verified', async (_name, status, fault) => {
        const { sessionId, tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        upstream.failNext('validate-otp', fault);
        expect((await failure(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx()))).status).toBe(status);
        expect(validationsFor(tokenId)).toBe(0);
        await expect(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
        expect(await verified(sessionId)).toBe(true);
        expect(await attemptsSpent(sessionId)).toBe(0);
      });

      it('answers a refusal after a lost verdict with code-unconfirmed even for a wrong code (it cannot tell them apart)', async () => {
        const { sessionId, tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        const code = codeFor(tokenId);
        upstream.failNext('validate-otp', { kind: 'slow', holdMs: LATE, forward: false });
        await failure(browser.validateOtp({ ...send, otp: code }, ctx()));
        const refused = await failure(browser.validateOtp({ ...send, otp: wrongCode(code) }, ctx()));
        expect(refused.body).toMatchObject({ error: { kind: 'code-unconfirmed' } });
        expect(await attemptsSpent(sessionId)).toBe(0);
      });

      it('keeps the verdict unknown through another transport failure on the retry', async () => {
        const { sessionId, tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        const code = codeFor(tokenId);
        upstream.failNext('validate-otp', NOT_JSON);
        expect((await failure(browser.validateOtp({ ...send, otp: code }, ctx()))).status).toBe(502);
        upstream.failNext('validate-otp', { kind: 'cut', forward: false });
        expect((await failure(browser.validateOtp({ ...send, otp: code }, ctx()))).status).toBe(502);
        expect(kitKind(await failure(browser.validateOtp({ ...send, otp: code }, ctx())), 'validate-otp')).toBe('code-unconfirmed');
        expect(await attemptsSpent(sessionId)).toBe(0);
      });

      it('records the acceptance when the store fails once: the write is tried again', async () => {
        const { sessionId, tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        upstream.afterNextAnswer('validate-otp', () => store.failWrites(1));
        await expect(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
        expect(await verified(sessionId)).toBe(true);
      });

      it('does not call Visa when the write before the call fails, and answers 503', async () => {
        const { tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        store.failWrites(Infinity);
        const refused = await failure(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx()));
        expect(refused.status).toBe(503);
        expect(refused.body).toMatchObject({ error: { kind: 'store-unavailable' } });
        expect(validationsFor(tokenId)).toBe(0);
      });
    });

    describe('a send whose answer was not recorded', () => {
      it('answers 503, and the retry of the same option gets the code Visa sent instead of a second one', async () => {
        const { sessionId, tokenId, browser, send } = await started();
        upstream.afterNextAnswer('create-otp', () => store.failWrites(Infinity));
        const lost = await failure(browser.createOtp(send, ctx()));
        expect(lost.status).toBe(503);
        expect(lost.body).toMatchObject({ error: { kind: 'store-unavailable' } });
        expect(isRetryable(kitKind(lost, 'create-otp'))).toBe(true);
        store.heal();

        // no codeExpiration: when the code was sent is not known precisely enough for a countdown
        await expect(browser.createOtp(send, ctx())).resolves.toEqual({ maxRequestsAllowed: 5, maxVerificationAllowed: 3 });
        expect(sendsFor(tokenId)).toBe(1);
        await expect(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
        expect(await routes.getStepUp(sessionId)).toMatchObject({ verified: true, sendAttempts: 1 });
      });

      it('still sends on an explicit resend after that, and on a send to another option', async () => {
        server.sandbox.configure({ maxRequestsAllowed: 10 });
        const { tokenId, browser, send } = await started();
        upstream.afterNextAnswer('create-otp', () => store.failWrites(Infinity));
        await failure(browser.createOtp(send, ctx()));
        store.heal();
        await browser.createOtp(send, ctx());
        expect(sendsFor(tokenId)).toBe(1);
        await browser.createOtp(send, ctx());
        expect(sendsFor(tokenId)).toBe(2);

        upstream.afterNextAnswer('create-otp', () => store.failWrites(Infinity));
        await failure(browser.createOtp(send, ctx()));
        store.heal();
        await browser.createOtp({ ...send, stepUpOption: { id: EMAIL } }, ctx());
        expect(sendsFor(tokenId)).toBe(4);
        await expect(browser.validateOtp({ ...send, stepUpOption: { id: EMAIL }, otp: codeFor(tokenId) }, ctx())).resolves.toEqual({
          action: 'AUTHENTICATION_REGISTRATION',
        });
      });

      it('records the send when the store fails once: the write is tried again', async () => {
        const { tokenId, browser, send } = await started();
        upstream.afterNextAnswer('create-otp', () => store.failWrites(1));
        await expect(browser.createOtp(send, ctx())).resolves.toMatchObject({ maxRequestsAllowed: 3, codeExpiration: 5 });
        expect(sendsFor(tokenId)).toBe(1);
      });
    });

    describe('a 4xx that is not Visa’s', () => {
      const notVisa: Array<[string, number, string, string]> = [
        ['a WAF’s HTML page', 403, 'text/html', WAF_PAGE],
        ['a gateway’s JSON', 403, 'application/json', '{"message":"Forbidden"}'],
        ['an empty body', 400, 'text/plain', ''],
        ['plain text', 400, 'text/plain', 'Bad Request'],
      ];

      it.each(notVisa)('on validate (%s) answers 502 and spends no attempt', async (_name, status, contentType, body) => {
        const { sessionId, tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        const code = codeFor(tokenId);
        upstream.failNext('validate-otp', { kind: 'answer', forward: false, status, contentType, body });
        const refused = await failure(browser.validateOtp({ ...send, otp: code }, ctx()));
        expect(refused.status).toBe(502);
        expect(refused.body).toEqual({ error: { kind: 'upstream-error', message: expect.any(String) }, message: expect.any(String) });
        expect(kitKind(refused, 'validate-otp')).toBe('server-error');
        expect(await attemptsSpent(sessionId)).toBe(0);

        // Visa never saw it: a wrong code afterwards is an ordinary wrong code, the right one works
        expect(kitKind(await failure(browser.validateOtp({ ...send, otp: wrongCode(code) }, ctx())), 'validate-otp')).toBe('invalid-otp');
        expect(await attemptsSpent(sessionId)).toBe(1);
        await expect(browser.validateOtp({ ...send, otp: code }, ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
      });

      it('still counts a 4xx with Visa’s error body as a refused code', async () => {
        const { sessionId, tokenId, browser, send } = await started();
        await browser.createOtp(send, ctx());
        const body = JSON.stringify({ errors: [{ type: 'forbidden', message: 'The one-time password was declined' }] });
        upstream.failNext('validate-otp', { kind: 'answer', forward: false, status: 403, contentType: 'application/json', body });
        const refused = await failure(browser.validateOtp({ ...send, otp: codeFor(tokenId) }, ctx()));
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ error: { kind: 'invalid-otp' }, visa: { errors: [{ type: 'forbidden' }] } });
        expect(await attemptsSpent(sessionId)).toBe(1);
      });

      it('on send (a WAF’s HTML page) answers 502, not send-rejected', async () => {
        const { tokenId, browser, send } = await started();
        upstream.failNext('create-otp', { kind: 'answer', forward: false, status: 403, contentType: 'text/html', body: WAF_PAGE });
        const refused = await failure(browser.createOtp(send, ctx()));
        expect(refused.status).toBe(502);
        expect(refused.body).toMatchObject({ error: { kind: 'upstream-error' } });
        expect(kitKind(refused, 'create-otp')).toBe('server-error');
        await browser.createOtp(send, ctx());
        expect(sendsFor(tokenId)).toBe(1);
      });
    });
  });
}
