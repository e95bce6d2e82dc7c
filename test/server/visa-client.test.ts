// @vitest-environment node
/** The Visa Acceptance client against the sandbox server over real HTTP on 127.0.0.1, with both credential types. */
import { VisaApiError, createVisaAcceptanceClient, type VisaAcceptanceClient } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import {
  AUTH_BODY,
  KEY_ID,
  MERCHANT_ID,
  SHARED_SECRET,
  jwtClient,
  jwtMaterial,
  makeJwtMaterial,
  otherRsaKeyPem,
  signatureClient,
  startTestSandbox,
} from './helpers';

let server: SandboxServer;
beforeEach(async () => {
  server = await startTestSandbox({ random: () => 0.45 }); // every generated code is 444444
});
afterEach(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<VisaApiError> {
  const error = await promise.then(
    () => new Error('expected the call to reject'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VisaApiError);
  return error as VisaApiError;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each([
  ['HTTP Signature', (s: SandboxServer) => signatureClient(s)],
  ['JWT (RS256)', (s: SandboxServer) => jwtClient(s)],
])('the client with %s credentials', (_name, makeClient: (s: SandboxServer) => VisaAcceptanceClient) => {
  it('runs a whole step-up: options, a code sent, the code validated, with correlation ids', async () => {
    const client = makeClient(server);
    const options = await client.authenticationOptions('tok-1', AUTH_BODY);
    expect(options.status).toBe(201);
    expect(options.body.action).toBe('STEP_UP_AUTHENTICATE');
    expect(options.body.stepUpOptions?.map((o) => o.method)).toEqual(['OTP_SMS', 'OTP_EMAIL', 'OTP_ONLINE_BANKING']);
    expect(options.correlationId).toMatch(UUID);

    const smsId = options.body.stepUpOptions![0]!.id!;
    const grant = await client.createOtp('tok-1', { clientCorrelationId: AUTH_BODY.clientCorrelationId, stepUpOption: { id: smsId } });
    expect(grant.body).toEqual({ maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 });
    expect(grant.correlationId).toMatch(UUID);
    expect(grant.correlationId).not.toBe(options.correlationId);

    const message = server.sandbox.lastMessage()!;
    expect(message).toMatchObject({ tokenId: 'tok-1', optionId: smsId, code: '444444' });
    const validated = await client.validateOtp('tok-1', {
      clientCorrelationId: AUTH_BODY.clientCorrelationId,
      stepUpOption: { id: smsId },
      otp: message.code,
    });
    expect(validated).toMatchObject({ status: 200, body: { action: 'AUTHENTICATION_REGISTRATION' } });
    expect(server.sandbox.calls('validateOtp')[0]!.tokenId).toBe('tok-1');
  });

  it('rejects a wrong code with a VisaApiError carrying status, Visa body and correlation id, but not the code', async () => {
    const client = makeClient(server);
    const id = 'c21zLW9wdGlvbi0x';
    await client.createOtp('tok-2', { clientCorrelationId: 'c', stepUpOption: { id } });
    const error = await rejection(client.validateOtp('tok-2', { clientCorrelationId: 'c', stepUpOption: { id }, otp: '987654' }));
    expect(error).toMatchObject({ kind: 'http', operation: 'validate-otp', status: 400 });
    expect(error.body).toMatchObject({ errors: [{ type: 'invalidFields', reason: 'OTP_INVALID' }] });
    expect(error.correlationId).toMatch(UUID);
    expect(error.message).not.toContain('987654');
    expect(JSON.stringify(error.body)).not.toContain('987654');
  });
});

describe('client failures', () => {
  it('times out a call that gets no answer, as kind "timeout"', async () => {
    server.sandbox.configure({ failure: 'hang' });
    const client = signatureClient(server, { timeoutMs: 150 });
    const started = Date.now();
    const error = await rejection(client.createOtp('tok', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } }));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops a call when the caller aborts, as kind "aborted"', async () => {
    server.sandbox.configure({ failure: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(
      signatureClient(server).createOtp('tok', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } }, { signal: controller.signal }),
    );
    expect(error.kind).toBe('aborted');
  });

  it('reports a dropped connection as kind "network" and a non-JSON 2xx as kind "malformed"', async () => {
    const body = { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } };
    server.sandbox.configure({ failure: 'network' });
    expect((await rejection(signatureClient(server).createOtp('tok', body))).kind).toBe('network');
    server.sandbox.configure({ failure: 'malformed' });
    const malformed = await rejection(signatureClient(server).createOtp('tok', body));
    expect(malformed).toMatchObject({ kind: 'malformed', status: 201 });
    expect(malformed.body).toContain('Bad gateway');
  });

  it('reports a refused connection as kind "network"', async () => {
    const client = signatureClient(server);
    await server.close();
    expect((await rejection(client.authenticationOptions('tok', AUTH_BODY))).kind).toBe('network');
  });

  it('passes 5xx answers on as kind "http" with the Visa body', async () => {
    server.sandbox.configure({ failure: 'send-server-error' });
    const error = await rejection(signatureClient(server).createOtp('tok', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } }));
    expect(error).toMatchObject({ kind: 'http', status: 500, body: { errors: [{ type: 'internalError' }] } });
  });

  it.each(['..', '.', 'tok/../x', 'a b', '', 'tok?x=1'])(
    'refuses the token id %j before any request, so the signed path cannot move',
    async (tokenId) => {
      const before = server.sandbox.calls().length;
      await expect(
        signatureClient(server).createOtp(tokenId, { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } }),
      ).rejects.toThrow(TypeError);
      expect(server.sandbox.calls()).toHaveLength(before);
    },
  );

  it('takes token ids of letters, digits, _ - and =', async () => {
    await signatureClient(server).createOtp('7030160000000000123', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } });
    await signatureClient(server).createOtp('dG9r_ZW4-=', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } });
    expect(server.sandbox.calls('createOtp').map((c) => c.tokenId).slice(-2)).toEqual(['7030160000000000123', 'dG9r_ZW4-=']);
  });
});

describe('client configuration', () => {
  const base = { environment: 'test' as const, merchantId: MERCHANT_ID };
  it.each([
    ['a secret that is not base64', { ...base, credentials: { type: 'http-signature' as const, keyId: KEY_ID, sharedSecret: 'not base64!' } }],
    ['a missing key id', { ...base, credentials: { type: 'http-signature' as const, keyId: '', sharedSecret: SHARED_SECRET } }],
    ['an unreadable private key', { ...base, credentials: { type: 'jwt' as const, privateKeyPem: 'nope', certificatePem: 'nope' } }],
    ['an unknown environment', { ...base, environment: 'staging' as never, credentials: { type: 'http-signature' as const, keyId: KEY_ID, sharedSecret: SHARED_SECRET } }],
    ['a relative base URL', { ...base, environment: { baseUrl: '/visa' }, credentials: { type: 'http-signature' as const, keyId: KEY_ID, sharedSecret: SHARED_SECRET } }],
  ])('refuses %s at creation', (_name, options) => {
    expect(() => createVisaAcceptanceClient(options)).toThrow(TypeError);
  });

  it('needs a JWT key id: from the certificate subject’s serialNumber, or given as credentials.keyId', () => {
    const withoutKeyId = makeJwtMaterial('no-key-id', '');
    expect(() => createVisaAcceptanceClient({ ...base, credentials: { type: 'jwt', ...withoutKeyId } })).toThrow(
      /no serialNumber in its subject.*credentials\.keyId/,
    );
    expect(() => createVisaAcceptanceClient({ ...base, credentials: { type: 'jwt', ...withoutKeyId, keyId: 'key-1' } })).not.toThrow();
  });

  it('refuses a private key and certificate that do not belong together', () => {
    expect(() =>
      createVisaAcceptanceClient({ ...base, credentials: { type: 'jwt', privateKeyPem: otherRsaKeyPem(), certificatePem: jwtMaterial().certificatePem } }),
    ).toThrow(/holds no certificate for credentials\.privateKeyPem/);
  });

  it('signs with the certificate that goes with the key when the PEM holds several (a P12 export)', async () => {
    const server = await startTestSandbox();
    try {
      const { privateKeyPem, certificatePem } = jwtMaterial();
      const visaCertificateFirst = `${makeJwtMaterial('visa-ca', 'visa-ca-key').certificatePem}\n${certificatePem}`;
      const client = jwtClient(server, { credentials: { type: 'jwt', privateKeyPem, certificatePem: visaCertificateFirst } });
      await expect(client.createOtp('tok', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } })).resolves.toMatchObject({
        status: 201,
      });
    } finally {
      await server.close();
    }
  });

  it('resolves the named environments to the Visa Acceptance hosts', () => {
    const credentials = { type: 'http-signature' as const, keyId: KEY_ID, sharedSecret: SHARED_SECRET };
    expect(createVisaAcceptanceClient({ ...base, credentials }).baseUrl).toBe('https://apitest.visaacceptance.com');
    expect(createVisaAcceptanceClient({ ...base, environment: 'production', credentials }).baseUrl).toBe('https://api.visaacceptance.com');
  });
});
