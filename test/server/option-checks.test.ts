// @vitest-environment node
/**
 * Numeric options are checked when the server parts are created: NaN (an unset environment variable), a
 * fraction, zero or a value past `setTimeout`'s range is a TypeError naming the option, never a limit that
 * silently switches off or a timer that fires at once.
 */
import {
  createMemorySessionStore,
  createStepUpRoutes,
  createVisaAcceptanceClient,
  toNodeHandler,
  type StepUpRoutesOptions,
  type VisaAcceptanceClient,
  type VisaAcceptanceClientOptions,
} from '../../src/server';
import { KEY_ID, MERCHANT_ID, SHARED_SECRET } from './helpers';

const BAD = [Number.NaN, 0, -1, 1.5, Infinity, 3e9, '100' as unknown as number];

const clientOptions: VisaAcceptanceClientOptions = {
  environment: { baseUrl: 'http://127.0.0.1:9' },
  merchantId: MERCHANT_ID,
  credentials: { type: 'http-signature', keyId: KEY_ID, sharedSecret: SHARED_SECRET },
};

function routesWith(extra: Partial<StepUpRoutesOptions>) {
  return createStepUpRoutes({
    client: createVisaAcceptanceClient(clientOptions),
    sessions: createMemorySessionStore(),
    getSessionId: () => undefined,
    ...extra,
  });
}

describe.each(['sessionTtlSeconds', 'maxSendsPerStepUp', 'maxValidationsPerCode', 'maxBodyBytes', 'bodyTimeoutMs'] as const)(
  'createStepUpRoutes option %s',
  (name) => {
    it.each(BAD)('refuses %s with a TypeError naming it', (value) => {
      expect(() => routesWith({ [name]: value })).toThrow(TypeError);
      expect(() => routesWith({ [name]: value })).toThrow(name);
    });
  },
);

it('createStepUpRoutes accepts sane values and refuses a client whose timeoutMs is not a sane duration', () => {
  expect(() =>
    routesWith({ sessionTtlSeconds: 60, maxSendsPerStepUp: 2, maxValidationsPerCode: 1, maxBodyBytes: 4096, bodyTimeoutMs: 2_000 }),
  ).not.toThrow();
  for (const timeoutMs of BAD) {
    const client = { ...createVisaAcceptanceClient(clientOptions), timeoutMs } as VisaAcceptanceClient;
    expect(() => createStepUpRoutes({ client, sessions: createMemorySessionStore(), getSessionId: () => undefined })).toThrow(
      /client\.timeoutMs/,
    );
  }
});

it.each(BAD)('createVisaAcceptanceClient refuses timeoutMs %s, and a call refuses it too', async (timeoutMs) => {
  expect(() => createVisaAcceptanceClient({ ...clientOptions, timeoutMs })).toThrow(TypeError);
  expect(() => createVisaAcceptanceClient({ ...clientOptions, timeoutMs })).toThrow('timeoutMs');
  const client = createVisaAcceptanceClient(clientOptions);
  await expect(client.createOtp('tok-1', { clientCorrelationId: 'c', stepUpOption: { id: 'o' } }, { timeoutMs })).rejects.toThrow(
    TypeError,
  );
});

it('createVisaAcceptanceClient keeps 15 s by default and takes up to 10 minutes', () => {
  expect(createVisaAcceptanceClient(clientOptions).timeoutMs).toBe(15_000);
  expect(createVisaAcceptanceClient({ ...clientOptions, timeoutMs: 600_000 }).timeoutMs).toBe(600_000);
  expect(() => createVisaAcceptanceClient({ ...clientOptions, timeoutMs: 600_001 })).toThrow('timeoutMs');
});

describe.each(['drainTimeoutMs', 'maxDrainBytes'] as const)('toNodeHandler option %s', (name) => {
  it.each(BAD)('refuses %s with a TypeError naming it', (value) => {
    const handler = async () => new Response(null, { status: 204 });
    expect(() => toNodeHandler(handler, { [name]: value })).toThrow(TypeError);
    expect(() => toNodeHandler(handler, { [name]: value })).toThrow(name);
  });
});
