import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { fail, header, isFresh, type AuthResult, type ReceivedRequest, type VerifyOptions } from './auth-result.js';
import type { MerchantRegistry } from './merchants.js';

/**
 * Verifies a Visa Acceptance HTTP Signature the way the API does: the merchant and key are known, the
 * signed headers cover host, date, target, merchant and (with a body) digest, the HMAC matches, the
 * `Digest` matches the body received, and the date is within the allowed skew. The validation string is
 * rebuilt from the request itself, in the order the `headers` parameter gives.
 */
export function verifyHttpSignature(request: ReceivedRequest, registry: MerchantRegistry, options: VerifyOptions): AuthResult {
  const merchantId = header(request.headers, 'v-c-merchant-id');
  const merchant = merchantId ? registry.httpSignature.get(merchantId) : undefined;
  if (!merchantId || !merchant) return fail('UNKNOWN_MERCHANT', 'The merchant is not known to this sandbox');

  const params = parseSignatureHeader(header(request.headers, 'signature') ?? '');
  if (params.keyid !== merchant.keyId) return fail('UNKNOWN_KEY', 'The key id is not registered for this merchant');
  if (params.algorithm !== 'HmacSHA256') return fail('UNSUPPORTED_ALGORITHM', 'Only HmacSHA256 signatures are accepted');
  const names = (params.headers ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const hasBody = request.body.length > 0;
  const required = [['host'], ['date', 'v-c-date'], ['request-target', '(request-target)'], ['v-c-merchant-id'], ...(hasBody ? [['digest']] : [])];
  const missing = required.find((alternatives) => !alternatives.some((name) => names.includes(name)));
  if (missing) return fail('MISSING_SIGNED_HEADER', `The signature does not cover ${missing[0]}`);

  const lines: string[] = [];
  for (const name of names) {
    const value = signedValue(request, name);
    if (value === undefined) return fail('MISSING_SIGNED_HEADER', `The signed header ${name} is not in the request`);
    lines.push(`${name}: ${value}`);
  }
  const expected = createHmac('sha256', merchant.secret).update(lines.join('\n'), 'utf8').digest();
  const given = Buffer.from(params.signature ?? '', 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('INVALID_SIGNATURE', 'The signature does not match');

  if (hasBody) {
    const digest = `SHA-256=${createHash('sha256').update(request.body).digest('base64')}`;
    if (header(request.headers, 'digest') !== digest) return fail('DIGEST_MISMATCH', 'The Digest header does not match the body');
  }
  const date = header(request.headers, 'v-c-date') ?? header(request.headers, 'date');
  if (!date || !isFresh(Date.parse(date), options)) return fail('STALE_DATE', 'The request date is missing or too far from the server time');
  return { ok: true, merchantId };
}

/** `keyid="…", algorithm="…", headers="…", signature="…"` → a record of its parameters. */
export function parseSignatureHeader(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of value.matchAll(/([A-Za-z]+)\s*=\s*"([^"]*)"/g)) params[match[1]!.toLowerCase()] = match[2]!;
  return params;
}

function signedValue(request: ReceivedRequest, name: string): string | undefined {
  if (name === 'request-target' || name === '(request-target)') return `${request.method.toLowerCase()} ${request.target}`;
  if (name === 'date') return header(request.headers, 'v-c-date') ?? header(request.headers, 'date');
  return header(request.headers, name);
}
