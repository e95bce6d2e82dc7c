import { createHash } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { fail, header, isFresh, type AuthResult, type ReceivedRequest, type VerifyOptions } from './auth-result.js';
import type { MerchantRegistry } from './merchants.js';

/** Visa's SDKs issue tokens for 2 minutes; a longer-lived one would be remembered for its whole life. */
const MAX_LIFETIME_MS = 120_000;

/**
 * Verifies a Visa Acceptance JWT (`Authorization: Bearer …`) in Visa's current format (`v-c-jwt-version`
 * 2): RS256 by the key of the merchant's registered certificate, named by `kid`; claims naming this
 * request's method, host and path; a `digest` equal to the SHA-256 of the body received; an `iat` within
 * the allowed skew, an `exp` not passed; and a `jti` not seen before.
 *
 * Visa's own SDKs write these claims in two ways, and both are accepted: the Node SDK (and this kit) write
 * `digest-algorithm` and a lower-case `request-method`, the Python SDK `digestAlgorithm` and an upper-case
 * one. Both put the query, if any, in `request-resource-path`; this kit signs the path alone.
 */
export async function verifyJwt(request: ReceivedRequest, token: string, registry: MerchantRegistry, options: VerifyOptions): Promise<AuthResult> {
  let protectedHeader: Record<string, unknown>;
  let unverified: Record<string, unknown>;
  try {
    protectedHeader = decodeProtectedHeader(token) as Record<string, unknown>;
    unverified = decodeJwt(token);
  } catch {
    return fail('MALFORMED_TOKEN', 'The bearer token is not a JWT');
  }
  // the format of Visa's SDKs before their March 2026 releases: the certificate in `x5c`, the merchant in the
  // header, and claims that name neither the request nor the token, so one token could be replayed on others
  if (unverified['v-c-jwt-version'] === undefined && protectedHeader.x5c !== undefined)
    return fail('MALFORMED_TOKEN', 'A version 1 token (x5c, no request claims) is not accepted: v-c-jwt-version must be "2"');
  const merchantId = unverified['v-c-merchant-id'] ?? unverified.iss;
  const merchant = typeof merchantId === 'string' ? registry.jwt.get(merchantId) : undefined;
  if (typeof merchantId !== 'string' || !merchant) return fail('UNKNOWN_MERCHANT', 'The merchant is not known to this sandbox');
  const headerMerchant = header(request.headers, 'v-c-merchant-id');
  if (headerMerchant !== undefined && headerMerchant !== merchantId) return fail('UNKNOWN_MERCHANT', 'v-c-merchant-id differs from the token');
  if (protectedHeader.alg !== 'RS256') return fail('UNSUPPORTED_ALGORITHM', 'Only RS256 tokens are accepted');
  if (typeof protectedHeader.kid !== 'string' || protectedHeader.kid !== merchant.keyId)
    return fail('CERTIFICATE_MISMATCH', 'kid is not the key id of the registered certificate');

  let payload: Record<string, unknown>;
  try {
    const verified = await compactVerify(token, merchant.publicKey, { algorithms: ['RS256'] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch {
    return fail('INVALID_SIGNATURE', 'The token signature does not match the registered certificate');
  }
  if (payload['v-c-jwt-version'] !== '2') return fail('MALFORMED_TOKEN', 'v-c-jwt-version must be "2"');
  const path = request.target.split('?')[0];
  const host = header(request.headers, 'host')?.toLowerCase();
  const method = payload['request-method'];
  const resourcePath = payload['request-resource-path'];
  if (
    typeof method !== 'string' ||
    method.toLowerCase() !== request.method.toLowerCase() ||
    (resourcePath !== path && resourcePath !== request.target) ||
    typeof payload['request-host'] !== 'string' ||
    payload['request-host'].toLowerCase() !== host
  )
    return fail('REQUEST_MISMATCH', 'request-method, request-host or request-resource-path is not this request');
  if (request.body.length > 0) {
    const digest = createHash('sha256').update(request.body).digest('base64');
    // whichever spellings are present must all say SHA-256
    const algorithms = [payload['digest-algorithm'], payload.digestAlgorithm].filter((algorithm) => algorithm !== undefined);
    if (algorithms.length === 0 || algorithms.some((algorithm) => algorithm !== 'SHA-256') || payload.digest !== digest)
      return fail('DIGEST_MISMATCH', 'The digest claim does not match the body');
  }
  const iat = typeof payload.iat === 'number' ? payload.iat * 1000 : NaN;
  if (!isFresh(iat, options)) return fail('STALE_DATE', 'The token iat is missing or too far from the server time');
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : NaN;
  if (!(exp > iat && exp - iat <= MAX_LIFETIME_MS)) return fail('MALFORMED_TOKEN', 'exp must follow iat by at most 2 minutes');
  // the same clock allowance as for iat: a merchant clock a few minutes off is not an expired token
  const usableUntil = exp + options.maxSkewMs;
  if (usableUntil <= options.now) return fail('STALE_DATE', 'The token has expired');
  if (typeof payload.jti !== 'string' || !payload.jti) return fail('MALFORMED_TOKEN', 'The token has no jti');

  // tokens are remembered until they could no longer be accepted anyway; insertion order is close to
  // expiry order (every token lives 2 minutes from an iat near now), so pruning stops at the first live one
  for (const [seen, until] of registry.seenTokens) {
    if (until > options.now) break;
    registry.seenTokens.delete(seen);
  }
  const id = `${merchantId}\n${payload.jti}`;
  if (registry.seenTokens.has(id)) return fail('REPLAYED_TOKEN', 'This token was already used');
  registry.seenTokens.set(id, usableUntil);
  return { ok: true, merchantId };
}
