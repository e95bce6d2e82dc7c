// @vitest-environment node
/**
 * The Redis store on a real 3-master Redis Cluster started on loopback for this file: the shared session
 * store suite, the routes suite, a step-up's keys in one hash slot, and a master restarted (no failover: there
 * are no replicas) in the middle of a step-up.
 */
import { randomUUID } from 'node:crypto';
import { createRedisSessionStore, type StepUpRoutes } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { sessionKey } from '../../src/server/route-context';
import { routesOn, startedStepUp, timedCall, untilAvailable } from './fault-helpers';
import { startTestSandbox } from './helpers';
import { startTestCluster, type TestCluster, type TestClusterClient } from './redis-harness';
import { describeStepUpRoutes } from './routes-suite';
import { describeSessionStore } from './session-store-suite';

let cluster: TestCluster;
let first: TestClusterClient;
let second: TestClusterClient;
let prefix: string;

beforeAll(async () => {
  cluster = await startTestCluster();
  first = await cluster.connect();
  second = await cluster.connect();
}, 30_000);
afterAll(() => cluster?.stop());
beforeEach(() => {
  prefix = `cluster-test:${randomUUID()}:`;
});

describeSessionStore(
  'Redis Cluster',
  () => createRedisSessionStore({ client: first, prefix }),
  () => createRedisSessionStore({ client: second, prefix }),
);

describeStepUpRoutes('Redis Cluster', () => createRedisSessionStore({ client: first, prefix }));

describe('Redis Cluster keys', () => {
  it('puts the value and the lock of one step-up in one slot, and step-ups across the masters', async () => {
    const store = createRedisSessionStore<{ n: number }>({ client: first, prefix });
    const ids = Array.from({ length: 24 }, () => sessionKey(randomUUID()));
    const masters = new Set<number>();
    for (const id of ids) {
      await store.withLock(id, (lease) => store.set(id, { n: 1 }, 60, lease));
      const [valueSlot, lockSlot] = await Promise.all(
        [`${prefix}{${id}}:session`, `${prefix}{${id}}:lock`].map(async (key) => Number(await first.sendCommand(key, true, ['CLUSTER', 'KEYSLOT', key]))),
      );
      expect(valueSlot).toBe(lockSlot);
      expect(await first.get(`${prefix}{${id}}:session`)).toBe('{"n":1}');
      masters.add((await cluster.nodeFor(`${prefix}{${id}}:session`)).port);
    }
    expect(masters.size).toBe(3);
  });
});

describe('a Redis Cluster master restarted in the middle of a step-up', () => {
  let server: SandboxServer;
  let routes: StepUpRoutes;
  beforeAll(async () => {
    server = await startTestSandbox();
    routes = routesOn(server, createRedisSessionStore({ client: first, prefix: 'restart:' }), { storeTimeoutMs: 300 });
  });
  afterAll(() => server.close());

  /** A started step-up whose keys live on the master at `port` (`on`), or on another one. */
  async function stepUpOn(port: number, on: boolean) {
    for (;;) {
      const stepUp = await startedStepUp(routes, server);
      const node = await cluster.nodeFor(`restart:{${sessionKey(stepUp.sessionId)}}:session`);
      if ((node.port === port) === on) return stepUp;
    }
  }

  it('answers 503 while its master is down, serves the other masters’ step-ups, and completes after it is back', async () => {
    const stepUp = await startedStepUp(routes, server);
    const node = await cluster.nodeFor(`restart:{${sessionKey(stepUp.sessionId)}}:session`);
    const elsewhere = await stepUpOn(node.port, false);
    expect((await timedCall(routes, 'one-time-passwords', stepUp.sessionId, stepUp.send)).status).toBe(200);

    await node.stop(); // SIGTERM: it writes its append-only file and leaves; nobody takes its slots over
    try {
      for (const [action, body] of [['validate', stepUp.validate()], ['one-time-passwords', stepUp.send]] as const) {
        const answer = await timedCall(routes, action, stepUp.sessionId, body);
        expect({ status: answer.status, kind: answer.kind }).toEqual({ status: 503, kind: 'store-unavailable' });
        expect(answer.ms).toBeLessThan(1_000);
      }
      // a step-up whose slot another master serves goes on meanwhile
      expect((await timedCall(routes, 'one-time-passwords', elsewhere.sessionId, elsewhere.send)).status).toBe(200);
      expect((await timedCall(routes, 'validate', elsewhere.sessionId, elsewhere.validate())).status).toBe(200);
    } finally {
      await node.start(); // the same port, config file and data directory
    }
    await cluster.waitUntilOk();

    const validated = await untilAvailable(() => timedCall(routes, 'validate', stepUp.sessionId, stepUp.validate()));
    expect(validated.status).toBe(200);
    expect(await routes.getStepUp(stepUp.sessionId)).toMatchObject({ verified: true, sendAttempts: 1 });
    expect(stepUp.sends()).toBe(1);
    expect(stepUp.validations()).toBe(1);
    expect(elsewhere.sends()).toBe(1);
  }, 30_000);
});
