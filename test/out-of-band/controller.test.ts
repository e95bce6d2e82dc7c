// @vitest-environment node
/** The out-of-band controller without React: the flow, the one call in flight, the poll and its limits. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StepUpBackendError, normalizeStepUpOptions, type StepUpBackend, type StepUpError } from '../../src/core/index';
import { createOutOfBandController, type OutOfBandControllerOptions } from '../../src/out-of-band/controller';

const [app, page, callBank, bankCalls] = normalizeStepUpOptions([
  { id: 'app-1', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'IOS', source: '123' },
  { id: 'web-1', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'WEB', subMethod: '3DS', source: 'https://bank.example/a2a' },
  { id: 'cs-1', method: 'CUSTOMERSERVICE', value: '1-800-555-1212' },
  { id: 'oc-1', method: 'OUTBOUND-CALL', value: '***-***-1234' },
]);

interface Pending {
  operation: string;
  body: Record<string, unknown>;
  signal: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

function backend(withSelection = true) {
  const calls: Pending[] = [];
  const make = (operation: string) => (body: unknown, { signal }: { signal: AbortSignal }) =>
    new Promise((resolve, reject) => calls.push({ operation, body: body as Record<string, unknown>, signal, resolve, reject }));
  const api = {
    createOtp: make('create-otp'),
    validateOtp: make('validate-otp'),
    checkStepUp: make('check'),
    validateIssuerCode: make('issuer-code'),
    ...(withSelection ? { submitSelection: make('selection') } : {}),
  } as unknown as StepUpBackend;
  const open = () => calls.filter((c) => !c.signal.aborted && !(c as { done?: boolean }).done);
  const answer = (value: unknown) => {
    const call = open().at(-1)!;
    (call as { done?: boolean }).done = true;
    call.resolve(value);
    return call;
  };
  const fail = (error: unknown) => {
    const call = open().at(-1)!;
    (call as { done?: boolean }).done = true;
    call.reject(error);
    return call;
  };
  return { api, calls, open, answer, fail };
}

function setup(option = callBank!, extra: Partial<OutOfBandControllerOptions> = {}, withSelection = true) {
  const server = backend(withSelection);
  const onVerified = vi.fn();
  const onError = vi.fn<(e: StepUpError) => void>();
  const onStatusChange = vi.fn();
  const controller = createOutOfBandController({
    option: option!,
    backend: server.api,
    clientCorrelationId: 'corr-1',
    onVerified,
    onError,
    onStatusChange,
    ...extra,
  });
  const stop = controller.connect();
  return { server, controller, stop, onVerified, onError, onStatusChange, status: () => controller.getSnapshot().status };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 11, 1, 12));
});
afterEach(() => vi.useRealTimers());

describe('the choice is submitted first', () => {
  it('a call from the bank waits while the bank is asked, then waits for the call', async () => {
    const t = setup(bankCalls);
    expect(t.status()).toBe('notifying');
    expect(t.server.calls[0]).toMatchObject({ operation: 'selection', body: { clientCorrelationId: 'corr-1', stepUpOption: { id: 'oc-1' } } });
    t.server.answer({ notified: true, maxRequestsAllowed: 3 });
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', polling: true, callsLeft: 2 });
  });

  it('a failed request for a call says so and offers Try again; the other ways wait anyway', async () => {
    const t = setup(bankCalls);
    t.server.fail(new StepUpBackendError('network', 'offline'));
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'notify-failed', error: { kind: 'network', operation: 'submit-selection' } });
    expect(t.onError).toHaveBeenCalledTimes(1);
    expect(t.controller.retry()).toBe(true);
    expect(t.status()).toBe('notifying');

    const other = setup(callBank);
    other.server.fail(new StepUpBackendError('http', 'refused', { status: 400, body: {} }));
    await flush();
    expect(other.status()).toBe('waiting');
    expect(other.onError).toHaveBeenCalledTimes(1);
  });

  it('without submitSelection it waits at once', () => {
    const t = setup(app, {}, false);
    expect(t.status()).toBe('waiting');
    expect(t.server.calls).toHaveLength(0);
  });

  it('"Didn\'t get a call?" asks once more within the limit, then no more', async () => {
    const t = setup(bankCalls);
    t.server.answer({ notified: true, maxRequestsAllowed: 2 });
    await flush();
    expect(t.controller.callAgain()).toBe(true);
    expect(t.controller.callAgain()).toBe(false); // one at a time
    t.server.answer({ notified: true, maxRequestsAllowed: 2 });
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', notice: 'call-requested', callsLeft: 0 });
    expect(t.controller.callAgain()).toBe(false);
    expect(t.server.calls.filter((c) => c.operation === 'selection')).toHaveLength(2);
  });
});

describe('checks', () => {
  it('the cardholder\'s check: pending says so, verified ends once with the answer', async () => {
    const t = setup(callBank, {}, false);
    expect(t.controller.check()).toBe(true);
    expect(t.controller.check()).toBe(false);
    expect(t.status()).toBe('checking');
    expect(t.server.calls[0]).toMatchObject({ operation: 'check', body: { clientCorrelationId: 'corr-1' } });
    t.server.answer({ status: 'pending' });
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', notice: 'still-pending' });
    t.controller.check();
    t.server.answer({ status: 'verified', action: 'AUTHENTICATION_REGISTRATION' });
    await flush();
    expect(t.status()).toBe('verified');
    expect(t.onVerified).toHaveBeenCalledTimes(1);
    expect(t.onVerified.mock.calls[0]![0]).toMatchObject({ response: { status: 'verified', action: 'AUTHENTICATION_REGISTRATION' }, stepUpOption: { id: 'cs-1' }, clientCorrelationId: 'corr-1' });
    expect(t.controller.check()).toBe(false);
  });

  it('declined and expired end the way; a check that fails tells the cardholder and goes on waiting', async () => {
    const t = setup(callBank, {}, false);
    t.controller.check();
    t.server.fail(new StepUpBackendError('http', 'busy', { status: 503, body: {} }));
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', error: { kind: 'server-error', operation: 'check-step-up' } });
    t.controller.check();
    expect(t.controller.getSnapshot().error).toBeUndefined();
    t.server.answer({ status: 'declined' });
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'declined', polling: false });

    const u = setup(app, {}, false);
    u.controller.check();
    u.server.answer({ status: 'expired' });
    await flush();
    expect(u.status()).toBe('expired');
  });

  it('a code kind never describes a check, and a malformed answer is one', async () => {
    const t = setup(callBank, {}, false);
    t.controller.check();
    t.server.fail(new StepUpBackendError('http', 'no', { status: 400, body: { error: { kind: 'invalid-otp' } } }));
    await flush();
    expect(t.controller.getSnapshot().error?.kind).toBe('unknown');
    t.controller.check();
    t.server.answer(['OK']);
    await flush();
    expect(t.controller.getSnapshot().error?.kind).toBe('malformed-response');
  });

  it('polls gently: 5 s, then longer, up to 30 s, and stops after 10 minutes', async () => {
    const t = setup(app, {}, false);
    const checksAt: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 800; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      const open = t.server.open();
      if (open.length) {
        checksAt.push(Math.round((Date.now() - start) / 1000));
        t.server.answer({ status: 'pending' });
        await flush();
      }
      if (Date.now() - start > 11 * 60_000) break;
      if (!t.controller.getSnapshot().polling) break;
    }
    expect(checksAt[0]).toBe(5);
    const gaps = checksAt.slice(1).map((at, i) => at - checksAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(31);
    expect(checksAt.at(-1)!).toBeLessThanOrEqual(600);
    expect(t.controller.getSnapshot()).toMatchObject({ polling: false, notice: 'poll-stopped' });
    // the tab coming back still checks
    expect(t.controller.visible()).toBe(true);
  });

  it('too many requests stops the poll', async () => {
    const t = setup(app, {}, false);
    await vi.advanceTimersByTimeAsync(5000);
    t.server.fail(new StepUpBackendError('http', 'slow down', { status: 429, body: {} }));
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', polling: false });
    expect(t.controller.getSnapshot().error).toBeUndefined(); // its own check stays quiet
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.server.calls).toHaveLength(1);
  });

  it('stops everything when disconnected: no call, no timer, no callback', async () => {
    const t = setup(app, {}, false);
    t.controller.check();
    const call = t.server.calls[0]!;
    t.stop();
    expect(call.signal.aborted).toBe(true);
    call.resolve({ status: 'verified' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.onVerified).not.toHaveBeenCalled();
    expect(t.server.calls).toHaveLength(1);
    expect(t.controller.check()).toBe(false);
  });
});

describe('the bank\'s app or page answers', () => {
  it('a code is validated as issuerAuthCode, once, and never kept', async () => {
    const t = setup(page, {}, false);
    t.controller.answer({ response: 'approved', authCode: 'eyJ-bank-code' });
    expect(t.status()).toBe('confirming');
    expect(t.server.calls[0]).toMatchObject({ operation: 'issuer-code', body: { issuerAuthCode: 'eyJ-bank-code', stepUpOption: { id: 'web-1' } } });
    t.server.answer({ action: 'AUTHENTICATION_REGISTRATION' });
    await flush();
    expect(t.status()).toBe('verified');
    expect(JSON.stringify(t.controller.getSnapshot())).not.toContain('eyJ-bank-code');
    expect(JSON.stringify([t.onVerified.mock.calls, t.onStatusChange.mock.calls])).not.toContain('eyJ-bank-code');
  });

  it('a refused code ends the way; approved without a code, or no result, asks the server', async () => {
    const t = setup(page, {}, false);
    t.controller.answer({ response: 'approved', authCode: 'x' });
    t.server.fail(new StepUpBackendError('http', 'no', { status: 400, body: { error: { kind: 'invalid-otp' } } }));
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'declined', notice: 'code-refused' });
    expect(t.onError).toHaveBeenCalledTimes(1);

    const u = setup(page, {}, false);
    u.controller.answer({ response: 'approved' });
    expect(u.status()).toBe('checking');
    u.server.answer({ status: 'pending' });
    await flush();
    u.controller.answer({});
    expect(u.controller.getSnapshot()).toMatchObject({ status: 'checking', notice: 'no-result' });
  });

  it('declined ends the way, failure says so, a blocked or closed window says so', async () => {
    const t = setup(page, {}, false);
    t.controller.popupBlocked();
    expect(t.controller.getSnapshot().notice).toBe('popup-blocked');
    t.controller.answer({ response: 'failure' });
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', notice: 'failure' });
    t.controller.windowClosed();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'checking', notice: 'window-closed' });
    t.server.answer({ status: 'pending' });
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', notice: 'window-closed' });
    t.controller.answer({ response: 'declined' });
    expect(t.status()).toBe('declined');
  });
});

describe('found in review (each failed before its fix)', () => {
  it('shown again after <Activity> hid it mid-check: waits and checks again instead of "Checking…" for ever', async () => {
    const t = setup(callBank, {}, false);
    t.controller.check();
    await flush();
    t.stop();
    t.controller.connect();
    expect(t.status()).toBe('waiting');
    expect(t.controller.check()).toBe(true);
  });

  it('hidden while the bank was asked to call: not asked again on its own, Try again instead', async () => {
    const t = setup(bankCalls);
    await flush();
    t.stop();
    t.controller.connect();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'notify-failed', error: { kind: 'unknown' } });
    expect(t.server.calls.filter((c) => c.operation === 'selection')).toHaveLength(1);
  });

  it('a call stopped before it reached the backend (StrictMode\'s second mount) is simply made', async () => {
    const server = backend();
    const controller = createOutOfBandController({ option: bankCalls!, backend: server.api, clientCorrelationId: 'c', runCall: (call) => Promise.resolve().then(() => call.run()) });
    controller.connect()();
    controller.connect();
    await flush();
    expect(controller.getSnapshot().status).toBe('notifying');
    expect(server.open()).toHaveLength(1);
  });

  it('a failed "ask again" keeps the first call\'s wait and its checks', async () => {
    const t = setup(bankCalls);
    t.server.answer({ notified: true, maxRequestsAllowed: 3 });
    await flush();
    t.controller.callAgain();
    t.server.fail(new StepUpBackendError('network', 'offline'));
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', polling: true, callsLeft: 2, error: { kind: 'network' } });
    expect(t.controller.check()).toBe(true);
  });

  it('a quiet check keeps a sentence that came while it ran; a click during it makes it the cardholder\'s', async () => {
    const t = setup(page, {}, false);
    t.controller.visible();
    t.controller.answer({ response: 'failure' });
    t.server.answer({ status: 'pending' });
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ status: 'waiting', notice: 'failure' });
    t.controller.visible();
    expect(t.controller.getSnapshot().asked).toBe(false);
    expect(t.controller.check()).toBe(true);
    t.server.answer({ status: 'pending' });
    await flush();
    expect(t.controller.getSnapshot().notice).toBe('still-pending');
    expect(t.server.calls).toHaveLength(2);
  });

  it('a 429 on its own check stops the poll and says so', async () => {
    const t = setup(app, {}, false);
    await vi.advanceTimersByTimeAsync(5000);
    t.server.fail(new StepUpBackendError('http', 'slow down', { status: 429, body: {} }));
    await flush();
    expect(t.controller.getSnapshot()).toMatchObject({ polling: false, notice: 'poll-stopped' });
  });

  it('a code without a response is validated; a code with failure is not', async () => {
    const t = setup(page, {}, false);
    t.controller.answer({ authCode: 'code-only' });
    expect(t.server.calls[0]).toMatchObject({ operation: 'issuer-code', body: { issuerAuthCode: 'code-only' } });
    const u = setup(page, {}, false);
    u.controller.answer({ response: 'failure', authCode: 'x' });
    expect(u.server.calls).toHaveLength(0);
  });

  it('tells the first status, and never hands the bank\'s payload or source to a callback', async () => {
    const t = setup(page, {}, false);
    expect(t.onStatusChange).toHaveBeenCalledWith('waiting', expect.objectContaining({ status: 'waiting' }));
    t.controller.check();
    t.server.answer({ status: 'verified' });
    await flush();
    const told = JSON.stringify([t.onStatusChange.mock.calls, t.onVerified.mock.calls]);
    expect(told).not.toContain('bank.example');
    expect(t.onVerified.mock.calls[0]![0].stepUpOption).toMatchObject({ id: 'web-1', method: 'APP_TO_APP', platformType: 'WEB' });
  });
});
