import { createSandbox, SANDBOX_METHOD_OPTIONS, sandboxStepUpOptions, type StepUpSandbox } from '../../src/sandbox';
import { normalizeStepUpOptions } from '../../src/core';
import { classify, ctx, rejection } from './helpers';

const CALL = SANDBOX_METHOD_OPTIONS.OUTBOUND_CALL.id!;
const APP = SANDBOX_METHOD_OPTIONS.APP_TO_APP_CODE.id!;
const WEB = SANDBOX_METHOD_OPTIONS.APP_TO_APP_WEB.id!;

function make(): StepUpSandbox {
  return createSandbox({ stepUpOptions: sandboxStepUpOptions(['OTP_SMS', 'APP_TO_APP', 'APP_TO_APP_CODE', 'APP_TO_APP_WEB', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL']) });
}

describe('the sandbox’s out-of-band methods', () => {
  it('offers the chosen methods in order, each normalising to its method with its platform details', () => {
    const options = normalizeStepUpOptions(make().authenticationOptions().stepUpOptions);
    expect(options.map((o) => o.method)).toEqual(['OTP_SMS', 'APP_TO_APP', 'APP_TO_APP', 'APP_TO_APP', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL']);
    expect(options[3]).toMatchObject({ platformType: 'WEB', subMethod: '3DS', source: expect.stringMatching(/^https:/) });
    expect(options[2]).toMatchObject({ platformType: 'ANDROID', requestPayload: expect.any(String) });
    expect(() => sandboxStepUpOptions(['SMOKE_SIGNAL' as never])).toThrow(TypeError);
  });

  it('answers authentication-options per token: the step-up while pending, AUTHENTICATION_REGISTRATION once approved, 403 declined once declined', () => {
    const sandbox = make();
    const pending = sandbox.outOfBand.answer('tok-a', sandbox.authenticationOptions().stepUpOptions);
    expect(pending.action).toBe('STEP_UP_AUTHENTICATE');
    // the web variant points at the issuer page and carries an opaque handle, not the token id
    const web = 'stepUpOptions' in pending ? pending.stepUpOptions.find((o) => o.id === WEB)! : undefined;
    expect(web?.requestPayload).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(web?.requestPayload).not.toContain('tok-a');
    expect(sandbox.outOfBand.resolveHandle(web!.requestPayload!)).toEqual({ tokenId: 'tok-a', optionId: WEB });
    expect(sandbox.outOfBand.pending().map((p) => p.method)).toEqual(['APP_TO_APP', 'APP_TO_APP', 'APP_TO_APP', 'CUSTOMER_SERVICE', 'OUTBOUND_CALL']);

    sandbox.outOfBand.decide('tok-a', 'approved');
    expect(sandbox.outOfBand.answer('tok-a', [])).toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    expect(sandbox.outOfBand.pending()).toEqual([]);
    sandbox.outOfBand.decide('tok-b', 'declined');
    expect(() => sandbox.outOfBand.answer('tok-b', [])).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('offers other methods to one token on demand', () => {
    const sandbox = make();
    sandbox.outOfBand.offer('tok-a', ['CUSTOMER_SERVICE']);
    const answer = sandbox.outOfBand.answer('tok-a', sandbox.authenticationOptions().stepUpOptions);
    expect('stepUpOptions' in answer && answer.stepUpOptions.map((o) => o.method)).toEqual(['CUSTOMER_SERVICE']);
    sandbox.outOfBand.offer('tok-a', undefined);
    const back = sandbox.outOfBand.answer('tok-a', sandbox.authenticationOptions().stepUpOptions);
    expect('stepUpOptions' in back && back.stepUpOptions).toHaveLength(6);
  });

  it('takes the selection of OUTBOUND_CALL as a send that makes no code, and lists the call as waiting', async () => {
    const sandbox = make();
    await expect(sandbox.backend.submitSelection!({ clientCorrelationId: 'c', stepUpOption: { id: CALL } }, ctx())).resolves.toEqual({
      notified: true,
      maxRequestsAllowed: 3,
    });
    expect(sandbox.outbox()).toEqual([]);
    expect(sandbox.outOfBand.pending()).toEqual([expect.objectContaining({ method: 'OUTBOUND_CALL', state: 'selected', tokenId: 'sandbox-token' })]);
    await expect(sandbox.backend.checkStepUp!({ clientCorrelationId: 'c' }, ctx())).resolves.toEqual({ status: 'pending' });
    sandbox.outOfBand.decide('sandbox-token', 'approved');
    await expect(sandbox.backend.checkStepUp!({ clientCorrelationId: 'c' }, ctx())).resolves.toEqual({ status: 'verified', action: 'AUTHENTICATION_REGISTRATION' });
  });

  it('validates an issuerAuthCode it issued for the token and option, once; refuses anything else as an invalid code', async () => {
    const sandbox = make();
    const code = sandbox.outOfBand.issueCode('sandbox-token', APP);
    const request = (issuerAuthCode: string, id = APP) => ({ clientCorrelationId: 'c', stepUpOption: { id }, issuerAuthCode });
    for (const wrong of [request('made-up'), request(code, CALL), request('x'.repeat(4097))]) {
      const error = await rejection(sandbox.backend.validateIssuerCode!(wrong, ctx()));
      expect(error.status).toBe(400);
      expect(classify(error, 'validate-otp')).toBe('invalid-otp');
    }
    await expect(sandbox.backend.validateIssuerCode!(request(code), ctx())).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    expect(sandbox.outOfBand.decision('sandbox-token')).toBe('approved');
    expect((await rejection(sandbox.backend.validateIssuerCode!(request(code), ctx()))).status).toBe(400);
  });

  it('only records the selection of CUSTOMER_SERVICE, as the merchant server does by default', async () => {
    const sandbox = make();
    const id = SANDBOX_METHOD_OPTIONS.CUSTOMER_SERVICE.id!;
    await expect(sandbox.backend.submitSelection!({ clientCorrelationId: 'c', stepUpOption: { id } }, ctx())).resolves.toEqual({ notified: false });
    expect(sandbox.calls('createOtp')).toEqual([]);
    expect(sandbox.outOfBand.pending()).toEqual([expect.objectContaining({ method: 'CUSTOMER_SERVICE', state: 'selected' })]);
  });

  it('keeps the selections and checks it received in calls(), as it keeps sends and validates', async () => {
    const sandbox = make();
    const id = SANDBOX_METHOD_OPTIONS.CUSTOMER_SERVICE.id!;
    await sandbox.backend.submitSelection!({ clientCorrelationId: 'c', stepUpOption: { id } }, ctx());
    await sandbox.backend.checkStepUp!({ clientCorrelationId: 'c', tokenId: 'tok-9' }, ctx());
    expect(sandbox.calls().map((c) => [c.operation, c.tokenId])).toEqual([
      ['submitSelection', 'sandbox-token'],
      ['checkStepUp', 'tok-9'],
    ]);
    expect(sandbox.calls('submitSelection')[0]!.body.stepUpOption.id).toBe(id);
  });

  it('lets a check take latencyMs, be aborted, and fail as offline', async () => {
    vi.useFakeTimers();
    try {
      const sandbox = make();
      sandbox.configure({ latencyMs: 500 });
      let settled = false;
      const check = sandbox.backend.checkStepUp!({ clientCorrelationId: 'c' }, ctx()).then((answer) => ((settled = true), answer));
      await vi.advanceTimersByTimeAsync(499);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(check).resolves.toEqual({ status: 'pending' });

      const controller = new AbortController();
      const aborted = sandbox.backend.checkStepUp!({ clientCorrelationId: 'c' }, ctx(controller.signal));
      controller.abort();
      expect((await rejection(aborted)).kind).toBe('aborted');

      sandbox.configure({ failure: 'network', latencyMs: 0 });
      const offline = rejection(sandbox.backend.checkStepUp!({ clientCorrelationId: 'c' }, ctx()));
      await vi.advanceTimersByTimeAsync(1);
      expect((await offline).kind).toBe('network');
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets decisions, codes and handles on reset', () => {
    const sandbox = make();
    sandbox.outOfBand.decide('tok', 'approved');
    sandbox.reset();
    expect(sandbox.outOfBand.decision('tok')).toBeUndefined();
  });
});
