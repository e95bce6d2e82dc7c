// @vitest-environment node
/**
 * The step-up controller on its own: no React, no DOM (this file runs in plain Node). Each test drives it
 * as a part or a merchant's own layout would, against a scripted backend on a fake clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mutationRunner } from '../../src/react/mutation-runner';
import { advance, flush, harness } from './harness';

const GRANT = { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 1 };
const VERIFIED = { action: 'AUTHENTICATION_REGISTRATION' };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('a step-up without React', () => {
  it('sends, checks and verifies, telling the merchant once', async () => {
    const h = harness({
      createOtp: [{ type: 'answer', value: GRANT, after: 100 }],
      validateOtp: [{ type: 'answer', value: VERIFIED, after: 100 }],
    });
    expect(h.controller.send('sms')).toBe(true);
    expect(h.controller.send('sms')).toBe(false);
    await advance(100);
    expect(h.state().status).toBe('code-entry');
    expect(h.controller.getSnapshot().codeFocus).toBe(1);

    expect(h.controller.submit('123456')).toBe(true);
    expect(h.controller.submit('123456')).toBe(false);
    await advance(100);

    expect(h.state().status).toBe('verified');
    expect(h.calls.map((c) => c.operation)).toEqual(['createOtp', 'validateOtp']);
    expect(h.verified).toEqual([{ response: VERIFIED, stepUpOption: expect.objectContaining({ id: 'sms' }), clientCorrelationId: expect.any(String) }]);
    expect(h.statuses.map(([s]) => s)).toEqual(['sending', 'code-entry', 'verifying', 'verified']);
    expect(h.errors).toEqual([]);
  });

  it('refuses a code of the wrong length without a call', () => {
    const h = harness({ createOtp: [], validateOtp: [] });
    expect(h.controller.submit('12')).toBe(false);
    expect(h.calls).toHaveLength(0);
  });

  it('ends the code at its deadline by its own clock, with no countdown on screen', async () => {
    const h = harness({ createOtp: [{ type: 'answer', value: GRANT, after: 0 }], validateOtp: [] });
    h.controller.send('sms');
    await advance(0);
    await advance(59_999);
    expect(h.state().status).toBe('code-entry');
    await advance(1);
    expect(h.state().status).toBe('expired');
    expect(h.errors.map((e) => [e.kind, e.operation])).toEqual([['expired', 'clock']]);
  });

  it('ignores the late answer of a call abandoned by "Use another method"', async () => {
    const h = harness({ createOtp: [{ type: 'ignore-abort' }, { type: 'answer', value: GRANT, after: 10 }], validateOtp: [] });
    h.controller.send('sms');
    await flush();
    expect(h.controller.changeMethod()).toBe(true);
    expect(h.calls[0]!.signal.aborted).toBe(true);
    h.controller.send('email');
    await advance(10);
    expect(h.state()).toMatchObject({ status: 'code-entry', code: { option: { id: 'email' } } });
    expect(h.errors).toEqual([]);
  });

  it('a call whose backend ignores the abort does not hold the TanStack scope for the next one', async () => {
    const h = harness(
      { createOtp: [{ type: 'ignore-abort' }, { type: 'answer', value: GRANT, after: 10 }], validateOtp: [] },
      { runCall: mutationRunner(new QueryClient()) },
    );
    h.controller.send('sms');
    await flush();
    h.controller.changeMethod();
    h.controller.send('sms');
    await advance(10);
    expect(h.calls).toHaveLength(2);
    expect(h.state().status).toBe('code-entry');
  });

  it('disconnecting abandons the call and refuses actions; connecting again fails the stopped call once', async () => {
    const h = harness({ createOtp: [{ type: 'hang' }, { type: 'answer', value: GRANT, after: 0 }], validateOtp: [] });
    h.controller.send('sms');
    await flush();
    h.disconnect();
    await flush();
    expect(h.calls[0]!.signal.aborted).toBe(true);
    expect(h.controller.retry()).toBe(false);
    expect(h.errors).toEqual([]);

    h.controller.connect();
    expect(h.state().status).toBe('send-failed');
    expect(h.errors.map((e) => e.kind)).toEqual(['unknown']);
    expect(h.controller.retry()).toBe(true);
    await advance(0);
    expect(h.state().status).toBe('code-entry');
  });

  it('reports a card without OTP options once, however often it connects', () => {
    const h = harness({ createOtp: [], validateOtp: [] }, { stepUpOptions: [] });
    h.disconnect();
    h.controller.connect();
    expect(h.errors.map((e) => e.kind)).toEqual(['no-otp-options']);
  });
});

describe('its layer', () => {
  const dir = path.join(import.meta.dirname, '../../src/controller');
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))('src/controller/%s imports only core and its own files', (file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('./') && !s.startsWith('../core/'))).toEqual([]);
    expect(source).not.toMatch(/\b(document|window|navigator)\./);
  });
});
