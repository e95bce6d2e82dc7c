import { fail, header, type AuthResult, type ReceivedRequest, type VerifyOptions } from './auth-result.js';
import type { MerchantRegistry } from './merchants.js';
import { verifyHttpSignature } from './verify-http-signature.js';
import { verifyJwt } from './verify-jwt.js';

/** Picks the scheme the request uses (a bearer JWT, else an HTTP Signature) and verifies it. */
export async function authenticateRequest(request: ReceivedRequest, registry: MerchantRegistry, options: VerifyOptions): Promise<AuthResult> {
  const authorization = header(request.headers, 'authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return verifyJwt(request, bearer, registry, options);
  if (header(request.headers, 'signature')) return verifyHttpSignature(request, registry, options);
  return fail('MISSING_CREDENTIALS', 'The request carries neither a Signature header nor a bearer JWT');
}
