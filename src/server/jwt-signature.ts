import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { sha256Base64 } from './body-digest.js';

/** Inputs of a JWT-signed Visa Acceptance request. */
export interface JwtSignatureInput {
  merchantId: string;
  /** The request body exactly as sent; `undefined` for requests without one. */
  body?: string;
  /** The signing time in epoch milliseconds. */
  now: number;
}

/**
 * Builds the RS256 JWT signer for one merchant from PEM text. The key may be PKCS#8 or PKCS#1 (what
 * `openssl pkcs12 -nocerts` gives); the certificate travels as `x5c[0]` so Visa can find the key.
 *
 * @throws TypeError when the key is not an RSA private key or the certificate does not parse
 */
export function createJwtSigner(privateKeyPem: string, certificatePem: string): (input: JwtSignatureInput) => Promise<string> {
  let key: KeyObject;
  let certificate: string;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw new TypeError('stepup-kit/server: credentials.privateKeyPem is not a readable private key', { cause });
  }
  if (key.asymmetricKeyType !== 'rsa') throw new TypeError('stepup-kit/server: credentials.privateKeyPem must be an RSA key (RS256)');
  try {
    certificate = new X509Certificate(certificatePem).raw.toString('base64');
  } catch (cause) {
    throw new TypeError('stepup-kit/server: credentials.certificatePem is not a readable X.509 certificate', { cause });
  }

  return ({ merchantId, body, now }) => {
    const claims = body === undefined ? {} : { digest: sha256Base64(body), digestAlgorithm: 'SHA-256' };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', 'v-c-merchant-id': merchantId, x5c: [certificate] })
      .setIssuedAt(Math.floor(now / 1000))
      .sign(key);
  };
}
