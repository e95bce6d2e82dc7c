/**
 * The sandbox runs in Storybook and in the browser: neither it nor anything it imports may pull in a Node
 * built-in or React. Checked on the source text, following relative imports into the rest of the kit.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// a string, not `new URL(...)`: under jsdom `URL` is jsdom's, which node:url does not accept
const SANDBOX_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/sandbox');

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]!]));
const NAMED_BUILTINS = ['fs', 'fs/promises', 'path', 'crypto', 'http', 'https', 'buffer', 'process', 'os', 'stream'];

/** Removes comments so that prose mentioning `process` or `import` does not count. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module specifier in a source: static imports and re-exports, side-effect imports, import() and require(). */
function specifiers(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\s\S]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function forbidden(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return 'a node: import';
  if (specifier === 'bun' || specifier.startsWith('bun:')) return 'a Bun built-in';
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!)) return 'a Node built-in';
  if (/^react(-dom)?($|\/)/.test(specifier)) return 'React';
  return undefined;
}

/** Node-only globals a browser does not have. */
function nodeGlobals(source: string): string[] {
  const code = stripComments(source);
  const hits: string[] = [];
  for (const pattern of [/\bprocess\s*\./, /\bBuffer\s*\./, /\bnew\s+Buffer\b/, /\b__dirname\b/, /\b__filename\b/, /\brequire\s*\(/, /\bsetImmediate\s*\(/]) {
    const match = code.match(pattern);
    if (match) hits.push(match[0]);
  }
  return hits;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(c|m)?tsx?$|\.(c|m)?jsx?$/.test(name) ? [full] : [];
  });
}

function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  // sources import './x.js' for the TypeScript file './x.ts' (node16 resolution of the shipped types)
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** The sandbox files plus every file they reach by relative imports. */
function moduleGraph(): string[] {
  const seen = new Set<string>();
  const queue = sourceFiles(SANDBOX_DIR);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) queue.push(resolveRelative(file, specifier));
    }
  }
  return [...seen].sort();
}

describe('the detector itself', () => {
  it.each([
    "import { readFileSync } from 'node:fs';",
    "import fs from 'fs';",
    "import * as path from 'path';",
    "import { randomInt } from 'crypto';",
    "import http from 'http';",
    "import { Buffer } from 'buffer';",
    "import process from 'process';",
    "import { readFile } from 'fs/promises';",
    "const os = await import('os');",
    "const fs = require('fs');",
    "import 'node:process';",
    "export { something } from 'node:stream';",
    "import { useState } from 'react';",
    "import { jsx } from 'react/jsx-runtime';",
    "import type { ReactNode } from 'react';",
    "import {\n  createPortal,\n} from 'react-dom';",
  ])('flags %s', (source) => {
    expect(specifiers(source).some((s) => forbidden(s) !== undefined)).toBe(true);
  });

  it('does not flag the kit’s own relative imports or browser-safe packages', () => {
    const source = "import { StepUpBackendError } from '../core/errors';\nimport type { X } from './types';\nimport { a } from 'input-otp';";
    expect(specifiers(source)).toEqual(['../core/errors', './types', 'input-otp']);
    expect(specifiers(source).filter((s) => forbidden(s))).toEqual([]);
  });

  it('flags Node-only globals outside comments only', () => {
    expect(nodeGlobals('const e = process.env.X;')).toEqual(['process.']);
    expect(nodeGlobals('const b = Buffer.from("x");')).toEqual(['Buffer.']);
    expect(nodeGlobals('// process.env is not used here\n/* Buffer.from */ const x = 1;')).toEqual([]);
  });

  it.each(NAMED_BUILTINS)('knows %s is a Node built-in', (name) => {
    expect(forbidden(name)).toBeDefined();
  });
});

describe('the sandbox module is browser-safe', () => {
  it('has source files, with index.ts, simulator.ts and visa-errors.ts among them', () => {
    const names = sourceFiles(SANDBOX_DIR).map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(['index.ts', 'simulator.ts', 'visa-errors.ts']));
  });

  it.each(sourceFiles(SANDBOX_DIR).map((f) => [path.relative(SANDBOX_DIR, f), f]))(
    'src/sandbox/%s imports no Node built-in and no React',
    (_name, file) => {
      const offending = specifiers(readFileSync(file, 'utf8'))
        .map((s) => [s, forbidden(s)])
        .filter(([, why]) => why);
      expect(offending).toEqual([]);
    },
  );

  it.each(sourceFiles(SANDBOX_DIR).map((f) => [path.relative(SANDBOX_DIR, f), f]))(
    'src/sandbox/%s uses no Node-only global',
    (_name, file) => {
      expect(nodeGlobals(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('nothing the sandbox reaches through relative imports imports a Node built-in or React', () => {
    const files = moduleGraph();
    expect(files.length).toBeGreaterThan(sourceFiles(SANDBOX_DIR).length); // it does reach into core
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => forbidden(s))
        .map((s) => `${path.relative(path.join(SANDBOX_DIR, '..'), file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('takes its randomness from Web Crypto, not the Node crypto module', () => {
    // wherever in the sandbox the codes are made
    const source = sourceFiles(SANDBOX_DIR)
      .map((file) => stripComments(readFileSync(file, 'utf8')))
      .join('\n');
    expect(source).toMatch(/globalThis\.crypto\.getRandomValues/);
  });
});
