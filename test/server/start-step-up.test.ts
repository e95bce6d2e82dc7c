// @vitest-environment node
import { createMemorySessionStore, createStepUpRoutes, type VisaAcceptanceClient } from '../../src/server';

/** A client whose answers the test sets, for what the sandbox never answers (AUTHENTICATE). */
function scriptedClient(actions: string[]): VisaAcceptanceClient {
  const options = [{ id: 'c21z', method: 'OTP_SMS', value: '***-1234' }];
  return {
    merchantId: 'm',
    baseUrl: 'http://127.0.0.1:1',
    timeoutMs: 1000,
    authenticationOptions: async () => {
      const action = actions.shift()!;
      return { status: 201, body: action === 'STEP_UP_AUTHENTICATE' ? { action, stepUpOptions: options } : { action } };
    },
    createOtp: async () => ({ status: 201, body: { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 } }),
    validateOtp: async () => ({ status: 200, body: { action: 'AUTHENTICATION_REGISTRATION' } }),
  } as unknown as VisaAcceptanceClient;
}

const post = (path: string, body: unknown) =>
  new Request(`http://127.0.0.1/api/step-up/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'sid=s1' },
    body: JSON.stringify(body),
  });

describe('startStepUp', () => {
  it('forgets a verified step-up of the session when the next card needs none', async () => {
    const routes = createStepUpRoutes({
      client: scriptedClient(['STEP_UP_AUTHENTICATE', 'AUTHENTICATE']),
      sessions: createMemorySessionStore(),
      getSessionId: () => 's1',
      basePath: '/api/step-up',
    });
    const first = await routes.startStepUp({ sessionId: 's1', tokenId: 'cardA', authenticationOptionsBody: {} });
    const body = { clientCorrelationId: first.clientCorrelationId, stepUpOption: { id: 'c21z' } };
    expect((await routes(post('one-time-passwords', body))).status).toBe(200);
    expect((await routes(post('validate', { ...body, otp: '123456' }))).status).toBe(200);
    expect(await routes.getStepUp('s1')).toMatchObject({ tokenId: 'cardA', verified: true });

    const second = await routes.startStepUp({ sessionId: 's1', tokenId: 'cardB', authenticationOptionsBody: {} });
    expect(second.stepUp).toBe(false);
    expect(await routes.getStepUp('s1')).toBeUndefined();
  });
});
