/**
 * Load check of the merchant server side on loopback: 500 concurrent step-ups (start, send, validate with
 * the code from the sandbox outbox) through the step-up routes, the signed client and the sandbox server,
 * three times: one instance on the memory store, then a fleet of two instances (each with its own Redis
 * connection) sharing one redis-server, then the same two instances sharing a 3-master Redis Cluster. A
 * fleet's step-up crosses instances: started on one, sent on the other, validated on the first. The Redis
 * servers are started here on free loopback ports and stopped at the end.
 *
 * Fails when any session's code was lost or sent twice (a row over its budget of 0), and throws if a run
 * exceeds 60 s or a step-up does not complete.
 *
 * The routes' own overhead is each route call's wall time minus the time its upstream call took, measured
 * by wrapping the client's fetch (body read included) and attributing it with AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import {
  createMemorySessionStore,
  createRedisSessionStore,
  createStepUpRoutes,
  createVisaAcceptanceClient,
  type SessionStore,
  type StepUpRoutes,
} from '../src/server';
import { startSandboxServer } from '../src/sandbox-server';
import { spawnRedisServer, startTestCluster } from '../test/server/redis-harness';

const STEP_UPS = 500;
const TIME_LIMIT_MS = 60_000;

interface Row {
  name: string;
  value: string;
  budget?: string;
  ok?: boolean;
  detail?: string;
}

/** A store per instance of a fleet, and how to let go of what they use. */
interface Fleet {
  label: string;
  detail: string;
  stores: SessionStore[];
  stop(): Promise<void>;
}

export default async function serverLoadBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const memory = createMemorySessionStore();
  rows.push(...(await loadRun({ label: 'server', detail: 'one instance, memory store', stores: [memory], stop: async () => undefined })));
  rows.push(await memoryStoreRow());

  const redis = await spawnRedisServer();
  try {
    const clients = await Promise.all([0, 1].map(() => createClient({ url: redis.url, disableOfflineQueue: true }).connect()));
    rows.push(
      ...(await loadRun({
        label: 'server, 2 instances on Redis',
        detail: 'two instances, each with its own connection to one redis-server',
        stores: clients.map((client) => createRedisSessionStore({ client, prefix: 'bench:' })),
        stop: async () => void (await Promise.all(clients.map((client) => client.close()))),
      })),
    );
  } finally {
    await redis.stop();
  }

  const cluster = await startTestCluster();
  try {
    const clients = [await cluster.connect(), await cluster.connect()];
    rows.push(
      ...(await loadRun({
        label: 'server, 2 instances on a Redis Cluster',
        detail: 'two instances, each with its own cluster client, on 3 masters (no replicas)',
        stores: clients.map((client) => createRedisSessionStore({ client, prefix: 'bench:' })),
        stop: async () => undefined, // the cluster closes its clients
      })),
    );
  } finally {
    await cluster.stop();
  }
  return rows;
}

/** 500 concurrent step-ups on the fleet's instances; its rows. */
async function loadRun(fleet: Fleet): Promise<Row[]> {
  const sharedSecret = randomBytes(32).toString('base64');
  const server = await startSandboxServer({
    host: '127.0.0.1',
    port: 0,
    merchants: [{ merchantId: 'bench_merchant', keyId: 'bench-key', sharedSecret }],
  });
  const upstream = new AsyncLocalStorage<{ ms: number }>();
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      const slot = upstream.getStore();
      if (slot) slot.ms += performance.now() - started;
    }
  };
  const instances: StepUpRoutes[] = fleet.stores.map((sessions) =>
    createStepUpRoutes({
      client: createVisaAcceptanceClient({
        environment: { baseUrl: server.url },
        merchantId: 'bench_merchant',
        credentials: { type: 'http-signature', keyId: 'bench-key', sharedSecret },
        fetch: timedFetch,
        timeoutMs: 30_000,
      }),
      sessions,
      getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
      basePath: '/api/step-up',
    }),
  );
  const instance = (n: number) => instances[n % instances.length]!;

  const overheads: number[] = [];
  const upstreamTimes: number[] = [];
  const codes = new Map<string, string>();
  server.sandbox.subscribe(() => {
    const last = server.sandbox.lastMessage();
    if (last) codes.set(last.tokenId, last.code);
  });

  async function route(routes: StepUpRoutes, path: string, sessionId: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const request = new Request(`http://shop.test/api/step-up${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-session-id': sessionId },
      body: JSON.stringify(body),
    });
    const slot = { ms: 0 };
    const started = performance.now();
    const response = await upstream.run(slot, () => routes(request));
    const json = (await response.json()) as Record<string, unknown>;
    const total = performance.now() - started;
    overheads.push(total - slot.ms);
    upstreamTimes.push(slot.ms);
    return { status: response.status, body: json };
  }

  async function stepUp(i: number): Promise<void> {
    const sessionId = `bench-session-${i}`;
    const tokenId = `bench-token-${i}`;
    const { clientCorrelationId, stepUpOptions } = await instance(i).startStepUp({
      sessionId,
      tokenId,
      authenticationOptionsBody: { authenticatorRenderMethod: 'IFRAME' },
    });
    const option = { id: stepUpOptions[0]!.id };
    const sent = await route(instance(i + 1), '/one-time-passwords', sessionId, { clientCorrelationId, stepUpOption: option });
    if (sent.status !== 200) throw new Error(`${fleet.label}: step-up ${i}: send answered ${sent.status} ${JSON.stringify(sent.body)}`);
    const code = codes.get(tokenId);
    if (!code) throw new Error(`${fleet.label}: step-up ${i}: no code in the outbox`);
    const validated = await route(instance(i), '/validate', sessionId, { clientCorrelationId, stepUpOption: option, otp: code });
    if (validated.status !== 200) throw new Error(`${fleet.label}: step-up ${i}: validate answered ${validated.status} ${JSON.stringify(validated.body)}`);
  }

  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const all = Promise.all(Array.from({ length: STEP_UPS }, (_, i) => stepUp(i)));
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${fleet.label}: ${STEP_UPS} step-ups did not finish within ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS);
    });
    await Promise.race([all, deadline]);
  } finally {
    clearTimeout(timer);
    await fleet.stop();
  }
  const seconds = (performance.now() - started) / 1000;

  const sendsPerToken = new Map<string, number>();
  for (const call of server.sandbox.calls('createOtp')) sendsPerToken.set(call.tokenId, (sendsPerToken.get(call.tokenId) ?? 0) + 1);
  const lost = Array.from({ length: STEP_UPS }, (_, i) => `bench-token-${i}`).filter((t) => !sendsPerToken.has(t)).length;
  const duplicated = [...sendsPerToken.values()].filter((n) => n !== 1).length;
  const outboxCount = server.sandbox.outbox().length;
  await server.close();

  const ms = (n: number) => `${n.toFixed(2)} ms`;
  return [
    {
      name: `${fleet.label}: step-up throughput`,
      value: `${(STEP_UPS / seconds).toFixed(0)} step-ups/s`,
      detail: `${STEP_UPS} concurrent step-ups (start + send + validate) in ${seconds.toFixed(2)} s; loopback sandbox, HTTP Signature; ${fleet.detail}`,
    },
    {
      name: `${fleet.label}: routes overhead p50`,
      value: ms(percentile(overheads, 50)),
      detail: `route handler time minus upstream time, over ${overheads.length} send and validate calls (upstream p50 ${ms(percentile(upstreamTimes, 50))})`,
    },
    {
      name: `${fleet.label}: routes overhead p99`,
      value: ms(percentile(overheads, 99)),
      detail: `includes event-loop queueing under ${STEP_UPS} concurrent step-ups (upstream p99 ${ms(percentile(upstreamTimes, 99))})`,
    },
    {
      name: `${fleet.label}: lost or duplicated sends`,
      value: String(lost + duplicated),
      budget: '0',
      ok: lost + duplicated === 0 && outboxCount === STEP_UPS,
      detail: `${lost} lost, ${duplicated} sent more than once: one createOtp per session expected (${STEP_UPS} sessions, ${outboxCount} codes in the sandbox)`,
    },
  ];
}

/** The memory store with many step-ups alive at once (one instance serving a busy shop). */
async function memoryStoreRow(): Promise<Row> {
  const LIVE = 20_000;
  const store = createMemorySessionStore<{ n: number }>();
  const started = performance.now();
  for (let i = 0; i < LIVE; i++) await store.set(`step-up-${i}`, { n: i });
  const perSet = ((performance.now() - started) * 1000) / LIVE;
  return {
    name: 'server: memory session store, one set among many live step-ups',
    value: `${perSet.toFixed(1)} µs`,
    detail: `${LIVE} step-ups stored one after another, none expired: expired ones are swept at most once a minute or per doubling`,
  };
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
