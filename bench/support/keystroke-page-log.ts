import { installRenderLog } from './render-log';

/**
 * Installed when this module is evaluated, before react-dom loads, so React finds the commit hook. (It is
 * imported by name: the package's `sideEffects` would let the bundler drop a bare import.)
 */
export const renderLog = installRenderLog();
