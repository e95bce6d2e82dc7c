/**
 * Load check of the merchant server side on loopback: 500 concurrent step-ups (start, send, validate with
 * the code from the sandbox outbox) through the step-up routes, the signed client and the sandbox server.
 * Fails (throws) if any session's code was lost or sent twice, or if the run exceeds 60 s.
 *
 * The routes' own overhead is each route call's wall time minus the time its upstream call took, measured
 * by wrapping the client's fetch (body read included) and attributing it with AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createMemorySessionStore, createStepUpRoutes, createVisaAcceptanceClient } from '../src/server';
import { startSandboxServer } from '../src/sandbox-server';

const STEP_UPS = 500;
const TIME_LIMIT_MS = 60_000;

interface Row {
  name: string;
  value: string;
  budget?: string;
  ok?: boolean;
  detail?: string;
}

export default async function serverLoadBench(): Promise<Row[]> {
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
  const client = createVisaAcceptanceClient({
    environment: { baseUrl: server.url },
    merchantId: 'bench_merchant',
    credentials: { type: 'http-signature', keyId: 'bench-key', sharedSecret },
    fetch: timedFetch,
    timeoutMs: 30_000,
  });
  const routes = createStepUpRoutes({
    client,
    sessions: createMemorySessionStore(),
    getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
    basePath: '/api/step-up',
  });

  const overheads: number[] = [];
  const upstreamTimes: number[] = [];
  const codes = new Map<string, string>();
  server.sandbox.subscribe(() => {
    const last = server.sandbox.lastMessage();
    if (last) codes.set(last.tokenId, last.code);
  });

  async function route(path: string, sessionId: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
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
    const { clientCorrelationId, stepUpOptions } = await routes.startStepUp({
      sessionId,
      tokenId,
      authenticationOptionsBody: { authenticatorRenderMethod: 'IFRAME' },
    });
    const option = { id: stepUpOptions[0]!.id };
    const sent = await route('/one-time-passwords', sessionId, { clientCorrelationId, stepUpOption: option });
    if (sent.status !== 200) throw new Error(`step-up ${i}: send answered ${sent.status} ${JSON.stringify(sent.body)}`);
    const code = codes.get(tokenId);
    if (!code) throw new Error(`step-up ${i}: no code in the outbox`);
    const validated = await route('/validate', sessionId, { clientCorrelationId, stepUpOption: option, otp: code });
    if (validated.status !== 200) throw new Error(`step-up ${i}: validate answered ${validated.status}`);
  }

  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const all = Promise.all(Array.from({ length: STEP_UPS }, (_, i) => stepUp(i)));
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`server load bench: ${STEP_UPS} step-ups did not finish within ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS);
    });
    await Promise.race([all, deadline]);
  } finally {
    clearTimeout(timer);
  }
  const seconds = (performance.now() - started) / 1000;

  const sendsPerToken = new Map<string, number>();
  for (const call of server.sandbox.calls('createOtp')) sendsPerToken.set(call.tokenId, (sendsPerToken.get(call.tokenId) ?? 0) + 1);
  const lost = Array.from({ length: STEP_UPS }, (_, i) => `bench-token-${i}`).filter((t) => !sendsPerToken.has(t));
  const duplicated = [...sendsPerToken].filter(([, n]) => n !== 1).map(([t]) => t);
  const outboxCount = server.sandbox.outbox().length;
  await server.close();
  if (lost.length || duplicated.length || outboxCount !== STEP_UPS) {
    throw new Error(
      `server load bench: ${lost.length} lost and ${duplicated.length} duplicated sends, ${outboxCount} codes in the outbox for ${STEP_UPS} step-ups`,
    );
  }

  // the memory store with many step-ups alive at once (one instance serving a busy shop)
  const LIVE = 20_000;
  const store = createMemorySessionStore<{ n: number }>();
  const storeStarted = performance.now();
  for (let i = 0; i < LIVE; i++) await store.set(`step-up-${i}`, { n: i });
  const perSet = ((performance.now() - storeStarted) * 1000) / LIVE;

  const ms = (n: number) => `${n.toFixed(2)} ms`;
  return [
    {
      name: 'server: step-up throughput',
      value: `${(STEP_UPS / seconds).toFixed(0)} step-ups/s`,
      detail: `${STEP_UPS} concurrent step-ups (start + send + validate) in ${seconds.toFixed(2)} s; loopback sandbox, HTTP Signature, memory store`,
    },
    {
      name: 'server: routes overhead p50',
      value: ms(percentile(overheads, 50)),
      detail: `route handler time minus upstream time, over ${overheads.length} send and validate calls (upstream p50 ${ms(percentile(upstreamTimes, 50))})`,
    },
    {
      name: 'server: routes overhead p99',
      value: ms(percentile(overheads, 99)),
      detail: `includes event-loop queueing under ${STEP_UPS} concurrent step-ups (upstream p99 ${ms(percentile(upstreamTimes, 99))})`,
    },
    {
      name: 'server: memory session store, one set among many live step-ups',
      value: `${perSet.toFixed(1)} µs`,
      detail: `${LIVE} step-ups stored one after another, none expired: expired ones are swept at most once a minute or per doubling`,
    },
    {
      name: 'server: lost or duplicated sends',
      value: '0',
      budget: '0',
      // the bench throws before this row when a send is lost or duplicated
      ok: true,
      detail: `exactly one createOtp per session in the sandbox (${STEP_UPS} sessions, ${outboxCount} codes)`,
    },
  ];
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
