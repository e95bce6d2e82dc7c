// @vitest-environment node
/** The house rule of ARCHITECTURE.md: no source file over 300 lines, so each stays one concern. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const src = path.resolve(__dirname, '../../src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((file) => /\.(ts|tsx)$/.test(file));

it('keeps every file of src/ at 300 lines or fewer', () => {
  expect(files.length).toBeGreaterThan(100);
  const long = files
    .map((file) => [file, readFileSync(path.join(src, file), 'utf8').split('\n').length - 1] as const)
    .filter(([, lines]) => lines > 300);
  expect(long).toEqual([]);
});
