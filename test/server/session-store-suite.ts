// @vitest-environment node
/** Behaviour every `SessionStore` must have, run against the memory and the Redis store. */
import { LockLostError, SessionLockTimeoutError, type SessionStore } from '../../src/server';
import { sleep } from './helpers';

type Value = { n: number; text?: string };

export function describeSessionStore(label: string, makeStore: () => SessionStore<Value>, makeSecondInstance?: () => SessionStore<Value>) {
  describe(`${label} session store`, () => {
    let store: SessionStore<Value>;
    beforeEach(() => {
      store = makeStore();
    });

    it('stores, returns copies and deletes values', async () => {
      expect(await store.get('a')).toBeUndefined();
      const value = { n: 1, text: 'ü' };
      await store.set('a', value);
      value.n = 2;
      expect(await store.get('a')).toEqual({ n: 1, text: 'ü' });
      await store.delete('a');
      expect(await store.get('a')).toBeUndefined();
    });

    it('runs locked sections of one id one at a time, and different ids in parallel', async () => {
      const events: string[] = [];
      const section = (id: string, name: string, ms: number) =>
        store.withLock(id, async () => {
          events.push(`${name}:in`);
          await sleep(ms);
          events.push(`${name}:out`);
          return name;
        });
      const results = await Promise.all([section('x', 'a', 60), section('x', 'b', 10), section('y', 'c', 10)]);
      expect(results).toEqual(['a', 'b', 'c']);
      expect(events.indexOf('a:out')).toBeLessThan(events.indexOf('b:in'));
      expect(events.indexOf('c:in')).toBeLessThan(events.indexOf('a:out'));
    });

    it('releases the lock when the section throws', async () => {
      await expect(store.withLock('t', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await expect(store.withLock('t', async () => 'next', { waitMs: 200 })).resolves.toBe('next');
    });

    it('gives up with SessionLockTimeoutError after waitMs', async () => {
      const holder = store.withLock('w', () => sleep(300));
      await sleep(20);
      const started = Date.now();
      await expect(store.withLock('w', async () => 'never', { waitMs: 80 })).rejects.toBeInstanceOf(SessionLockTimeoutError);
      expect(Date.now() - started).toBeLessThan(250);
      await holder;
    });

    it('frees a lock whose holder outlives ttlMs, and the late holder does not free its successor’s lock', async () => {
      const first = store.withLock('e', () => sleep(200), { ttlMs: 50 });
      await sleep(10);
      let secondIn = 0;
      const second = store.withLock(
        'e',
        async () => {
          secondIn = Date.now();
          await sleep(300);
        },
        { waitMs: 1_000 },
      );
      await first; // the first holder's release happens now, while the second holds the lock
      expect(secondIn).toBeGreaterThan(0);
      await expect(store.withLock('e', async () => 'stolen', { waitMs: 50 })).rejects.toBeInstanceOf(SessionLockTimeoutError);
      await second;
      await expect(store.withLock('e', async () => 'free', { waitMs: 50 })).resolves.toBe('free');
    });

    it('fences writes: a holder whose lock expired cannot overwrite what the next holder wrote', async () => {
      let resumeFirst!: () => void;
      const paused = new Promise<void>((resolve) => (resumeFirst = resolve));
      const first = store.withLock(
        'f',
        async (lease) => {
          await paused; // stalls past its TTL, as in a GC pause or a stopped process
          await store.set('f', { n: 1 }, undefined, lease);
        },
        { ttlMs: 40 },
      );
      await sleep(10);
      await store.withLock('f', (lease) => store.set('f', { n: 2 }, undefined, lease), { waitMs: 1_000 });
      resumeFirst();
      await expect(first).rejects.toBeInstanceOf(LockLostError);
      expect(await store.get('f')).toEqual({ n: 2 });
    });

    it('refuses a fenced write with a lease of another id', async () => {
      await store.withLock('g', async (lease) => {
        await expect(store.set('h', { n: 1 }, undefined, lease)).rejects.toBeInstanceOf(LockLostError);
      });
      expect(await store.get('h')).toBeUndefined();
    });

    if (makeSecondInstance) {
      it('shares values and locks with another instance on the same backend', async () => {
        const other = makeSecondInstance();
        await store.set('shared', { n: 7 });
        expect(await other.get('shared')).toEqual({ n: 7 });
        const events: string[] = [];
        await Promise.all([
          store.withLock('s', async () => {
            events.push('one:in');
            await sleep(50);
            events.push('one:out');
          }),
          sleep(5).then(() =>
            other.withLock('s', async () => {
              events.push('two:in');
            }),
          ),
        ]);
        expect(events).toEqual(['one:in', 'one:out', 'two:in']);
      });
    }
  });
}
