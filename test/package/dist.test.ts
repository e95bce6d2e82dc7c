// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/**
 * What the build ships: the React modules are client modules ('use client' first), and `stepup-kit/core`
 * and `stepup-kit/sandbox` never reach React, so server code and React Server Components can import them.
 * The library is built into a temporary folder here, so the test needs no earlier `npm run build`.
 */
const root = path.resolve(__dirname, '../..');
let out = '';

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'stepup-dist-'));
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.js') ? [full] : [];
  });
}
const read = (file: string) => readFileSync(file, 'utf8');
const useClient = /^['"]use client['"];/;
const relativeImports = (code: string) =>
  [...code.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? m[2]!);
const bareImports = (code: string) =>
  [...code.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'".][^'"]*)['"]|import\s*['"]([^'".][^'"]*)['"]/g)].map(
    (m) => m[1] ?? m[2]!,
  );

/** Every module an entry reaches through relative imports, itself included. */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of relativeImports(read(file))) walk(path.resolve(path.dirname(file), spec));
  };
  walk(entry);
  return [...seen];
}

describe('dist', () => {
  it("starts the React entry and every React module with 'use client'", () => {
    expect(read(path.join(out, 'index.js'))).toMatch(useClient);
    const reactModules = files(out).filter((f) => /[/\\](components|primitives|react)[/\\]/.test(f));
    expect(reactModules.length).toBeGreaterThan(5);
    for (const file of reactModules) expect(read(file), file).toMatch(useClient);
  });

  it.each(['core.js', 'sandbox.js'])("%s and all it imports have no 'use client' and no React", (entry) => {
    const modules = closure(path.join(out, entry));
    expect(modules.length).toBeGreaterThan(1);
    for (const file of modules) {
      const code = read(file);
      expect(code, file).not.toMatch(useClient);
      expect(bareImports(code), file).toEqual([]);
      expect(code, file).not.toMatch(/require\(['"]react/);
    }
  });

  it('core runs in plain Node: the machine takes a send to code entry', async () => {
    const core = await import(pathToFileURL(path.join(out, 'core.js')).href);
    const options = core.normalizeStepUpOptions([{ id: 'a', method: 'OTPSMS', value: '***-1234' }]);
    const sending = core.transition(core.initialState(options), { type: 'SEND', option: options[0] });
    const next = core.transition(sending, { type: 'SEND_SUCCEEDED', grant: { maxVerifications: 3 }, receivedAt: 0 });
    expect(next.status).toBe('code-entry');
    expect(core.attemptsLeft(next)).toBe(3);
  });

  it('ships the stylesheet and type declarations for every entry', () => {
    expect(read(path.join(out, 'styles.css'))).toContain('--stepup-accent');
    for (const types of ['index.d.ts', 'core/index.d.ts', 'sandbox/index.d.ts']) {
      expect(statSync(path.join(out, types)).isFile(), types).toBe(true);
    }
  });
});
