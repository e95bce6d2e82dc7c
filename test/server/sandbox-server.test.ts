// @vitest-environment node
/** The sandbox server's own pages and routes, and the `stepup-sandbox` command. */
import { createVisaAcceptanceClient } from '../../src/server';
import { CliUsageError, runSandboxCli, startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import { StepUpSandbox } from '../../src/sandbox';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AUTH_BODY, KEY_ID, MERCHANT_ID, SHARED_SECRET, makeJwtMaterial, signatureClient, startTestSandbox } from './helpers';

describe('the sandbox server', () => {
  let server: SandboxServer;
  beforeEach(async () => {
    server = await startTestSandbox({
      stepUpOptions: [{ id: 'sms-1', method: 'OTP_SMS', value: '<b>***-1234</b>' }],
      random: () => 0.75, // codes are 777777
    });
  });
  afterEach(() => server.close());

  it('listens on 127.0.0.1 and serves the very simulator it is given', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const given = new StepUpSandbox({ maxRequestsAllowed: 7 });
    const other = await startSandboxServer({ merchants: [{ merchantId: MERCHANT_ID, keyId: KEY_ID, sharedSecret: SHARED_SECRET }], sandbox: given });
    try {
      expect(other.sandbox).toBe(given);
      const grant = await signatureClient(other).createOtp('t', { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } });
      expect(grant.body.maxRequestsAllowed).toBe(7);
      expect(given.calls('createOtp')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('shows the outbox as JSON and as an escaped HTML page, filtered by token', async () => {
    const client = signatureClient(server);
    await client.createOtp('tok-a', { clientCorrelationId: 'c', stepUpOption: { id: 'sms-1' } });
    await client.createOtp('tok-b', { clientCorrelationId: 'c', stepUpOption: { id: 'sms-1' } });

    const json = (await (await fetch(`${server.url}/__outbox?tokenId=tok-b`)).json()) as { messages: Array<Record<string, unknown>> };
    expect(json.messages).toEqual([expect.objectContaining({ tokenId: 'tok-b', method: 'OTP_SMS', code: '777777', to: '<b>***-1234</b>' })]);

    const page = await fetch(`${server.url}/__outbox`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Codes sent (2)');
    expect(html).toContain('777777');
    expect(html).toContain('&lt;b&gt;***-1234&lt;/b&gt;');
    expect(html).not.toContain('<b>***-1234</b>');
  });

  it('answers authentication-options with STEP_UP_AUTHENTICATE for any token, and 400 without clientCorrelationId', async () => {
    const client = signatureClient(server);
    const answer = await client.authenticationOptions('any-token-at-all', AUTH_BODY);
    expect(answer.body).toEqual({ action: 'STEP_UP_AUTHENTICATE', stepUpOptions: [{ id: 'sms-1', method: 'OTP_SMS', value: '<b>***-1234</b>' }] });
    await expect(client.authenticationOptions('t', { ...AUTH_BODY, clientCorrelationId: '' })).rejects.toMatchObject({
      status: 400,
      body: { errors: [{ type: 'missingFields' }] },
    });
  });

  it('answers unknown paths 404 with a Visa body and a correlation id', async () => {
    const response = await fetch(`${server.url}/tms/v2/tokens/x`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('v-c-correlation-id')).toBeTruthy();
    expect(await response.json()).toMatchObject({ errors: [{ type: 'notFound' }] });
  });

  it('closes while a call hangs', async () => {
    server.sandbox.configure({ failure: 'hang' });
    const pending = signatureClient(server).createOtp('t', { clientCorrelationId: 'c', stepUpOption: { id: 'sms-1' } }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await server.close();
    expect(await pending).toMatchObject({ kind: 'network' });
  });
});

describe('stepup-sandbox (CLI)', () => {
  it('starts with generated credentials, prints them and the URL, and they work', async () => {
    const lines: string[] = [];
    const server = await runSandboxCli(['--port', '0', '--merchant-id', 'cli_merchant', '--golden-code', '--quiet'], (line) => lines.push(line));
    try {
      const output = lines.join('\n');
      expect(output).toContain(`listening on ${server!.url}`);
      expect(output).toContain(`${server!.url}/__outbox`);
      const keyId = /key id:\s+(\S+)/.exec(output)![1]!;
      const secret = /shared secret:\s+(\S+)\s+\(generated/.exec(output)![1]!;
      expect(Buffer.from(secret, 'base64')).toHaveLength(32);
      const client = createVisaAcceptanceClient({
        environment: { baseUrl: server!.url },
        merchantId: 'cli_merchant',
        credentials: { type: 'http-signature', keyId, sharedSecret: secret },
      });
      const id = (await client.authenticationOptions('t', AUTH_BODY)).body.stepUpOptions![0]!.id!;
      await client.createOtp('t', { clientCorrelationId: 'c', stepUpOption: { id } });
      await expect(client.validateOtp('t', { clientCorrelationId: 'c', stepUpOption: { id }, otp: '456789' })).resolves.toMatchObject({ status: 200 });
    } finally {
      await server?.close();
    }
  });

  it('uses the credentials it is given and logs each request unless quiet', async () => {
    const lines: string[] = [];
    const secret = Buffer.alloc(32, 3).toString('base64');
    const server = await runSandboxCli(['--port', '0', '--key-id', 'k1', '--shared-secret', secret], (line) => lines.push(line));
    try {
      expect(lines.join('\n')).not.toContain('generated');
      const client = createVisaAcceptanceClient({
        environment: { baseUrl: server!.url },
        merchantId: 'sandbox_merchant',
        credentials: { type: 'http-signature', keyId: 'k1', sharedSecret: secret },
      });
      await client.authenticationOptions('t', AUTH_BODY);
      expect(lines).toContain('POST /tms/v2/tokenized-cards/t/authentication-options 201');
    } finally {
      await server?.close();
    }
  });

  it('prints usage for --help and refuses unknown or malformed options', async () => {
    const lines: string[] = [];
    await expect(runSandboxCli(['--help'], (line) => lines.push(line))).resolves.toBeUndefined();
    expect(lines.join('\n')).toContain('Usage: stepup-sandbox');
    await expect(runSandboxCli(['--bogus'], () => undefined)).rejects.toBeInstanceOf(CliUsageError);
    await expect(runSandboxCli(['--port', 'eighty'], () => undefined)).rejects.toThrow('--port needs a whole number');
  });

  it('takes a JWT certificate with the kid from its subject or from --jwt-key-id, and says when it has neither', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stepup-cli-cert-'));
    try {
      const bare = path.join(dir, 'bare.pem');
      writeFileSync(bare, makeJwtMaterial('bare', '').certificatePem);
      await expect(runSandboxCli(['--port', '0', '--quiet', '--certificate', bare], () => undefined)).rejects.toThrow(
        expect.objectContaining({ name: 'CliUsageError', message: expect.stringContaining('give keyId') }),
      );
      const lines: string[] = [];
      const server = await runSandboxCli(['--port', '0', '--quiet', '--certificate', bare, '--jwt-key-id', 'k-1'], (line) => lines.push(line));
      await server?.close();
      expect(lines.join('\n')).toContain('JWT certificate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
