import { createHash } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { fail, header, isFresh, type AuthResult, type ReceivedRequest, type VerifyOptions } from './auth-result.js';
import type { MerchantRegistry } from './merchants.js';

/**
 * Verifies a Visa Acceptance JWT (`Authorization: Bearer …`): RS256 by the key of the merchant's registered
 * certificate (also the one in `x5c`), a `digest` claim equal to the SHA-256 of the body received, and an
 * `iat` within the allowed skew (seconds, or the date string older SDKs send).
 */
export async function verifyJwt(request: ReceivedRequest, token: string, registry: MerchantRegistry, options: VerifyOptions): Promise<AuthResult> {
  let protectedHeader: Record<string, unknown>;
  try {
    protectedHeader = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return fail('MALFORMED_TOKEN', 'The bearer token is not a JWT');
  }
  const merchantId = protectedHeader['v-c-merchant-id'];
  const merchant = typeof merchantId === 'string' ? registry.jwt.get(merchantId) : undefined;
  if (typeof merchantId !== 'string' || !merchant) return fail('UNKNOWN_MERCHANT', 'The merchant is not known to this sandbox');
  const headerMerchant = header(request.headers, 'v-c-merchant-id');
  if (headerMerchant !== undefined && headerMerchant !== merchantId) return fail('UNKNOWN_MERCHANT', 'v-c-merchant-id differs from the token');
  if (protectedHeader.alg !== 'RS256') return fail('UNSUPPORTED_ALGORITHM', 'Only RS256 tokens are accepted');
  const x5c = protectedHeader.x5c;
  if (!Array.isArray(x5c) || x5c[0] !== merchant.certificateDer) return fail('CERTIFICATE_MISMATCH', 'x5c is not the registered certificate');

  let payload: Record<string, unknown>;
  try {
    const verified = await compactVerify(token, merchant.publicKey, { algorithms: ['RS256'] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch {
    return fail('INVALID_SIGNATURE', 'The token signature does not match the registered certificate');
  }
  if (request.body.length > 0) {
    const digest = createHash('sha256').update(request.body).digest('base64');
    if (payload.digestAlgorithm !== 'SHA-256' || payload.digest !== digest) return fail('DIGEST_MISMATCH', 'The digest claim does not match the body');
  }
  const iat = typeof payload.iat === 'number' ? payload.iat * 1000 : typeof payload.iat === 'string' ? Date.parse(payload.iat) : NaN;
  if (!isFresh(iat, options)) return fail('STALE_DATE', 'The token iat is missing or too far from the server time');
  return { ok: true, merchantId };
}
