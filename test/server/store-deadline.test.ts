// @vitest-environment node
/**
 * The deadline the routes put on any session store: a store of the merchant's own that stops answering
 * (here: one whose calls never settle) makes a route answer 503 `store-unavailable` in time, and never does
 * late the work of a request that has been answered.
 */
import {
  SessionStoreUnavailableError,
  createMemorySessionStore,
  createRedisSessionStore,
  type SessionStore,
} from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { withStoreDeadline } from '../../src/server/store-deadline';
import { routesOn, startedStepUp, timedCall } from './fault-helpers';
import { sleep, startTestSandbox } from './helpers';

const never = () => new Promise<never>(() => undefined);

/** A memory store whose chosen operations stop answering while `stalled` is true. */
function stallable(stall: Array<'get' | 'set' | 'release'>) {
  const inner = createMemorySessionStore();
  const state = { stalled: false };
  const store: SessionStore = {
    get: (id) => (state.stalled && stall.includes('get') ? never() : inner.get(id)),
    set: (id, value, ttl, lease) => (state.stalled && stall.includes('set') ? never() : inner.set(id, value, ttl, lease)),
    delete: (id) => inner.delete(id),
    async withLock(id, fn, options) {
      const result = await inner.withLock(id, fn, options);
      if (state.stalled && stall.includes('release')) await never();
      return result;
    },
  };
  return { store, state };
}

describe('storeTimeoutMs', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startTestSandbox();
  });
  afterAll(() => server.close());

  // a read is one store call; a write is tried three times with 50 and 250 ms between (route-context.ts)
  it.each([
    ['reads', ['get'] as const, 200 + 500],
    ['writes', ['set'] as const, 3 * 200 + 300 + 500],
  ])('bounds a route on a merchant’s store that stops answering %s', async (_name, stall, bound) => {
    const { store, state } = stallable([...stall]);
    const routes = routesOn(server, store, { storeTimeoutMs: 200 });
    const stepUp = await startedStepUp(routes, server);
    state.stalled = true;
    const answer = await timedCall(routes, 'one-time-passwords', stepUp.sessionId, stepUp.send);
    expect(answer).toMatchObject({ status: 503, kind: 'store-unavailable' });
    expect(answer.ms).toBeGreaterThanOrEqual(195);
    expect(answer.ms).toBeLessThan(bound);
    expect(stepUp.sends()).toBe(0);
  });

  it('answers with the locked work’s outcome when the lock’s release does not come back', async () => {
    const { store, state } = stallable(['release']);
    const routes = routesOn(server, store, { storeTimeoutMs: 200 });
    const stepUp = await startedStepUp(routes, server);
    state.stalled = true;
    const answer = await timedCall(routes, 'one-time-passwords', stepUp.sessionId, stepUp.send);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(800);
    expect(stepUp.sends()).toBe(1);
  });

  it.each([Number.NaN, 0, -1, Infinity, 60_001, '500' as unknown as number])('is refused when it is %s', (storeTimeoutMs) => {
    expect(() => routesOn(server, createMemorySessionStore(), { storeTimeoutMs })).toThrow(/storeTimeoutMs must be/);
  });
});

describe('withStoreDeadline', () => {
  it('gives a lock waitMs plus the deadline to be taken, and never runs the work of a caller it gave up on', async () => {
    const inner = createMemorySessionStore<{ n: number }>();
    let releaseSlowTake!: () => void;
    const slow: SessionStore<{ n: number }> = {
      ...inner,
      // the lock comes, but only after the caller was given up on
      withLock: async (id, fn, options) => {
        await new Promise<void>((resolve) => (releaseSlowTake = resolve));
        return inner.withLock(id, fn, options);
      },
    };
    const store = withStoreDeadline(slow, 100);
    let ran = false;
    const started = Date.now();
    await expect(
      store.withLock(
        'x',
        async () => {
          ran = true;
        },
        { waitMs: 50 },
      ),
    ).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    releaseSlowTake();
    await sleep(20);
    expect(ran).toBe(false);
    // and the lock it got was given back at once
    await expect(inner.withLock('x', async () => 'free', { waitMs: 10 })).resolves.toBe('free');
  });

  it('passes on the store’s own answers and errors, the lock’s wait timeout included', async () => {
    const inner = createMemorySessionStore<{ n: number }>();
    const store = withStoreDeadline(inner, 1_000);
    await store.set('a', { n: 1 });
    expect(await store.get('a')).toEqual({ n: 1 });
    const held = inner.withLock('a', () => sleep(150));
    await expect(store.withLock('a', async () => 'never', { waitMs: 30 })).rejects.toMatchObject({ name: 'SessionLockTimeoutError' });
    await held;
    await expect(store.withLock('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('Redis store options', () => {
  const client = { get: never, set: never, del: never, eval: never };
  it('refuses a prefix with a brace: the step-up id must be the hash tag', () => {
    expect(() => createRedisSessionStore({ client, prefix: 'shop:{eu}:' })).toThrow(/may not contain \{ or \}/);
  });
  it.each([Number.NaN, 0, 70_000])('refuses commandTimeoutMs %s', (commandTimeoutMs) => {
    expect(() => createRedisSessionStore({ client, commandTimeoutMs })).toThrow(/commandTimeoutMs must be/);
  });
  it('gives up on a command that does not answer, with SessionStoreUnavailableError', async () => {
    const store = createRedisSessionStore({ client, commandTimeoutMs: 50 });
    await expect(store.get('a')).rejects.toThrow(/Redis GET did not finish within 50 ms/);
    await expect(store.withLock('a', async () => 'never')).rejects.toBeInstanceOf(SessionStoreUnavailableError);
  });
});
