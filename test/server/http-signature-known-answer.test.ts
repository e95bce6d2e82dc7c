// @vitest-environment node
/**
 * Known-answer test of the HTTP Signature: the digest and the HMAC are computed here by openssl, from a
 * validation string written out by hand as Visa Acceptance documents it, and compared with the headers
 * the client actually sends.
 */
import { execFileSync } from 'node:child_process';
import { createVisaAcceptanceClient } from '../../src/server';
import { KEY_ID, SHARED_SECRET } from './helpers';

const DATE = 'Thu, 18 Jul 2019 00:18:03 GMT';
const NOW = Date.parse(DATE);
const TOKEN = '7030000000000123456';
const BODY = { clientCorrelationId: 'c0ffee00-1111-4222-8333-444455556666', stepUpOption: { id: 'c21zLW9wdGlvbi0x' } };

function opensslDigestBase64(text: string): string {
  return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: text }).toString('base64');
}

function opensslHmacBase64(text: string, secretBase64: string): string {
  const hexKey = Buffer.from(secretBase64, 'base64').toString('hex');
  return execFileSync('openssl', ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${hexKey}`, '-binary'], { input: text }).toString('base64');
}

async function sentHeaders(baseUrl: string, merchantId: string) {
  let captured: { url: string; headers: Headers; body: string } | undefined;
  const client = createVisaAcceptanceClient({
    environment: { baseUrl },
    merchantId,
    credentials: { type: 'http-signature', keyId: KEY_ID, sharedSecret: SHARED_SECRET },
    now: () => NOW,
    fetch: async (input, init) => {
      captured = { url: String(input), headers: new Headers(init?.headers), body: String(init?.body) };
      return new Response('{"maxRequestsAllowed":3}', { status: 201, headers: { 'v-c-correlation-id': 'corr-kat' } });
    },
  });
  const answer = await client.createOtp(TOKEN, BODY);
  expect(answer).toEqual({ status: 201, body: { maxRequestsAllowed: 3 }, correlationId: 'corr-kat' });
  return captured!;
}

describe('HTTP Signature known answer (openssl)', () => {
  it('signs a create-OTP request exactly as computed independently with openssl', async () => {
    const sent = await sentHeaders('https://apitest.visaacceptance.com', 'testrest');
    const path = `/tms/v2/tokenized-cards/${TOKEN}/authentication-options/one-time-passwords`;
    expect(sent.url).toBe(`https://apitest.visaacceptance.com${path}`);
    expect(sent.body).toBe(JSON.stringify(BODY));

    const digest = `SHA-256=${opensslDigestBase64(sent.body)}`;
    const validationString = [
      'host: apitest.visaacceptance.com',
      `date: ${DATE}`,
      `request-target: post ${path}`,
      `digest: ${digest}`,
      'v-c-merchant-id: testrest',
    ].join('\n');
    const signature = opensslHmacBase64(validationString, SHARED_SECRET);

    expect(sent.headers.get('digest')).toBe(digest);
    expect(sent.headers.get('v-c-date')).toBe(DATE);
    expect(sent.headers.get('date')).toBe(DATE);
    expect(sent.headers.get('host')).toBe('apitest.visaacceptance.com');
    expect(sent.headers.get('v-c-merchant-id')).toBe('testrest');
    expect(sent.headers.get('signature')).toBe(
      `keyid="${KEY_ID}", algorithm="HmacSHA256", headers="host date request-target digest v-c-merchant-id", signature="${signature}"`,
    );
  });

  it('signs the host with its port and the path under a base-URL prefix', async () => {
    const sent = await sentHeaders('http://127.0.0.1:8787/visa/', 'm1');
    const path = `/visa/tms/v2/tokenized-cards/${TOKEN}/authentication-options/one-time-passwords`;
    expect(new URL(sent.url).pathname).toBe(path);
    const validationString = [
      'host: 127.0.0.1:8787',
      `date: ${DATE}`,
      `request-target: post ${path}`,
      `digest: SHA-256=${opensslDigestBase64(sent.body)}`,
      'v-c-merchant-id: m1',
    ].join('\n');
    expect(sent.headers.get('signature')).toContain(`signature="${opensslHmacBase64(validationString, SHARED_SECRET)}"`);
  });

  it('changes the signature when one byte of the body changes (the test can fail)', async () => {
    const sent = await sentHeaders('https://apitest.visaacceptance.com', 'testrest');
    const otherDigest = `SHA-256=${opensslDigestBase64(sent.body.replace('c0ffee00', 'c0ffee01'))}`;
    expect(sent.headers.get('digest')).not.toBe(otherDigest);
  });
});
