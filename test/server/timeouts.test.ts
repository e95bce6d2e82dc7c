// @vitest-environment node
/**
 * The server and the browser agree on time: with the default options, the slowest path of the routes (a
 * second tab's call waiting for the first, Visa taking its whole timeout, every store call its whole
 * deadline) is answered before `createFetchBackend` gives up. Fake timers: the minutes pass at once.
 */
import { createFetchBackend } from '../../src/backend/fetch-backend';
import { StepUpBackendError } from '../../src/core';
import {
  VisaApiError,
  createMemorySessionStore,
  createStepUpRoutes,
  type SessionStore,
  type StepUpRoutes,
} from '../../src/server';
import { routeTiming } from '../../src/server/route-timing';
import { FAKE_OPTION_ID, fakeVisaClient } from './fake-visa-client';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A store at its slowest: every call answers 1 ms before the routes' store deadline (`ms`), taking and
 * freeing the lock too, and each write hangs twice (the deadline answers it) before it succeeds, so the
 * routes try it three times.
 */
function slowStore(store: SessionStore, ms: number): SessionStore & { failWrites: boolean } {
  const late = () => sleep(ms - 1);
  let writes = 0;
  return {
    failWrites: false,
    get: async (id) => (await late(), store.get(id)),
    async set(id, value, ttl, lease) {
      if (this.failWrites && ++writes % 3 !== 0) return new Promise<void>(() => {});
      await late();
      return store.set(id, value, ttl, lease);
    },
    delete: async (id) => (await late(), store.delete(id)),
    withLock: async (id, fn, options) => {
      await late();
      try {
        return await store.withLock(id, fn, options);
      } finally {
        await late();
      }
    },
  };
}

/** A Visa whose validate never answers, so each call lasts the client's whole timeout (15 s by default). */
function hangingVisa() {
  return fakeVisaClient({
    validateOtp: async () => {
      await sleep(15_000);
      throw new VisaApiError('timeout', 'validate-otp', 'POST …/validate got no answer within 15000 ms');
    },
  });
}

/** The browser of one tab: the kit's fetch backend with its default timeout, calling the routes in process. */
function tab(routes: StepUpRoutes) {
  // like a real fetch, it gives up when the backend's timeout aborts it, whether or not the server answers later
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      routes(new Request(input as string, init)).then(resolve, reject);
    });
  return createFetchBackend({ baseUrl: 'http://shop.test/api/step-up', fetch });
}

/** When (fake ms after `start`) and how a call settled. */
function settles(promise: Promise<unknown>, start: number) {
  return promise.then(
    () => ({ at: Date.now() - start, status: 200, kind: 'ok' }),
    (error: StepUpBackendError) => ({ at: Date.now() - start, status: error.status, kind: error.kind }),
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

it('the default bounds: Visa 15 s, store calls 1 s, lock TTL 24.6 s, lock wait 4 s, slowest answer 29.6 s', () => {
  expect(routeTiming(15_000)).toEqual({ lockTtlMs: 24_600, lockWaitMs: 4_000, answerWithinMs: 29_600 });
  // each store millisecond counts 10 times in the slowest answer, 7 times in the lock's TTL
  expect(routeTiming(15_000, 2_000)).toEqual({ lockTtlMs: 31_600, lockWaitMs: 4_000, answerWithinMs: 39_600 });
});

it('the browser’s default timeout is above the routes’ slowest answer', async () => {
  const hanging = (_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  const start = Date.now();
  const gaveUp = settles(createFetchBackend({ baseUrl: '/api/step-up', fetch: hanging }).createOtp(
    { clientCorrelationId: 'c', stepUpOption: { id: 'o' } },
    { signal: new AbortController().signal },
  ), start);
  await vi.advanceTimersByTimeAsync(60_000);
  const { at, kind } = await gaveUp;
  expect(kind).toBe('timeout');
  // room for the network, TLS and proxies on the way back
  expect(at).toBeGreaterThanOrEqual(routeTiming(15_000).answerWithinMs + 5_000);
});

it('answers two tabs validating at once before the browser’s default timeout, with Visa and the store at their slowest', async () => {
  const sessions = slowStore(createMemorySessionStore(), 1_000);
  const routes = createStepUpRoutes({
    client: hangingVisa(),
    sessions,
    getSessionId: () => 'shopper-1',
    basePath: '/api/step-up',
  });
  const opening = routes.startStepUp({ sessionId: 'shopper-1', tokenId: 'tok-slow', authenticationOptionsBody: {} });
  await vi.advanceTimersByTimeAsync(15_000);
  const { clientCorrelationId } = await opening;
  const body = { clientCorrelationId, stepUpOption: { id: FAKE_OPTION_ID } };
  const sending = tab(routes).createOtp(body, { signal: new AbortController().signal });
  await vi.advanceTimersByTimeAsync(15_000);
  await sending;

  sessions.failWrites = true;
  const start = Date.now();
  const signal = new AbortController().signal;
  const first = settles(tab(routes).validateOtp({ ...body, otp: '123456' }, { signal }), start);
  const second = settles(tab(routes).validateOtp({ ...body, otp: '123456' }, { signal }), start);
  await vi.advanceTimersByTimeAsync(60_000);

  const answers = await Promise.all([first, second]);
  // one waited for the lock and was told to try again; the other got Visa's timeout: neither the browser's
  expect(answers.map(({ status, kind }) => ({ status, kind }))).toEqual([
    { status: 504, kind: 'http' },
    { status: 503, kind: 'http' },
  ]);
  for (const { at } of answers) expect(at).toBeLessThanOrEqual(routeTiming(15_000).answerWithinMs);
});

it('lets a second request wait for a quick first one and then do its own work', async () => {
  let validations = 0;
  const client = fakeVisaClient({
    validateOtp: async () => {
      validations += 1;
      await sleep(2_000);
      throw new VisaApiError('http', 'validate-otp', 'POST …/validate answered 400', {
        status: 400,
        body: { errors: [{ reason: 'OTP_INVALID', message: 'The code is not valid' }] },
      });
    },
  });
  const routes = createStepUpRoutes({ client, sessions: createMemorySessionStore(), getSessionId: () => 'shopper-1', basePath: '/api/step-up' });
  const { clientCorrelationId } = await routes.startStepUp({ sessionId: 'shopper-1', tokenId: 'tok-quick', authenticationOptionsBody: {} });
  const body = { clientCorrelationId, stepUpOption: { id: FAKE_OPTION_ID } };
  await tab(routes).createOtp(body, { signal: new AbortController().signal });

  const start = Date.now();
  const signal = new AbortController().signal;
  const both = Promise.all([
    settles(tab(routes).validateOtp({ ...body, otp: '123456' }, { signal }), start),
    settles(tab(routes).validateOtp({ ...body, otp: '654321' }, { signal }), start),
  ]);
  await vi.advanceTimersByTimeAsync(10_000);
  expect((await both).map(({ status }) => status)).toEqual([400, 400]);
  expect(validations).toBe(2);
});
