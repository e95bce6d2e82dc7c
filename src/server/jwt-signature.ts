import { X509Certificate, createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { sha256Base64 } from './body-digest.js';
import { certificateKeyId } from './certificate-key-id.js';

/** Inputs of a JWT-signed Visa Acceptance request. */
export interface JwtSignatureInput {
  merchantId: string;
  method: string;
  url: URL;
  /** The request body exactly as sent; `undefined` for requests without one. */
  body?: string;
  /** The signing time in epoch milliseconds. */
  now: number;
}

/** How long a token is valid, as Visa's own SDKs set it. */
const TOKEN_LIFETIME_SECONDS = 120;

/**
 * Builds the RS256 JWT signer for one merchant from PEM text, in Visa's current token format
 * (`v-c-jwt-version` 2): the header names the key by `kid`, and the claims bind the token to this one
 * request (method, host, path and body digest), for two minutes, under a unique `jti`. The key may be
 * PKCS#8 or PKCS#1 (what `openssl pkcs12 -nocerts` gives); `certificatePem` may hold several
 * certificates, the one for the key is used.
 *
 * @param keyId the `kid`; by default the `serialNumber` in the certificate's subject, as Visa's P12 files carry it
 * @throws TypeError when the key is not an RSA private key, no certificate for it parses, or no key id is known
 */
export function createJwtSigner(
  privateKeyPem: string,
  certificatePem: string,
  keyId?: string,
): (input: JwtSignatureInput) => Promise<string> {
  let key: KeyObject;
  let certificates: X509Certificate[];
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw new TypeError('stepup-kit/server: credentials.privateKeyPem is not a readable private key', { cause });
  }
  if (key.asymmetricKeyType !== 'rsa') throw new TypeError('stepup-kit/server: credentials.privateKeyPem must be an RSA key (RS256)');
  try {
    // a P12 export may hold several certificates (Visa's own among them): each PEM block is read
    const blocks = certificatePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [certificatePem];
    certificates = blocks.map((block) => new X509Certificate(block));
  } catch (cause) {
    throw new TypeError('stepup-kit/server: credentials.certificatePem is not a readable X.509 certificate', { cause });
  }
  // the merchant's certificate is the one whose public key goes with the private key
  const certificate = certificates.find((c) => c.checkPrivateKey(key));
  if (!certificate)
    throw new TypeError('stepup-kit/server: credentials.certificatePem holds no certificate for credentials.privateKeyPem');
  const kid = keyId || certificateKeyId(certificate);
  if (!kid)
    throw new TypeError(
      'stepup-kit/server: the certificate has no serialNumber in its subject to use as the JWT kid; pass credentials.keyId',
    );

  return ({ merchantId, method, url, body, now }) => {
    const issuedAt = Math.floor(now / 1000);
    return new SignJWT({
      ...(body === undefined ? {} : { digest: sha256Base64(body), 'digest-algorithm': 'SHA-256' }),
      'request-host': url.host,
      'request-resource-path': url.pathname,
      'request-method': method.toLowerCase(),
      iss: merchantId,
      'v-c-merchant-id': merchantId,
      'v-c-jwt-version': '2',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(key);
  };
}
