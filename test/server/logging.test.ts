// @vitest-environment node
/**
 * What the routes write to the merchant's logger: never the full token id (masked like a PAN), never the
 * one-time password, and lines that do not change with what the cardholder typed.
 */
import { inspect } from 'node:util';
import { fc, test as propTest } from '@fast-check/vitest';
import {
  VisaApiError,
  createMemorySessionStore,
  createStepUpRoutes,
  createVisaAcceptanceClient,
  type StepUpRoutes,
  type VisaAcceptanceClient,
  type ValidateOtpBody,
} from '../../src/server';
import { redactingLogger } from '../../src/server/logger';
import type { SandboxServer } from '../../src/sandbox-server';
import { fakeVisaClient, postJson } from './fake-visa-client';
import { AUTH_BODY, KEY_ID, MERCHANT_ID, capturingLogger, signatureClient, startTestSandbox } from './helpers';

const TOKEN_ID = 'tok-4f0c9a1e7b3d4c2a9e8f1b6d5c4a3b21';
const MASKED = '…3b21';

function routesWith(client: VisaAcceptanceClient, logger = capturingLogger()) {
  const routes = createStepUpRoutes({
    client,
    sessions: createMemorySessionStore(),
    getSessionId: (request) => request.headers.get('x-session-id') ?? undefined,
    logger: logger.logger,
    basePath: '/api/step-up',
  });
  return { routes, lines: logger.lines };
}

async function open(routes: StepUpRoutes, sessionId = 'shopper-1') {
  const { clientCorrelationId, stepUpOptions } = await routes.startStepUp({ sessionId, tokenId: TOKEN_ID, authenticationOptionsBody: AUTH_BODY });
  const body = { clientCorrelationId, stepUpOption: { id: stepUpOptions[0]!.id } };
  const call = (path: 'one-time-passwords' | 'validate', extra: Record<string, unknown> = {}) =>
    routes(postJson(path, { ...body, ...extra }, { 'x-session-id': sessionId }));
  return { body, call };
}

describe('the token id', () => {
  let server: SandboxServer;
  beforeEach(async () => {
    server = await startTestSandbox();
  });
  afterEach(() => server.close());

  it('appears in no log line, only its last 4 characters, whatever Visa answers', async () => {
    const { routes, lines } = routesWith(signatureClient(server, { timeoutMs: 200 }));
    const { call } = await open(routes);
    for (const failure of ['send-rejected', 'send-server-error', 'malformed', 'network'] as const) {
      server.sandbox.configure({ failure });
      expect((await call('one-time-passwords')).status).toBeGreaterThanOrEqual(400);
    }
    server.sandbox.configure({ failure: 'none' });
    expect((await call('one-time-passwords')).status).toBe(200);
    expect((await call('validate', { otp: '000000' })).status).toBe(400);
    for (const failure of ['validate-server-error', 'hang'] as const) {
      server.sandbox.configure({ failure });
      expect((await call('validate', { otp: '000000' })).status).toBeGreaterThanOrEqual(500);
    }

    const text = lines.join('\n');
    expect(lines.filter((line) => line.includes('Visa') && line.includes(`tokenized-cards/${MASKED}/`)).length).toBeGreaterThanOrEqual(6);
    expect(text).not.toContain(TOKEN_ID);
    expect(text).not.toContain(TOKEN_ID.slice(4, -4));
  });

  it('is masked in the message of a VisaApiError, which merchants log', async () => {
    const refused = createVisaAcceptanceClient({
      environment: { baseUrl: server.url },
      merchantId: MERCHANT_ID,
      credentials: { type: 'http-signature', keyId: KEY_ID, sharedSecret: Buffer.alloc(32, 7).toString('base64') },
    });
    const error = await refused.authenticationOptions(TOKEN_ID, AUTH_BODY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisaApiError);
    expect((error as VisaApiError).message).toBe(`POST /tms/v2/tokenized-cards/${MASKED}/authentication-options answered 401 (INVALID_SIGNATURE)`);
    expect((error as VisaApiError).reason).toBe('INVALID_SIGNATURE');
    expect(inspect(error)).not.toContain(TOKEN_ID);
  });

  it('is masked in text the routes do not control, such as an instrumentation error quoting the URL', async () => {
    const client = fakeVisaClient({
      createOtp: async (tokenId) => {
        throw new Error(`tracing failed for https://api.visaacceptance.com/tms/v2/tokenized-cards/${tokenId}/authentication-options/one-time-passwords`);
      },
    });
    const { routes, lines } = routesWith(client);
    const { call } = await open(routes);
    expect((await call('one-time-passwords')).status).toBe(500);
    expect(lines.join('\n')).toContain(`tokenized-cards/${MASKED}/authentication-options`);
    expect(lines.join('\n')).not.toContain(TOKEN_ID);
  });
});

/** Ways a validate can fail, some of them quoting the request body in an error message the routes did not write. */
const FAILURES: Record<string, (body: ValidateOtpBody) => never> = {
  'Visa refuses the code': () => {
    throw new VisaApiError('http', 'validate-otp', `POST /tms/v2/tokenized-cards/${MASKED}/authentication-options/validate answered 400`, {
      status: 400,
      body: { errors: [{ reason: 'OTP_INVALID', message: 'The code is not valid' }] },
    });
  },
  'an error quoting the body as JSON': (body) => {
    throw new Error(`instrumentation failed on ${JSON.stringify(body)}`);
  },
  'an error quoting the body as util.inspect does': (body) => {
    throw new Error(`request failed: ${inspect(body)}`);
  },
  'an error quoting a query string': (body) => {
    throw new Error(`GET https://trace.test/span?route=validate&otp=${body.otp}&ok=0`);
  },
  'an error quoting JSON inside JSON': (body) => {
    throw new Error(JSON.stringify({ span: 'validate', request: JSON.stringify(body) }));
  },
};

/** The lines a step-up logs when its validate fails one way with `otp` (timings set to 0), then the answer's body. */
async function linesOfValidate(otp: string, failure: keyof typeof FAILURES): Promise<string[]> {
  const { routes, lines } = routesWith(fakeVisaClient({ validateOtp: async (_tokenId, body) => FAILURES[failure]!(body) }));
  const { call } = await open(routes);
  await call('one-time-passwords');
  const answer = await call('validate', { otp });
  expect(answer.status).toBeGreaterThanOrEqual(400);
  return [...lines.map((line) => line.replace(/"(ms|upstreamMs)":\d+/g, '"$1":0')), await answer.text()];
}

describe('the one-time password', () => {
  it.each(['validate', 'answered', 'stepup', 'route', '3b21'])('a code "%s" leaves the log lines and the answer as they are', async (otp) => {
    const lines = await linesOfValidate(otp, 'Visa refuses the code');
    expect(lines).toEqual(await linesOfValidate('000000', 'Visa refuses the code'));
    expect(lines.some((line) => line.startsWith('info step-up: validate-otp answered 400 {"route":"validate"'))).toBe(true);
  });

  it.each(Object.keys(FAILURES))('is redacted where %s, and the line is otherwise kept', async (failure) => {
    const lines = await linesOfValidate('918273', failure);
    expect(lines.join('\n')).not.toContain('918273');
    expect(lines).toEqual(await linesOfValidate('000000', failure));
  });

  propTest.prop(
    [
      fc.oneof(
        fc.constantFrom('validate', 'answered', 'stepup', 'route', 'status', 'failed', 'error', 'Visa', 'info', 'warn', '1234', '3b21', 'redacted'),
        fc.stringMatching(/^[0-9A-Za-z]{4,16}$/),
      ),
      fc.constantFrom(...Object.keys(FAILURES)),
    ],
    { numRuns: 60 },
  )('never shapes a log line or the answer, whatever the code and however it leaks', async (otp, failure) => {
    const lines = await linesOfValidate(otp, failure);
    expect(lines).toEqual(await linesOfValidate(otp === '000000' ? '111111' : '000000', failure));
  });

  it('is never logged as a field, nor is a body, at any depth', () => {
    const { logger, lines } = capturingLogger();
    redactingLogger(logger).warn('step-up: something failed', {
      otp: '918273',
      request: { body: { otp: '918273', stepUpOption: { id: 'x' } }, OTP: 918273 },
      note: 'otp=918273; "otp": "918273"',
    });
    expect(lines[0]).not.toContain('918273');
    expect(lines[0]).toContain('"request":{"body":"[redacted]","OTP":"[redacted]"}');
  });
});
