import { normalizeCreateOtpResponse, type CreateOtpRequest } from '../../src/core';
import {
  DEFAULT_SANDBOX_OPTIONS,
  createSandbox,
  type SandboxExpirationFormat,
  type SandboxOptions,
} from '../../src/sandbox';
import {
  BANK_ID,
  EMAIL_ID,
  OPTIONS,
  SMS_ID,
  T0,
  classify,
  ctx,
  digitsRandom,
  rejection,
  sendRequest,
  sequenceRandom,
  validateRequest,
  testClock,
} from './helpers';

const clock = testClock();
const now = clock.now;

function make(options: SandboxOptions = {}) {
  return createSandbox({ stepUpOptions: OPTIONS, now, random: digitsRandom('123456'), ...options });
}

describe('createOtp answer', () => {
  it.each<[SandboxExpirationFormat, (t: number) => number]>([
    ['minutes', () => 5],
    ['seconds', () => 300],
    ['epoch-seconds', (t) => Math.floor((t + 300_000) / 1000)],
    ['epoch-milliseconds', (t) => t + 300_000],
  ])('states codeExpiration as %s', async (expirationFormat, expected) => {
    clock.t = T0 + 123; // a clock that is not on a whole second, so epoch-seconds must round down
    const sandbox = make({ expirationFormat, maxRequestsAllowed: 4, maxVerificationAllowed: 2 });
    const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(answer).toEqual({ maxRequestsAllowed: 4, maxVerificationAllowed: 2, codeExpiration: expected(clock.t) });
  });

  it('defaults to minutes, 3 requests, 3 verifications and a 300-second lifetime', async () => {
    const sandbox = make();
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toEqual({
      maxRequestsAllowed: 3,
      maxVerificationAllowed: 3,
      codeExpiration: 5,
    });
  });

  it('follows codeLifetimeSeconds in every format', async () => {
    const minutes = make({ codeLifetimeSeconds: 120 });
    expect((await minutes.backend.createOtp(sendRequest(), ctx())).codeExpiration).toBe(2);
    const seconds = make({ codeLifetimeSeconds: 120, expirationFormat: 'seconds' });
    expect((await seconds.backend.createOtp(sendRequest(), ctx())).codeExpiration).toBe(120);
    const epochMs = make({ codeLifetimeSeconds: 120, expirationFormat: 'epoch-milliseconds' });
    expect((await epochMs.backend.createOtp(sendRequest(), ctx())).codeExpiration).toBe(T0 + 120_000);
  });

  it('limitsUnknown answers 0 for both limits, as Visa’s documented example, and still enforces them', async () => {
    const sandbox = make({ limitsUnknown: true, maxRequestsAllowed: 2, maxVerificationAllowed: 1 });
    const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(answer).toMatchObject({ maxRequestsAllowed: 0, maxVerificationAllowed: 0 });

    expect(classify(await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx())), 'validate-otp')).toBe('invalid-otp');
    const spent = await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    expect(spent.body).toMatchObject({ errors: [{ reason: 'OTP_ATTEMPTS_EXCEEDED' }] });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    expect(sandbox.outbox()).toHaveLength(2);
  });

  it('keeps the last 10 000 calls, codes and tokens of a long run, the least recently used dropped first', async () => {
    const sandbox = make({ random: sequenceRandom([0.15]), maxRequestsAllowed: 1 });
    for (let i = 0; i < 10_005; i++) await sandbox.backend.createOtp(sendRequest(SMS_ID, `tok-${i}`), ctx());

    expect(sandbox.outbox()).toHaveLength(10_000);
    expect(sandbox.outbox()[0]!.tokenId).toBe('tok-5');
    expect(sandbox.calls()).toHaveLength(10_000);
    expect(sandbox.calls()[0]!.tokenId).toBe('tok-5');
    // the least recently used tokens were forgotten, so their one send is available again; a recent one's is not
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'tok-0'), ctx());
    expect(sandbox.lastMessage()?.tokenId).toBe('tok-0');
    expect(classify(await rejection(sandbox.backend.createOtp(sendRequest(SMS_ID, 'tok-10004'), ctx())), 'create-otp')).toBe(
      'resends-exhausted',
    );
  });

  it('never forgets a token in use to make room: validates for unknown tokens create nothing', async () => {
    const sandbox = make({ random: digitsRandom('123456') });
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'live'), ctx());
    for (let i = 0; i < 10_050; i++) await rejection(sandbox.backend.validateOtp(validateRequest('000000', SMS_ID, `stranger-${i}`), ctx()));

    await expect(sandbox.backend.validateOtp(validateRequest('123456', SMS_ID, 'live'), ctx())).resolves.toEqual({
      action: 'AUTHENTICATION_REGISTRATION',
    });
  });

  it.each<SandboxExpirationFormat>(['minutes', 'seconds', 'epoch-seconds', 'epoch-milliseconds'])(
    'numbersAsStrings answers the three numbers as numeric strings (%s)',
    async (expirationFormat) => {
      const sandbox = make({ expirationFormat, numbersAsStrings: true, maxRequestsAllowed: 4, maxVerificationAllowed: 2 });
      const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
      const expected = {
        minutes: '5',
        seconds: '300',
        'epoch-seconds': String((T0 + 300_000) / 1000),
        'epoch-milliseconds': String(T0 + 300_000),
      }[expirationFormat];
      expect(answer).toEqual({ maxRequestsAllowed: '4', maxVerificationAllowed: '2', codeExpiration: expected });
      for (const value of Object.values(answer)) expect(typeof value).toBe('string');
    },
  );
});

describe("createOtp answer as the kit reads it (normalizeCreateOtpResponse, 'auto')", () => {
  it.each<[SandboxExpirationFormat, boolean]>([
    ['minutes', false],
    ['minutes', true],
    ['seconds', false], // 300 s is above 60, so 'auto' reads it as seconds
    ['seconds', true],
    ['epoch-seconds', false],
    ['epoch-seconds', true],
    ['epoch-milliseconds', false],
    ['epoch-milliseconds', true],
  ])('%s (numbersAsStrings: %s) → expiresAt = sentAt + 300 s', async (expirationFormat, numbersAsStrings) => {
    const sandbox = make({ expirationFormat, numbersAsStrings, maxRequestsAllowed: 4, maxVerificationAllowed: 2 });
    const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
    const parsed = normalizeCreateOtpResponse(answer, 'auto', clock.t);
    expect(parsed).toEqual({ ok: true, value: { maxRequests: 4, maxVerifications: 2, expiresAt: T0 + 300_000 } });
    expect(sandbox.lastMessage()?.expiresAt).toBe(T0 + 300_000);
  });

  it('epoch-seconds drops the milliseconds of the deadline (floor)', async () => {
    clock.t = T0 + 999;
    const sandbox = make({ expirationFormat: 'epoch-seconds' });
    const parsed = normalizeCreateOtpResponse(await sandbox.backend.createOtp(sendRequest(), ctx()), 'auto', clock.t);
    expect(parsed.ok && parsed.value.expiresAt).toBe(T0 + 300_000);
  });

  it('a lifetime of 90 s in minutes (1.5) reads back as 90 s', async () => {
    const sandbox = make({ codeLifetimeSeconds: 90 });
    const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(answer.codeExpiration).toBe(1.5);
    const parsed = normalizeCreateOtpResponse(answer, 'auto', clock.t);
    expect(parsed.ok && parsed.value.expiresAt).toBe(T0 + 90_000);
  });

  it("'seconds' with a lifetime ≤ 60 s must be read with the explicit 'seconds' unit", async () => {
    const sandbox = make({ codeLifetimeSeconds: 45, expirationFormat: 'seconds' });
    const answer = await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(answer.codeExpiration).toBe(45);
    const parsed = normalizeCreateOtpResponse(answer, 'seconds', clock.t);
    expect(parsed.ok && parsed.value.expiresAt).toBe(T0 + 45_000);
    expect(sandbox.lastMessage()?.expiresAt).toBe(T0 + 45_000);
    // under 'auto' the same 45 reads as minutes, per the kit's documented rule (1 … 60 → minutes)
    const auto = normalizeCreateOtpResponse(answer, 'auto', clock.t);
    expect(auto.ok && auto.value.expiresAt).toBe(T0 + 45 * 60_000);
  });
});

describe('generated codes', () => {
  it('are codeLength digits taken from random', async () => {
    const sandbox = make({ random: digitsRandom('908172') });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(sandbox.lastMessage()?.code).toBe('908172');
  });

  it('map [0, 1) to digits by floor(x * 10), including the edges', async () => {
    const sandbox = make({ random: sequenceRandom([0, 0.0999, 0.1, 0.5, 0.9, 0.999999]) });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(sandbox.lastMessage()?.code).toBe('001599');
  });

  it.each([4, 8])('honour codeLength %i', async (codeLength) => {
    const sandbox = make({ codeLength, random: digitsRandom('31415926') });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    const code = sandbox.lastMessage()!.code;
    expect(code).toMatch(new RegExp(`^\\d{${codeLength}}$`));
    expect(code).toBe('31415926'.slice(0, codeLength));
  });

  it('default to 6 crypto-random digits when no random source is given', async () => {
    const sandbox = createSandbox({ stepUpOptions: OPTIONS, now });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(sandbox.lastMessage()?.code).toMatch(/^\d{6}$/);
  });

  it('each send makes a new code and the previous one stops working', async () => {
    const sandbox = make({ random: digitsRandom('111111222222') });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    const first = sandbox.lastMessage()!.code;
    await sandbox.backend.createOtp(sendRequest(), ctx());
    const second = sandbox.lastMessage()!.code;
    expect([first, second]).toEqual(['111111', '222222']);

    const stale = await rejection(sandbox.backend.validateOtp(validateRequest(first), ctx()));
    expect(stale.kind).toBe('http');
    expect(stale.status).toBe(400);
    expect(classify(stale, 'validate-otp')).toBe('invalid-otp');
    await expect(sandbox.backend.validateOtp(validateRequest(second), ctx())).resolves.toEqual({
      action: 'AUTHENTICATION_REGISTRATION',
    });
  });
});

describe('outbox', () => {
  it('lastMessage() shows tokenId, optionId, method, masked destination, code, sentAt and expiresAt', async () => {
    const sandbox = make();
    expect(sandbox.lastMessage()).toBeUndefined();
    expect(sandbox.outbox()).toEqual([]);
    await sandbox.backend.createOtp(sendRequest(EMAIL_ID, 'token-42'), ctx());
    expect(sandbox.lastMessage()).toEqual({
      tokenId: 'token-42',
      optionId: EMAIL_ID,
      method: 'OTP_EMAIL',
      to: 'j*****n@e*****e.com',
      code: '123456',
      sentAt: T0,
      expiresAt: T0 + 300_000,
    });
  });

  it('outbox() keeps every code sent, oldest first, with the clock at each send', async () => {
    const sandbox = make({ random: digitsRandom('111111222222333333'), maxRequestsAllowed: 5 });
    await sandbox.backend.createOtp(sendRequest(SMS_ID), ctx());
    clock.t += 30_000;
    await sandbox.backend.createOtp(sendRequest(BANK_ID), ctx());
    clock.t += 30_000;
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'other-token'), ctx());
    const outbox = sandbox.outbox();
    expect(outbox).toHaveLength(3);
    expect(outbox.map((m) => [m.optionId, m.method, m.to, m.code, m.sentAt, m.expiresAt])).toEqual([
      [SMS_ID, 'OTP_SMS', '***-***-1234', '111111', T0, T0 + 300_000],
      [BANK_ID, 'OTP_ONLINE_BANKING', 'Acme Bank app', '222222', T0 + 30_000, T0 + 330_000],
      [SMS_ID, 'OTP_SMS', '***-***-1234', '333333', T0 + 60_000, T0 + 360_000],
    ]);
    expect(outbox[2]!.tokenId).toBe('other-token');
    expect(outbox[0]!.tokenId).toBe(outbox[1]!.tokenId);
    expect(outbox[0]!.tokenId).not.toBe('other-token');
    expect(sandbox.lastMessage()).toEqual(outbox[2]);
  });

  it('lastMessage() keeps its identity until the next send (a stable snapshot for useSyncExternalStore)', async () => {
    const sandbox = make({ random: digitsRandom('111111222222') });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    const first = sandbox.lastMessage();
    await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    expect(sandbox.lastMessage()).toBe(first);
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(sandbox.lastMessage()).not.toBe(first);
    expect(sandbox.lastMessage()?.code).toBe('222222');
  });

  it('a refused send puts nothing in the outbox', async () => {
    const sandbox = make({ maxRequestsAllowed: 1 });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    await rejection(sandbox.backend.createOtp(sendRequest('no-such-option'), ctx()));
    await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    expect(sandbox.outbox()).toHaveLength(1);
  });

  it('subscribe listeners fire on a send and see the new code; unsubscribe stops them', async () => {
    const sandbox = make();
    const seen: Array<string | undefined> = [];
    const listener = vi.fn(() => seen.push(sandbox.lastMessage()?.code));
    const unsubscribe = sandbox.subscribe(listener);
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(listener).toHaveBeenCalled();
    expect(seen).toContain('123456');
    expect(seen[seen.length - 1]).toBe('123456');

    unsubscribe();
    listener.mockClear();
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('createOtp refusals', () => {
  it('an unknown stepUpOption.id → 400 invalidFields', async () => {
    const sandbox = make();
    const error = await rejection(sandbox.backend.createOtp(sendRequest('no-such-option'), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'invalidFields', message: expect.any(String) }] });
    expect(classify(error, 'create-otp')).toBe('send-rejected');
    expect(sandbox.outbox()).toHaveLength(0);
  });

  it('a missing stepUpOption → 400 invalidFields', async () => {
    const sandbox = make();
    const request = { clientCorrelationId: 'corr-1' } as unknown as CreateOtpRequest;
    const error = await rejection(sandbox.backend.createOtp(request, ctx()));
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'invalidFields' }] });
  });

  it('a missing clientCorrelationId → 400 missingFields', async () => {
    const sandbox = make();
    const request = { stepUpOption: { id: SMS_ID } } as unknown as CreateOtpRequest;
    const error = await rejection(sandbox.backend.createOtp(request, ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'missingFields', message: expect.any(String) }] });
    expect(sandbox.outbox()).toHaveLength(0);
  });

  it('an empty clientCorrelationId → 400 missingFields', async () => {
    const sandbox = make();
    const error = await rejection(sandbox.backend.createOtp({ ...sendRequest(), clientCorrelationId: '' }, ctx()));
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'missingFields' }] });
  });

  it('options the sandbox was not configured with are unknown, even default ones', async () => {
    const sandbox = make();
    const error = await rejection(sandbox.backend.createOtp(sendRequest(DEFAULT_SANDBOX_OPTIONS[0]!.id!), ctx()));
    expect(error.status).toBe(400);
    const defaults = createSandbox({ now, random: digitsRandom('123456') });
    await expect(defaults.backend.createOtp(sendRequest(DEFAULT_SANDBOX_OPTIONS[0]!.id!), ctx())).resolves.toBeTypeOf(
      'object',
    );
  });

  it('sends beyond maxRequestsAllowed → 403 that the kit reads as resends-exhausted', async () => {
    const sandbox = make({ maxRequestsAllowed: 2 });
    await sandbox.backend.createOtp(sendRequest(), ctx());
    await sandbox.backend.createOtp(sendRequest(EMAIL_ID), ctx());
    const error = await rejection(sandbox.backend.createOtp(sendRequest(), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(403);
    expect(error.body).toMatchObject({ errors: [{ type: expect.any(String), message: expect.any(String) }] });
    expect(classify(error, 'create-otp')).toBe('resends-exhausted');
    // and it stays refused
    const again = await rejection(sandbox.backend.createOtp(sendRequest(BANK_ID), ctx()));
    expect(again.status).toBe(403);
    expect(sandbox.outbox()).toHaveLength(2);
  });

  it('the default budget is 3 sends per token', async () => {
    const sandbox = make();
    for (let i = 0; i < 3; i++) await sandbox.backend.createOtp(sendRequest(), ctx());
    expect((await rejection(sandbox.backend.createOtp(sendRequest(), ctx()))).status).toBe(403);
  });

  it('refused sends (bad option) do not spend the budget', async () => {
    const sandbox = make({ maxRequestsAllowed: 1 });
    await rejection(sandbox.backend.createOtp(sendRequest('no-such-option'), ctx()));
    await expect(sandbox.backend.createOtp(sendRequest(), ctx())).resolves.toBeTypeOf('object');
  });

  it('sends are counted per tokenId; requests without one share a default token', async () => {
    const sandbox = make({ maxRequestsAllowed: 2 });
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-A'), ctx());
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-A'), ctx());
    expect((await rejection(sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-A'), ctx()))).status).toBe(403);

    // token-B has its own budget
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-B'), ctx());
    await sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-B'), ctx());
    expect((await rejection(sandbox.backend.createOtp(sendRequest(SMS_ID, 'token-B'), ctx()))).status).toBe(403);

    // no tokenId: one default token with its own budget
    await sandbox.backend.createOtp(sendRequest(SMS_ID), ctx());
    await sandbox.backend.createOtp(sendRequest(EMAIL_ID), ctx());
    expect((await rejection(sandbox.backend.createOtp(sendRequest(SMS_ID), ctx()))).status).toBe(403);
    expect(sandbox.outbox()).toHaveLength(6);
  });
});
