// @vitest-environment node
/**
 * The sandbox server against Visa's official SDKs, and our signers against their rules.
 *
 * - Tokens in the form of Visa's Python SDK (cybersource-rest-client-python, built here exactly as its
 *   `authenticationsdk/jwt/Token.py` builds them, since Python is not run here) pass the sandbox.
 * - Visa's Node SDK (`cybersource-rest-client`, a devDependency) signs real requests to the sandbox through
 *   its `ApiClient` (JWT from a P12 made here with node-forge, and HTTP Signature), and they pass; a changed
 *   body or a wrong key still fails.
 * - The JWT our client makes verifies with the Node SDK's own JWT verifier, and both of our headers equal,
 *   field by field, what the Node SDK computes for the same request, key and time.
 *
 * The SDK is configured with `enableLog: false`, so it writes no log files; its P12 files live in a temp dir.
 */
import { X509Certificate, createHash, createPrivateKey, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { SandboxServer } from '../../src/sandbox-server';
import { certificateKeyId } from '../../src/server/certificate-key-id';
import { createRequestSigner } from '../../src/server/credentials';
import { JWT_MERCHANT_ID, KEY_ID, MERCHANT_ID, SHARED_SECRET, jwtMaterial, otherRsaKeyPem, reasonOf, startTestSandbox } from './helpers';

// ---------------------------------------------------------------------------------------------------------
// Visa's Node SDK, loaded from its own files (CommonJS, no types): the lowest layer that builds the headers
// ---------------------------------------------------------------------------------------------------------

interface SdkResponse {
  status: number;
  text?: string;
}
/** `src/ApiClient.js` of cybersource-rest-client: what every generated `*Api` class calls. */
interface SdkApiClient {
  setConfiguration(config: Record<string, unknown>): void;
  /** Sets the request on the merchant config and returns the auth headers it computes (no network). */
  callAuthenticationHeader(method: string, target: string, body: string, headers: Record<string, string>, responseMle: boolean): Record<string, string>;
  callApi(
    path: string,
    method: string,
    pathParams: object,
    queryParams: object,
    headerParams: object,
    formParams: object,
    body: unknown,
    authNames: string[],
    contentTypes: string[],
    accepts: string[],
    returnType: string | null,
    responseMle: boolean,
    callback: (error: { status?: number; response?: SdkResponse } | null, data: unknown, response: SdkResponse) => void,
  ): void;
}
interface Forge {
  pki: { privateKeyFromPem(pem: string): unknown; certificateFromPem(pem: string): unknown };
  pkcs12: { toPkcs12Asn1(key: unknown, certs: unknown[], password: string, options: object): unknown };
  asn1: { toDer(asn1: unknown): { getBytes(): string } };
}

const sdkRequire = createRequire(createRequire(import.meta.url).resolve('cybersource-rest-client/package.json'));
const ApiClient = sdkRequire('./src/ApiClient.js') as new () => SdkApiClient;
const JWTUtility = sdkRequire('./src/authentication/util/jwt/JWTUtility.js') as { verifyJwt(token: string, jwk: object): void };
/** The JWT library the SDK signs with. */
const jwtSimple = sdkRequire('jwt-simple') as {
  decode(token: string, key: string, noVerify: boolean, algorithm: string): unknown;
  encode(claims: object, key: string, algorithm: string, options: { header: object }): string;
};
/** The node-forge the SDK reads P12 files with. */
const forge = sdkRequire('node-forge') as Forge;

const P12_PASSWORD = 'p12-test-password';
let keysDirectory: string;
let wrongKeysDirectory: string;

/** A P12 file as the Business Center issues it: the key, and the certificate named `CN=<merchant id>`. */
function writeP12(directory: string, privateKeyPem: string, certificatePem: string): void {
  const kid = certificateKeyId(new X509Certificate(certificatePem))!;
  const asn1 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(privateKeyPem), [forge.pki.certificateFromPem(certificatePem)], P12_PASSWORD, {
    algorithm: '3des',
    friendlyName: `serialNumber=${kid},CN=${JWT_MERCHANT_ID}`,
  });
  writeFileSync(path.join(directory, `${JWT_MERCHANT_ID}.p12`), Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

beforeAll(() => {
  const { privateKeyPem, certificatePem } = jwtMaterial();
  keysDirectory = mkdtempSync(path.join(tmpdir(), 'stepup-sdk-p12-'));
  writeP12(keysDirectory, privateKeyPem, certificatePem);
  // the same certificate (so the same kid) with a key that is not its own
  wrongKeysDirectory = mkdtempSync(path.join(tmpdir(), 'stepup-sdk-p12-wrong-'));
  writeP12(wrongKeysDirectory, otherRsaKeyPem(), certificatePem);
});
afterAll(() => {
  rmSync(keysDirectory, { recursive: true, force: true });
  rmSync(wrongKeysDirectory, { recursive: true, force: true });
});

const JWT_CONFIG = { authenticationType: 'jwt', merchantID: JWT_MERCHANT_ID, keyFileName: JWT_MERCHANT_ID, keyAlias: JWT_MERCHANT_ID, keyPass: P12_PASSWORD };
const HTTP_SIGNATURE_CONFIG = { authenticationType: 'http_signature', merchantID: MERCHANT_ID, merchantKeyId: KEY_ID, merchantsecretKey: SHARED_SECRET };

/**
 * The SDK's ApiClient for a host. `runEnvironment` is the host it signs for (JWT `request-host`, the signed
 * `host`); `intermediateHost` is where it sends, since it would otherwise prefix `https://`.
 */
function sdkClient(host: string, config: Record<string, unknown>, baseUrl?: string): SdkApiClient {
  const client = new ApiClient();
  client.setConfiguration({
    runEnvironment: host,
    ...(baseUrl ? { intermediateHost: baseUrl } : {}),
    keysDirectory,
    logConfiguration: { enableLog: false },
    ...config,
  });
  return client;
}

/** A POST through the SDK's own `callApi` (its axios, its headers, its JSON) to the sandbox. */
function sdkPost(client: SdkApiClient, target: string, body: object, query: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const json = ['application/json;charset=utf-8'];
  return new Promise((resolve) => {
    client.callApi(target, 'POST', {}, query, {}, {}, body, [], json, json, 'Object', false, (error, _data, response) => {
      const answer = error ? (error.response ?? { status: error.status ?? 0 }) : response;
      resolve({ status: answer.status, body: answer.text ? (JSON.parse(answer.text) as unknown) : undefined });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------

let server: SandboxServer;
let host: string;
beforeEach(async () => {
  server = await startTestSandbox();
  host = new URL(server.url).host;
});
afterEach(() => server.close());

const SEND_PATH = '/tms/v2/tokenized-cards/tok/authentication-options/one-time-passwords';
const SEND = { clientCorrelationId: 'c0ffee00-1111-4222-8333-444455556666', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } };

/** POSTs over node:http, which sends the headers exactly as given (Host included). */
function post(target: string, headers: OutgoingHttpHeaders, body: string): Promise<{ status: number; body: unknown }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: target, method: 'POST', headers: { host, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Visa's Python SDK
// ---------------------------------------------------------------------------------------------------------

/** `json.dumps(value)` with Python's default separators (`", "` and `": "`), as the SDK's `process_body` sends bodies. */
function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * A JWT as cybersource-rest-client-python builds it for a POST (`authenticationsdk/jwt/Token.py`,
 * `get_payload_claim_set` and `get_rs256_header`, release 16-MAY-2026): header `{kid, alg, typ}` with the
 * certificate subject's serialNumber as kid; claims `digest`, `digestAlgorithm` (its constant
 * `GlobalLabelParameters.JWT_ALGORITHM`), `iat`, `exp` = iat + 120, `request-method` in upper case,
 * `request-host` (its run_environment), `request-resource-path` (path and query), `iss`, `jti` (uuid4),
 * `v-c-jwt-version` "2", `v-c-merchant-id`. jwcrypto serializes both as compact JSON in insertion order.
 */
function pythonSdkJwt(body: string, changes: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const { privateKeyPem, certificatePem } = jwtMaterial();
  const kid = certificateKeyId(new X509Certificate(certificatePem))!;
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    digest: createHash('sha256').update(body, 'utf8').digest('base64'),
    digestAlgorithm: 'SHA-256',
    iat,
    exp: iat + 120,
    'request-method': 'POST',
    'request-host': host,
    'request-resource-path': SEND_PATH,
    iss: JWT_MERCHANT_ID,
    jti: randomUUID(),
    'v-c-jwt-version': '2',
    'v-c-merchant-id': JWT_MERCHANT_ID,
    ...changes,
  };
  const signingInput = [{ kid, alg: 'RS256', typ: 'JWT', ...header }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), createPrivateKey(privateKeyPem)).toString('base64url')}`;
}

/** The headers the Python SDK's `api_client.call_authentication_header` sends with a JWT (no v-c-merchant-id). */
function pythonJwtHeaders(token: string): OutgoingHttpHeaders {
  return {
    accept: 'application/json;charset=utf-8',
    'content-type': 'application/json;charset=utf-8',
    'v-c-client-id': 'cybs-rest-sdk-python-0.0.76',
    authorization: `Bearer ${token}`,
    'v-c-sdk-telemetry-merchant-id': JWT_MERCHANT_ID,
  };
}

describe('JWTs in the form of Visa’s Python SDK', () => {
  const body = pythonJsonDumps(SEND);

  it('accepts one (digestAlgorithm, request-method "POST")', async () => {
    const answer = await post(SEND_PATH, pythonJwtHeaders(pythonSdkJwt(body)), body);
    expect({ status: answer.status, reason: reasonOf(answer.body) }).toEqual({ status: 201, reason: undefined });
    expect(server.sandbox.calls()).toHaveLength(1);
  });

  const tenMinutesAgo = () => Math.floor(Date.now() / 1000) - 600;
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['a digest of another body', { digest: createHash('sha256').update('{}').digest('base64') }, {}, 'DIGEST_MISMATCH'],
    ['another digest algorithm', { digestAlgorithm: 'SHA-1' }, {}, 'DIGEST_MISMATCH'],
    ['both spellings, one of them another algorithm', { 'digest-algorithm': 'MD5' }, {}, 'DIGEST_MISMATCH'],
    ['no digest algorithm at all', { digestAlgorithm: undefined }, {}, 'DIGEST_MISMATCH'],
    ['another method', { 'request-method': 'GET' }, {}, 'REQUEST_MISMATCH'],
    ['a method that is not a string', { 'request-method': ['POST'] }, {}, 'REQUEST_MISMATCH'],
    ['another host', { 'request-host': 'apitest.cybersource.com' }, {}, 'REQUEST_MISMATCH'],
    ['another path', { 'request-resource-path': '/tms/v2/tokenized-cards/other/authentication-options/one-time-passwords' }, {}, 'REQUEST_MISMATCH'],
    ['another query', { 'request-resource-path': `${SEND_PATH}?profileId=x` }, {}, 'REQUEST_MISMATCH'],
    ['an expired iat and exp', { iat: tenMinutesAgo(), exp: tenMinutesAgo() + 120 }, {}, 'STALE_DATE'],
    ['another kid', {}, { kid: 'another-key' }, 'CERTIFICATE_MISMATCH'],
  ])('still refuses one with %s', async (_name, changes, header, reason) => {
    const answer = await post(SEND_PATH, pythonJwtHeaders(pythonSdkJwt(body, changes, header)), body);
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.body)).toBe(reason);
    expect(server.sandbox.calls()).toHaveLength(0);
  });

  it('still refuses one used twice', async () => {
    const headers = pythonJwtHeaders(pythonSdkJwt(body));
    expect((await post(SEND_PATH, headers, body)).status).toBe(201);
    const again = await post(SEND_PATH, headers, body);
    expect(again.status).toBe(401);
    expect(reasonOf(again.body)).toBe('REPLAYED_TOKEN');
  });
});

describe('JWTs in the format of Visa’s SDKs before their March 2026 releases (version 1)', () => {
  it('refuses one, saying why: it names neither the request nor the token', async () => {
    // as src/authentication/jwt/JWTSigToken.js of cybersource-rest-client-node built it up to release
    // 31-DECEMBER-2025 (the Python SDK's authenticationsdk/jwt/Token.py alike): the merchant and the
    // certificate in the header, only digest, digestAlgorithm and an HTTP-date iat in the claims
    const { privateKeyPem, certificatePem } = jwtMaterial();
    const body = JSON.stringify(SEND);
    const token = jwtSimple.encode(
      { digest: createHash('sha256').update(body).digest('base64'), digestAlgorithm: 'SHA-256', iat: new Date().toUTCString() },
      privateKeyPem,
      'RS256',
      { header: { 'v-c-merchant-id': JWT_MERCHANT_ID, x5c: [new X509Certificate(certificatePem).raw.toString('base64')] } },
    );
    const answer = await post(SEND_PATH, { 'content-type': 'application/json', 'v-c-merchant-id': JWT_MERCHANT_ID, authorization: `Bearer ${token}` }, body);
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.body)).toBe('MALFORMED_TOKEN');
    expect(JSON.stringify(answer.body)).toContain('version 1');
    expect(server.sandbox.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Visa's Node SDK, signing real requests
// ---------------------------------------------------------------------------------------------------------

describe('requests signed by Visa’s Node SDK (cybersource-rest-client)', () => {
  it('passes with a JWT from a P12 file', async () => {
    const answer = await sdkPost(sdkClient(host, JWT_CONFIG, server.url), SEND_PATH, SEND);
    expect(answer.status).toBe(201);
    expect(server.sandbox.calls()).toHaveLength(1);
  });

  it('passes with a JWT for a path with a query (request-resource-path carries it)', async () => {
    const answer = await sdkPost(sdkClient(host, JWT_CONFIG, server.url), SEND_PATH, SEND, { profileId: 'p 1' });
    expect(answer.status).toBe(201);
  });

  it('passes with an HTTP Signature', async () => {
    const answer = await sdkPost(sdkClient(host, HTTP_SIGNATURE_CONFIG, server.url), SEND_PATH, SEND);
    expect(answer.status).toBe(201);
    expect(server.sandbox.calls()).toHaveLength(1);
  });

  it('fails with a P12 whose key is not its certificate’s, and with a wrong shared secret', async () => {
    const wrongKey = await sdkPost(sdkClient(host, { ...JWT_CONFIG, keysDirectory: wrongKeysDirectory }, server.url), SEND_PATH, SEND);
    expect(wrongKey.status).toBe(401);
    expect(reasonOf(wrongKey.body)).toBe('INVALID_SIGNATURE');
    const wrongSecret = Buffer.alloc(32, 7).toString('base64');
    const wrongHmac = await sdkPost(sdkClient(host, { ...HTTP_SIGNATURE_CONFIG, merchantsecretKey: wrongSecret }, server.url), SEND_PATH, SEND);
    expect(wrongHmac.status).toBe(401);
    expect(reasonOf(wrongHmac.body)).toBe('INVALID_SIGNATURE');
    expect(server.sandbox.calls()).toHaveLength(0);
  });

  it.each([
    ['JWT', JWT_CONFIG],
    ['HTTP Signature', HTTP_SIGNATURE_CONFIG],
  ])('fails when the body is changed after the SDK signed it (%s)', async (_name, config) => {
    const signed = JSON.stringify(SEND);
    const headers = sdkClient(host, config).callAuthenticationHeader('POST', SEND_PATH, signed, {}, false);
    const changed = signed.replace('c0ffee00', 'c0ffee01');
    const answer = await post(SEND_PATH, { ...headers, 'content-type': 'application/json' }, changed);
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.body)).toBe('DIGEST_MISMATCH');
    // the same headers with the body they were made for pass: the change alone made the difference
    expect((await post(SEND_PATH, { ...headers, 'content-type': 'application/json' }, signed)).status).toBe(201);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Ours under the Node SDK's rules
// ---------------------------------------------------------------------------------------------------------

describe('our signers against Visa’s Node SDK', () => {
  const NOW = Date.parse('Thu, 18 Jul 2019 00:18:03 GMT');
  const VISA_HOST = 'apitest.cybersource.com';
  const TARGET = '/tms/v2/tokenized-cards/7030000000000123456/authentication-options/one-time-passwords';
  const BODY = JSON.stringify(SEND);

  /** What the SDK computes for POST TARGET with BODY at NOW (it reads the clock through Date.now). */
  function sdkHeaders(config: Record<string, unknown>): Record<string, string> {
    const now = vi.spyOn(Date, 'now').mockReturnValue(NOW);
    try {
      return sdkClient(VISA_HOST, config).callAuthenticationHeader('POST', TARGET, BODY, {}, false);
    } finally {
      now.mockRestore();
    }
  }

  function ourHeaders(merchantId: string, credentials: Parameters<typeof createRequestSigner>[1], now = NOW): Promise<Record<string, string>> {
    return createRequestSigner(merchantId, credentials)({ method: 'POST', url: new URL(`https://${VISA_HOST}${TARGET}`), body: BODY, now });
  }

  it('our JWT verifies with the SDK’s JWT verifier and its JWT library', async () => {
    const material = jwtMaterial();
    const publicKey = new X509Certificate(material.certificatePem).publicKey;
    // signed now: the JWT library also checks exp
    const ours = (await ourHeaders(JWT_MERCHANT_ID, { type: 'jwt', ...material }, Date.now())).authorization!.replace(/^Bearer /, '');
    const jwk = publicKey.export({ format: 'jwk' });
    expect(() => JWTUtility.verifyJwt(ours, jwk)).not.toThrow();
    expect(jwtSimple.decode(ours, publicKey.export({ type: 'spki', format: 'pem' }).toString(), false, 'RS256')).toEqual(decodeJwt(ours));
    // the verifier can fail: one changed claim breaks the signature
    const [h, , s] = ours.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(ours), 'request-host': 'evil.example' })).toString('base64url');
    expect(() => JWTUtility.verifyJwt(`${h}.${forged}.${s}`, jwk)).toThrow();
  });

  it('our JWT has the header and claims the SDK makes for the same request, key and time (jti aside)', async () => {
    const sdk = sdkHeaders(JWT_CONFIG).Authorization!.replace(/^Bearer /, '');
    const ours = (await ourHeaders(JWT_MERCHANT_ID, { type: 'jwt', ...jwtMaterial() })).authorization!.replace(/^Bearer /, '');
    expect(decodeProtectedHeader(ours)).toEqual(decodeProtectedHeader(sdk));
    const { jti: sdkJti, ...sdkClaims } = decodeJwt(sdk);
    const { jti: ourJti, ...ourClaims } = decodeJwt(ours);
    expect(ourClaims).toEqual(sdkClaims);
    expect(ourClaims).toMatchObject({ 'request-method': 'post', 'request-host': VISA_HOST, 'request-resource-path': TARGET, iat: NOW / 1000 });
    for (const jti of [sdkJti, ourJti]) expect(jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('our HTTP Signature headers equal the SDK’s for the same request, key and time', async () => {
    const sdk = sdkHeaders(HTTP_SIGNATURE_CONFIG);
    const ours = await ourHeaders(MERCHANT_ID, { type: 'http-signature', keyId: KEY_ID, sharedSecret: SHARED_SECRET });
    for (const name of ['signature', 'digest', 'date', 'host', 'v-c-merchant-id']) expect([name, ours[name]]).toEqual([name, sdk[name]]);
    expect(ours['v-c-date']).toBe(sdk.date);
    expect(sdk.signature).toContain('headers="host date request-target digest v-c-merchant-id"');
  });
});
