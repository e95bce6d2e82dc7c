import { readFileSync } from 'node:fs';
import path from 'node:path';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';

// The component tests run twice in CI: with the React of this repository and, through
// STEPUP_REACT_DIR, with React 18.3. This proves which one the run really used.
const dir = process.env.STEPUP_REACT_DIR ? path.resolve(process.env.STEPUP_REACT_DIR) : path.resolve('node_modules');
const expected = JSON.parse(readFileSync(path.join(dir, 'react/package.json'), 'utf8')).version as string;

describe('the React under test', () => {
  it(`is the React in ${dir} (${expected}), for react and react-dom alike`, () => {
    expect(reactVersion).toBe(expected);
    expect(reactDomVersion).toBe(expected);
  });
});
