// `npm run demo` at the repository root: builds the kit and this example, starts the sandbox of Visa's
// TMS endpoints (JWT signatures verified) and the checkout server, and prints where to go.
// DEMO_PORT chooses the checkout's port (default 3000); DEMO_AUTH=http-signature uses the legacy scheme;
// REDIS_URL puts the sessions in Redis.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(example, '../..');
const port = process.env.DEMO_PORT ?? '3000';
const auth = process.env.DEMO_AUTH ?? 'jwt';
if (!/^\d+$/.test(port)) fail(`DEMO_PORT must be a port number, not ${port}`);
if (auth !== 'jwt' && auth !== 'http-signature') fail(`DEMO_AUTH must be jwt or http-signature, not ${auth}`);

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

/** Runs a build step quietly; its output is shown only if it fails. */
function step(label, command, args, cwd) {
  const started = Date.now();
  process.stdout.write(`${label}… `);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      if (code !== 0) {
        console.log('failed');
        console.error(output.trim());
        process.exit(1);
      }
      console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}

await step('building stepup-kit', path.join(repo, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], repo);
await step('building the checkout (type check, page, server)', 'npm', ['run', 'build', '--silent', '--workspace', 'examples/checkout'], repo);

// by package name, as a merchant's own test setup would, now that dist/ exists
const { startTestSandbox } = await import('stepup-kit/sandbox-server');
const { SANDBOX_TOKEN_ACTIONS, SANDBOX_TOKEN_METHODS } = await import('../build/server/catalog.js');
const { configFromEnv, startCheckoutServer } = await import('../build/server/start.js');

const sandbox = await startTestSandbox({
  merchantId: 'demo_merchant',
  sandbox: { goldenCode: true },
  tokenActions: SANDBOX_TOKEN_ACTIONS,
  // a demo runs for a while: each Pay is a new step-up with its own sends
  limitsPerStepUp: true,
});
// •••• 8210 is offered every method, the ones that complete outside the page included
for (const [tokenId, methods] of Object.entries(SANDBOX_TOKEN_METHODS)) sandbox.sandbox.outOfBand.offer(tokenId, methods);
const credentials =
  auth === 'jwt'
    ? { VISA_PRIVATE_KEY: sandbox.jwt.privateKeyPem, VISA_CERTIFICATE: sandbox.jwt.certificatePem }
    : { VISA_AUTH: 'http-signature', VISA_KEY_ID: sandbox.httpSignature.keyId, VISA_SHARED_SECRET: sandbox.httpSignature.sharedSecret };
let checkout;
try {
  const config = configFromEnv({
    ...process.env,
    VISA_ENVIRONMENT: sandbox.url,
    VISA_MERCHANT_ID: sandbox.merchantId,
    ...credentials,
    HOST: process.env.DEMO_HOST ?? '127.0.0.1',
    PORT: port,
  });
  checkout = await startCheckoutServer({ ...config, sandbox: { outboxUrl: `${sandbox.url}/__outbox`, goldenCode: '456789' } });
} catch (error) {
  await sandbox.close();
  fail(error?.code === 'EADDRINUSE' ? `port ${port} is taken: run DEMO_PORT=<another port> npm run demo` : String(error?.message ?? error));
}

console.log(`
Checkout demo
  shop:     ${checkout.url}
  outbox:   ${sandbox.url}/__outbox   (the codes the sandbox sent, as the cardholder's phone would show them)
  code:     456789, Visa's sandbox golden code, works for every step-up
  cards:    Visa •••• 4242 asks for a code; •••• 1881 needs no step-up; •••• 0005 has a passkey (not in this example);
            •••• 8210 also offers the bank's app and website and a call to or from the bank: approve or decline
            those on the outbox page (the bank's website has its own buttons). The sandbox keeps the bank's
            decision for the card until it stops (approved: no step-up again; declined: Pay fails) or until
            POST ${sandbox.url}/__control/forget {"tokenId":"tok_demo_bank_8210"} makes it forget.
  Visa:     the sandbox server at ${sandbox.url}, ${auth === 'jwt' ? 'JWT' : 'HTTP Signature (legacy)'} signatures verified
  sessions: ${process.env.REDIS_URL ? `Redis at ${process.env.REDIS_URL}` : 'in memory (set REDIS_URL for Redis)'}
Ctrl-C stops both.
`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.allSettled([checkout.close(), sandbox.close()]);
    process.exit(0);
  });
}
