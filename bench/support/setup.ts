import { installDom, installRenderLog, type RenderLog } from './dom';

// Runs before any benchmark module is imported, so react-dom finds a DOM and the commit hook.
installDom();
(globalThis as { __renderLog?: RenderLog }).__renderLog = installRenderLog();
