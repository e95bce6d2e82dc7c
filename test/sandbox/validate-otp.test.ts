import type { ValidateOtpRequest } from '../../src/core';
import { SANDBOX_GOLDEN_CODE, createSandbox, type SandboxOptions } from '../../src/sandbox';
import {
  EMAIL_ID,
  OPTIONS,
  SMS_ID,
  T0,
  classify,
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


/** A sandbox whose first code is 123456 and second 654321, with one code already sent by SMS. */
async function sent(options: SandboxOptions = {}, tokenId?: string) {
  const sandbox = createSandbox({ stepUpOptions: OPTIONS, now, random: digitsRandom('123456654321'), ...options });
  await sandbox.backend.createOtp(sendRequest(SMS_ID, tokenId), ctx());
  return sandbox;
}

describe('validateOtp', () => {
  it('the right code → { action: AUTHENTICATION_REGISTRATION }', async () => {
    const sandbox = await sent();
    expect(sandbox.lastMessage()?.code).toBe('123456');
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('a code cannot be used twice', async () => {
    const sandbox = await sent();
    await sandbox.backend.validateOtp(validateRequest('123456'), ctx());
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: expect.any(String) }] });
  });

  it('before any send, every code is refused with a 400', async () => {
    const sandbox = createSandbox({ stepUpOptions: OPTIONS, now, random: digitsRandom('123456') });
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    expect(error.status).toBe(400);
  });

  it('a wrong code → 400 Visa body that the kit reads as invalid-otp', async () => {
    const sandbox = await sent();
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'invalidFields', message: expect.any(String) }] });
    expect(classify(error, 'validate-otp')).toBe('invalid-otp');
    // the code itself still works after one wrong try
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('wrong codes are counted: after maxVerificationAllowed of them even the right code is refused', async () => {
    const sandbox = await sent({ maxVerificationAllowed: 2 });
    await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    await rejection(sandbox.backend.validateOtp(validateRequest('111111'), ctx()));
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(classify(error, 'validate-otp')).not.toBe('expired');
  });

  it('maxVerificationAllowed − 1 wrong codes still leave the right one usable', async () => {
    const sandbox = await sent({ maxVerificationAllowed: 3 });
    await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    await rejection(sandbox.backend.validateOtp(validateRequest('111111'), ctx()));
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('the default is 3 attempts per code', async () => {
    const sandbox = await sent();
    for (let i = 0; i < 3; i++) await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()))).status).toBe(400);
  });

  it('a new send resets the attempts (the new code has its own)', async () => {
    const sandbox = await sent({ maxVerificationAllowed: 1 });
    await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(sandbox.lastMessage()?.code).toBe('654321');
    await expect(sandbox.backend.validateOtp(validateRequest('654321'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('just before expiresAt the code works', async () => {
    const sandbox = await sent();
    clock.t = sandbox.lastMessage()!.expiresAt - 1;
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it.each([0, 1, 60_000])('at expiresAt + %i ms → 400 that the kit reads as expired', async (after) => {
    const sandbox = await sent();
    const { expiresAt } = sandbox.lastMessage()!;
    expect(expiresAt).toBe(T0 + 300_000);
    clock.t = expiresAt + after;
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(classify(error, 'validate-otp')).toBe('expired');
  });

  it('expiry follows codeLifetimeSeconds', async () => {
    const sandbox = await sent({ codeLifetimeSeconds: 30 });
    clock.t = T0 + 30_000;
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('123456'), ctx()));
    expect(classify(error, 'validate-otp')).toBe('expired');
  });

  it('an expired code is also refused when it is wrong, and a resend gives a working code', async () => {
    const sandbox = await sent();
    clock.t = T0 + 300_000;
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('000000'), ctx()));
    expect(classify(error, 'validate-otp')).toBe('expired');
    await sandbox.backend.createOtp(sendRequest(), ctx());
    expect(sandbox.lastMessage()?.expiresAt).toBe(T0 + 600_000);
    await expect(sandbox.backend.validateOtp(validateRequest('654321'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('a code validated for an option other than the one it was sent to → 400', async () => {
    const sandbox = await sent();
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('123456', EMAIL_ID), ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    // a send to the e-mail option replaces the SMS code
    await sandbox.backend.createOtp(sendRequest(EMAIL_ID), ctx());
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('654321', SMS_ID), ctx()))).status).toBe(400);
    await expect(sandbox.backend.validateOtp(validateRequest('654321', EMAIL_ID), ctx())).resolves.toEqual(SUCCESS);
  });

  it('codes belong to their token', async () => {
    const sandbox = await sent({}, 'token-A');
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('123456', SMS_ID, 'token-B'), ctx()))).status).toBe(
      400,
    );
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('123456', SMS_ID), ctx()))).status).toBe(400);
    await expect(sandbox.backend.validateOtp(validateRequest('123456', SMS_ID, 'token-A'), ctx())).resolves.toEqual(
      SUCCESS,
    );
  });

  it('without tokenId, send and validate meet on the default token', async () => {
    const sandbox = await sent();
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('a missing otp → 400 missingFields', async () => {
    const sandbox = await sent();
    const request = { clientCorrelationId: 'corr-1', stepUpOption: { id: SMS_ID } } as unknown as ValidateOtpRequest;
    const error = await rejection(sandbox.backend.validateOtp(request, ctx()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'missingFields', message: expect.any(String) }] });
    const empty = await rejection(sandbox.backend.validateOtp(validateRequest(''), ctx()));
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ errors: [{ type: 'missingFields' }] });
  });

  it('an otp that is not a string (an array of digits) → 400 invalidFields, and spends no attempt', async () => {
    const sandbox = await sent();
    const request = { ...validateRequest('x'), otp: ['1', '2', '3', '4', '5', '6'] } as unknown as ValidateOtpRequest;
    const error = await rejection(sandbox.backend.validateOtp(request, ctx()));
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ errors: [{ type: 'invalidFields' }] });
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });
});

describe('golden code', () => {
  it(`is off by default: ${SANDBOX_GOLDEN_CODE} is a wrong code`, async () => {
    const sandbox = await sent();
    expect(SANDBOX_GOLDEN_CODE).toBe('456789');
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('456789'), ctx()));
    expect(error.status).toBe(400);
    expect(classify(error, 'validate-otp')).toBe('invalid-otp');
  });

  it('goldenCode: false does not accept 456789', async () => {
    const sandbox = await sent({ goldenCode: false });
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('456789'), ctx()))).status).toBe(400);
  });

  it('goldenCode: true accepts 456789 in place of the sent code', async () => {
    const sandbox = await sent({ goldenCode: true });
    expect(sandbox.lastMessage()?.code).toBe('123456');
    await expect(sandbox.backend.validateOtp(validateRequest('456789'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('goldenCode: true still accepts the sent code and still refuses others', async () => {
    const sandbox = await sent({ goldenCode: true });
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('111111'), ctx()))).status).toBe(400);
    await expect(sandbox.backend.validateOtp(validateRequest('123456'), ctx())).resolves.toEqual(SUCCESS);
  });

  it("goldenCode: '111111' accepts that code and not 456789", async () => {
    const sandbox = await sent({ goldenCode: '111111' });
    expect((await rejection(sandbox.backend.validateOtp(validateRequest('456789'), ctx()))).status).toBe(400);
    await expect(sandbox.backend.validateOtp(validateRequest('111111'), ctx())).resolves.toEqual(SUCCESS);
  });

  it('the golden code still needs a code to have been sent, and is refused after expiry', async () => {
    const unsent = createSandbox({ stepUpOptions: OPTIONS, now, goldenCode: true });
    expect((await rejection(unsent.backend.validateOtp(validateRequest('456789'), ctx()))).status).toBe(400);

    const sandbox = await sent({ goldenCode: true });
    clock.t = T0 + 300_000;
    const error = await rejection(sandbox.backend.validateOtp(validateRequest('456789'), ctx()));
    expect(classify(error, 'validate-otp')).toBe('expired');
  });
});
