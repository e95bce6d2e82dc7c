// @vitest-environment node
/**
 * The counter-examples the controller's property test found (shrunk), each kept as a plain test with the
 * script fast-check printed, so it runs on every `npm test` whatever the random seed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, harness } from './harness';
import { play } from './invariants';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Date.UTC(2026, 2, 2, 9));
});
afterEach(() => vi.useRealTimers());

describe('counter-examples of the controller property', () => {
  it('a code whose deadline passed while the step-up was disconnected is expired as soon as it connects again', async () => {
    const h = harness({ createOtp: [{ type: 'answer', value: { codeExpiration: 2 }, after: 0 }], validateOtp: [] });
    await play(h, [{ type: 'send', option: 'sms' }, { type: 'wait', ms: 0 }, { type: 'dispose' }, { type: 'wait', ms: 0 }], '000000');
    expect(h.state().status).toBe('code-entry');

    h.controller.connect();
    expect(h.state().status).toBe('expired');
    expect(h.errors.map((e) => [e.kind, e.operation])).toEqual([['expired', 'clock']]);
    await advance(1_000);
    expect(h.errors).toHaveLength(1);
  });
});
