import { JSDOM } from 'jsdom';

export { installRenderLog, type RenderLog } from './render-log';

/** A DOM for React in Node, installed before react-dom is first imported. */
export function installDom(): void {
  if (globalThis.document) return;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://127.0.0.1/', pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLInputElement', 'Node', 'Event', 'KeyboardEvent',
    'InputEvent', 'MouseEvent', 'FocusEvent', 'ClipboardEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame',
    'cancelAnimationFrame', 'CSS', 'DocumentFragment', 'Element', 'Text']) {
    const value = (dom.window as unknown as Record<string, unknown>)[key];
    if (value !== undefined && !(key in g && key === 'navigator')) {
      try {
        g[key] = typeof value === 'function' && /^[a-z]/.test(key) ? (value as (...a: unknown[]) => unknown).bind(dom.window) : value;
      } catch {
        Object.defineProperty(g, key, { value, configurable: true });
      }
    }
  }
  g.IS_REACT_ACT_ENVIRONMENT = true;
}
