import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SANDBOX_METHODS, isSandboxMethod, sandboxStepUpOptions } from '../sandbox/out-of-band-methods.js';
import type { SandboxMerchant } from './merchants.js';
import { generateJwtCredentials } from './self-signed-certificate.js';
import { startSandboxServer, type SandboxServer, type SandboxTokenAction } from './start-sandbox-server.js';

/** The `stepup-sandbox --help` text. */
export const SANDBOX_CLI_USAGE = `Usage: stepup-sandbox [options]

Serves the Visa Acceptance TMS step-up endpoints on loopback with the stepup-kit simulator.
Requests must be signed with a JWT (the default) or an HTTP Signature (legacy) of the merchant.

  --host <addr>            interface to listen on (default 127.0.0.1)
  --port <n>               port (default 8787; 0 picks a free one)
  --merchant-id <id>       merchant id the requests must carry (default sandbox_merchant)
  --certificate <file>     PEM certificate of your JWT signing key (default: a key and certificate
                           are made for this run and written to a temporary folder)
  --jwt-key-id <id>        the kid JWTs must carry (default: serialNumber in the certificate's subject)
  --key-id <id>            HTTP Signature (legacy) key id (generated when absent)
  --shared-secret <b64>    HTTP Signature (legacy) shared secret, base64 (generated when absent)
  --golden-code            also accept Visa's sandbox code 456789
  --max-requests <n>       maxRequestsAllowed (default 3)
  --limits-per-step-up     count maxRequestsAllowed per step-up, not per token for the server's life
  --token-action <t>=<A>   what authentication-options answers for token t: STEP_UP_AUTHENTICATE (default),
                           AUTHENTICATION_REGISTRATION (no step-up) or AUTHENTICATE (passkey); repeatable
  --methods <m,m,…>        the step-up methods every token is offered, in order (default the three OTP
                           channels): ${SANDBOX_METHODS.join(', ')}
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
  const tokenActions = Object.fromEntries((values['token-action'] ?? []).map(tokenAction));
  const merchants: SandboxMerchant[] = [{ merchantId, keyId, sharedSecret }];
  const options: Parameters<typeof startSandboxServer>[0] = {
    host: values.host ?? '127.0.0.1',
    port,
    merchants,
    sandbox: {
      goldenCode: values['golden-code'] ?? false,
      maxRequestsAllowed: values['max-requests'] === undefined ? undefined : integer(values['max-requests'], '--max-requests'),
      latencyMs: values['latency-ms'] === undefined ? undefined : integer(values['latency-ms'], '--latency-ms'),
      ...(values.methods === undefined ? {} : { stepUpOptions: methods(values.methods) }),
    },
    tokenActions,
    limitsPerStepUp: values['limits-per-step-up'] ?? false,
    log: values.quiet ? undefined : print,
  };
  // JWT by default: without a certificate of the merchant's own, one is made for this run (here, once
  // every argument is read, so a usage error leaves no files behind)
  let certificateFile = values.certificate;
  let generated: { dir: string; keyFile: string } | undefined;
  if (!certificateFile) {
    let credentials: ReturnType<typeof generateJwtCredentials>;
    try {
      credentials = generateJwtCredentials(values['jwt-key-id'] ? { keyId: values['jwt-key-id'] } : {});
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'stepup-sandbox-'));
    generated = { dir, keyFile: path.join(dir, 'merchant-key.pem') };
    certificateFile = path.join(dir, 'merchant-cert.pem');
    writeFileSync(generated.keyFile, credentials.privateKeyPem, { mode: 0o600 });
    writeFileSync(certificateFile, credentials.certificatePem);
  }
  let certificatePem: string;
  try {
    certificatePem = readFileSync(certificateFile, 'utf8');
  } catch {
    throw new CliUsageError(`cannot read the certificate file ${certificateFile}`);
  }
  merchants.push({ merchantId, certificatePem, ...(values['jwt-key-id'] ? { keyId: values['jwt-key-id'] } : {}) });
  const removeGenerated = () => generated && rmSync(generated.dir, { recursive: true, force: true });
  let server: SandboxServer;
  try {
    server = await startSandboxServer(options);
  } catch (error) {
    removeGenerated();
    // a certificate the server cannot use is the caller's mistake: say so, as for any other argument
    if (error instanceof TypeError) throw new CliUsageError(error.message);
    throw error;
  }
  const close = server.close;
  server.close = () => close().finally(removeGenerated);
  const keyFile = generated?.keyFile ?? '<your private key PEM>';
  print(`stepup-sandbox listening on ${server.url}`);
  print(`  outbox:          ${server.url}/__outbox   (approve or decline calls and app approvals there,`);
  print(`                   or POST ${server.url}/__control/approve {"tokenId"})`);
  print(`  merchant id:     ${merchantId}`);
  print(`  JWT certificate: ${certificateFile}${generated ? '   (made for this run)' : ''}`);
  if (generated) print(`  JWT private key: ${generated.keyFile}`);
  print(`  client: createVisaAcceptanceClient({ environment: { baseUrl: '${server.url}' }, merchantId: '${merchantId}',`);
  print(`          credentials: { type: 'jwt', privateKeyPem: readFileSync('${keyFile}', 'utf8'),`);
  print(`                         certificatePem: readFileSync('${certificateFile}', 'utf8') } })`);
  print(`  HTTP Signature (legacy) is accepted too:`);
  print(`  key id:          ${keyId}`);
  print(`  shared secret:   ${sharedSecret}${generatedSecret ? '   (generated for this run)' : ''}`);
  for (const [token, action] of Object.entries(tokenActions)) print(`  token ${token}: ${action}`);
  return server;
}

const TOKEN_ACTIONS: readonly SandboxTokenAction[] = ['STEP_UP_AUTHENTICATE', 'AUTHENTICATION_REGISTRATION', 'AUTHENTICATE'];

function tokenAction(text: string): [string, SandboxTokenAction] {
  const [token, action] = text.split('=');
  if (!token || !TOKEN_ACTIONS.includes(action as SandboxTokenAction))
    throw new CliUsageError(`--token-action needs <token>=<${TOKEN_ACTIONS.join('|')}>, got ${text}`);
  return [token, action as SandboxTokenAction];
}

function methods(text: string) {
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isSandboxMethod(name));
  if (names.length === 0 || unknown.length > 0)
    throw new CliUsageError(`--methods needs a comma-separated list of ${SANDBOX_METHODS.join(', ')}; got ${text}`);
  return sandboxStepUpOptions(names.filter(isSandboxMethod));
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
      methods: { type: 'string' },
      'limits-per-step-up': { type: 'boolean' },
      'token-action': { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

function integer(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new CliUsageError(`${flag} needs a whole number, got ${text}`);
  return Number(text);
}
