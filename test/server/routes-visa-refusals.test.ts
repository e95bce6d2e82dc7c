// @vitest-environment node
/**
 * How the routes answer refusals from Visa that are not about the cardholder's code, and the options that
 * bound them, against a stand-in Visa client (the sandbox never answers these statuses).
 */
import { createFetchBackend } from '../../src/backend/fetch-backend';
import { defaultClassifyError, StepUpBackendError } from '../../src/core';
import {
  VisaApiError,
  createMemorySessionStore,
  createStepUpRoutes,
  type StepUpRoutesOptions,
  type VisaAcceptanceClient,
} from '../../src/server';

const ctx = () => ({ signal: new AbortController().signal });

function standIn(validateStatus: number) {
  const validations = { count: 0 };
  const client: VisaAcceptanceClient = {
    merchantId: 'm',
    baseUrl: 'https://visa.test',
    timeoutMs: 1_000,
    authenticationOptions: async () => ({
      status: 201,
      body: { action: 'STEP_UP_AUTHENTICATE', stepUpOptions: [{ id: 'sms', method: 'OTP_SMS', value: '***-1234' }] },
    }),
    createOtp: async () => ({ status: 201, body: { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 } }),
    validateOtp: async () => {
      validations.count += 1;
      throw new VisaApiError('http', 'validate-otp', `Visa answered ${validateStatus}`, {
        status: validateStatus,
        body: { errors: [{ type: 'notFound', message: 'The requested resource does not exist' }] },
      });
    },
  };
  return { client, validations };
}

async function stepUp(client: VisaAcceptanceClient, options: Partial<StepUpRoutesOptions> = {}) {
  const routes = createStepUpRoutes({
    client,
    sessions: createMemorySessionStore(),
    getSessionId: () => 'shopper-1',
    ...options,
  });
  const { clientCorrelationId } = await routes.startStepUp({ sessionId: 'shopper-1', tokenId: 'tok', authenticationOptionsBody: {} as never });
  const browser = createFetchBackend({ baseUrl: 'http://shop.test/step-up', fetch: (input, init) => routes(new Request(input as string, init)) });
  return { browser, body: { clientCorrelationId, stepUpOption: { id: 'sms' } } };
}

describe('Visa refusing the request itself', () => {
  it.each([404, 405, 413, 415])('a %d on validate answers 502 and spends no attempt', async (status) => {
    const { client, validations } = standIn(status);
    const { browser, body } = await stepUp(client);
    await browser.createOtp(body, ctx());

    for (let i = 0; i < 5; i++) {
      const error = await browser.validateOtp({ ...body, otp: '123456' }, ctx()).catch((e: unknown) => e as StepUpBackendError);
      expect(error).toBeInstanceOf(StepUpBackendError);
      expect((error as StepUpBackendError).status).toBe(502);
      expect(defaultClassifyError({ operation: 'validate-otp', status: 502, body: (error as StepUpBackendError).body, error })).toBe(
        'server-error',
      );
    }
    // never "attempts exhausted": each try reached Visa
    expect(validations.count).toBe(5);
  });
});

describe('the limits the routes enforce', () => {
  it('tells the browser the smaller of Visa’s limits and its own', async () => {
    const { client } = standIn(400);
    const { browser, body } = await stepUp(client, { maxSendsPerStepUp: 2, maxValidationsPerCode: 1 });
    await expect(browser.createOtp(body, ctx())).resolves.toEqual({ maxRequestsAllowed: 2, maxVerificationAllowed: 1, codeExpiration: 5 });
  });

  it.each([
    ['maxSendsPerStepUp', Number.NaN],
    ['maxSendsPerStepUp', 0],
    ['maxValidationsPerCode', 2.5],
    ['maxValidationsPerCode', -1],
  ])('refuses %s = %s at creation', (name, value) => {
    const { client } = standIn(400);
    expect(() =>
      createStepUpRoutes({ client, sessions: createMemorySessionStore(), getSessionId: () => 's', [name]: value }),
    ).toThrow(TypeError);
  });
});
