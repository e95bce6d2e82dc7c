import { digestHeader } from './body-digest.js';
import { httpSignatureHeader, isBase64 } from './http-signature.js';
import { createJwtSigner } from './jwt-signature.js';

/** HTTP Signature credentials: a shared secret key pair from the Business Center (deprecated by Visa from September 2026). */
export interface HttpSignatureCredentials {
  type: 'http-signature';
  /** The key's serial number. */
  keyId: string;
  /** The shared secret, base64 as the Business Center shows it. */
  sharedSecret: string;
}

/** JWT credentials: the RSA key and certificate of the merchant's P12 file, as PEM text. */
export interface JwtCredentials {
  type: 'jwt';
  privateKeyPem: string;
  certificatePem: string;
  /** The key id (`kid`); by default the `serialNumber` in the certificate's subject, where Visa's P12 files carry it. */
  keyId?: string;
}

/** How the client authenticates to Visa Acceptance. */
export type VisaCredentials = HttpSignatureCredentials | JwtCredentials;

/** The parts of an outgoing request a signer needs. */
export interface SignableRequest {
  method: string;
  url: URL;
  /** The body exactly as it will be sent, or `undefined`. */
  body?: string;
  /** Signing time, epoch milliseconds. */
  now: number;
}

/** Returns the authentication headers for one request. */
export type RequestSigner = (request: SignableRequest) => Promise<Record<string, string>>;

/**
 * Validates the credentials once and returns the signer the client uses for every request.
 *
 * @throws TypeError on credentials that could never sign (missing fields, a secret that is not base64, a bad PEM)
 */
export function createRequestSigner(merchantId: string, credentials: VisaCredentials): RequestSigner {
  if (!merchantId) throw new TypeError('stepup-kit/server: merchantId is required');
  if (credentials?.type === 'http-signature') {
    const { keyId, sharedSecret } = credentials;
    if (!keyId) throw new TypeError('stepup-kit/server: credentials.keyId is required');
    if (typeof sharedSecret !== 'string' || !isBase64(sharedSecret))
      throw new TypeError('stepup-kit/server: credentials.sharedSecret must be the base64 secret from the Business Center');
    return async ({ method, url, body, now }) => {
      const date = new Date(now).toUTCString();
      const digest = body === undefined ? undefined : digestHeader(body);
      const signature = httpSignatureHeader({
        merchantId,
        keyId,
        sharedSecret,
        method,
        host: url.host,
        path: url.pathname + url.search,
        date,
        digest,
      });
      return {
        host: url.host,
        'v-c-merchant-id': merchantId,
        // Visa renamed `Date` to `v-c-date` in rev 25.04.01; both carry the signed date so either reading verifies.
        'v-c-date': date,
        date,
        ...(digest === undefined ? {} : { digest }),
        signature,
      };
    };
  }
  if (credentials?.type === 'jwt') {
    const sign = createJwtSigner(credentials.privateKeyPem, credentials.certificatePem, credentials.keyId);
    return async ({ method, url, body, now }) => ({
      'v-c-merchant-id': merchantId,
      authorization: `Bearer ${await sign({ merchantId, method, url, body, now })}`,
    });
  }
  throw new TypeError("stepup-kit/server: credentials.type must be 'http-signature' or 'jwt'");
}
