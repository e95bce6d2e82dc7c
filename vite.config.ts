/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import dts from 'vite-plugin-dts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Ships the stylesheet as `dist/styles.css`; the components never import it, the merchant does. */
function stylesheet(): Plugin {
  return {
    name: 'stepup-stylesheet',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'styles.css',
        source: readFileSync(path.join(dirname, 'src/styles.css'), 'utf8'),
      });
    },
  };
}

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^react-hook-form($|\/)/, /^input-otp$/];

export default defineConfig(({ command }) => {
  // Storybook's CLI sets STORYBOOK=true and loads this file too; the library build steps are not for it.
  const libraryBuild = command === 'build' && !process.env.STORYBOOK;
  return {
    plugins: [
      react(),
      libraryBuild && dts({ tsconfigPath: './tsconfig.build.json' }),
      libraryBuild && stylesheet(),
    ],
    build: {
      lib: {
        entry: { index: path.resolve(dirname, 'src/index.ts'), core: path.resolve(dirname, 'src/core/index.ts') },
        formats: ['es'],
      },
      rolldownOptions: {
        external,
        output: {
          // the React entry is a client module for React Server Components; core is usable on a server
          banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
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
          test: {
            name: 'unit',
            environment: 'jsdom',
            globals: true,
            setupFiles: ['test/setup.ts'],
            include: ['test/**/*.test.{ts,tsx}'],
          },
        },
      ],
    },
  };
});
