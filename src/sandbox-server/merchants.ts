import { X509Certificate, type KeyObject } from 'node:crypto';
import { certificateKeyId } from '../server/certificate-key-id.js';

/** A merchant the sandbox server knows by its HTTP Signature key. */
export interface SandboxHttpSignatureMerchant {
  merchantId: string;
  keyId: string;
  /** Base64, as the client is configured with it. */
  sharedSecret: string;
}

/** A merchant the sandbox server knows by the certificate of its JWT signing key. */
export interface SandboxJwtMerchant {
  merchantId: string;
  certificatePem: string;
  /** The key id tokens must name as `kid`; by default the `serialNumber` in the certificate's subject. */
  keyId?: string;
}

/** A merchant the sandbox server accepts requests from. A merchant id may be listed once per credential type. */
export type SandboxMerchant = SandboxHttpSignatureMerchant | SandboxJwtMerchant;

/** The credentials of the registered merchants, ready for verification. */
export interface MerchantRegistry {
  httpSignature: Map<string, { keyId: string; secret: Buffer }>;
  jwt: Map<string, { keyId: string; publicKey: KeyObject }>;
  /** Token ids (`merchant id` + `jti`) seen, until when they could still be accepted (epoch ms): a token is good for one request. */
  seenTokens: Map<string, number>;
}

/** @throws TypeError on a merchant without credentials or with an unreadable certificate */
export function createMerchantRegistry(merchants: readonly SandboxMerchant[]): MerchantRegistry {
  const registry: MerchantRegistry = { httpSignature: new Map(), jwt: new Map(), seenTokens: new Map() };
  for (const merchant of merchants) {
    if (!merchant.merchantId) throw new TypeError('sandbox server: every merchant needs a merchantId');
    if ('certificatePem' in merchant) {
      const certificate = new X509Certificate(merchant.certificatePem);
      const keyId = merchant.keyId || certificateKeyId(certificate);
      if (!keyId)
        throw new TypeError(
          `sandbox server: the certificate of merchant ${merchant.merchantId} has no serialNumber in its subject to match the JWT kid; give keyId`,
        );
      registry.jwt.set(merchant.merchantId, { keyId, publicKey: certificate.publicKey });
    } else if ('sharedSecret' in merchant && merchant.keyId) {
      registry.httpSignature.set(merchant.merchantId, { keyId: merchant.keyId, secret: Buffer.from(merchant.sharedSecret, 'base64') });
    } else {
      throw new TypeError(`sandbox server: merchant ${merchant.merchantId} needs { keyId, sharedSecret } or { certificatePem }`);
    }
  }
  return registry;
}
