// End to end in Chromium: the example checkout (examples/checkout, which imports stepup-kit by its package
// name) against the sandbox server of Visa's TMS endpoints, signatures verified. It builds the kit when
// dist/ is missing and always builds the example (its type check included), starts everything it needs on
// 127.0.0.1 (a sandbox, checkout servers with JWT, HTTP Signature and, when redis-server is installed,
// Redis sessions), walks the cases, and stops it all. SCREENSHOTS=<dir> also saves the checkout at 320 px
// and 1280 px wide. SKIP_BUILD=1 reuses the last build of the example.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = path.join(repo, 'examples/checkout');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = process.env.SCREENSHOTS ? path.resolve(process.env.SCREENSHOTS) : undefined;
const DEADLINE_MS = 300_000;
const SMS = '***-***-1234';
const EMAIL = 'j*****n@e*****e.com';
const STEP_UP_TOKEN = 'tok_demo_stepup_4242';

if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: sudo apt-get install chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const children = new Set();
const closers = [];
let browser;
const results = [];

async function cleanup() {
  await browser?.close().catch(() => {});
  for (const close of closers.reverse()) await close().catch(() => {});
  for (const child of children) child.kill('SIGKILL');
}

const deadline = setTimeout(async () => {
  console.log(`FAIL the checkout end-to-end test did not finish within ${seconds(DEADLINE_MS)}`);
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 5000))]);
  console.log(`${results.filter(Boolean).length} passed, ${results.filter((ok) => !ok).length + 1} failed`);
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

/** Runs a command; rejects with the tail of its output. */
function run(command, args, cwd, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}\n${output.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}

/** One line per case with its wall time; a failed setup step stops the run. */
async function check(name, fn, { essential = false } = {}) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    results.push(true);
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''} (${seconds(Date.now() - t0)})`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}: ${String(error?.message ?? error).trim()} (${seconds(Date.now() - t0)})`);
    if (essential) throw error;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server on a free loopback port, or undefined when none is installed. */
async function startRedis() {
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/sbin/redis-server'].find((f) => existsSync(f));
  if (!binary) return undefined;
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.add(child);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error('redis-server exited')));
  });
  closers.push(async () => child.kill('SIGTERM'));
  return `redis://127.0.0.1:${port}`;
}

try {
  // ---- build and start
  await check(
    'build the example (tsc for page and server, vite build)',
    async () => {
      if (!existsSync(path.join(repo, 'dist/index.js'))) await run(path.join(repo, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], repo, 180_000);
      if (process.env.SKIP_BUILD !== '1') await run('npm', ['run', 'build', '--silent', '--workspace', 'examples/checkout'], repo, 180_000);
      return 'examples/checkout/build';
    },
    { essential: true },
  );

  const { startTestSandbox } = await import('stepup-kit/sandbox-server');
  const { SANDBOX_TOKEN_ACTIONS } = await import(path.join(example, 'build/server/catalog.js'));
  const { configFromEnv, startCheckoutServer } = await import(path.join(example, 'build/server/start.js'));

  /** authentication-options calls per token, from the sandbox's request log. */
  const authCalls = new Map();
  let sandbox;
  const servers = {};
  await check(
    'start the sandbox and the checkout servers on 127.0.0.1',
    async () => {
      sandbox = await startTestSandbox({
        sandbox: { goldenCode: true },
        tokenActions: SANDBOX_TOKEN_ACTIONS,
        limitsPerStepUp: true,
        log: (line) => {
          const token = /^POST \/tms\/v2\/tokenized-cards\/([^/]+)\/authentication-options 201$/.exec(line)?.[1];
          if (token) authCalls.set(token, (authCalls.get(token) ?? 0) + 1);
        },
      });
      closers.push(() => sandbox.close());
      const start = async (name, env) => {
        const config = configFromEnv({ VISA_ENVIRONMENT: sandbox.url, VISA_MERCHANT_ID: sandbox.merchantId, PORT: '0', ...env });
        // as `npm run demo` runs it: the page shows where the codes are
        const shown = { outboxUrl: `${sandbox.url}/__outbox`, goldenCode: '456789' };
        const server = await startCheckoutServer({ ...config, sandbox: shown, log: () => {} });
        closers.push(() => server.close());
        servers[name] = server.url;
      };
      const jwt = { VISA_PRIVATE_KEY: sandbox.jwt.privateKeyPem, VISA_CERTIFICATE: sandbox.jwt.certificatePem };
      await start('jwt', jwt);
      await start('http-signature', { VISA_AUTH: 'http-signature', VISA_KEY_ID: sandbox.httpSignature.keyId, VISA_SHARED_SECRET: sandbox.httpSignature.sharedSecret });
      const redisUrl = await startRedis();
      if (redisUrl) await start('redis', { ...jwt, REDIS_URL: redisUrl });
      return Object.entries(servers).map(([name, url]) => `${name} ${url}`).join(', ');
    },
    { essential: true },
  );

  await check(
    'launch Chromium',
    async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        timeout: 30_000,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      return browser.version();
    },
    { essential: true },
  );

  // ---- helpers on a page
  const createOtps = () => sandbox.sandbox.calls('createOtp').length;
  const authCount = (token = STEP_UP_TOKEN) => authCalls.get(token) ?? 0;
  async function newPage(context = undefined, viewport = { width: 1280, height: 900 }) {
    const ctx = context ?? (await browser.newContext({ viewport }));
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.noErrors = () => assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return { ctx, page };
  }
  /** Runs `fn` in a page of a fresh context (a new shopper), checks it threw no page error, and closes it. */
  async function withPage(fn, viewport) {
    const { ctx, page } = await newPage(undefined, viewport);
    try {
      const detail = await fn(page, ctx);
      page.noErrors();
      return detail;
    } finally {
      await ctx.close();
    }
  }
  const stepUp = (page, status) => page.locator(`.stepup[data-status="${status}"]`).waitFor();
  const placed = (page) => page.getByRole('heading', { name: 'Order placed' }).waitFor();
  async function open(page, server = 'jwt') {
    await page.goto(servers[server]);
    await page.getByRole('heading', { name: 'Order summary' }).waitFor();
  }
  async function pay(page, card = '4242', { double = false } = {}) {
    await page.getByRole('radio', { name: new RegExp(`••••\\s${card}`) }).check();
    const button = page.getByRole('button', { name: /^Pay / });
    if (double) await button.dblclick();
    else await button.click();
  }
  async function sendCode(page, destination = SMS) {
    await stepUp(page, 'choosing');
    await page.getByRole('radio', { name: destination === SMS ? `Text message to ${SMS}` : `Email to ${EMAIL}` }).check();
    const since = Date.now();
    await page.getByRole('button', { name: 'Send code' }).click();
    await stepUp(page, 'code-entry');
    return since;
  }
  const typeCode = (page, code) => page.getByLabel('Verification code').pressSequentially(code, { delay: 15 });
  /** Any POST of the checkout API from inside the page, with or without the CSRF header. */
  const postFromPage = (page, url, { csrf = true, body = {} } = {}) =>
    page.evaluate(
      async ({ url, csrf, body }) => {
        const view = await (await fetch('/api/checkout')).json();
        const headers = { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': view.csrfToken } : {}) };
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
        return { status: response.status, body: await response.json() };
      },
      { url, csrf, body },
    );

  // ---- the cases
  async function purchase(server) {
    return withPage(async (page) => {
      await open(page, server);
      const auth0 = authCount();
      const sends0 = createOtps();
      await pay(page, '4242', { double: true });
      await stepUp(page, 'choosing');
      // StrictMode's double effects and the double click: one authentication-options call to Visa
      await page.waitForTimeout(300);
      assert(authCount() - auth0 === 1, `authentication-options called ${authCount() - auth0} times for one Pay`);
      const early = await postFromPage(page, '/api/checkout/confirm');
      assert(early.status === 409 && early.body.error.kind === 'not-verified', `confirm before the code: ${early.status}`);
      await sendCode(page);
      await typeCode(page, '456789');
      await placed(page);
      assert(createOtps() - sends0 === 1, `${createOtps() - sends0} codes sent`);
      await page.reload();
      await placed(page);
      return `Visa •••• 4242, SMS, 456789; 1 authentication-options call for a double click under StrictMode, 1 code sent`;
    });
  }

  await check('a purchase with a step-up (JWT credentials, golden code 456789)', () => purchase('jwt'));

  await check('a wrong code stays in code-entry with an alert, then the right one places the order', async () => {
    return withPage(async (page) => {
      await open(page);
      await pay(page);
      const since = await sendCode(page);
      const code = await sandbox.waitForCode({ destination: SMS, since });
      const wrong = code === '000000' ? '111111' : '000000';
      await typeCode(page, wrong);
      const alert = page.locator('.stepup [role="alert"]');
      await alert.waitFor();
      await stepUp(page, 'code-entry');
      const said = (await alert.textContent()).trim();
      // the kit cleared the field for the next try
      await typeCode(page, code);
      await placed(page);
      return `alert "${said}", then the code from the outbox (sandbox.waitForCode)`;
    });
  });

  await check('a reload in the middle of the step-up: no second send until asked, then it completes', async () => {
    return withPage(async (page) => {
      await open(page);
      const auth0 = authCount();
      await pay(page);
      await sendCode(page);
      const sends = createOtps();
      await page.reload();
      await stepUp(page, 'choosing');
      await page.getByText('A code was already sent').waitFor();
      await page.waitForTimeout(500);
      assert(createOtps() === sends, 'the reload sent a code');
      assert(authCount() - auth0 === 1, 'the reload called authentication-options again');
      const since = await sendCode(page, EMAIL);
      await typeCode(page, await sandbox.waitForCode({ destination: EMAIL, since }));
      await placed(page);
      return 'the same step-up after the reload (channel choice again), a new code only when the cardholder asked';
    });
  });

  await check('two tabs of one session: one call to Visa, both end on "Order placed"', async () => {
    const { ctx, page: first } = await newPage();
    const { page: second } = await newPage(ctx);
    try {
      await open(first);
      await open(second);
      const auth0 = authCount();
      await pay(first);
      await stepUp(first, 'choosing');
      // the other tab hears of it (BroadcastChannel) and shows the same step-up, from the server
      await stepUp(second, 'choosing');
      await second.reload();
      await stepUp(second, 'choosing');
      assert(authCount() - auth0 === 1, `authentication-options called ${authCount() - auth0} times`);
      // the cardholder goes back to the first tab (a background tab's timers are throttled)
      await first.bringToFront();
      await sendCode(first);
      await typeCode(first, '456789');
      await placed(first);
      await placed(second);
      await second.reload();
      await placed(second);
      first.noErrors();
      second.noErrors();
      return 'the second tab followed without a reload and after one';
    } finally {
      await ctx.close();
    }
  });

  await check('no step-up needed (Visa •••• 1881): the order is placed at once', async () => {
    return withPage(async (page) => {
      await open(page);
      const sends = createOtps();
      await pay(page, '1881');
      await placed(page);
      assert((await page.locator('.stepup').count()) === 0, 'a step-up was shown');
      assert(createOtps() === sends, 'a code was sent');
      assert(authCount('tok_demo_frictionless_1881') >= 1, 'Visa was not asked');
    });
  });

  await check('AUTHENTICATE (Visa •••• 0005): the passkey message, then another card', async () => {
    return withPage(async (page) => {
      await open(page);
      await pay(page, '0005');
      await page.getByRole('alert').filter({ hasText: 'Passkey sign-in is not part of this example' }).waitFor();
      await pay(page, '4242');
      await stepUp(page, 'choosing');
    });
  });

  await check('a purchase with HTTP Signature (legacy) credentials', () => purchase('http-signature'));

  if (servers.redis) await check('a purchase with the sessions in Redis (REDIS_URL)', () => purchase('redis'));
  else console.log('skip a purchase with the sessions in Redis: redis-server is not installed');

  await check('CSRF: refused without the token, from another origin, and as a form post', async () => {
    return withPage(async (page, ctx) => {
      await open(page);
      const noToken = await postFromPage(page, '/api/checkout/pay', { csrf: false, body: { cardId: 'card_4242' } });
      const stepUpNoToken = await postFromPage(page, '/api/step-up/one-time-passwords', { csrf: false, body: { stepUpOption: { id: 'x' } } });
      const cookie = (await ctx.cookies()).find((c) => c.name === 'sid');
      assert(cookie?.httpOnly && cookie.sameSite === 'Lax', `the session cookie is ${JSON.stringify(cookie)}`);
      const view = await (await fetch(`${servers.jwt}/api/checkout`, { headers: { cookie: `sid=${cookie.value}` } })).json();
      const foreign = await fetch(`${servers.jwt}/api/checkout/pay`, {
        method: 'POST',
        headers: { cookie: `sid=${cookie.value}`, 'x-csrf-token': view.csrfToken, origin: 'https://shop.invalid', 'content-type': 'application/json' },
        body: '{"cardId":"card_4242"}',
    });
    const form = await fetch(`${servers.jwt}/api/step-up/validate`, {
      method: 'POST',
      headers: { cookie: `sid=${cookie.value}`, 'x-csrf-token': view.csrfToken, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'otp=123456',
    });
    const statuses = [noToken.status, stepUpNoToken.status, foreign.status, form.status];
    assert(statuses.join() === '403,403,403,415', `answered ${statuses.join(', ')}`);
    assert((await page.locator('.stepup').count()) === 0, 'a step-up started');
    return 'no token 403, step-up route without token 403, foreign Origin 403, a form body 415 (the routes take JSON only)';
    });
  });

  if (screenshots) {
    await check(`screenshots in ${screenshots}`, async () => {
      mkdirSync(screenshots, { recursive: true });
      for (const width of [320, 1280]) {
        await withPage(async (page) => {
          const shot = (name) => page.screenshot({ path: path.join(screenshots, `checkout-${width}-${name}.png`), fullPage: true });
          await open(page);
          await shot('1-pay');
          await pay(page);
          await sendCode(page);
          await typeCode(page, '000000');
          await page.locator('.stepup [role="alert"]').waitFor();
          await shot('2-wrong-code');
          await typeCode(page, '456789');
          await placed(page);
          await shot('3-placed');
          await page.getByRole('button', { name: 'Start a new order' }).click();
          await pay(page, '0005');
          await page.getByRole('alert').waitFor();
          await shot('4-passkey');
        }, { width, height: 800 });
      }
    });
  }
} catch {
  console.log('stopped at the first failed setup step');
} finally {
  clearTimeout(deadline);
  await cleanup();
}

const passed = results.filter(Boolean).length;
console.log(`total ${seconds(Date.now() - started)}`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
