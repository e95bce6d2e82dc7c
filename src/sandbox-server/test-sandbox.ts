import { randomBytes, randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../sandbox/simulator.js';
import { generateJwtCredentials, type SandboxJwtCredentials } from './self-signed-certificate.js';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './start-sandbox-server.js';

/** Which codes of the outbox a look-up means. */
export interface OutboxFilter {
  /** The masked destination as the cardholder sees it, e.g. `***-***-1234`. */
  destination?: string;
  tokenId?: string;
  /** e.g. `OTP_SMS`. */
  method?: string;
  /** Only codes sent at or after this time (epoch ms): take `Date.now()` before the click that sends. */
  since?: number;
}

/** The codes the sandbox sent, as a test reads them. */
export interface OutboxReader {
  /** The matching codes, oldest first. */
  messages(filter?: OutboxFilter): Promise<OutboxMessage[]>;
  /** The last matching code, or `undefined`. */
  lastCode(filter?: OutboxFilter): Promise<string | undefined>;
  /**
   * The last matching code once there is one.
   * @throws Error when none arrives within `timeoutMs` (default 5000)
   */
  waitForCode(filter?: OutboxFilter & { timeoutMs?: number }): Promise<string>;
}

/**
 * Reads the outbox of a sandbox server: one in this process (`startSandboxServer`, `startTestSandbox`), or
 * one elsewhere by its URL (`npx stepup-sandbox`, `GET {url}/__outbox?format=json`).
 */
export function createOutboxReader(source: string | Pick<SandboxServer, 'sandbox'>): OutboxReader {
  const all =
    typeof source === 'string'
      ? async (): Promise<readonly OutboxMessage[]> => {
          const response = await fetch(`${source.replace(/\/+$/, '')}/__outbox?format=json`, { headers: { accept: 'application/json' } });
          if (!response.ok) throw new Error(`the sandbox outbox answered ${response.status}`);
          return ((await response.json()) as { messages: OutboxMessage[] }).messages;
        }
      : async () => source.sandbox.outbox();
  const messages = async (filter: OutboxFilter = {}) =>
    (await all()).filter(
      (m) =>
        (filter.destination === undefined || m.to === filter.destination) &&
        (filter.tokenId === undefined || m.tokenId === filter.tokenId) &&
        (filter.method === undefined || m.method === filter.method) &&
        (filter.since === undefined || m.sentAt >= filter.since),
    );
  const lastCode = async (filter?: OutboxFilter) => (await messages(filter)).at(-1)?.code;
  return {
    messages,
    lastCode,
    async waitForCode({ timeoutMs = 5_000, ...filter } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const code = await lastCode(filter);
        if (code !== undefined) return code;
        if (Date.now() >= deadline) throw new Error(`no code sent matching ${JSON.stringify(filter)} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Options of `startTestSandbox`: those of `startSandboxServer` except the merchants, which it makes up. */
export interface TestSandboxOptions extends Omit<SandboxServerOptions, 'merchants'> {
  /** @defaultValue 'test_merchant' */
  merchantId?: string;
}

/** A sandbox server with made-up credentials registered, and its outbox reader. */
export interface TestSandbox extends SandboxServer, OutboxReader {
  merchantId: string;
  /** JWT credentials (a fresh RSA key and self-signed certificate) registered for `merchantId`. */
  jwt: SandboxJwtCredentials;
  /** HTTP Signature credentials (legacy) registered for `merchantId` too. */
  httpSignature: { type: 'http-signature'; keyId: string; sharedSecret: string };
}

/**
 * Starts a sandbox server on loopback for a merchant's own end-to-end tests, with JWT and HTTP Signature
 * credentials made up for the run:
 *
 * ```ts
 * const sandbox = await startTestSandbox({ sandbox: { goldenCode: true } });
 * createVisaAcceptanceClient({ environment: { baseUrl: sandbox.url }, merchantId: sandbox.merchantId, credentials: sandbox.jwt });
 * const code = await sandbox.waitForCode({ destination: '***-***-1234', since });
 * await sandbox.close();
 * ```
 */
export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const { merchantId = 'test_merchant', ...serverOptions } = options;
  const jwt = generateJwtCredentials();
  const httpSignature = { type: 'http-signature' as const, keyId: randomUUID(), sharedSecret: randomBytes(32).toString('base64') };
  const server = await startSandboxServer({
    ...serverOptions,
    merchants: [
      { merchantId, certificatePem: jwt.certificatePem },
      { merchantId, keyId: httpSignature.keyId, sharedSecret: httpSignature.sharedSecret },
    ],
  });
  return Object.assign(server, createOutboxReader(server), { merchantId, jwt, httpSignature });
}
