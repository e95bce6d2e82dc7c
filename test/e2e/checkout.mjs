// End to end in Chromium: the example checkout (examples/checkout, which imports stepup-kit by its package
// name) against the sandbox server of Visa's TMS endpoints, signatures verified. It builds the kit when
// dist/ is missing and always builds the example (its type check included), starts everything it needs on
// 127.0.0.1 (a sandbox, checkout servers with JWT, HTTP Signature and, when redis-server is installed,
// Redis sessions), walks the cases (codes, and with Visa •••• 8210 the methods that complete outside the
// page: the bank's website in a popup, a call to the bank, a call from it, the bank's decisions made
// through the sandbox), and stops it all. SCREENSHOTS=<dir> also saves the checkout at 320 px and 1280 px
// wide. SKIP_BUILD=1 reuses the last build of the example.
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
/** The card offered the methods that complete outside the page (SANDBOX_TOKEN_METHODS of the example). */
const BANK_TOKEN = 'tok_demo_bank_8210';

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
  const { SANDBOX_METHOD_OPTIONS } = await import('stepup-kit/sandbox');
  const { SANDBOX_TOKEN_ACTIONS, SANDBOX_TOKEN_METHODS } = await import(path.join(example, 'build/server/catalog.js'));
  const { configFromEnv, startCheckoutServer } = await import(path.join(example, 'build/server/start.js'));

  /** authentication-options calls per token, from the sandbox's request log. */
  const authCalls = new Map();
  let sandbox;
  const servers = {};
  /** The log lines of each checkout server (the step-up routes log one line per call: `step-up: check answered 200 {…}`). */
  const serverLogs = {};
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
        serverLogs[name] = [];
        const server = await startCheckoutServer({ ...config, sandbox: shown, log: (line) => serverLogs[name].push(line) });
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

  // ---- the methods that complete outside the page (Visa •••• 8210), on the JWT server
  const ids = {
    web: SANDBOX_METHOD_OPTIONS.APP_TO_APP_WEB.id,
    callBank: SANDBOX_METHOD_OPTIONS.CUSTOMER_SERVICE.id,
    bankCalls: SANDBOX_METHOD_OPTIONS.OUTBOUND_CALL.id,
  };
  const control = async (action, body) => {
    const response = await fetch(`${sandbox.url}/__control/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert(response.ok, `POST /__control/${action} answered ${response.status}`);
    return response.json();
  };
  /**
   * The sandbox keeps the bank's decision for a card for its whole life (approved: no step-up any more;
   * declined: authentication-options answers 403): each case starts from a card the bank has not decided on.
   */
  async function freshBankCard() {
    sandbox.sandbox.outOfBand.forget(BANK_TOKEN);
    await control('methods', { tokenId: BANK_TOKEN, methods: SANDBOX_TOKEN_METHODS[BANK_TOKEN] });
  }
  /** The step-up routes the checkout served since `from` (its log lines), e.g. `selection 200, check 200`. */
  const routesSince = (from) =>
    serverLogs.jwt.slice(from).map((line) => /^step-up: (\S+) answered (\d+)/.exec(line)).filter(Boolean).map((m) => `${m[1]} ${m[2]}`);
  const sandboxCallsSince = (from, operation) => sandbox.sandbox.calls().slice(from).filter((c) => c.operation === operation && c.tokenId === BANK_TOKEN);
  const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim());
  /** Pay with •••• 8210, choose `label` and Continue; resolves once the out-of-band panel shows. */
  async function chooseOutOfBand(page, label) {
    await open(page);
    await pay(page, '8210');
    await stepUp(page, 'choosing');
    await page.getByRole('radio', { name: label }).check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('[data-part="out-of-band"]').waitFor();
  }
  /** Opens the bank's page from the panel: the popup, at the sandbox's own issuer page. */
  async function openBankPage(page, ctx) {
    await page.getByText('Confirm on your bank’s page. It opens in a new window.').waitFor();
    const [popup] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open your bank’s page' }).click()]);
    const errors = [];
    popup.on('pageerror', (e) => errors.push(e.message));
    const visited = [];
    popup.on('framenavigated', (frame) => frame === popup.mainFrame() && visited.push(frame.url()));
    await popup.waitForURL((url) => url.pathname === '/__issuer');
    const url = new URL(popup.url());
    assert(url.origin === sandbox.url, `the bank's page opened at ${url.origin}, not the sandbox`);
    const back = new URL(url.searchParams.get('wpcallback') ?? '');
    assert(back.origin === servers.jwt && back.pathname === '/issuer-return.html' && back.searchParams.get('stepupstate'), `wpcallback is ${back.href}`);
    assert(url.searchParams.get('a2apayload'), 'no a2apayload on the bank\'s page URL');
    await popup.getByRole('heading', { name: 'Acme Bank' }).waitFor();
    return { popup, visited, errors };
  }
  /** Clicks Approve or Decline on the sandbox issuer page; resolves once the popup has closed itself. */
  async function decide(popup, button) {
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    await popup.getByRole('button', { name: button }).click();
    await closed;
  }

  await check('the bank’s website (APP_TO_APP, web): a popup at the sandbox issuer page, Approve, back through the return page, the issuer code checked', async () => {
    return withPage(async (page, ctx) => {
      await freshBankCard();
      const calls0 = sandbox.sandbox.calls().length;
      const log0 = serverLogs.jwt.length;
      await chooseOutOfBand(page, 'Your bank’s website: Acme Bank');
      const { popup, visited, errors } = await openBankPage(page, ctx);
      await decide(popup, 'Approve');
      assert(errors.length === 0, `page errors in the popup: ${errors.join('; ')}`);
      const returned = visited.find((u) => u.startsWith(`${servers.jwt}/issuer-return.html?`));
      assert(returned && new URL(returned).searchParams.get('stepupresponse') === 'approved' && new URL(returned).searchParams.get('stepupauthcode'),
        `the popup never came back to the return page with an approval: ${visited.join(' → ')}`);
      await placed(page);
      const validates = sandboxCallsSince(calls0, 'validateOtp');
      assert(validates.length === 1 && validates[0].body.stepUpOption?.id === ids.web && typeof validates[0].body.issuerAuthCode === 'string' && validates[0].body.otp === undefined,
        `Visa's validate was called ${validates.length} times: ${JSON.stringify(validates.map((c) => Object.keys(c.body)))}`);
      assert(sandboxCallsSince(calls0, 'createOtp').length === 0, 'a one-time-passwords call was made for the bank\'s page');
      const routes = routesSince(log0);
      assert(routes.includes('selection 200') && routes.includes('issuer-code 200'), `the checkout served ${routes.join(', ')}`);
      // the return page opened by hand (no state of the kit's): it says so, and strips the bank's answer from the address bar
      await page.goto(`${servers.jwt}/issuer-return.html?stepupresponse=approved&stepupauthcode=not-for-the-history`);
      await page.getByText('We could not pass your bank’s answer back to the checkout.').waitFor();
      assert(new URL(page.url()).search === '', `the return page kept its query: ${page.url()}`);
      return `popup ${sandbox.url}/__issuer → Approve → /issuer-return.html → BroadcastChannel → issuer code validated by Visa once; routes: ${routes.join(', ')}`;
    });
  });

  await check('the bank’s website declined in the popup: "Your bank declined this request", focus on "Use another method"; Pay again is refused', async () => {
    return withPage(async (page, ctx) => {
      await freshBankCard();
      const calls0 = sandbox.sandbox.calls().length;
      await chooseOutOfBand(page, 'Your bank’s website: Acme Bank');
      const { popup } = await openBankPage(page, ctx);
      await decide(popup, 'Decline');
      await page.locator('[data-part="out-of-band"][data-status="declined"]').waitFor();
      // on screen, and said in the live region (focus goes to the button, not to the sentence)
      const declined = 'Your bank declined this request. Choose another method, or use another card.';
      await page.locator('[data-part="out-of-band-instruction"]', { hasText: declined }).waitFor();
      await page.locator('[data-part="live-region"]', { hasText: declined }).waitFor({ state: 'attached' });
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Use another method', undefined, { timeout: 5_000 });
      const focused = await focusedText(page);
      assert(sandboxCallsSince(calls0, 'validateOtp').length === 0, 'a declined answer was sent to Visa\'s validate');
      assert((await page.getByRole('heading', { name: 'Order placed' }).count()) === 0, 'the order was placed');
      // back to the choice, then to the cards: the bank now refuses the card
      await page.getByRole('button', { name: 'Use another method' }).click();
      await stepUp(page, 'choosing');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: /^Pay / }).waitFor();
      await pay(page, '8210');
      await page.getByRole('alert').filter({ hasText: 'Your bank declined this card.' }).waitFor();
      return `focus on "${focused}" after the decline, no validate call; Pay with •••• 8210 again: "Your bank declined this card."`;
    });
  });

  await check('call the bank (CUSTOMER_SERVICE): the tel: link, "not yet" before the bank approves, then approved through /__control/approve', async () => {
    return withPage(async (page) => {
      await freshBankCard();
      const calls0 = sandbox.sandbox.calls().length;
      const log0 = serverLogs.jwt.length;
      await chooseOutOfBand(page, 'Call your bank: 1-800-555-1212');
      await page.getByText('Call your bank at 1-800-555-1212 and ask them to approve this card for this shop.').waitFor();
      const tel = page.locator('a[href="tel:18005551212"]');
      assert(await tel.isVisible(), 'no tel: link');
      // the cardholder says done before the bank approved: still pending
      await page.getByRole('button', { name: 'I’ve finished the call' }).click();
      await page.getByText('Your bank hasn’t confirmed yet.').waitFor();
      const pendingAt = Date.now();
      const decision = await control('approve', { tokenId: BANK_TOKEN });
      assert(decision.decision === 'approved', `the control answered ${JSON.stringify(decision)}`);
      // the checkout asks Visa at most once every 2 s per step-up (minCheckIntervalMs): a check sooner gets the last answer
      await page.waitForTimeout(Math.max(0, 2_100 - (Date.now() - pendingAt)));
      await page.getByRole('button', { name: 'Check again' }).click();
      await placed(page);
      assert(sandboxCallsSince(calls0, 'createOtp').length === 0, 'the bank was sent a one-time-passwords call for a call to the bank');
      const routes = routesSince(log0);
      assert(routes.includes('selection 200') && routes.filter((r) => r === 'check 200').length >= 2, `the checkout served ${routes.join(', ')}`);
      return `tel:18005551212, "Your bank hasn’t confirmed yet", approved, Check again → placed; routes: ${routes.join(', ')}`;
    });
  });

  await check('the bank calls you (OUTBOUND_CALL): the selection reaches Visa as a one-time-passwords call, approved from the control API, the page checks by itself', async () => {
    return withPage(async (page) => {
      await freshBankCard();
      const calls0 = sandbox.sandbox.calls().length;
      const log0 = serverLogs.jwt.length;
      await chooseOutOfBand(page, `Your bank calls you at ${SMS}`);
      await page.getByText(`Your bank will call you at ${SMS}. Answer and follow their instructions.`).waitFor();
      const waitingAt = Date.now();
      await page.getByText('This page updates by itself once your bank confirms.').waitFor();
      const sends = sandboxCallsSince(calls0, 'createOtp');
      assert(sends.length === 1 && sends[0].body.stepUpOption?.id === ids.bankCalls, `one-time-passwords called ${sends.length} times: ${JSON.stringify(sends.map((c) => c.body.stepUpOption))}`);
      // what the sandbox's outbox lists for the bank: the call it was asked to make
      const outbox = await (await fetch(`${sandbox.url}/__outbox?format=json&tokenId=${BANK_TOKEN}`)).json();
      const call = outbox.outOfBand.find((r) => r.optionId === ids.bankCalls);
      assert(call?.state === 'selected' && call.method === 'OUTBOUND_CALL', `the outbox lists ${JSON.stringify(outbox.outOfBand)}`);
      await control('approve', { tokenId: BANK_TOKEN });
      // no click: the panel's own check (5 s after the selection) finds the approval
      await placed(page);
      const routes = routesSince(log0);
      assert(routes.includes('selection 200') && routes.includes('check 200'), `the checkout served ${routes.join(', ')}`);
      return `1 one-time-passwords call (${ids.bankCalls}), the outbox's call "selected", approved, placed ${seconds(Date.now() - waitingAt)} after the call was asked for; routes: ${routes.join(', ')}`;
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
