/// <reference types="vitest/config" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vite';
import dts from 'vite-plugin-dts';
import { configDefaults } from 'vitest/config';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Debian's Chromium; Playwright's own browser downloads are not used. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** `vitest --project unit` needs no browser. */
const unitOnly = process.argv.some((arg, i) => arg === '--project=unit' || (arg === '--project' && process.argv[i + 1] === 'unit'));
if (process.env.VITEST && !unitOnly && !existsSync(chromiumPath)) {
  // the stories run in a real browser; say how to get one instead of failing with a stack trace
  console.error(
    `stepup-kit: Chromium not found at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exit(1);
}
/**
 * `STEPUP_REACT_DIR=<a node_modules with react@18>` runs the unit and component tests against that React
 * (CI does it for React 18.3): every import of react and react-dom, the libraries' included, goes there.
 */
const otherReact = process.env.STEPUP_REACT_DIR ? path.resolve(process.env.STEPUP_REACT_DIR) : undefined;
const reactAliases = otherReact
  ? [
      { find: /^react$/, replacement: path.join(otherReact, 'react/index.js') },
      { find: /^react\/(.*)$/, replacement: path.join(otherReact, 'react/$1') },
      { find: /^react-dom$/, replacement: path.join(otherReact, 'react-dom/index.js') },
      { find: /^react-dom\/(.*)$/, replacement: path.join(otherReact, 'react-dom/$1') },
      // its CommonJS build would require() the React next to it; the ESM build goes through the aliases
      {
        find: /^@testing-library\/react$/,
        replacement: path.join(dirname, 'node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
      },
    ]
  : [];

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Ships the stylesheet as one `dist/styles.css`: the files `src/styles.css` imports, joined in its order
 * (a merchant's bundler or a plain `<link>` then needs no `@import`). The components never import it,
 * the merchant does.
 */
function stylesheet(): Plugin {
  return {
    name: 'stepup-stylesheet',
    apply: 'build',
    generateBundle() {
      const entry = path.join(dirname, 'src/styles.css');
      const source = readFileSync(entry, 'utf8').replace(/@import\s+'([^']+)';\n?/g, (_line, file: string) =>
        readFileSync(path.resolve(path.dirname(entry), file), 'utf8'),
      );
      this.emitFile({ type: 'asset', fileName: 'styles.css', source });
    },
  };
}

const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
  /^react-hook-form($|\/)/,
  // the server entries run on Node: without these, a library build would swap node:* for browser stubs
  /^node:/,
  /^jose($|\/)/,
  /^redis($|\/)/,
];

export default defineConfig(({ command }) => {
  // Storybook's CLI sets STORYBOOK=true and loads this file too; the library build steps are not for it.
  const libraryBuild = command === 'build' && !process.env.STORYBOOK;
  return {
    plugins: [
      react(),
      libraryBuild &&
        dts({
          tsconfigPath: './tsconfig.json',
          include: ['src'],
          compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: 'src', types: ['node'] },
        }),
      libraryBuild && stylesheet(),
    ],
    build: {
      lib: {
        entry: {
          index: path.resolve(dirname, 'src/index.ts'),
          core: path.resolve(dirname, 'src/core/index.ts'),
          'out-of-band': path.resolve(dirname, 'src/out-of-band/index.ts'),
          sandbox: path.resolve(dirname, 'src/sandbox/index.ts'),
          server: path.resolve(dirname, 'src/server/index.ts'),
          'sandbox-server': path.resolve(dirname, 'src/sandbox-server/index.ts'),
          'sandbox-server-cli': path.resolve(dirname, 'src/sandbox-server/cli.ts'),
          // stepup-kit/locales (loadLocale, matchLocale) and stepup-kit/locales/<tag>, one module a language
          ...Object.fromEntries(
            readdirSync(path.join(dirname, 'src/locales'))
              .filter((file) => file.endsWith('.ts'))
              .map((file) => [`locales/${file.slice(0, -3)}`, path.resolve(dirname, 'src/locales', file)]),
          ),
          // stepup-kit/out-of-band/locales/<tag>: the words of the methods outside the page, one module a language
          ...Object.fromEntries(
            readdirSync(path.join(dirname, 'src/out-of-band/locales'))
              .filter((file) => file.endsWith('.ts'))
              .map((file) => [`out-of-band/locales/${file.slice(0, -3)}`, path.resolve(dirname, 'src/out-of-band/locales', file)]),
          ),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external,
        output: {
          // one file per module, so a bundler drops what an app does not import (the headless hook
          // without the parts, the sandbox without the UI)
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
          // the React modules are client modules for React Server Components; core and sandbox are not
          banner: (chunk) => (/^(index|components|primitives|react|out-of-band)(\/|$)/.test(chunk.name) ? "'use client';" : ''),
        },
      },
      sourcemap: true,
      minify: false,
      copyPublicDir: false,
    },
    test: {
      projects: [
        {
          extends: true,
          resolve: { alias: reactAliases },
          test: {
            name: 'unit',
            environment: 'jsdom',
            // with another React, the libraries that import it must go through the aliases too
            server: otherReact
              ? { deps: { inline: [/@testing-library\/react/, /@tanstack\/react-query/, /react-hook-form/] } }
              : undefined,
            globals: true,
            setupFiles: ['test/setup.ts'],
            include: ['test/**/*.test.{ts,tsx}'],
            // features React 18 does not have (`<Activity>`) are tested against React 19 only
            exclude: otherReact ? [...configDefaults.exclude, 'test/**/*.react19.test.{ts,tsx}'] : configDefaults.exclude,
          },
        },
        {
          extends: true,
          plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
          optimizeDeps: {
            include: ['msw', 'msw/browser', 'msw-storybook-addon', 'react-dom/client'],
          },
          test: {
            name: 'storybook',
            testTimeout: 30_000,
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  };
});
