import { runWithLock } from './lock-loop.js';
import { DEFAULT_SESSION_TTL_SECONDS, LockLostError, type SessionStore, type StepUpSession } from './session-store.js';

/**
 * The commands the store uses, typed structurally so that `redis` (node-redis v5) stays an optional peer
 * dependency: a client from `createClient()` fits as is.
 */
export interface RedisSessionClient {
  get(key: string): Promise<unknown>;
  set(
    key: string,
    value: string,
    options?: { expiration?: { type: 'EX' | 'PX'; value: number }; condition?: 'NX' },
  ): Promise<unknown>;
  del(key: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Options of `createRedisSessionStore`. */
export interface RedisSessionStoreOptions {
  /** A connected node-redis v5 client (`await createClient({ url }).connect()`); the store never closes it. */
  client: RedisSessionClient;
  /**
   * Prefix of every key, so several apps or environments can share one Redis.
   * @defaultValue 'stepup:'
   */
  prefix?: string;
  /**
   * Lifetime of a value when `set` is given none.
   * @defaultValue 900
   */
  ttlSeconds?: number;
  /**
   * How often a waiting caller retries a held lock, in milliseconds.
   * @defaultValue 10
   */
  pollMs?: number;
}

/** Writes the value only if the lock still holds the writer's token, in one atomic step: a fenced write. */
const FENCED_SET_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then redis.call("SET", KEYS[2], ARGV[2], "EX", ARGV[3]) return 1 else return 0 end`;

/** Deletes the lock only if it still holds the caller's token: a holder whose lock expired must not free a newer one. */
const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/**
 * A session store in Redis, shared by every server instance connected to it. Values are JSON under
 * `{prefix}session:{id}` with a TTL; the per-session lock is `SET {prefix}lock:{id} <token> NX PX <ttl>`,
 * released by a compare-and-delete script.
 */
export function createRedisSessionStore<T = StepUpSession>(options: RedisSessionStoreOptions): SessionStore<T> {
  const { client } = options;
  const prefix = options.prefix ?? 'stepup:';
  const defaultTtl = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const pollMs = options.pollMs ?? 10;
  const valueKey = (id: string) => `${prefix}session:${id}`;
  const lockKey = (id: string) => `${prefix}lock:${id}`;

  return {
    async get(id) {
      const raw = await client.get(valueKey(id));
      if (raw === null || raw === undefined) return undefined;
      return JSON.parse(String(raw)) as T;
    },
    async set(id, value, ttlSeconds, lease) {
      const seconds = Math.max(1, Math.ceil(ttlSeconds ?? defaultTtl));
      if (!lease) {
        await client.set(valueKey(id), JSON.stringify(value), { expiration: { type: 'EX', value: seconds } });
        return;
      }
      if (lease.id !== id) throw new LockLostError();
      const written = await client.eval(FENCED_SET_SCRIPT, {
        keys: [lockKey(id), valueKey(id)],
        arguments: [lease.token, JSON.stringify(value), String(seconds)],
      });
      if (Number(written) !== 1) throw new LockLostError();
    },
    async delete(id) {
      await client.del(valueKey(id));
    },
    withLock(id, fn, lockOptions) {
      return runWithLock(
        {
          async acquire(lockId, token, ttlMs) {
            const reply = await client.set(lockKey(lockId), token, {
              condition: 'NX',
              expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) },
            });
            return reply === 'OK';
          },
          async release(lockId, token) {
            await client.eval(RELEASE_SCRIPT, { keys: [lockKey(lockId)], arguments: [token] });
          },
          waitForRelease: (_lockId, ms) => new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(pollMs, ms)))),
        },
        id,
        fn,
        lockOptions,
      );
    },
  };
}
