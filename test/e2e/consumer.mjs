// Consumer smoke test, as a new user would meet the kit: `npm pack` the built library, install the
// tarball and its peers into a fresh Vite React app (from the npm cache, the registry asked only for what it lacks), build that app with
// Vite, serve it on 127.0.0.1 and walk a step-up in Chromium against `stepup-kit/sandbox`, without a
// QueryClientProvider. Run after `npm run build`. KEEP_TMP=1 keeps the temporary folders.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const keepTmp = process.env.KEEP_TMP === '1';
const DEADLINE_MS = 170_000; // the whole script stays under 3 minutes

if (!existsSync(path.join(repo, 'dist/index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first.');
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: sudo apt-get install chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}
const { chromium } = createRequire(path.join(repo, 'package.json'))('playwright-core');

// The peers (and the app's build tools) at exactly the versions the repo installed, so the cache has them.
const version = (name) =>
  JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
const peers = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'vite', '@vitejs/plugin-react']
  .map((name) => `${name}@${version(name)}`);

// ---- bookkeeping: temp folders, child processes, server, browser; all released in `cleanup`
const tmpDirs = [];
const children = new Set();
let server;
let browser;
async function cleanup() {
  for (const child of children) killTree(child);
  await browser?.close().catch(() => {});
  server?.close();
  for (const dir of tmpDirs) {
    if (keepTmp) console.log(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
function killTree(child) {
  try {
    process.kill(-child.pid, 'SIGKILL'); // the child's own process group (spawned detached)
  } catch {
    /* already gone */
  }
}

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
let stopped = false;
/** One line per check, with its wall time; a failed setup step stops the run. */
async function check(name, fn, { essential = true } = {}) {
  if (stopped) return;
  const t0 = Date.now();
  try {
    const detail = await fn();
    results.push(true);
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''} (${seconds(Date.now() - t0)})`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}: ${String(error?.message ?? error).trim().split('\n')[0]} (${seconds(Date.now() - t0)})`);
    const more = error?.output?.trim();
    if (more) console.log(more.split('\n').slice(-15).map((l) => `     | ${l}`).join('\n'));
    if (essential) stopped = true;
  }
}

// Under `npm run`, npm exports the repo's prefix and package fields; the app's npm must not see them.
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_(package_|lifecycle_|command$|config_local_prefix$)/i.test(key) && key !== 'INIT_CWD',
  ),
);
Object.assign(childEnv, { npm_config_update_notifier: 'false', npm_config_fund: 'false', NO_COLOR: '1' });

/** Runs a command in its own process group; rejects with the tail of its output on failure or timeout. */
function run(command, args, { cwd, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv,
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      killTree(child);
      const error = new Error(`${command} ${args[0]} timed out after ${seconds(timeoutMs)}`);
      error.output = stdout + stderr;
      reject(error);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) return resolve({ stdout, stderr });
      const error = new Error(`${command} ${args.join(' ')} exited with ${code}`);
      error.output = stdout + stderr;
      reject(error);
    });
  });
}

const deadline = setTimeout(async () => {
  console.log(`FAIL the smoke test did not finish within ${seconds(DEADLINE_MS)}`);
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 5000))]);
  console.log(`${results.filter(Boolean).length} passed, ${results.filter((ok) => !ok).length + 1} failed`);
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

// ---- the consumer app: what a new user writes after reading the README
const appFiles = {
  'package.json': JSON.stringify(
    { name: 'stepup-kit-consumer', private: true, version: '0.0.0', type: 'module', scripts: { build: 'vite build' } },
    null,
    2,
  ),
  'vite.config.js': `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
`,
  'index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <link rel="icon" href="data:," />
    <title>stepup-kit consumer</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.jsx"></script>
  </body>
</html>
`,
  'src/main.jsx': `import { StrictMode, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { StepUpOtp } from 'stepup-kit';
import { createSandbox } from 'stepup-kit/sandbox';
import 'stepup-kit/styles.css';

// No QueryClientProvider on purpose: the kit runs its mutations on a private client.
const sandbox = createSandbox({ goldenCode: true });
const subscribe = (listener) => sandbox.subscribe(listener);
const lastCode = () => sandbox.lastMessage()?.code ?? '';

function App() {
  const sentCode = useSyncExternalStore(subscribe, lastCode);
  const [verified, setVerified] = useState(false);
  return (
    <main>
      <StepUpOtp
        stepUpOptions={sandbox.authenticationOptions().stepUpOptions}
        backend={sandbox.backend}
        onVerified={() => setVerified(true)}
      />
      <p>
        Simulated phone: <output id="sent-code">{sentCode}</output>
      </p>
      <p id="done">{verified ? 'VERIFIED' : ''}</p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`,
};

let tarball;
let app;
let base;
const assets = { js: '', css: '' };

try {
  await check('npm pack', async () => {
    const dest = await mkdtemp(path.join(os.tmpdir(), 'stepup-kit-pack-'));
    tmpDirs.push(dest);
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: repo, timeoutMs: 60_000 });
    const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
    tarball = path.join(dest, info.filename);
    const size = (await stat(tarball)).size;
    const paths = info.files.map((f) => f.path);
    for (const needed of ['dist/index.js', 'dist/sandbox.js', 'dist/styles.css', 'package.json'])
      if (!paths.includes(needed)) throw new Error(`${needed} is not in the tarball`);
    return `${info.filename}, ${(size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info.entryCount} files`;
  });

  await check('scaffold a fresh Vite React app', async () => {
    app = await mkdtemp(path.join(os.tmpdir(), 'stepup-kit-consumer-'));
    tmpDirs.push(app);
    for (const [file, text] of Object.entries(appFiles)) {
      await mkdir(path.dirname(path.join(app, file)), { recursive: true });
      await writeFile(path.join(app, file), text);
    }
    return app;
  });

  await check('npm install the tarball and its peers', async () => {
    const args = (mode) => ['install', mode, '--no-audit', '--no-fund', tarball, ...peers];
    let mode = '--offline';
    try {
      await run('npm', args(mode), { cwd: app, timeoutMs: 90_000 });
    } catch (error) {
      // a package, or the metadata npm resolves peers with, is not in the cache (npm ci fetches tarballs,
      // not metadata): then the registry is asked for what is missing
      if (!/ENOTCACHED|ERESOLVE/.test(error.output ?? '')) throw error;
      console.log('note: the npm cache lacks a package or its metadata; retrying with --prefer-offline (may use the network)');
      mode = '--prefer-offline';
      await run('npm', args(mode), { cwd: app, timeoutMs: 90_000 });
    }
    const installed = JSON.parse(await readFile(path.join(app, 'node_modules/stepup-kit/package.json'), 'utf8'));
    return `${mode}, stepup-kit@${installed.version} + ${peers.join(' ')}`;
  });

  await check('vite build of the app', async () => {
    await run(path.join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: app, timeoutMs: 60_000 });
    const files = await readdir(path.join(app, 'dist/assets'));
    for (const file of files) {
      const text = await readFile(path.join(app, 'dist/assets', file), 'utf8');
      if (file.endsWith('.js')) assets.js += text;
      if (file.endsWith('.css')) assets.css += text;
    }
    if (!assets.js) throw new Error('no JS bundle in dist/assets');
    return `${files.join(', ')} (${(assets.js.length / 1024).toFixed(0)} kB JS, ${(assets.css.length / 1024).toFixed(1)} kB CSS)`;
  });

  await check('the app bundle has no "mockServiceWorker"', async () => {
    if (assets.js.includes('mockServiceWorker')) throw new Error('the built JS mentions mockServiceWorker');
  }, { essential: false });

  await check('the built CSS carries the kit\'s --stepup-accent (styles.css from the exports)', async () => {
    if (!assets.css.includes('--stepup-accent')) throw new Error('no --stepup-accent in the built CSS');
  }, { essential: false });

  await check('serve the app on 127.0.0.1', async () => {
    const root = path.join(app, 'dist');
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
      '.json': 'application/json', '.woff2': 'font/woff2' };
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(403).end();
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
    return base;
  });

  await check('launch Chromium', async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      timeout: 30_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return browser.version();
  });

  const context = browser && (await browser.newContext());
  const page = context && (await context.newPage());
  page?.setDefaultTimeout(15_000);
  const pageErrors = [];
  page?.on('pageerror', (e) => pageErrors.push(e.message));
  const noPageErrors = () => {
    if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
  };

  await check('the page loads without a QueryClientProvider and no page errors', async () => {
    await page.goto(base);
    await page.waitForSelector('.stepup[data-status="choosing"]');
    noPageErrors();
  });

  await check('the kit\'s CSS variables apply to the root', async () => {
    const accent = await page.locator('.stepup').evaluate((el) => getComputedStyle(el).getPropertyValue('--stepup-accent'));
    if (!accent.trim()) throw new Error('--stepup-accent is not set on .stepup');
    return `--stepup-accent: ${accent.trim()}`;
  }, { essential: false });

  await check('SMS, Send code, the sent code typed in: verified', async () => {
    await page.getByRole('radio', { name: 'Text message to ***-***-1234' }).check();
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.waitForSelector('.stepup[data-status="code-entry"]');
    const sent = page.locator('#sent-code');
    await sent.filter({ hasText: /^\d+$/ }).waitFor();
    const code = (await sent.textContent()).trim();
    await page.getByLabel('Verification code').pressSequentially(code, { delay: 20 });
    await page.waitForSelector('.stepup[data-status="verified"]');
    await page.locator('#done', { hasText: 'VERIFIED' }).waitFor();
    noPageErrors();
    return `${code.length}-digit code from #sent-code`;
  });

  await context?.close();
} finally {
  clearTimeout(deadline);
  await cleanup();
}

const passed = results.filter(Boolean).length;
console.log(`total ${seconds(Date.now() - started)}`);
if (stopped) console.log('stopped at the first failed step');
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length && !stopped ? 0 : 1);
