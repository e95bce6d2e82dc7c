import {
  isStepUpAction,
  normalizeCreateOtpResponse,
  normalizeStepUpOptions,
  type CreateOtpRequest,
  type StepUpBackend,
  type ValidateOtpRequest,
} from '../../src/core';
import { DEFAULT_SANDBOX_OPTIONS, StepUpSandbox, createSandbox, type SandboxOptions } from '../../src/sandbox';
import {
  BANK_ID,
  EMAIL_ID,
  OPTIONS,
  SMS_ID,
  T0,
  ctx,
  digitsRandom,
  rejection,
  sendRequest,
  validateRequest,
  SUCCESS,
  testClock,
} from './helpers';

const clock = testClock();
const now = clock.now;


function make(options: SandboxOptions = {}) {
  return createSandbox({ stepUpOptions: OPTIONS, now, random: digitsRandom('123456654321'), ...options });
}

describe('createSandbox', () => {
  it('returns a StepUpSandbox whose backend is a StepUpBackend', async () => {
    const sandbox = make();
    expect(sandbox).toBeInstanceOf(StepUpSandbox);
    const backend: StepUpBackend = sandbox.backend;
    await expect(backend.createOtp(sendRequest(), ctx())).resolves.toBeTypeOf('object');
    await expect(backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });
});

describe('configure()', () => {
  it('changes the failure mode mid-run, both ways', async () => {
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ failure: 'network' });
    expect((await rejection(sandbox.backend.createOtp(sendRequest(), ctx()))).kind).toBe('network');
    sandbox.configure({ failure: 'none' });
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toBeTypeOf('object');
  });

  it('keeps the options it is not given (clock, random, step-up options, limits)', async () => {
    const sandbox = make({ maxVerificationAllowed: 4, codeLifetimeSeconds: 120 });
    sandbox.configure({ expirationFormat: 'epoch-milliseconds' });
    clock.t = T0 + 5000;
    const answer = await sandbox.backend.createOtp(sendRequest(BANK_ID), ctx());
    expect(answer).toEqual({ maxRequestsAllowed: 3, maxVerificationAllowed: 4, codeExpiration: T0 + 5000 + 120_000 });
    expect(sandbox.lastMessage()).toMatchObject({ code: '123456', sentAt: T0 + 5000, optionId: BANK_ID });
    expect(sandbox.currentOptions()).toMatchObject({
      maxVerificationAllowed: 4,
      codeLifetimeSeconds: 120,
      expirationFormat: 'epoch-milliseconds',
      stepUpOptions: OPTIONS,
    });
  });

  it('a lower maxRequestsAllowed applies to the sends already made', async () => {
    const sandbox = make({ maxRequestsAllowed: 5 });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ maxRequestsAllowed: 2 });
    expect((await rejection(sandbox.backend.createOtp(sendRequest(), ctx()))).status).toBe(403);
    sandbox.configure({ maxRequestsAllowed: 3 });
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toMatchObject({ maxRequestsAllowed: 3 });
  });

  it('switches the answer format and numbersAsStrings', async () => {
    const sandbox = make({ maxRequestsAllowed: 5 });
    expect((await sandbox.backend.createOtp(sendRequest(), ctx())).codeExpiration).toBe(5);
    sandbox.configure({ expirationFormat: 'epoch-seconds', numbersAsStrings: true });
    const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(answer.codeExpiration).toBe(String((T0 + 300_000) / 1000));
    const parsed = normalizeCreateOtpResponse(answer, 'auto', clock.t);
    expect(parsed.ok && parsed.value.expiresAt).toBe(T0 + 300_000);
  });

  it('turns the golden code on and off for a code already sent', async () => {
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ goldenCode: true });
    expect(sandbox.currentOptions().goldenCode).toBeTruthy();
    sandbox.configure({ maxVerificationAllowed: 3 }); // an unrelated change keeps the golden code
    await expect(sandbox.backend.validateOtp(validateRequest('456789'), ctx())).resolves.toEqual(SUCCESS);

    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ goldenCode: false });
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('456789'), ctx()))).status).toBe(400);
  });

  it('a new clock takes effect for expiry', async () => {
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ now: () => T0 + 300_000 });
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()))).status).toBe(400);
  });

  it('new step-up options replace the old ones', async () => {
    const sandbox = make();
    sandbox.configure({ stepUpOptions: [{ id: 'only-one', method: 'OTP_EMAIL', value: 'a***@b.com' }] });
    expect((await rejection(sandbox.backend.createOtp(sendRequest(SMS_ID), ctx()))).status).toBe(400);
    await sandbox.backend.createOtp(sendRequest('only-one'), ctx());
    expect(sandbox.lastMessage()).toMatchObject({ optionId: 'only-one', method: 'OTP_EMAIL', to: 'a***@b.com' });
    expect(sandbox.authenticationOptions().stepUpOptions).toEqual([
      { id: 'only-one', method: 'OTP_EMAIL', value: 'a***@b.com' },
    ]);
  });

  it('notifies subscribers', () => {
    const sandbox = make();
    const listener = vi.fn();
    sandbox.subscribe(listener);
    sandbox.configure({ latencyMs: 10 });
    expect(listener).toHaveBeenCalled();
    expect(sandbox.currentOptions().latencyMs).toBe(10);
  });
});

describe('reset()', () => {
  it('clears tokens, outbox and calls, and keeps the configuration', async () => {
    const sandbox = make({ maxRequestsAllowed: 1, goldenCode: '999999' });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-A'), ctx());
    expect(sandbox.outbox()).toHaveLength(2);
    expect(sandbox.calls()).toHaveLength(2);
    const listener = vi.fn();
    sandbox.subscribe(listener);

    sandbox.reset();
    expect(listener).toHaveBeenCalled();
    expect(sandbox.outbox()).toEqual([]);
    expect(sandbox.lastMessage()).toBeUndefined();
    expect(sandbox.calls()).toEqual([]);
    expect(sandbox.calls('createOtp')).toEqual([]);

    // the code sent before the reset is gone, and the golden code too needs a new send
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()))).status).toBe(400);
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('999999'), ctx()))).status).toBe(400);
    // the send budgets are back
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toMatchObject({ maxRequestsAllowed: 1 });
    await expect(sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-A'), ctx())).resolves.toBeTypeOf('object');
    await expect(sandbox.backend.validateOtp(validateRequest('999999'), ctx())).resolves.toEqual(SUCCESS);
  });
});

describe('calls()', () => {
  it('records every request, in order, with its operation, token, body and time', async () => {
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-A'), ctx());
    clock.t += 1000;
    await rejection(sandbox.backend.validateOtp(validateRequest('000000', SMS_ID, 'token-A'), ctx()));
    clock.t += 1000;
    await sandbox.backend.validateOtp(validateRequest('123456', SMS_ID, 'token-A'), ctx());
    clock.t += 1000;
    await rejection(sandbox.backend.createOtp(sendRequest('no-such-option'), ctx()));

    const calls = sandbox.calls();
    expect(calls.map((c) => [c.operation, c.at])).toEqual([
      ['createOtp', T0],
      ['validateOtp', T0 + 1000],
      ['validateOtp', T0 + 2000],
      ['createOtp', T0 + 3000],
    ]);
    expect(calls[0]).toEqual({
      operation: 'createOtp',
      tokenId: 'token-A',
      body: { clientCorrelationId: 'corr-1', stepUpOption: { id: SMS_ID }, tokenId: 'token-A' },
      at: T0,
    });
    expect(calls[1]!.body).toEqual({
      clientCorrelationId: 'corr-1',
      stepUpOption: { id: SMS_ID },
      otp: '000000',
      tokenId: 'token-A',
    });
    expect(calls[3]!.body).toEqual({ clientCorrelationId: 'corr-1', stepUpOption: { id: 'no-such-option' } });
    expect(calls[3]!.tokenId).toBeTypeOf('string');
    expect(calls[3]!.tokenId).not.toBe('token-A');
  });

  it("filters by operation: calls('createOtp') and calls('validateOtp')", async () => {
    const sandbox = make();
    await sandbox.backend.createOtp(sendRequest(SMS_ID), ctx());
    await sandbox.backend.validateOtp(validateRequest('123456'), ctx());
    await sandbox.backend.createOtp(sendRequest(EMAIL_ID), ctx());
    expect(sandbox.calls('createOtp').map((c) => (c.body as CreateOtpRequest).stepUpOption.id)).toEqual([
      SMS_ID,
      EMAIL_ID,
    ]);
    expect(sandbox.calls('validateOtp').map((c) => (c.body as ValidateOtpRequest).otp)).toEqual(['123456']);
    expect(sandbox.calls()).toHaveLength(3);
  });

  it('records calls that fail before an answer (network, server error, malformed, missing fields)', async () => {
    const sandbox = make({ failure: 'network' });
    await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    sandbox.configure({ failure: 'send-server-error' });
    await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    sandbox.configure({ failure: 'malformed' });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    sandbox.configure({ failure: 'none' });
    await rejection(sandbox.backend.validateOtp({ clientCorrelationId: 'c', stepUpOption: { id: SMS_ID } } as ValidateOtpRequest, ctx()));
    expect(sandbox.calls('createOtp')).toHaveLength(3);
    expect(sandbox.calls('validateOtp')).toHaveLength(1);
  });

  it('keeps a copy of each body: later changes to the caller’s object do not reach it', async () => {
    const sandbox = make();
    const send = sendRequest(SMS_ID, 'token-A');
    await sandbox.backend.createOtp(send, ctx());
    send.clientCorrelationId = 'changed';
    send.stepUpOption.id = 'changed';
    send.tokenId = 'changed';

    const validate = validateRequest('123456', SMS_ID, 'token-A');
    await sandbox.backend.validateOtp(validate, ctx());
    validate.otp = '000000';
    validate.stepUpOption.id = 'changed';

    expect(sandbox.calls('createOtp')[0]!.body).toEqual({
      clientCorrelationId: 'corr-1',
      stepUpOption: { id: SMS_ID },
      tokenId: 'token-A',
    });
    expect(sandbox.calls('validateOtp')[0]!.body).toEqual({
      clientCorrelationId: 'corr-1',
      stepUpOption: { id: SMS_ID },
      otp: '123456',
      tokenId: 'token-A',
    });
    expect(sandbox.calls('createOtp')[0]!.body).not.toBe(send);
  });

  it('a call is recorded when it arrives, before its latency', async () => {
    vi.useFakeTimers();
    try {
      const sandbox = make({ latencyMs: 1000 });
      const pending = sandbox.backend.createOtp(sendRequest(), ctx());
      expect(sandbox.calls('createOtp')).toHaveLength(1);
      expect(sandbox.outbox()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1000);
      await pending;
      expect(sandbox.outbox()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('authenticationOptions()', () => {
  it("answers action 'STEP_UP_AUTHENTICATE' with the configured options, which the kit reads", () => {
    const sandbox = make();
    const answer = sandbox.authenticationOptions();
    expect(answer.action).toBe('STEP_UP_AUTHENTICATE');
    expect(isStepUpAction(answer.action)).toBe(true);
    expect(answer.stepUpOptions).toEqual(OPTIONS);
    const normalized = normalizeStepUpOptions(answer.stepUpOptions);
    expect(normalized.map((o) => [o.id, o.method, o.isOtp, o.value])).toEqual([
      [SMS_ID, 'OTP_SMS', true, '***-***-1234'],
      [EMAIL_ID, 'OTP_EMAIL', true, 'j*****n@e*****e.com'],
      [BANK_ID, 'OTP_ONLINE_BANKING', true, 'Acme Bank app'],
    ]);
  });

  it('returns copies: changing them changes neither the sandbox nor later answers', async () => {
    const sandbox = make();
    const first = sandbox.authenticationOptions();
    expect(first.stepUpOptions).not.toBe(OPTIONS);
    first.stepUpOptions.forEach((option, i) => expect(option).not.toBe(OPTIONS[i]));
    first.stepUpOptions[0]!.id = 'tampered';
    first.stepUpOptions[0]!.value = 'tampered';
    first.stepUpOptions.pop();

    expect(sandbox.authenticationOptions().stepUpOptions).toEqual(OPTIONS);
    expect(OPTIONS[0]!.id).toBe(SMS_ID);
    await sandbox.backend.createOtp(sendRequest(SMS_ID), ctx());
    expect(sandbox.lastMessage()?.to).toBe('***-***-1234');
    expect((await rejection(sandbox.backend.createOtp(sendRequest('tampered'), ctx()))).status).toBe(400);
  });

  it('offers the default SMS, e-mail and online-banking options when none are configured', async () => {
    const sandbox = createSandbox({ now, random: digitsRandom('123456') });
    const { stepUpOptions } = sandbox.authenticationOptions();
    expect(stepUpOptions).toEqual(DEFAULT_SANDBOX_OPTIONS);
    expect(normalizeStepUpOptions(stepUpOptions).map((o) => o.method)).toEqual([
      'OTP_SMS',
      'OTP_EMAIL',
      'OTP_ONLINE_BANKING',
    ]);
    for (const option of stepUpOptions) {
      await sandbox.backend.createOtp(sendRequest(option.id!, `token-${option.id}`), ctx());
      expect(sandbox.lastMessage()).toMatchObject({ optionId: option.id, method: option.method, to: option.value });
    }
  });
});
