// Checks the package as it would be published: `npm pack`, then publint --strict and
// @arethetypeswrong/cli (ESM-only profile) on the tarball, the tarball's file list (LICENSE and
// CHANGELOG.md included), and that every source map in it points at sources the tarball ships.
// Run after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  check('only dist/, src/ (the maps\' sources), README.md, LICENSE, CHANGELOG.md and package.json are shipped', () => {
    const stray = packed.files.map((f) => f.path).filter((p) => !/^(dist\/|src\/|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(p));
    if (stray.length) throw new Error(`unexpected files: ${stray.join(', ')}`);
    const needed = ['dist/index.js', 'dist/index.d.ts', 'dist/core.js', 'dist/sandbox.js', 'dist/styles.css',
      'dist/server.js', 'dist/sandbox-server.js', 'dist/sandbox-server-cli.js', 'LICENSE', 'CHANGELOG.md'];
    const missing = needed.filter((n) => !packed.files.some((f) => f.path === n));
    if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
  });
  check('LICENSE is the MIT license package.json names', () => {
    const license = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).license;
    const text = readFileSync(path.join(root, 'LICENSE'), 'utf8');
    if (license !== 'MIT' || !text.startsWith('MIT License') || !/Copyright \(c\) \d{4} stepup-kit contributors/.test(text))
      throw new Error(`package.json says ${license}; LICENSE starts "${text.split('\n')[0]}"`);
  });
  check('every source map points at files the tarball ships', () => {
    const shipped = new Set(packed.files.map((f) => f.path));
    const maps = [...shipped].filter((p) => p.endsWith('.map'));
    const missing = [];
    for (const map of maps) {
      const { sources = [] } = JSON.parse(readFileSync(path.join(root, map), 'utf8'));
      for (const source of sources) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(map), source));
        if (!shipped.has(target)) missing.push(`${map} → ${source}`);
      }
    }
    if (missing.length) throw new Error(`sources not in the tarball: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
    return `${maps.length} maps, all their sources shipped`;
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
