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

it('keeps the useStepUpOtp hook thin (its body at 150 lines or fewer) and ARCHITECTURE.md at 150 lines or fewer', () => {
  const hook = readFileSync(path.join(src, 'react/use-step-up-otp.ts'), 'utf8').split('\n');
  const start = hook.findIndex((line) => line.startsWith('export function useStepUpOtp('));
  const end = hook.findIndex((line, index) => index > start && line === '}');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end - start - 1).toBeLessThanOrEqual(150);
  const architecture = readFileSync(path.resolve(src, '../ARCHITECTURE.md'), 'utf8');
  expect(architecture.trimEnd().split('\n').length).toBeLessThanOrEqual(150);
});
