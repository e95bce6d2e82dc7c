// @vitest-environment node
import { createMemorySessionStore } from '../../src/server';
import { describeSessionStore } from './session-store-suite';

describeSessionStore('memory', () => createMemorySessionStore());

describe('memory session store expiry', () => {
  it('forgets a value after its TTL, the default one or the one given to set', async () => {
    let now = 1_000_000;
    const store = createMemorySessionStore<{ n: number }>({ ttlSeconds: 60, now: () => now });
    await store.set('default', { n: 1 });
    await store.set('short', { n: 2 }, 5);
    now += 5_000;
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('default')).toEqual({ n: 1 });
    now += 55_000;
    expect(await store.get('default')).toBeUndefined();
  });
});
