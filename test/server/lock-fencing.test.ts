// @vitest-environment node
/**
 * Fencing under a real pause: a lock holder that stalls past the lock's TTL must not overwrite what the next
 * holder wrote.
 *
 * - The routes, memory and Redis: instance A holds a validate's lock while Visa's answer to it is held back
 *   past the lock's TTL (as a GC pause would); instance B takes the expired lock and verifies the step-up
 *   with the right code; A's late write is refused (503 busy) and the step-up stays verified.
 * - Redis, a holder process stopped with SIGSTOP past its TTL while another process writes: on SIGCONT its
 *   write is refused with LockLostError.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { createMemorySessionStore, createRedisSessionStore, type SessionStore } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { routesOn, startedStepUp, timedCall } from './fault-helpers';
import { signatureClient, sleep, startTestSandbox } from './helpers';
import { startTestRedis, type TestRedis } from './redis-harness';

/** Short enough for a quick test; the routes' own TTL is the client's timeoutMs + 5 s. */
const LOCK_TTL_MS = 300;

let redis: TestRedis;
let server: SandboxServer;
beforeAll(async () => {
  redis = await startTestRedis();
  server = await startTestSandbox();
}, 20_000);
afterAll(async () => {
  await redis?.stop();
  await server?.close();
});

/** `store` with the routes' lock TTL shortened, so the stall need not last 20 s. */
const shortLocks = (store: SessionStore): SessionStore => ({
  get: (id) => store.get(id),
  set: (id, value, ttl, lease) => store.set(id, value, ttl, lease),
  delete: (id) => store.delete(id),
  withLock: (id, fn, options) => store.withLock(id, fn, { ...options, ttlMs: LOCK_TTL_MS }),
});

describe.each([
  ['memory', async () => {
    const store = createMemorySessionStore();
    return [store, store] as const;
  }],
  ['Redis', async () => {
    const prefix = `${redis.namespace}${randomUUID()}:`;
    return [createRedisSessionStore({ client: await redis.connect(), prefix }), createRedisSessionStore({ client: await redis.connect(), prefix })] as const;
  }],
] as const)('the routes on the %s store, a holder stalled past the lock’s TTL', (_label, makeStores) => {
  it('cannot overwrite the verification the next holder wrote: its write is refused with 503 busy', async () => {
    const [storeA, storeB] = await makeStores();
    let stalled: (() => void) | undefined;
    const answered = new Promise<void>((resolve) => (stalled = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    // instance A's Visa client gets validate's answer but hands it over only when the test says so, whatever
    // its timeout says: a process paused between the two
    const stallingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/validate')) {
        const body = await response.arrayBuffer();
        stalled?.();
        await resumed;
        return new Response(body, { status: response.status, headers: response.headers });
      }
      return response;
    };
    const a = routesOn(server, shortLocks(storeA), { client: signatureClient(server, { fetch: stallingFetch }) });
    const b = routesOn(server, shortLocks(storeB));
    const stepUp = await startedStepUp(b, server);
    expect((await timedCall(b, 'one-time-passwords', stepUp.sessionId, stepUp.send)).status).toBe(200);
    const right = stepUp.validate();

    const late = timedCall(a, 'validate', stepUp.sessionId, { ...right, otp: right.otp === '000000' ? '111111' : '000000' }, 10_000);
    await answered; // Visa refused A's wrong code; A holds the lock and has not written yet
    await sleep(LOCK_TTL_MS + 100);
    expect((await timedCall(b, 'validate', stepUp.sessionId, right)).status).toBe(200);
    resume();

    expect(await late).toMatchObject({ status: 503, kind: 'busy' });
    expect(await b.getStepUp(stepUp.sessionId)).toMatchObject({ verified: true, sendAttempts: 1 });
    expect(stepUp.validations()).toBe(2);
  });
});

describe('a Redis lock holder process stopped (SIGSTOP) past its TTL', () => {
  it('has its write refused with LockLostError when it continues, and the newer value stays', async () => {
    const holder = await holderScript();
    const prefix = `${redis.namespace}${randomUUID()}:`;
    const store = createRedisSessionStore<{ writer: string }>({ client: await redis.connect(), prefix });
    const child = spawn(process.execPath, [holder, redis.url, prefix, 'paused', String(LOCK_TTL_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const said = (line: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => output.includes(`${line}\n`) && resolve();
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        child.once('exit', () => reject(new Error(`the holder exited saying ${JSON.stringify(output)}`)));
        check();
      });
    try {
      await said('holding');
      child.kill('SIGSTOP');
      await sleep(LOCK_TTL_MS + 200);
      await store.withLock('paused', (lease) => store.set('paused', { writer: 'next holder' }, 60, lease), { waitMs: 2_000 });
      child.kill('SIGCONT');
      await said('LockLostError');
      expect(await store.get('paused')).toEqual({ writer: 'next holder' });
    } finally {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
    }
  }, 20_000);
});

/**
 * The holder, bundled for Node: takes the lock, says `holding`, and writes 100 ms later (it is stopped in
 * between), then prints the name of the error its write got, or `wrote`.
 */
async function holderScript(): Promise<string> {
  const dir = path.resolve('node_modules/.cache/stepup-test');
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'paused-holder.ts');
  writeFileSync(
    entry,
    `import { createClient } from 'redis';
import { createRedisSessionStore } from ${JSON.stringify(path.resolve('src/server/index.ts'))};
const [url, prefix, id, ttl] = process.argv.slice(2);
const client = await createClient({ url }).connect();
const store = createRedisSessionStore({ client, prefix });
try {
  await store.withLock(id, async (lease) => {
    process.stdout.write('holding\\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await store.set(id, { writer: 'paused holder' }, 60, lease);
  }, { ttlMs: Number(ttl) });
  process.stdout.write('wrote\\n');
} catch (error) {
  process.stdout.write(error.name + '\\n');
}
await client.close();
`,
  );
  const outfile = path.join(dir, 'paused-holder.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'error' });
  return outfile;
}
