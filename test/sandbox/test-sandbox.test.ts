// @vitest-environment node
/**
 * What a merchant's own end-to-end tests use: `startTestSandbox` (made-up JWT and HTTP Signature
 * credentials, the outbox reader), the per-token authentication-options answers, sends counted per
 * step-up, and the CLI's JWT default.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createVisaAcceptanceClient, type VisaCredentials } from '../../src/server';
import { createOutboxReader, generateJwtCredentials, runSandboxCli, startTestSandbox, type TestSandbox } from '../../src/sandbox-server';

const BODY = { clientCorrelationId: 'c-1' };
const SMS = 'c21zLW9wdGlvbi0x';

function clientFor(sandbox: TestSandbox, credentials: VisaCredentials = sandbox.jwt) {
  return createVisaAcceptanceClient({ environment: { baseUrl: sandbox.url }, merchantId: sandbox.merchantId, credentials, timeoutMs: 5_000 });
}

describe('generateJwtCredentials', () => {
  it('makes a key and a self-signed certificate whose subject carries the key id', () => {
    const credentials = generateJwtCredentials({ keyId: 'shop-key-1' });
    const certificate = new X509Certificate(credentials.certificatePem);
    expect(certificate.subject).toMatch(/^serialNumber=shop-key-1$/m);
    expect(certificate.checkPrivateKey(createPrivateKey(credentials.privateKeyPem))).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(() => generateJwtCredentials({ keyId: 'ключ' })).toThrow(TypeError);
  });
});

describe('startTestSandbox', () => {
  let sandbox: TestSandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox({ tokenActions: { tok_frictionless: 'AUTHENTICATION_REGISTRATION', tok_passkey: 'AUTHENTICATE' } });
  });
  afterEach(() => sandbox.close());

  it('accepts its JWT and HTTP Signature credentials and reads the codes sent per destination', async () => {
    for (const credentials of [sandbox.jwt, sandbox.httpSignature]) {
      const client = clientFor(sandbox, credentials);
      await client.authenticationOptions('tok_1', BODY);
      await client.createOtp('tok_1', { clientCorrelationId: 'c-1', stepUpOption: { id: SMS } });
    }
    const sent = await sandbox.messages({ destination: '***-***-1234' });
    expect(sent).toHaveLength(2);
    await expect(sandbox.lastCode({ destination: '***-***-1234' })).resolves.toBe(sent[1]!.code);
    await expect(sandbox.lastCode({ destination: 'nobody' })).resolves.toBeUndefined();
    // the same outbox over HTTP, as a test in another process reads it
    await expect(createOutboxReader(sandbox.url).lastCode({ tokenId: 'tok_1', method: 'OTP_SMS' })).resolves.toBe(sent[1]!.code);
  });

  it('waits for a code sent after `since`, and says so when none comes', async () => {
    const since = Date.now();
    const waiting = sandbox.waitForCode({ destination: '***-***-1234', since, timeoutMs: 2_000 });
    await clientFor(sandbox).createOtp('tok_2', { clientCorrelationId: 'c-2', stepUpOption: { id: SMS } });
    await expect(waiting).resolves.toMatch(/^\d{6}$/);
    await expect(sandbox.waitForCode({ since: Date.now() + 60_000, timeoutMs: 100 })).rejects.toThrow('no code sent');
  });

  it('answers authentication-options per token: step-up by default, no step-up, or a passkey', async () => {
    const client = clientFor(sandbox);
    await expect(client.authenticationOptions('tok_any', BODY)).resolves.toMatchObject({ body: { action: 'STEP_UP_AUTHENTICATE' } });
    const frictionless = await client.authenticationOptions('tok_frictionless', BODY);
    expect(frictionless.body).toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    const passkey = await client.authenticationOptions('tok_passkey', BODY);
    expect(passkey.body).toMatchObject({ action: 'AUTHENTICATE', authenticationContext: { id: expect.any(String) } });
    expect(passkey.body.stepUpOptions).toBeUndefined();
    sandbox.tokenActions.set('tok_any', 'AUTHENTICATE');
    await expect(client.authenticationOptions('tok_any', BODY)).resolves.toMatchObject({ body: { action: 'AUTHENTICATE' } });
  });
});

describe('limitsPerStepUp', () => {
  it.each([
    [false, 403],
    [true, 201],
  ])('with %s, a new step-up after maxRequestsAllowed sends gets %s on its first send', async (limitsPerStepUp, status) => {
    const sandbox = await startTestSandbox({ limitsPerStepUp, sandbox: { maxRequestsAllowed: 1 } });
    try {
      const client = clientFor(sandbox);
      const send = { clientCorrelationId: 'c', stepUpOption: { id: SMS } };
      await client.authenticationOptions('tok', BODY);
      await client.createOtp('tok', send);
      await client.authenticationOptions('tok', BODY);
      const answer = await client.createOtp('tok', send).then(
        (ok) => ok.status,
        (error: { status?: number }) => error.status,
      );
      expect(answer).toBe(status);
    } finally {
      await sandbox.close();
    }
  });
});

describe('stepup-sandbox (CLI) with JWT by default', () => {
  it('makes a key and certificate for the run, prints where, accepts JWTs signed with them, and removes them on close', async () => {
    const lines: string[] = [];
    const server = await runSandboxCli(['--port', '0', '--quiet', '--token-action', 'tok_p=AUTHENTICATE'], (line) => lines.push(line));
    const output = lines.join('\n');
    const keyFile = /JWT private key: (\S+)/.exec(output)![1]!;
    const certificateFile = /JWT certificate: (\S+)/.exec(output)![1]!;
    try {
      expect(output).toContain("credentials: { type: 'jwt'");
      expect(output).toContain('HTTP Signature (legacy)');
      const client = createVisaAcceptanceClient({
        environment: { baseUrl: server!.url },
        merchantId: 'sandbox_merchant',
        credentials: { type: 'jwt', privateKeyPem: readFileSync(keyFile, 'utf8'), certificatePem: readFileSync(certificateFile, 'utf8') },
      });
      await expect(client.authenticationOptions('tok_p', BODY)).resolves.toMatchObject({ body: { action: 'AUTHENTICATE' } });
    } finally {
      await server?.close();
    }
    expect(existsSync(keyFile)).toBe(false);
  });
});
