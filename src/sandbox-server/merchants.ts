import { X509Certificate, type KeyObject } from 'node:crypto';

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
}

/** A merchant the sandbox server accepts requests from. A merchant id may be listed once per credential type. */
export type SandboxMerchant = SandboxHttpSignatureMerchant | SandboxJwtMerchant;

/** The credentials of the registered merchants, ready for verification. */
export interface MerchantRegistry {
  httpSignature: Map<string, { keyId: string; secret: Buffer }>;
  jwt: Map<string, { certificateDer: string; publicKey: KeyObject }>;
}

/** @throws TypeError on a merchant without credentials or with an unreadable certificate */
export function createMerchantRegistry(merchants: readonly SandboxMerchant[]): MerchantRegistry {
  const registry: MerchantRegistry = { httpSignature: new Map(), jwt: new Map() };
  for (const merchant of merchants) {
    if (!merchant.merchantId) throw new TypeError('sandbox server: every merchant needs a merchantId');
    if ('certificatePem' in merchant) {
      const certificate = new X509Certificate(merchant.certificatePem);
      registry.jwt.set(merchant.merchantId, { certificateDer: certificate.raw.toString('base64'), publicKey: certificate.publicKey });
    } else if ('sharedSecret' in merchant && merchant.keyId) {
      registry.httpSignature.set(merchant.merchantId, { keyId: merchant.keyId, secret: Buffer.from(merchant.sharedSecret, 'base64') });
    } else {
      throw new TypeError(`sandbox server: merchant ${merchant.merchantId} needs { keyId, sharedSecret } or { certificatePem }`);
    }
  }
  return registry;
}
