// @vitest-environment node
/**
 * The certificate of `generateJwtCredentials` is DER that OpenSSL accepts whatever its random serial: a serial
 * whose first byte came out 0 once made an INTEGER with a needless leading zero, which OpenSSL refuses as
 * "illegal padding" (about one run in 256 of anything that made credentials).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { generateJwtCredentials } from '../../src/sandbox-server';

const serialBytes = vi.hoisted(() => ({ next: undefined as Buffer | undefined }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  // the 16 random bytes of the serial, chosen by the test; every other call is random
  const randomBytes = (size: number) => {
    const chosen = serialBytes.next;
    if (size !== 16 || !chosen) return actual.randomBytes(size);
    serialBytes.next = undefined;
    return Buffer.from(chosen);
  };
  return { ...actual, default: { ...actual, randomBytes }, randomBytes };
});

describe('generateJwtCredentials: the serial number', () => {
  it.each([
    ['all zeros', Buffer.alloc(16)],
    ['a first byte that is 0x80 once made positive, then a small byte', Buffer.from([0x80, 0x01, ...Array(14).fill(0xaa)])],
    ['a first byte of 0, then one with the high bit set', Buffer.from([0x00, 0x80, ...Array(14).fill(0x11)])],
    ['all ones', Buffer.alloc(16, 0xff)],
  ])('makes a certificate OpenSSL reads, with a positive serial: %s', (_, bytes) => {
    serialBytes.next = bytes;
    const credentials = generateJwtCredentials({ keyId: 'shop-key-1' });
    expect(serialBytes.next).toBeUndefined(); // the chosen bytes were used
    const certificate = new X509Certificate(credentials.certificatePem);
    // 16 bytes, the first one 0x01 to 0x7f: positive, minimal, and as long as the random part
    expect(certificate.serialNumber).toMatch(/^(0[1-9A-F]|[1-7][0-9A-F])[0-9A-F]{30}$/);
    expect(certificate.checkPrivateKey(createPrivateKey(credentials.privateKeyPem))).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });
});
