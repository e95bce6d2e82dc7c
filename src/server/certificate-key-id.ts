import type { X509Certificate } from 'node:crypto';

/**
 * The key id Visa knows a P12 certificate by: the `serialNumber` attribute of its subject (not the
 * certificate's own serial number), which Visa's JWT `kid` header carries.
 */
export function certificateKeyId(certificate: X509Certificate): string | undefined {
  const match = /^serialNumber=(.+)$/im.exec(certificate.subject);
  return match?.[1]?.trim() || undefined;
}
