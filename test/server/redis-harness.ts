// @vitest-environment node
/**
 * Real Redis servers for the tests and the server bench.
 *
 * - `startTestRedis()`: `REDIS_URL` when set (CI starts one), otherwise a private `redis-server` on a free
 *   loopback port, without persistence, stopped after the file's tests.
 * - `spawnRedisServer()`: always a private server, with `kill`/`pause`/`resume`/`restart` for fault tests.
 * - `startTestCluster()`: a 3-master Redis Cluster on loopback (no replicas), for the cluster tests.
 *
 * Every server started here is killed when the process exits, should a test file fail to stop it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, createCluster, type RedisClusterOptions } from 'redis';

export type TestRedisClient = ReturnType<typeof createClient>;
export type TestClusterClient = ReturnType<typeof createCluster>;

export interface TestRedis {
  url: string;
  /** A key prefix unique to this harness; every key under it is deleted by `stop()` (REDIS_URL may be shared). */
  namespace: string;
  /** A new connected client; closed by `stop()`. */
  connect(): Promise<TestRedisClient>;
  stop(): Promise<void>;
}


function findBinary(name: 'redis-server' | 'redis-cli'): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  const found = dirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (!found) throw new Error(`${name} not found: apt-get install redis-server (redis-cli comes with it)`);
  return found;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free loopback port whose cluster bus port (+10 000) is free too. */
async function freePort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if ((await portIsFree(port)) && (await portIsFree(port + 10_000))) return port;
  }
  throw new Error('no free loopback port pair found');
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A private redis-server process that a test may kill, pause, resume or restart. */
export interface RedisServerProcess {
  readonly port: number;
  readonly url: string;
  /** SIGKILL: no shutdown work, the connections drop at once. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing is answered, as in a stalled server. */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
  /** Starts the server again on the same port, arguments and data directory (after `kill` or `stop`). */
  start(): Promise<void>;
  /** SIGTERM (a clean shutdown: the append-only file is written), then `start()`. */
  restart(): Promise<void>;
  /** Stops it for good (SIGCONT first if paused, then SIGTERM). */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port with `args` added (default: no persistence). It is always a
 * private server, whatever `REDIS_URL` says: fault tests kill and pause it.
 */
export async function spawnRedisServer(args: string[] = ['--save', '', '--appendonly', 'no'], port?: number): Promise<RedisServerProcess> {
  const binary = findBinary('redis-server');
  const chosen = port ?? (await freePort());
  let child: ChildProcess | undefined;

  async function start() {
    const started = spawn(binary, ['--port', String(chosen), '--bind', '127.0.0.1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(started);
    started.once('exit', () => running.delete(started));
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        started.kill('SIGKILL');
        reject(new Error(`redis-server did not start within 10 s: ${output.slice(-500)}`));
      }, 10_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout!.on('data', read);
      started.stderr!.on('data', read);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
      });
    });
    for (const stream of [started.stdout!, started.stderr!]) {
      stream.removeAllListeners('data');
      stream.resume(); // keep draining its log, or a full pipe would stall the server
    }
    started.removeAllListeners('exit');
    started.once('exit', () => running.delete(started));
    child = started;
  }

  async function signalAndWait(signal: NodeJS.Signals) {
    const current = child;
    if (!current) return;
    current.kill('SIGCONT');
    current.kill(signal);
    await exited(current);
    child = undefined;
  }

  await start();
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    kill: () => signalAndWait('SIGKILL'),
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    start,
    async restart() {
      await signalAndWait('SIGTERM');
      await start();
    },
    stop: () => signalAndWait('SIGTERM'),
  };
}

export async function startTestRedis(): Promise<TestRedis> {
  const spawned = process.env.REDIS_URL ? undefined : await spawnRedisServer();
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
      await spawned?.stop();
    },
  };
}

export interface TestCluster {
  nodes: RedisServerProcess[];
  /** A new connected cluster client; closed by `stop()`. */
  connect(options?: Partial<RedisClusterOptions>): Promise<TestClusterClient>;
  /** The master that serves `key`'s hash slot. */
  nodeFor(key: string): Promise<RedisServerProcess>;
  /** Resolves once every node reports `cluster_state:ok` (after a restart, say). */
  waitUntilOk(): Promise<void>;
  stop(): Promise<void>;
}

function redisCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(findBinary('redis-cli'), args, { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`redis-cli ${args.join(' ')} failed: ${stderr || stdout || error.message}`));
      else resolve(stdout);
    });
  });
}

/**
 * Three cluster-enabled `redis-server`s on loopback, joined by `redis-cli --cluster create` with no replicas,
 * each with an append-only file in a private directory so that a restarted node comes back with its data
 * and its slots (there is no replica to fail over to). Ready once every node reports `cluster_state:ok`.
 */
export async function startTestCluster(): Promise<TestCluster> {
  findBinary('redis-cli');
  const dir = mkdtempSync(path.join(tmpdir(), 'stepup-cluster-'));
  const nodes: RedisServerProcess[] = [];
  const clients: TestClusterClient[] = [];
  const stop = async () => {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    await Promise.all(nodes.map((node) => node.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      nodes.push(
        await spawnRedisServer(
          [
            '--cluster-enabled', 'yes',
            '--cluster-config-file', `nodes-${port}.conf`,
            // longer than any restart in the tests: a node that is briefly away is not marked failed, so the others keep serving
            '--cluster-node-timeout', '15000',
            '--appendonly', 'yes',
            '--save', '',
            '--dir', dir,
            '--appenddirname', `aof-${port}`,
          ],
          port,
        ),
      );
    }
    await redisCli(['--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', '0', '--cluster-yes']);
    const waitUntilOk = async () => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const states = await Promise.all(
          nodes.map((node) => redisCli(['-p', String(node.port), 'cluster', 'info']).catch(() => '')),
        );
        if (states.every((info) => info.includes('cluster_state:ok'))) return;
        if (Date.now() > deadline) throw new Error(`the test cluster did not reach cluster_state:ok within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await waitUntilOk();
    return {
      nodes,
      async connect(options = {}) {
        const client = createCluster({
          rootNodes: nodes.map((node) => ({ url: node.url })),
          defaults: { disableOfflineQueue: true },
          ...options,
        });
        client.on('error', () => undefined);
        await client.connect();
        clients.push(client);
        return client;
      },
      async nodeFor(key) {
        // asked of a node that is up: the one serving the key may be the one a test stopped
        for (const asked of nodes) {
          const admin = createClient({ url: asked.url, socket: { reconnectStrategy: false } });
          admin.on('error', () => undefined);
          try {
            await admin.connect();
            const slot = Number(await admin.sendCommand(['CLUSTER', 'KEYSLOT', key]));
            const ranges = (await admin.sendCommand(['CLUSTER', 'SLOTS'])) as Array<[number, number, [string, number]]>;
            const range = ranges.find(([start, end]) => slot >= start && slot <= end);
            const node = nodes.find((n) => n.port === Number(range?.[2][1]));
            if (!node) throw new Error(`no node serves slot ${slot}`);
            return node;
          } catch (error) {
            if (asked === nodes.at(-1)) throw error;
          } finally {
            await admin.close().catch(() => undefined);
          }
        }
        throw new Error('unreachable');
      },
      waitUntilOk,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
