import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SandboxMerchant } from './merchants.js';
import { startSandboxServer, type SandboxServer } from './start-sandbox-server.js';

/** The `stepup-sandbox --help` text. */
export const SANDBOX_CLI_USAGE = `Usage: stepup-sandbox [options]

Serves the Visa Acceptance TMS step-up endpoints on loopback with the stepup-kit simulator.

  --host <addr>            interface to listen on (default 127.0.0.1)
  --port <n>               port (default 8787; 0 picks a free one)
  --merchant-id <id>       merchant id the requests must carry (default sandbox_merchant)
  --key-id <id>            HTTP Signature key id (generated when absent)
  --shared-secret <b64>    HTTP Signature shared secret, base64 (generated when absent)
  --certificate <file>     PEM certificate of a JWT signing key (accept JWTs for this merchant too)
  --jwt-key-id <id>        the kid JWTs must carry (default: serialNumber in the certificate's subject)
  --golden-code            also accept Visa's sandbox code 456789
  --max-requests <n>       maxRequestsAllowed (default 3)
  --latency-ms <n>         delay of every answer (default 0)
  --quiet                  do not print one line per request
  --help                   this text`;

/** Thrown for arguments the CLI cannot use; its message is for the terminal. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Parses the `stepup-sandbox` arguments, starts the server and prints how to reach it, including any
 * credentials it generated (they exist only in this process).
 *
 * @returns the running server, or `undefined` after `--help`
 * @throws CliUsageError on unusable arguments
 */
export async function runSandboxCli(argv: readonly string[], print: (line: string) => void): Promise<SandboxServer | undefined> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (error) {
    throw new CliUsageError(`${error instanceof Error ? error.message : String(error)}\n\n${SANDBOX_CLI_USAGE}`);
  }
  if (values.help) {
    print(SANDBOX_CLI_USAGE);
    return undefined;
  }
  const port = integer(values.port ?? '8787', '--port');
  const merchantId = values['merchant-id'] ?? 'sandbox_merchant';
  const keyId = values['key-id'] ?? randomUUID();
  const generatedSecret = values['shared-secret'] === undefined;
  const sharedSecret = values['shared-secret'] ?? randomBytes(32).toString('base64');
  const merchants: SandboxMerchant[] = [{ merchantId, keyId, sharedSecret }];
  if (values.certificate) {
    let certificatePem: string;
    try {
      certificatePem = readFileSync(values.certificate, 'utf8');
    } catch {
      throw new CliUsageError(`cannot read the certificate file ${values.certificate}`);
    }
    merchants.push({ merchantId, certificatePem, ...(values['jwt-key-id'] ? { keyId: values['jwt-key-id'] } : {}) });
  }
  const options: Parameters<typeof startSandboxServer>[0] = {
    host: values.host ?? '127.0.0.1',
    port,
    merchants,
    sandbox: {
      goldenCode: values['golden-code'] ?? false,
      maxRequestsAllowed: values['max-requests'] === undefined ? undefined : integer(values['max-requests'], '--max-requests'),
      latencyMs: values['latency-ms'] === undefined ? undefined : integer(values['latency-ms'], '--latency-ms'),
    },
    log: values.quiet ? undefined : print,
  };
  let server: SandboxServer;
  try {
    server = await startSandboxServer(options);
  } catch (error) {
    // a certificate the server cannot use is the caller's mistake: say so, as for any other argument
    if (error instanceof TypeError) throw new CliUsageError(error.message);
    throw error;
  }
  print(`stepup-sandbox listening on ${server.url}`);
  print(`  outbox:          ${server.url}/__outbox`);
  print(`  merchant id:     ${merchantId}`);
  print(`  key id:          ${keyId}`);
  print(`  shared secret:   ${sharedSecret}${generatedSecret ? '   (generated for this run)' : ''}`);
  if (values.certificate) print(`  JWT certificate: ${values.certificate}`);
  print(`  client: createVisaAcceptanceClient({ environment: { baseUrl: '${server.url}' }, merchantId: '${merchantId}',`);
  print(`          credentials: { type: 'http-signature', keyId: '${keyId}', sharedSecret: '${sharedSecret}' } })`);
  return server;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'merchant-id': { type: 'string' },
      'key-id': { type: 'string' },
      'shared-secret': { type: 'string' },
      certificate: { type: 'string' },
      'jwt-key-id': { type: 'string' },
      'golden-code': { type: 'boolean' },
      'max-requests': { type: 'string' },
      'latency-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

function integer(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new CliUsageError(`${flag} needs a whole number, got ${text}`);
  return Number(text);
}
