// Serves storybook-static from a plain static file server on 127.0.0.1 and checks, in Chromium, that
// the built site works: the manager loads, the stories run their play functions to the end, and the
// msw service worker answers the fetch stories. Run after `npm run build-storybook`.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../storybook-static');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path.join(root, 'index.html'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: sudo apt-get install chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
async function check(name, fn) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${String(error.message ?? error).split('\n')[0]}`);
  } finally {
    await context.close();
  }
}
const story = (id) => `${base}/iframe.html?id=${id}&viewMode=story`;
const status = (page, value) =>
  page.waitForSelector(`.stepup[data-status="${value}"]`, { timeout: 15000 });

await check('the manager lists the stories', async (page) => {
  const response = await page.goto(`${base}/index.json`);
  const index = await response.json();
  const ids = Object.keys(index.entries);
  if (!ids.includes('stepupotp--verified')) throw new Error('stepupotp--verified missing from index.json');
  if (!ids.some((id) => id.endsWith('--docs'))) throw new Error('no docs page in index.json');
  if (ids[0] !== 'introduction--docs') throw new Error(`the first entry is ${ids[0]}, not the introduction`);
  await page.goto(base);
  await page.waitForSelector('#storybook-preview-iframe', { timeout: 15000 });
  // it opens on the introduction, not on a story that plays itself
  await page.waitForURL(/path=\/docs\/introduction--docs/, { timeout: 15000 });
  await page.frameLocator('#storybook-preview-iframe').getByRole('heading', { name: 'stepup-kit', level: 1 }).waitFor({ timeout: 15000 });
});
await check('a story plays to a verified code against the simulator', async (page) => {
  await page.goto(story('stepupotp--verified'));
  await status(page, 'verified');
});
await check('a cardholder can walk the flow by hand', async (page) => {
  await page.goto(story('stepupotp-looks--long-masked-values'));
  await status(page, 'code-entry');
  const code = await page.locator('[data-testid="sent-code"]').textContent();
  await page.getByLabel('Verification code').pressSequentially(code ?? '');
  await status(page, 'verified');
});
await check('the msw service worker serves the fetch stories', async (page) => {
  await page.goto(story('stepupotp-fetch-backend--verified-over-fetch'));
  await status(page, 'verified');
});

await browser.close();
server.close();
const passed = results.filter(([, ok]) => ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
