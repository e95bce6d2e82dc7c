// @vitest-environment node
/**
 * A real Redis for the tests: `REDIS_URL` when set (CI starts one), otherwise a private `redis-server`
 * on a free loopback port, without persistence, stopped after the file's tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createClient } from 'redis';

export type TestRedisClient = ReturnType<typeof createClient>;

export interface TestRedis {
  url: string;
  /** A key prefix unique to this harness; every key under it is deleted by `stop()` (REDIS_URL may be shared). */
  namespace: string;
  /** A new connected client; closed by `stop()`. */
  connect(): Promise<TestRedisClient>;
  stop(): Promise<void>;
}

function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  return dirs.map((dir) => path.join(dir, 'redis-server')).find((file) => existsSync(file));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function spawnRedis(): Promise<{ url: string; child: ChildProcess }> {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server not found: apt-get install redis-server (or set REDIS_URL)');
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start within 10 s: ${output.slice(-500)}`));
    }, 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
    });
  });
  child.stdout!.removeAllListeners('data');
  child.removeAllListeners('exit');
  return { url: `redis://127.0.0.1:${port}`, child };
}

export async function startTestRedis(): Promise<TestRedis> {
  const spawned = process.env.REDIS_URL ? undefined : await spawnRedis();
  const url = process.env.REDIS_URL ?? spawned!.url;
  const clients: TestRedisClient[] = [];
  const namespace = `stepup-test:${randomUUID()}:`;
  return {
    url,
    namespace,
    async connect() {
      const client = createClient({ url });
      client.on('error', () => undefined); // a stopped server must not crash the worker with an unhandled event
      await client.connect();
      clients.push(client);
      return client;
    },
    async stop() {
      if (clients[0]?.isReady) {
        const keys: string[] = [];
        for await (const batch of clients[0].scanIterator({ MATCH: `${namespace}*`, COUNT: 500 })) keys.push(...batch);
        if (keys.length) await clients[0].del(keys);
      }
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      const child = spawned?.child;
      if (child && child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
    },
  };
}
