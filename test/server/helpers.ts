// @vitest-environment node
/**
 * Shared helpers for the server tests: fixed HTTP Signature credentials, an RSA key and self-signed
 * certificate made with openssl, a sandbox server with both merchants registered, and a capturing logger.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createVisaAcceptanceClient, type StepUpLogger, type VisaAcceptanceClientOptions } from '../../src/server';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import type { SandboxOptions } from '../../src/sandbox';

export const MERCHANT_ID = 'stepup_test_merchant';
export const KEY_ID = '3f1c2a9e-5b7d-4c8e-9f01-23456789abcd';
/** 32 bytes 0x00…0x1f, base64. */
export const SHARED_SECRET = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64');
export const JWT_MERCHANT_ID = 'stepup_jwt_merchant';

export interface JwtMaterial {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * An RSA-2048 key and a self-signed certificate for it, made by `openssl req -x509`. Like the certificate of
 * a Visa P12 file, its subject carries the key id as `serialNumber` (unless `keyId` is empty).
 */
export function makeJwtMaterial(commonName = 'stepup-test', keyId = `${commonName}-key-1`): JwtMaterial {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepup-jwt-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', keyId ? `/CN=${commonName}/serialNumber=${keyId}` : `/CN=${commonName}`],
      { stdio: 'ignore' },
    );
    return { privateKeyPem: readFileSync(keyFile, 'utf8'), certificatePem: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A second RSA key, unrelated to any certificate. */
export function otherRsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

let material: JwtMaterial | undefined;
/** One key and certificate per test file (generating RSA keys is the slow part). */
export function jwtMaterial(): JwtMaterial {
  material ??= makeJwtMaterial();
  return material;
}

/** A sandbox server on 127.0.0.1 that knows the HTTP Signature merchant and the JWT merchant. */
export function startTestSandbox(sandbox: SandboxOptions = {}, extra: { now?: () => number } = {}): Promise<SandboxServer> {
  return startSandboxServer({
    host: '127.0.0.1',
    port: 0,
    merchants: [
      { merchantId: MERCHANT_ID, keyId: KEY_ID, sharedSecret: SHARED_SECRET },
      { merchantId: JWT_MERCHANT_ID, certificatePem: jwtMaterial().certificatePem },
    ],
    sandbox,
    ...extra,
  });
}

/** A client of the test sandbox with HTTP Signature credentials. */
export function signatureClient(server: SandboxServer, overrides: Partial<VisaAcceptanceClientOptions> = {}) {
  return createVisaAcceptanceClient({
    environment: { baseUrl: server.url },
    merchantId: MERCHANT_ID,
    credentials: { type: 'http-signature', keyId: KEY_ID, sharedSecret: SHARED_SECRET },
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** A client of the test sandbox with JWT credentials. */
export function jwtClient(server: SandboxServer, overrides: Partial<VisaAcceptanceClientOptions> = {}) {
  const { privateKeyPem, certificatePem } = jwtMaterial();
  return createVisaAcceptanceClient({
    environment: { baseUrl: server.url },
    merchantId: JWT_MERCHANT_ID,
    credentials: { type: 'jwt', privateKeyPem, certificatePem },
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** A logger that keeps every line, fields included, as text. */
export function capturingLogger(): { logger: StepUpLogger; lines: string[] } {
  const lines: string[] = [];
  const capture = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { logger: { info: capture('info'), warn: capture('warn'), error: capture('error') }, lines };
}

export const AUTH_BODY = {
  clientCorrelationId: 'a4f1e7c2-0000-4000-8000-000000000001',
  authenticatorRenderMethod: 'IFRAME',
  sessionInformation: { secureToken: 'secure-token' },
  orderInformation: { amountDetails: { totalAmount: '10.00', currency: '978' } },
};

/** The reason of a Visa-shaped 401 body of the sandbox server. */
export function reasonOf(body: unknown): string | undefined {
  return (body as { errors?: Array<{ reason?: string }> })?.errors?.[0]?.reason;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
