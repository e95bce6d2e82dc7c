// @vitest-environment node
/** The Redis store against a real redis-server (REDIS_URL, or one started for this file). */
import { randomUUID } from 'node:crypto';
import { createRedisSessionStore } from '../../src/server';
import { startTestRedis, type TestRedis, type TestRedisClient } from './redis-harness';
import { describeSessionStore } from './session-store-suite';

let redis: TestRedis;
let first: TestRedisClient;
let second: TestRedisClient;
let prefix: string;

beforeAll(async () => {
  redis = await startTestRedis();
  first = await redis.connect();
  second = await redis.connect();
}, 20_000);
afterAll(() => redis?.stop());
beforeEach(() => {
  prefix = `${redis.namespace}${randomUUID()}:`;
});

describeSessionStore(
  'Redis',
  () => createRedisSessionStore({ client: first, prefix }),
  () => createRedisSessionStore({ client: second, prefix }),
);

describe('Redis session store keys', () => {
  it('writes JSON under {prefix}{id}:session with the TTL given, or the default one', async () => {
    const store = createRedisSessionStore<{ n: number }>({ client: first, prefix, ttlSeconds: 120 });
    await store.set('a', { n: 1 });
    await store.set('b', { n: 2 }, 7);
    expect(await first.get(`${prefix}{a}:session`)).toBe('{"n":1}');
    const ttlA = await first.pTTL(`${prefix}{a}:session`);
    const ttlB = await first.pTTL(`${prefix}{b}:session`);
    expect(ttlA).toBeGreaterThan(110_000);
    expect(ttlA).toBeLessThanOrEqual(120_000);
    expect(ttlB).toBeGreaterThan(5_000);
    expect(ttlB).toBeLessThanOrEqual(7_000);
  });

  it('holds the lock as {prefix}{id}:lock with a unique token and a PX expiry, and deletes it after', async () => {
    const store = createRedisSessionStore({ client: first, prefix });
    let seen: { token: string | null; ttl: number } | undefined;
    await store.withLock(
      'k',
      async () => {
        seen = { token: await second.get(`${prefix}{k}:lock`), ttl: await second.pTTL(`${prefix}{k}:lock`) };
      },
      { ttlMs: 4_000 },
    );
    expect(seen!.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen!.ttl).toBeGreaterThan(3_000);
    expect(seen!.ttl).toBeLessThanOrEqual(4_000);
    expect(await second.exists(`${prefix}{k}:lock`)).toBe(0);
  });

  it('does not delete a lock another holder took over (compare-and-delete)', async () => {
    const store = createRedisSessionStore({ client: first, prefix });
    await store.withLock('c', async () => {
      await second.set(`${prefix}{c}:lock`, 'someone-else'); // as if our lock expired and another instance took it
    });
    expect(await second.get(`${prefix}{c}:lock`)).toBe('someone-else');
  });
});
