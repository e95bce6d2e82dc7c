import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** JWT signing material for the sandbox, in the shape `createVisaAcceptanceClient` takes. */
export interface SandboxJwtCredentials {
  type: 'jwt';
  /** PKCS#8 PEM of an RSA-2048 key. */
  privateKeyPem: string;
  /** A self-signed certificate of that key, its subject carrying `serialNumber=<keyId>` as Visa's P12 files do. */
  certificatePem: string;
  /** The JWT `kid`: the subject's `serialNumber`. */
  keyId: string;
}

/** Options of `generateJwtCredentials`. */
export interface GenerateJwtCredentialsOptions {
  /** Letters, digits, space and `'()+,-./:=?` (an X.520 PrintableString). @defaultValue a random `sandbox-key-…` */
  keyId?: string;
  /** @defaultValue 'stepup-sandbox merchant' */
  commonName?: string;
  /** Days the certificate is valid. @defaultValue 30 */
  days?: number;
}

/**
 * Makes an RSA key and a self-signed certificate for it, without openssl, so a sandbox run has JWT
 * credentials out of the box. For the sandbox only: Visa issues real certificates from the Business Center.
 *
 * @throws TypeError when `keyId` is not a PrintableString
 */
export function generateJwtCredentials(options: GenerateJwtCredentialsOptions = {}): SandboxJwtCredentials {
  const keyId = options.keyId ?? `sandbox-key-${randomBytes(6).toString('hex')}`;
  if (!/^[A-Za-z0-9 '()+,\-./:=?]{1,64}$/.test(keyId))
    throw new TypeError('stepup-kit/sandbox-server: keyId must be 1 to 64 letters, digits, spaces or \'()+,-./:=?');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const name = sequence(
    set(sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(options.commonName ?? 'stepup-sandbox merchant', 'utf8')))),
    set(sequence(oid('2.5.4.5'), tlv(0x13, Buffer.from(keyId, 'ascii')))),
  );
  const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
  const serial = randomBytes(16);
  // a positive INTEGER in minimal DER: a first byte of 0 would be a leading zero OpenSSL refuses ("illegal padding")
  serial[0] = serial[0]! & 0x7f || 0x01;
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    sha256WithRsa,
    name,
    sequence(time(new Date(now - 60_000)), time(new Date(now + (options.days ?? 30) * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, sha256WithRsa, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const body = certificate.toString('base64').replace(/.{1,64}/g, '$&\n');
  return {
    type: 'jwt',
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`,
    keyId,
  };
}

// ---- the few DER encodings an X.509 certificate needs

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? Buffer.from([n]) : lengthBytes(n);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

function lengthBytes(n: number): Buffer {
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

function integer(value: Buffer): Buffer {
  return tlv(0x02, value[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime after, as RFC 5280 asks. */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  const utc = date.getUTCFullYear() < 2050;
  return tlv(utc ? 0x17 : 0x18, Buffer.from(`${utc ? iso.slice(2) : iso}Z`, 'ascii'));
}
