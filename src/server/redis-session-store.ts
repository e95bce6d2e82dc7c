import { runWithLock } from './lock-loop.js';
import {
  DEFAULT_SESSION_TTL_SECONDS,
  LockLostError,
  SessionStoreUnavailableError,
  type SessionStore,
  type StepUpSession,
} from './session-store.js';
import { deadlineOption, withinDeadline } from './store-deadline.js';

/**
 * The commands the store uses, typed structurally so that `redis` (node-redis v5) stays an optional peer
 * dependency: a client from `createClient()` or `createCluster()` fits as is.
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
  /** node-redis's per-command options; with it, a command still queued when it times out is never sent. */
  withCommandOptions?(options: { timeout: number }): RedisSessionClient;
}

/** Options of `createRedisSessionStore`. */
export interface RedisSessionStoreOptions {
  /**
   * A connected node-redis v5 client (`await createClient({ url, disableOfflineQueue: true }).connect()`) or
   * cluster (`createCluster`); the store never closes it.
   */
  client: RedisSessionClient;
  /**
   * Prefix of every key, so several apps or environments can share one Redis. It may not contain `{` or `}`:
   * in a Redis Cluster the first `{…}` of a key picks its hash slot, and that must be the step-up's id.
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
  /**
   * Each Redis command gives up after this long with `SessionStoreUnavailableError` (also the commands that
   * take a lock, which the routes' `storeTimeoutMs` does not see one by one). Milliseconds, at most 60 000.
   * @defaultValue 1000
   */
  commandTimeoutMs?: number;
}

/** Writes the value only if the lock still holds the writer's token, in one atomic step: a fenced write. */
const FENCED_SET_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then redis.call("SET", KEYS[2], ARGV[2], "EX", ARGV[3]) return 1 else return 0 end`;

/** Deletes the lock only if it still holds the caller's token: a holder whose lock expired must not free a newer one. */
const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/**
 * A session store in Redis or a Redis Cluster, shared by every server instance connected to it. Values are
 * JSON under `{prefix}{<id>}:session` with a TTL; the per-session lock is `SET {prefix}{<id>}:lock <token> NX PX <ttl>`,
 * released by a compare-and-delete script. The id in braces is the hash tag: both keys of a step-up live in
 * one slot, so both scripts run on one cluster node.
 *
 * Every failure of Redis (closed or reconnecting client, lost connection, a full Redis refusing writes, no
 * answer within `commandTimeoutMs`) rejects with `SessionStoreUnavailableError`.
 *
 * @throws TypeError when `prefix` contains a brace or `commandTimeoutMs` is out of range
 */
export function createRedisSessionStore<T = StepUpSession>(options: RedisSessionStoreOptions): SessionStore<T> {
  const prefix = options.prefix ?? 'stepup:';
  if (/[{}]/.test(prefix)) throw new TypeError('stepup-kit/server: the Redis prefix may not contain { or } (the step-up id is the hash tag)');
  const defaultTtl = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const pollMs = options.pollMs ?? 10;
  const timeoutMs = deadlineOption(options.commandTimeoutMs, 'commandTimeoutMs');
  // node-redis drops a command still waiting in its offline queue when this timeout passes, so a command the
  // store gave up on is not sent later, on reconnection; one already sent to a stalled server is not recalled
  const client = options.client.withCommandOptions?.({ timeout: timeoutMs }) ?? options.client;
  const tagged = (id: string) => {
    // an empty tag would hash the whole key, putting a step-up's two keys in different slots
    if (id.length === 0) throw new TypeError('stepup-kit/server: a session id may not be empty');
    return `${prefix}{${id}}`;
  };
  const valueKey = (id: string) => `${tagged(id)}:session`;
  const lockKey = (id: string) => `${tagged(id)}:lock`;

  async function command<R>(name: string, send: () => Promise<R>): Promise<R> {
    try {
      return await withinDeadline(Promise.resolve().then(send), timeoutMs, `Redis ${name}`);
    } catch (error) {
      if (error instanceof SessionStoreUnavailableError) throw error;
      throw new SessionStoreUnavailableError(`Redis ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  return {
    async get(id) {
      const key = valueKey(id);
      const raw = await command('GET', () => client.get(key));
      if (raw === null || raw === undefined) return undefined;
      return JSON.parse(String(raw)) as T;
    },
    async set(id, value, ttlSeconds, lease) {
      const seconds = Math.max(1, Math.ceil(ttlSeconds ?? defaultTtl));
      const key = valueKey(id);
      const json = JSON.stringify(value);
      if (!lease) {
        await command('SET', () => client.set(key, json, { expiration: { type: 'EX', value: seconds } }));
        return;
      }
      if (lease.id !== id) throw new LockLostError();
      const written = await command('fenced SET', () =>
        client.eval(FENCED_SET_SCRIPT, { keys: [lockKey(id), key], arguments: [lease.token, json, String(seconds)] }),
      );
      if (Number(written) !== 1) throw new LockLostError();
    },
    async delete(id) {
      const key = valueKey(id);
      await command('DEL', () => client.del(key));
    },
    async withLock(id, fn, lockOptions) {
      const key = lockKey(id);
      return runWithLock(
        {
          async acquire(_lockId, token, ttlMs) {
            const expiration = { type: 'PX' as const, value: Math.max(1, Math.ceil(ttlMs)) };
            return (await command('lock SET', () => client.set(key, token, { condition: 'NX', expiration }))) === 'OK';
          },
          async release(_lockId, token) {
            await command('lock release', () => client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] }));
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
