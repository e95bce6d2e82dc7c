import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/**
 * Keystrokes in the code field, measured where they happen: real key presses in Chromium on the real
 * `<StepUpOtp>` (production React with profiling), so the browser's own `selectionchange`, which the code
 * field mirrors on its slots, counts too (jsdom fires none). A `<Profiler>` counts the commits between one keydown
 * and the next, and the page logs the commits and timer callbacks between the last digit's keydown and
 * the `validateOtp` call.
 */
const root = process.cwd();
const DIGITS = '123456';
const GAP_MS = 400; // between key presses: every follow-up commit of a keystroke lands in its own window
const SETTLE_MS = 1000; // the send's own renders (focus, the countdown's first tick) are over before the idle second

export default async function keystrokes() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install chromium, or set CHROMIUM_PATH`);
  }
  const bundle = await build({
    entryPoints: [path.join(root, 'bench/support/keystroke-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    minify: true,
    keepNames: true, // component names for the per-commit list
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-dom/client': 'react-dom/profiling' },
  });
  const script = bundle.outputFiles[0]!.text;
  // the stylesheet as merchants get it (npm run bench builds dist/ first)
  const css = readFileSync(path.join(root, 'dist/styles.css'), 'utf8');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><div id="root"></div></body></html>`);
    await page.addScriptTag({ content: script });
    await page.getByRole('button', { name: 'Send code' }).click();
    const field = page.getByLabel('Verification code');
    await field.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'one-time-code');
    await page.waitForTimeout(SETTLE_MS);

    const idleFrom = await page.evaluate(() => (window as any).__bench.commits.length as number);
    await page.waitForTimeout(1000);
    const idle = (await page.evaluate(() => (window as any).__bench.commits.length as number)) - idleFrom;

    for (const digit of DIGITS) {
      await page.keyboard.press(digit);
      await page.waitForTimeout(GAP_MS);
    }
    const log = await page.evaluate(() => (window as any).__bench);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    if (log.keys.length !== DIGITS.length) throw new Error(`${log.keys.length} of ${DIGITS.length} key presses reached the page`);
    if (!log.validate) throw new Error(`validateOtp was never called; the field holds ${(await field.inputValue()).length} digits`);

    const keys = log.keys as Array<{ at: number; commits: number; timers: number }>;
    const perKey = keys.slice(0, -1).map((k, i) => keys[i + 1]!.commits - k.commits);
    const last = keys[keys.length - 1]!;
    const beforeValidate = log.validate.commits - last.commits;
    const timersBetween = log.validate.timers - last.timers;
    const worst = Math.max(...perKey);
    // what ran in each commit of the first keystroke: the hook's commits line up with the Profiler's
    const rendered = log.rendered as string[][];
    const firstKey = rendered.slice(rendered.length - log.commits.length + keys[0]!.commits, rendered.length - log.commits.length + keys[1]!.commits);
    const described = firstKey.map((names, i) => `commit ${i + 1}: ${names.length ? names.join(', ') : 'no component rendered'}`).join('; ');
    return [
      {
        name: 'one keystroke in the code field: commits (Chromium)',
        value: String(worst),
        budget: '≤ 1',
        ok: worst <= 1,
        detail: `digits 1–${DIGITS.length - 1}, each counted until the next key ${GAP_MS} ms later: ${perKey.join(', ')}. First digit: ${described}. ${idle} commits in 1 s idle before typing`,
      },
      {
        name: 'last digit → validateOtp: timer and frame callbacks run in between (Chromium)',
        value: String(timersBetween),
        budget: '0',
        ok: timersBetween === 0,
        detail: `validateOtp called ${(log.validate.at - last.at).toFixed(1)} ms after the keydown`,
      },
      {
        name: 'last digit → validateOtp: commits before the call (Chromium)',
        value: String(beforeValidate),
        budget: '≤ 1',
        ok: beforeValidate <= 1,
        detail: "the keystroke's own commit (the digit and \"Checking…\") is the one allowed",
      },
    ];
  } finally {
    await browser.close();
  }
}
