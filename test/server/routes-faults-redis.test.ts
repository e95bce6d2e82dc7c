// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { createRedisSessionStore } from '../../src/server';
import { startTestRedis, type TestRedis, type TestRedisClient } from './redis-harness';
import { describeRouteFaults } from './routes-faults-suite';

let redis: TestRedis;
let client: TestRedisClient;

beforeAll(async () => {
  redis = await startTestRedis();
  client = await redis.connect();
}, 20_000);
afterAll(() => redis?.stop());

describeRouteFaults('Redis', () => createRedisSessionStore({ client, prefix: `${redis.namespace}${randomUUID()}:` }));
