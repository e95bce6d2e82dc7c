// @vitest-environment node
/**
 * The routes suite and the lost-answer suite with the Redis store, plus two merchant server instances
 * (separate clients, separate Redis connections) sharing step-ups through one Redis.
 */
import { randomUUID } from 'node:crypto';
import { createRedisSessionStore, createStepUpRoutes, type StepUpRoutes } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { AUTH_BODY, signatureClient, startTestSandbox } from './helpers';
import { startTestRedis, type TestRedis, type TestRedisClient } from './redis-harness';
import { describeOutOfBandRoutes } from './out-of-band-suite';
import { describeRouteFaults } from './routes-faults-suite';
import { browserFor, describeStepUpRoutes } from './routes-suite';

let redis: TestRedis;
let client: TestRedisClient;

beforeAll(async () => {
  redis = await startTestRedis();
  client = await redis.connect();
}, 20_000);
afterAll(() => redis?.stop());

const freshStore = () => createRedisSessionStore({ client, prefix: `${redis.namespace}${randomUUID()}:` });
describeStepUpRoutes('Redis', freshStore);
describeRouteFaults('Redis', freshStore);
describeOutOfBandRoutes('Redis', freshStore);

describe('two merchant server instances sharing one Redis', () => {
  let server: SandboxServer;
  let instances: [StepUpRoutes, StepUpRoutes];

  beforeEach(async () => {
    server = await startTestSandbox({ latencyMs: 80 });
    const prefix = `${redis.namespace}${randomUUID()}:`;
    const other = await redis.connect();
    instances = [client, other].map((redisClient) =>
      createStepUpRoutes({
        client: signatureClient(server),
        sessions: createRedisSessionStore({ client: redisClient, prefix }),
        getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
        basePath: '/api/step-up',
      }),
    ) as [StepUpRoutes, StepUpRoutes];
  });
  afterEach(() => server.close());

  it('sends one code upstream for concurrent sends of one session that land on different instances', async () => {
    const [a, b] = instances;
    const sessionId = `sess-${randomUUID()}`;
    const tokenId = `tok-${randomUUID()}`;
    const { clientCorrelationId, stepUpOptions } = await a.startStepUp({ sessionId, tokenId, authenticationOptionsBody: AUTH_BODY });
    const body = { clientCorrelationId, stepUpOption: { id: stepUpOptions[0]!.id } };
    const signal = new AbortController().signal;

    const answers = await Promise.all([
      browserFor(a, sessionId).createOtp(body, { signal }),
      browserFor(b, sessionId).createOtp(body, { signal }),
      browserFor(b, sessionId).createOtp(body, { signal }),
    ]);
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[1]).toEqual(answers[2]);
    expect(server.sandbox.calls('createOtp').filter((c) => c.tokenId === tokenId)).toHaveLength(1);

    const code = server.sandbox.lastMessage()!.code;
    await expect(browserFor(b, sessionId).validateOtp({ ...body, otp: code }, { signal })).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    expect(await a.getStepUp(sessionId)).toMatchObject({ verified: true, tokenId, sendAttempts: 1 });
  });
});
