// Checks the package as it would be published: `npm pack`, then publint --strict and
// @arethetypeswrong/cli (ESM-only profile) on the tarball, and the tarball's file list.
// Run after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const dir = mkdtempSync(path.join(os.tmpdir(), 'stepup-pack-'));
const results = [];
function check(name, fn) {
  try {
    const detail = fn();
    results.push(true);
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`);
  }
}
try {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  const tarball = path.join(dir, packed.filename);
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw Object.assign(new Error(`${path.basename(cmd)} exited ${r.status}`), r);
    return r.stdout;
  };
  check('npm pack', () => `${packed.filename}, ${(packed.size / 1000).toFixed(1)} kB, ${packed.entryCount} files`);
  check('only dist/, README.md and package.json are shipped', () => {
    const stray = packed.files.map((f) => f.path).filter((p) => !/^(dist\/|README\.md$|package\.json$)/.test(p));
    if (stray.length) throw new Error(`unexpected files: ${stray.join(', ')}`);
    const needed = ['dist/index.js', 'dist/index.d.ts', 'dist/core.js', 'dist/sandbox.js', 'dist/styles.css',
      'dist/server.js', 'dist/sandbox-server.js', 'dist/sandbox-server-cli.js'];
    const missing = needed.filter((n) => !packed.files.some((f) => f.path === n));
    if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
  });
  check('publint --strict', () => run(bin('publint'), ['run', tarball, '--strict']).trim().split('\n').pop());
  check('attw --profile esm-only', () => {
    run(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', 'styles.css', '--format', 'table-flipped']);
    return 'no problems (styles.css is not a module and is left out)';
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
