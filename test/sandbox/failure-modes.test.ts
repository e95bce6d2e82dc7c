import { normalizeCreateOtpResponse } from '../../src/core';
import { createSandbox, type SandboxOptions } from '../../src/sandbox';
import {
  OPTIONS,
  SMS_ID,
  classify,
  ctx,
  digitsRandom,
  rejection,
  sendRequest,
  track,
  validateRequest,
  SUCCESS,
  testClock,
} from './helpers';

const clock = testClock();
const now = clock.now;

afterEach(() => {
  vi.useRealTimers();
});


function make(options: SandboxOptions = {}) {
  return createSandbox({ stepUpOptions: OPTIONS, now, random: digitsRandom('123456'), ...options });
}

describe("failure: 'send-server-error'", () => {
  it('createOtp answers 500 with a Visa body that the kit reads as server-error; nothing is sent', async () => {
    const sandbox = make({ failure: 'send-server-error' });
    const error = await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.body).toMatchObject({ errors: [{ type: expect.any(String), message: expect.any(String) }] });
    expect(classify(error, 'create-otp')).toBe('server-error');
    expect(sandbox.outbox()).toHaveLength(0);
  });

  it('does not spend the send budget', async () => {
    const sandbox = make({ failure: 'send-server-error', maxRequestsAllowed: 1 });
    await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    sandbox.configure({ failure: 'none' });
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toBeTypeOf('object');
  });

  it('leaves validate alone', async () => {
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ failure: 'send-server-error' });
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });
});

describe("failure: 'send-rejected'", () => {
  it('createOtp answers 400 that the kit reads as send-rejected; nothing is sent', async () => {
    const sandbox = make({ failure: 'send-rejected' });
    const error = await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: expect.any(String), message: expect.any(String) }] });
    expect(classify(error, 'create-otp')).toBe('send-rejected');
    expect(sandbox.outbox()).toHaveLength(0);
  });
});

describe("failure: 'validate-server-error'", () => {
  it('validate answers 500 (server-error) and does not spend an attempt or the code', async () => {
    const sandbox = make({ maxVerificationAllowed: 1 });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ failure: 'validate-server-error' });
    for (const otp of ['000000', '123456']) {
      const error = await rejection(sandbox.backend.validateOtp(validateRequest(otp), ctx()));
      expect(error.kind).toBe('http');
      expect(error.status).toBe(500);
      expect(classify(error, 'validate-otp')).toBe('server-error');
    }
    sandbox.configure({ failure: 'none' });
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('leaves createOtp alone', async () => {
    const sandbox = make({ failure: 'validate-server-error' });
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toMatchObject({ codeExpiration: 5 });
    expect(sandbox.lastMessage()?.code).toBe('123456');
  });
});

describe("failure: 'network'", () => {
  it('createOtp rejects with kind network, no status, and sends nothing', async () => {
    const sandbox = make({ failure: 'network' });
    const error = await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(classify(error, 'create-otp')).toBe('network');
    expect(sandbox.outbox()).toHaveLength(0);
  });

  it('validate rejects with kind network and the code survives', async () => {
    const sandbox = make({ maxVerificationAllowed: 1 });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ failure: 'network' });
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    expect(error.kind).toBe('network');
    expect(classify(error, 'validate-otp')).toBe('network');
    sandbox.configure({ failure: 'none' });
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });
});

describe("failure: 'malformed'", () => {
  it('createOtp resolves a non-object that the kit rejects as malformed', async () => {
    const sandbox = make({ failure: 'malformed' });
    const answer: unknown = await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(answer !== null && typeof answer === 'object' && !Array.isArray(answer)).toBe(false);
    const parsed = normalizeCreateOtpResponse(answer, 'auto', clock.t);
    expect(parsed.ok).toBe(false);
  });
});

describe("failure: 'hang'", () => {
  it('createOtp never settles until the signal aborts, then rejects with kind aborted', async () => {
    vi.useFakeTimers();
    const sandbox = make({ failure: 'hang' });
    const controller = new AbortController();
    const call = track(sandbox.backend.createOtp(sendRequest(), ctx(controller.signal)));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(call.state.settled).toBe(false);
    controller.abort();
    await call.done;
    expect(call.state.settled).toBe(true);
    expect(call.state.error).toMatchObject({ name: 'StepUpBackendError', kind: 'aborted' });
    expect(sandbox.outbox()).toHaveLength(0);
  });

  it('validate hangs too, until aborted', async () => {
    vi.useFakeTimers();
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ failure: 'hang' });
    const controller = new AbortController();
    const call = track(sandbox.backend.validateOtp(validateRequest('123456'), ctx(controller.signal)));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(call.state.settled).toBe(false);
    controller.abort();
    await expect(rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx(controller.signal)))).resolves.toMatchObject(
      { kind: 'aborted' },
    );
    await call.done;
    expect(call.state.error).toMatchObject({ kind: 'aborted' });
    // the code was never spent: it still works once the sandbox answers again
    sandbox.configure({ failure: 'none' });
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });
});

describe('latency and aborts', () => {
  it('latencyMs delays the createOtp answer', async () => {
    vi.useFakeTimers();
    const sandbox = make({ latencyMs: 800 });
    const call = track(sandbox.backend.createOtp(sendRequest(), ctx()));
    await vi.advanceTimersByTimeAsync(799);
    expect(call.state.settled).toBe(false);
    expect(sandbox.outbox()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.state.settled).toBe(true);
    expect(call.state.value).toMatchObject({ codeExpiration: 5 });
    expect(sandbox.lastMessage()?.code).toBe('123456');
  });

  it('latencyMs delays the validate answer', async () => {
    vi.useFakeTimers();
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ latencyMs: 500 });
    const call = track(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    await vi.advanceTimersByTimeAsync(499);
    expect(call.state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.state).toMatchObject({ settled: true, value: SUCCESS });
  });

  it('latency also delays failures', async () => {
    vi.useFakeTimers();
    const sandbox = make({ latencyMs: 300, failure: 'send-server-error' });
    const call = track(sandbox.backend.createOtp(sendRequest(), ctx()));
    await vi.advanceTimersByTimeAsync(299);
    expect(call.state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.state.error).toMatchObject({ kind: 'http', status: 500 });
  });

  it('an abort during latency rejects with kind aborted and sends nothing, even later', async () => {
    vi.useFakeTimers();
    const sandbox = make({ latencyMs: 1000, maxRequestsAllowed: 1 });
    const controller = new AbortController();
    const call = track(sandbox.backend.createOtp(sendRequest(), ctx(controller.signal)));
    await vi.advanceTimersByTimeAsync(400);
    controller.abort();
    await call.done;
    expect(call.state.error).toMatchObject({ name: 'StepUpBackendError', kind: 'aborted' });
    expect(vi.getTimerCount()).toBe(0); // the latency timer was cleared, not left to fire
    await vi.advanceTimersByTimeAsync(5000);
    expect(sandbox.outbox()).toHaveLength(0);
    // the aborted call did not spend the only send
    const next = track(sandbox.backend.createOtp(sendRequest(), ctx()));
    await vi.advanceTimersByTimeAsync(1000);
    expect(next.state.value).toMatchObject({ maxRequestsAllowed: 1 });
  });

  it('an abort during validate latency does not spend an attempt', async () => {
    vi.useFakeTimers();
    const sandbox = make({ maxVerificationAllowed: 1 });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ latencyMs: 1000 });
    const controller = new AbortController();
    const call = track(sandbox.backend.validateOtp(validateRequest('000000'), ctx(controller.signal)));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await call.done;
    expect(call.state.error).toMatchObject({ kind: 'aborted' });
    const ok = track(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    await vi.advanceTimersByTimeAsync(1000);
    expect(ok.state.value).toEqual(SUCCESS);
  });

  it('a signal that is already aborted rejects with kind aborted, with or without latency', async () => {
    const controller = new AbortController();
    controller.abort();
    const instant = make();
    expect((await rejection(instant.backend.createOtp(sendRequest(), ctx(controller.signal)))).kind).toBe('aborted');
    expect(instant.outbox()).toHaveLength(0);

    vi.useFakeTimers();
    const slow = make({ latencyMs: 1000 });
    const call = track(slow.backend.createOtp(sendRequest(), ctx(controller.signal)));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.state.error).toMatchObject({ kind: 'aborted' });
  });

  it('without latency, answers need no timers at all', async () => {
    vi.useFakeTimers();
    const sandbox = make();
    const call = track(sandbox.backend.createOtp(sendRequest(SMS_ID), ctx()));
    await call.done; // resolves on microtasks alone
    expect(call.state.value).toMatchObject({ codeExpiration: 5 });
  });
});
