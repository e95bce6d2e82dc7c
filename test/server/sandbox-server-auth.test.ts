// @vitest-environment node
/**
 * The sandbox server verifies credentials as the real API does: tampered, stale, unknown or wrongly
 * signed requests get 401 with a Visa-shaped body, and the simulator never sees them.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash, createHmac, createPrivateKey, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { VisaApiError, createVisaAcceptanceClient, type VisaAcceptanceClient } from '../../src/server';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import {
  AUTH_BODY,
  JWT_MERCHANT_ID,
  KEY_ID,
  MERCHANT_ID,
  SHARED_SECRET,
  jwtClient,
  jwtMaterial,
  makeJwtMaterial,
  otherRsaKeyPem,
  reasonOf,
  signatureClient,
  startTestSandbox,
} from './helpers';

let server: SandboxServer;
beforeEach(async () => {
  server = await startTestSandbox();
});
afterEach(() => server.close());

const SEND = { clientCorrelationId: 'c', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } };

async function refusal(client: VisaAcceptanceClient): Promise<VisaApiError> {
  const error = await client.createOtp('tok', SEND).then(
    () => new Error('expected a 401'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VisaApiError);
  expect((error as VisaApiError).status).toBe(401);
  expect((error as VisaApiError).body).toMatchObject({ response: { rmsg: 'Authentication Failed' } });
  expect((error as VisaApiError).correlationId).toBeTruthy();
  expect(server.sandbox.calls()).toHaveLength(0);
  return error as VisaApiError;
}

/** A fetch that alters the request after the client signed it, as a man in the middle would. */
function tamperingFetch(change: (url: string, init: RequestInit) => [string, RequestInit]): typeof fetch {
  return (input, init) => {
    const [url, changed] = change(String(input), { ...init, headers: Object.fromEntries(new Headers(init?.headers)) });
    return fetch(url, changed);
  };
}

describe('HTTP Signature verification', () => {
  it('accepts a correctly signed request', async () => {
    await expect(signatureClient(server).createOtp('tok', SEND)).resolves.toMatchObject({ status: 201 });
  });

  it('refuses a wrong shared secret', async () => {
    const wrong = Buffer.from(Buffer.from(SHARED_SECRET, 'base64').map((b) => b ^ 1)).toString('base64');
    const error = await refusal(
      createVisaAcceptanceClient({
        environment: { baseUrl: server.url },
        merchantId: MERCHANT_ID,
        credentials: { type: 'http-signature', keyId: KEY_ID, sharedSecret: wrong },
      }),
    );
    expect(reasonOf(error.body)).toBe('INVALID_SIGNATURE');
  });

  it('refuses a body changed after signing (digest mismatch)', async () => {
    const fetch = tamperingFetch((url, init) => [url, { ...init, body: String(init.body).replace('"c"', '"d"') }]);
    expect(reasonOf((await refusal(signatureClient(server, { fetch }))).body)).toBe('DIGEST_MISMATCH');
  });

  it('refuses a changed body whose Digest was recomputed (the signature covers the digest)', async () => {
    const fetch = tamperingFetch((url, init) => {
      const body = String(init.body).replace('"c"', '"d"');
      const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
      return [url, { ...init, body, headers: { ...(init.headers as Record<string, string>), digest } }];
    });
    expect(reasonOf((await refusal(signatureClient(server, { fetch }))).body)).toBe('INVALID_SIGNATURE');
  });

  it('refuses a request sent to another token than the one signed (the signature covers the target)', async () => {
    const fetch = tamperingFetch((url, init) => [url.replace('/tok/', '/other-tok/'), init]);
    expect(reasonOf((await refusal(signatureClient(server, { fetch }))).body)).toBe('INVALID_SIGNATURE');
  });

  it('refuses a date more than 5 minutes off, and accepts one 4 minutes off', async () => {
    expect(reasonOf((await refusal(signatureClient(server, { now: () => Date.now() - 6 * 60_000 }))).body)).toBe('STALE_DATE');
    expect(reasonOf((await refusal(signatureClient(server, { now: () => Date.now() + 6 * 60_000 }))).body)).toBe('STALE_DATE');
    await expect(signatureClient(server, { now: () => Date.now() - 4 * 60_000 }).createOtp('tok', SEND)).resolves.toBeTruthy();
  });

  it('refuses an unknown merchant and an unknown key id', async () => {
    const credentials = { type: 'http-signature' as const, keyId: KEY_ID, sharedSecret: SHARED_SECRET };
    const unknown = createVisaAcceptanceClient({ environment: { baseUrl: server.url }, merchantId: 'someone_else', credentials });
    expect(reasonOf((await refusal(unknown)).body)).toBe('UNKNOWN_MERCHANT');
    const otherKey = createVisaAcceptanceClient({
      environment: { baseUrl: server.url },
      merchantId: MERCHANT_ID,
      credentials: { ...credentials, keyId: 'another-key' },
    });
    expect(reasonOf((await refusal(otherKey)).body)).toBe('UNKNOWN_KEY');
  });

  it('refuses a request without credentials', async () => {
    const response = await fetch(`${server.url}/tms/v2/tokenized-cards/tok/authentication-options`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(AUTH_BODY),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('v-c-correlation-id')).toBeTruthy();
    expect(reasonOf(await response.json())).toBe('MISSING_CREDENTIALS');
  });

  it('accepts the older "(request-target)" spelling of the signed pseudo-header', async () => {
    const target = '/tms/v2/tokenized-cards/tok/authentication-options';
    const body = JSON.stringify(AUTH_BODY);
    const host = new URL(server.url).host;
    const date = new Date().toUTCString();
    const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
    const text = `host: ${host}\ndate: ${date}\n(request-target): post ${target}\ndigest: ${digest}\nv-c-merchant-id: ${MERCHANT_ID}`;
    const signature = createHmac('sha256', Buffer.from(SHARED_SECRET, 'base64')).update(text).digest('base64');
    const response = await fetch(server.url + target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'v-c-merchant-id': MERCHANT_ID,
        date,
        digest,
        signature: `keyid="${KEY_ID}", algorithm="HmacSHA256", headers="host date (request-target) digest v-c-merchant-id", signature="${signature}"`,
      },
      body,
    });
    expect(response.status).toBe(201);
  });
});

const SEND_PATH = '/tms/v2/tokenized-cards/tok/authentication-options/one-time-passwords';

/** A JWT made by hand in format 2 for a create-OTP of `SEND` to the test sandbox, with claims changed or added. */
async function handMadeToken(claims: Record<string, unknown>, options: { key?: string } = {}): Promise<string> {
  const { privateKeyPem, certificatePem } = jwtMaterial();
  const kid = /serialNumber=(.+)/.exec(new X509Certificate(certificatePem).subject)![1]!;
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({
    digest: createHash('sha256').update(JSON.stringify(SEND)).digest('base64'),
    'digest-algorithm': 'SHA-256',
    'request-host': new URL(server.url).host,
    'request-resource-path': SEND_PATH,
    'request-method': 'post',
    iss: JWT_MERCHANT_ID,
    'v-c-merchant-id': JWT_MERCHANT_ID,
    'v-c-jwt-version': '2',
    jti: randomUUID(),
    iat,
    exp: iat + 120,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .sign(createPrivateKey(options.key ?? privateKeyPem));
}

/** POSTs `SEND` with the token over node:http, which lets a test choose the Host header too. */
function sendWithToken(token: string, host = new URL(server.url).host): Promise<{ status: number; body: unknown }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname: url.hostname,
        port: url.port,
        path: SEND_PATH,
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'v-c-merchant-id': JWT_MERCHANT_ID, authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(SEND));
  });
}

describe('JWT verification', () => {
  it('sends an RS256 JWT in Visa’s format 2 (kid, request binding, digest, iat/exp, jti), verifiable by openssl', async () => {
    let token = '';
    let sentBody = '';
    let sentUrl = '';
    const client = jwtClient(server, {
      fetch: (input, init) => {
        token = new Headers(init?.headers).get('authorization')!.replace(/^Bearer /, '');
        sentBody = String(init?.body);
        sentUrl = String(input);
        return fetch(input, init);
      },
    });
    await expect(client.createOtp('tok', SEND)).resolves.toMatchObject({ status: 201 });

    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    const dir = mkdtempSync(path.join(tmpdir(), 'stepup-jwt-verify-'));
    try {
      const certFile = path.join(dir, 'cert.pem');
      writeFileSync(certFile, jwtMaterial().certificatePem);
      const subject = execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-subject', '-nameopt', 'sep_multiline']).toString();
      const serialNumber = /serialNumber=(\S+)/.exec(subject)![1];
      expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: serialNumber });
      const url = new URL(sentUrl);
      expect(claims).toMatchObject({
        'v-c-jwt-version': '2',
        'v-c-merchant-id': JWT_MERCHANT_ID,
        iss: JWT_MERCHANT_ID,
        'request-method': 'post',
        'request-host': url.host,
        'request-resource-path': '/tms/v2/tokenized-cards/tok/authentication-options/one-time-passwords',
        'digest-algorithm': 'SHA-256',
        digest: execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: sentBody }).toString('base64'),
      });
      expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(5);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
      expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);

      const [h, p, s] = token.split('.') as [string, string, string];
      execFileSync('openssl', ['x509', '-in', certFile, '-pubkey', '-noout', '-out', path.join(dir, 'pub.pem')]);
      writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(s, 'base64url'));
      const verified = execFileSync(
        'openssl',
        ['dgst', '-sha256', '-verify', path.join(dir, 'pub.pem'), '-signature', path.join(dir, 'sig.bin')],
        { input: `${h}.${p}` },
      ).toString();
      expect(verified).toContain('Verified OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a token used a second time', async () => {
    let replay: { url: string; init: RequestInit } | undefined;
    const client = jwtClient(server, {
      fetch: (input, init) => {
        replay ??= { url: String(input), init: { ...init, headers: Object.fromEntries(new Headers(init?.headers)) } };
        return fetch(input, init);
      },
    });
    await client.createOtp('tok', SEND);
    const again = await fetch(replay!.url, replay!.init);
    expect(again.status).toBe(401);
    expect(reasonOf(await again.json())).toBe('REPLAYED_TOKEN');
  });

  it('refuses a token signed for another request (path, method or host)', async () => {
    const fetch = tamperingFetch((url, init) => [url.replace('/tok/', '/other-tok/'), init]);
    expect(reasonOf((await refusal(jwtClient(server, { fetch }))).body)).toBe('REQUEST_MISMATCH');
  });

  it('refuses a kid that is not the registered certificate’s key id', async () => {
    const client = jwtClient(server, { credentials: { type: 'jwt', ...jwtMaterial(), keyId: 'some-other-key' } });
    expect(reasonOf((await refusal(client)).body)).toBe('CERTIFICATE_MISMATCH');
  });

  it('refuses a token signed with another key than the registered certificate’s', async () => {
    const answer = await sendWithToken(await handMadeToken({}, { key: otherRsaKeyPem() }));
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.body)).toBe('INVALID_SIGNATURE');
  });

  it('accepts a merchant clock 3 minutes behind (iat and exp get the same 5-minute allowance)', async () => {
    await expect(jwtClient(server, { now: () => Date.now() - 3 * 60_000 }).createOtp('tok', SEND)).resolves.toMatchObject({
      status: 201,
    });
  });

  it('refuses a token that claims to live longer than 2 minutes', async () => {
    const answer = await sendWithToken(await handMadeToken({ exp: Math.floor(Date.now() / 1000) + 3600 }));
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.body)).toBe('MALFORMED_TOKEN');
  });

  it('reads request-host and the Host header without regard to case', async () => {
    const port = new URL(server.url).port;
    const answer = await sendWithToken(await handMadeToken({ 'request-host': `Sandbox.Example:${port}` }), `sandbox.example:${port}`);
    expect(answer.status).toBe(201);
  });

  it.each([
    ['method', { 'request-method': 'get' }],
    ['host', { 'request-host': 'apitest.visaacceptance.com' }],
  ])('refuses a token whose request-%s is another request’s', async (_name, claims) => {
    const answer = await sendWithToken(await handMadeToken(claims));
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.body)).toBe('REQUEST_MISMATCH');
  });

  it('refuses to register a JWT merchant whose certificate names no key id, unless keyId is given', async () => {
    const bare = makeJwtMaterial('bare', '');
    await expect(startSandboxServer({ host: '127.0.0.1', port: 0, merchants: [{ merchantId: 'm', certificatePem: bare.certificatePem }] })).rejects.toThrow(
      /no serialNumber in its subject/,
    );
    const named = await startSandboxServer({ host: '127.0.0.1', port: 0, merchants: [{ merchantId: 'm', certificatePem: bare.certificatePem, keyId: 'k-1' }] });
    await named.close();
  });

  it('refuses a token with an unregistered certificate', async () => {
    const stranger = makeJwtMaterial('stranger');
    const client = jwtClient(server, { credentials: { type: 'jwt', ...stranger } });
    expect(reasonOf((await refusal(client)).body)).toBe('CERTIFICATE_MISMATCH');
  });

  it('refuses a body changed after signing, and a stale iat', async () => {
    const fetch = tamperingFetch((url, init) => [url, { ...init, body: String(init.body).replace('"c"', '"d"') }]);
    expect(reasonOf((await refusal(jwtClient(server, { fetch }))).body)).toBe('DIGEST_MISMATCH');
    expect(reasonOf((await refusal(jwtClient(server, { now: () => Date.now() - 10 * 60_000 }))).body)).toBe('STALE_DATE');
  });

  it('refuses a JWT for a merchant registered only for HTTP Signatures', async () => {
    const client = jwtClient(server, { merchantId: MERCHANT_ID });
    expect(reasonOf((await refusal(client)).body)).toBe('UNKNOWN_MERCHANT');
  });
});
