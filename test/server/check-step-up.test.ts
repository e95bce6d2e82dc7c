// @vitest-environment node
/** The check's reading of Visa's answers and failures, and the issuer code's unknown-outcome rule, against a stand-in Visa client. */
import { createMemorySessionStore, createStepUpRoutes, defaultInterpretCheck, VisaApiError, type StepUpRoutesOptions, type VisaAcceptanceClient } from '../../src/server';
import { sessionKey } from '../../src/server/route-context';
import { fakeVisaClient, postJson } from './fake-visa-client';

const CALL = 'call-1';
const APP = 'app-1';
const OFFER = { action: 'STEP_UP_AUTHENTICATE', stepUpOptions: [{ id: CALL, method: 'OUTBOUNDCALL', value: '***1234' }, { id: APP, method: 'APP-TO-APP', value: 'Bank' }] };

type Answer = () => Promise<{ status: number; body: Record<string, unknown> }>;

async function setup(answers: Answer[], options: Partial<StepUpRoutesOptions> = {}, validateOtp?: VisaAcceptanceClient['validateOtp']) {
  const fake = fakeVisaClient(validateOtp ? { validateOtp } : {});
  let checks = 0;
  const client: VisaAcceptanceClient = {
    ...fake,
    authenticationOptions: async () => (checks++ === 0 ? { status: 201, body: OFFER } : answers.shift()!()),
  };
  const routes = createStepUpRoutes({ client, sessions: createMemorySessionStore(), getSessionId: () => 'shopper', minCheckIntervalMs: 0, ...options });
  await routes.startStepUp({ sessionId: 'shopper', tokenId: 'tok-1', authenticationOptionsBody: { sessionInformation: { secureToken: 'first' } } });
  const post = async (path: string, body: unknown) => {
    const response = await routes(postJson(path, body));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { routes, post, fake };
}

const answer = (body: Record<string, unknown>): Answer => async () => ({ status: 201, body });
const fail = (error: VisaApiError): Answer => async () => {
  throw error;
};
const http = (status: number, body: unknown) => new VisaApiError('http', 'authentication-options', `answered ${status}`, { status, body });

describe('defaultInterpretCheck', () => {
  it.each([
    [{ status: 201, body: { action: 'AUTHENTICATION_REGISTRATION' } }, 'verified'],
    [{ status: 201, body: { action: 'AUTHENTICATE', authenticationContext: {} } }, 'verified'],
    [{ status: 201, body: { action: 'STEP_UP_AUTHENTICATION', stepUpOptions: [{ id: CALL }] }, selectedOptionId: CALL }, 'pending'],
    [{ status: 201, body: { action: 'STEP_UP_AUTHENTICATE', stepUpOptions: [{ id: 'other' }] }, selectedOptionId: CALL }, 'expired'],
    [{ status: 201, body: { action: 'STEP_UP_AUTHENTICATE', stepUpOptions: [] } }, 'pending'],
    [{ status: 201, body: { action: 'SOMETHING_NEW' } }, undefined],
    [{ status: 403, body: { errors: [{ type: 'declined', message: 'no' }] } }, 'declined'],
    [{ status: 400, body: { errors: [{ type: 'invalidFields', message: 'secureToken' }] } }, undefined],
    [{ status: 201, body: 'text' }, undefined],
  ] as const)('%j → %s', (input, expected) => {
    expect(defaultInterpretCheck(input)).toBe(expected);
  });
});

describe('POST check', () => {
  it.each([
    ['a timeout', fail(new VisaApiError('timeout', 'authentication-options', 'no answer')), 504, 'upstream-timeout'],
    ['a network failure', fail(new VisaApiError('network', 'authentication-options', 'down')), 502, 'upstream-unreachable'],
    ['a 429', fail(http(429, { errors: [{ type: 'tooManyRequests', message: 'slow down' }] })), 429, 'rate-limited'],
    ['a 400 of Visa’s that is no verdict', fail(http(400, { errors: [{ type: 'invalidFields', message: 'x' }] })), 502, 'upstream-error'],
    ['a 403 without Visa’s body', fail(http(403, '<html>WAF</html>')), 502, 'upstream-error'],
    ['an action nobody knows', answer({ action: 'SOMETHING_NEW' }), 502, 'upstream-error'],
  ])('maps %s to %s and leaves the step-up unverified', async (_name, upstream, status, kind) => {
    const { post, routes } = await setup([upstream]);
    expect(await post('check', {})).toEqual({ status, body: expect.objectContaining({ error: expect.objectContaining({ kind }) }) });
    expect(await routes.getStepUp('shopper')).toMatchObject({ verified: false });
  });

  it('uses the merchant’s interpretCheck, and treats one that throws as an unreadable answer (502, not 500)', async () => {
    const custom = await setup([answer({ action: 'BOUND' })], { interpretCheck: ({ body }) => ((body as { action?: string }).action === 'BOUND' ? 'verified' : undefined) });
    expect(await custom.post('check', {})).toEqual({ status: 200, body: { status: 'verified', action: 'BOUND' } });
    expect(await custom.routes.getStepUp('shopper')).toMatchObject({ verified: true, action: 'BOUND' });
    const throwing = await setup([answer({ action: 'AUTHENTICATION_REGISTRATION' })], {
      interpretCheck: () => {
        throw new Error('bug');
      },
    });
    expect((await throwing.post('check', {})).status).toBe(502);
  });

  it('refuses a secureToken that is not a printable word of at most 8 KiB, before any upstream call', async () => {
    const { post } = await setup([]);
    for (const secureToken of ['has space', 'x'.repeat(8193), 42, '']) expect((await post('check', { secureToken })).status).toBe(400);
  });

  it('answers no-step-up for a record written before the check existed, without calling Visa', async () => {
    const sessions = createMemorySessionStore();
    const client = fakeVisaClient();
    const routes = createStepUpRoutes({ client, sessions, getSessionId: () => 'shopper' });
    const old = { v: 1 as const, tokenId: 'tok-1', clientCorrelationId: 'c', options: [{ id: CALL, method: 'OUTBOUND_CALL' }], startedAt: 1, sendAttempts: 0, sends: 0 };
    await sessions.set(sessionKey('shopper'), old);
    const response = await routes(postJson('check', {}));
    expect(response.status).toBe(409);
    expect(client.calls.authenticationOptions).toBe(0);
  });
});

describe('POST issuer-code after a lost verdict', () => {
  it('answers code-unconfirmed to a refusal that follows a lost answer, spends no attempt, and takes the next code', async () => {
    const refusal = new VisaApiError('http', 'validate-otp', 'answered 400', { status: 400, body: { errors: [{ type: 'invalidFields', reason: 'INVALID', message: 'The code is not valid' }] } });
    const outcomes: Array<() => never | { status: number; body: { action: string } }> = [
      () => {
        throw new VisaApiError('timeout', 'validate-otp', 'no answer');
      },
      () => {
        throw refusal;
      },
      () => {
        throw refusal;
      },
      () => ({ status: 200, body: { action: 'AUTHENTICATION_REGISTRATION' } }),
    ];
    const { post, fake } = await setup([], { maxValidationsPerCode: 2 }, async () => outcomes.shift()!());
    const send = (issuerAuthCode: string) => post('issuer-code', { stepUpOption: { id: APP }, issuerAuthCode });
    expect((await send('code-1')).status).toBe(504);
    expect(await send('code-1')).toMatchObject({ status: 409, body: { error: { kind: 'code-unconfirmed' } } });
    expect(await send('code-2')).toMatchObject({ status: 400, body: { error: { kind: 'invalid-otp' } } });
    expect(await send('code-3')).toEqual({ status: 200, body: { action: 'AUTHENTICATION_REGISTRATION' } });
    expect(fake.calls.validateOtp).toBe(4);
  });

  it('accepts issuer codes for APP_TO_APP options only', async () => {
    const { post, fake } = await setup([]);
    expect(await post('issuer-code', { stepUpOption: { id: CALL }, issuerAuthCode: 'x' })).toMatchObject({ status: 409, body: { error: { kind: 'code-not-sent' } } });
    expect(fake.calls.validateOtp).toBe(0);
  });
});
