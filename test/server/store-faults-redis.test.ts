// @vitest-environment node
/**
 * The routes against a real redis-server that the test kills, pauses (SIGSTOP) and fills (maxmemory with
 * noeviction) in the middle of a step-up: every call answers a JSON 503 `store-unavailable` within the
 * documented bound, no code is sent twice, and once Redis is back the same step-up completes by itself.
 *
 * The server writes its append-only file on every command, so a SIGKILL loses nothing, as a production Redis
 * with persistence (or a replica) would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { createRedisSessionStore, type StepUpRoutes } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { routesOn, startedStepUp, timedCall, untilAvailable } from './fault-helpers';
import { sleep, startTestSandbox } from './helpers';
import { spawnRedisServer, type RedisServerProcess, type TestRedisClient } from './redis-harness';

const STORE_TIMEOUT_MS = 300;
/** The bound the README gives (storeTimeoutMs), plus room for a loaded 2-core machine. */
const BOUND_MS = STORE_TIMEOUT_MS + 700;

let dir: string;
let redis: RedisServerProcess;
let server: SandboxServer;
const clients: TestRedisClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stepup-faults-'));
  redis = await spawnRedisServer(['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir]);
  server = await startTestSandbox();
}, 20_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
  await redis?.stop();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A client as the README's first example creates it (offline queue on), or as its advice says (off). */
async function clientAs(kind: 'as created by default' | 'with disableOfflineQueue'): Promise<TestRedisClient> {
  const client = createClient({ url: redis.url, ...(kind === 'with disableOfflineQueue' ? { disableOfflineQueue: true } : {}) });
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

describe.each(['as created by default', 'with disableOfflineQueue'] as const)('routes on Redis, the node-redis client %s', (kind) => {
  let routes: StepUpRoutes;
  let client: TestRedisClient;
  beforeEach(async () => {
    client = await clientAs(kind);
    routes = routesOn(server, createRedisSessionStore({ client, prefix: `faults:${kind}:` }), { storeTimeoutMs: STORE_TIMEOUT_MS });
  });

  // a full Redis still answers reads: only what writes fails
  const faults: Array<[string, () => Promise<void>, () => Promise<void>, boolean]> = [
    // once the client knows the connection is gone, commands wait in its offline queue (unless disabled)
    ['killed', () => redis.kill().then(() => untilReady(client, false)), () => redis.start(), true],
    ['paused (SIGSTOP)', async () => redis.pause(), async () => redis.resume(), true],
    ['full (maxmemory, noeviction)', fill, unfill, false],
  ];

  it.each(faults)('answer 503 store-unavailable in time while Redis is %s, send nothing twice, and recover', async (_name, fault, repair, readsFail) => {
    const stepUp = await startedStepUp(routes, server);
    expect((await timedCall(routes, 'one-time-passwords', stepUp.sessionId, stepUp.send)).status).toBe(200);

    await fault();
    try {
      for (const [action, body] of [['validate', stepUp.validate()], ['one-time-passwords', stepUp.send]] as const) {
        const answer = await timedCall(routes, action, stepUp.sessionId, body);
        expect({ action, status: answer.status, kind: answer.kind, contentType: answer.contentType }).toEqual({
          action,
          status: 503,
          kind: 'store-unavailable',
          contentType: expect.stringMatching(/^application\/json/),
        });
        expect(answer.ms).toBeLessThan(BOUND_MS);
      }
      const read = routes.getStepUp(stepUp.sessionId).catch((error: Error) => error.name);
      if (readsFail) expect(await read).toBe('SessionStoreUnavailableError');
      else expect(await read).toMatchObject({ verified: false, sendAttempts: 1 });
    } finally {
      await repair();
    }

    const validated = await untilAvailable(() => timedCall(routes, 'validate', stepUp.sessionId, stepUp.validate()));
    expect(validated.status).toBe(200);
    expect(await routes.getStepUp(stepUp.sessionId)).toMatchObject({ verified: true, sendAttempts: 1 });
    expect(stepUp.sends()).toBe(1);
    expect(stepUp.validations()).toBe(1);
  }, 30_000);
});

describe('a Redis command that timed out while the client reconnected', () => {
  it('is dropped from node-redis’s offline queue, never sent once Redis is back', async () => {
    const client = await clientAs('as created by default');
    const store = createRedisSessionStore<{ n: number }>({ client, prefix: 'faults:queued:', commandTimeoutMs: 200 });
    await redis.kill();
    try {
      await untilReady(client, false); // it knows it lost the connection: commands now wait in its queue
      await expect(store.set('late', { n: 1 })).rejects.toThrow('Redis SET did not finish within 200 ms');
    } finally {
      await redis.start();
    }
    await untilReady(client, true);
    await sleep(100);
    expect(await store.get('late')).toBeUndefined();
  }, 20_000);
});

async function untilReady(client: TestRedisClient, ready: boolean) {
  const deadline = Date.now() + 10_000;
  while (client.isReady !== ready && Date.now() < deadline) await sleep(10);
}

let filler: TestRedisClient | undefined;
/**
 * Lowers maxmemory to just above what is used and writes until Redis refuses even a small write (OOM): a
 * refused big write alone is not enough, its own query buffer may be what went over.
 */
async function fill() {
  filler = createClient({ url: redis.url });
  filler.on('error', () => undefined);
  await filler.connect();
  const used = Number(/used_memory:(\d+)/.exec(await filler.info('memory'))![1]);
  await filler.configSet({ maxmemory: String(used + 2 ** 20), 'maxmemory-policy': 'noeviction' });
  const refused = (write: Promise<unknown>) => write.then(() => false, (error: Error) => /^OOM/.test(error.message));
  let size = 16 * 1024;
  for (let i = 0; !(await refused(filler.set('filler:probe', '1'))); i++) {
    if (await refused(filler.set(`filler:${i}`, 'x'.repeat(size)))) size = Math.max(64, size / 2);
  }
  // full with a margin: Redis's own use of memory drifts (buffers freed), and a write must not slip through
  const full = Number(/used_memory:(\d+)/.exec(await filler.info('memory'))![1]);
  await filler.configSet({ maxmemory: String(Math.floor(full * 0.8)) });
}
async function unfill() {
  await filler!.configSet({ maxmemory: '0' });
  for await (const keys of filler!.scanIterator({ MATCH: 'filler:*', COUNT: 500 })) if (keys.length) await filler!.del(keys);
  await filler!.close();
}
