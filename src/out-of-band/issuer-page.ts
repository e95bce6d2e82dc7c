/**
 * The issuer web page variant of `APP_TO_APP` (`platformType` WEB, `subMethod` 3DS): the URL of the
 * bank's page, and opening it in a new window on the cardholder's click. The merchant's return page is
 * in `issuer-return.ts` (re-exported here). Browser only, no React.
 *
 * Nothing here logs; the option's id goes in a URL only when the merchant names a parameter for it,
 * and never in the return URL.
 */
import { normalizeMethod } from '../core/normalize.js';
import type { StepUpOption } from '../core/types.js';
import {
  DEFAULT_ISSUER_RETURN_CHANNEL, ISSUER_RETURN_MESSAGE, issuerPageParamNames, toIssuerResult,
  type IssuerPageParams, type IssuerResult,
} from './issuer-return.js';

export {
  DEFAULT_ISSUER_PAGE_PARAMS, DEFAULT_ISSUER_RETURN_CHANNEL, ISSUER_RETURN_MESSAGE, MAX_ISSUER_AUTH_CODE,
  completeIssuerReturn, readIssuerReturn,
  type IssuerPageParams, type IssuerResponse, type IssuerResult, type IssuerReturnMessage,
} from './issuer-return.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The bank's page URL when `source` is one the kit may open: absolute, `https:` (`http:` only on
 * localhost or 127.0.0.1, for the sandbox), with no user name or password in it.
 */
function issuerPageSource(source: unknown): URL | undefined {
  if (typeof source !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.protocol === 'https:') return url;
  return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname) ? url : undefined;
}

/**
 * Whether an `APP_TO_APP` option is the web variant: `platformType` WEB (any case) or `subMethod` 3DS,
 * and `source` an `https:` URL (`http:` only on localhost or 127.0.0.1, for the sandbox).
 */
export function isIssuerPageOption(option: StepUpOption): boolean {
  if (normalizeMethod(option.method) !== 'APP_TO_APP') return false;
  const web = option.platformType?.trim().toUpperCase() === 'WEB' || option.subMethod?.trim().toUpperCase() === '3DS';
  return web && issuerPageSource(option.source) !== undefined;
}

/** The URL a merchant's builder returns; `undefined` = cannot be opened. */
export type IssuerPageUrlBuilder = (option: StepUpOption, returnUrl: string | undefined, params: IssuerPageParams) => string | undefined;

/** A query parameter's name as URLSearchParams decodes it. */
function decodedName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  return new URLSearchParams(`${name}=`).keys().next().value ?? '';
}

/**
 * `url` with each of `pairs` set: a parameter of the same name already there is removed, every other
 * part of the query is kept byte for byte, and the new ones are appended, percent-encoded. Throws a
 * URIError for a value that cannot be encoded (a lone surrogate).
 */
function setQuery(url: URL, pairs: ReadonlyArray<readonly [string, string]>): string {
  const replaced = new Set(pairs.map(([name]) => name));
  const kept = url.search.slice(1).split('&').filter((pair) => pair !== '' && !replaced.has(decodedName(pair)));
  const added = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  url.search = [...kept, ...added].join('&');
  return url.href;
}

/**
 * Default builder: `option.source` with `callback=<returnUrl>` (left out when `returnUrl` is
 * undefined), the payload when `option.requestPayload` is present, and `option.id` only when
 * `params.identifier` names a parameter for it. Keeps the source's own query; `undefined` when the
 * source is not a usable http(s) URL (`javascript:`, `data:`, relative, garbage) or a value cannot be
 * put in a URL.
 */
export const issuerPageUrl: IssuerPageUrlBuilder = (option, returnUrl, params) => {
  const url = issuerPageSource(option.source);
  if (!url) return undefined;
  const names = issuerPageParamNames(params);
  const pairs: Array<readonly [string, string]> = [];
  if (names.identifier !== undefined) pairs.push([names.identifier, option.id]);
  if (typeof option.requestPayload === 'string') pairs.push([names.payload, option.requestPayload]);
  if (typeof returnUrl === 'string') pairs.push([names.callback, returnUrl]);
  try {
    return setQuery(url, pairs);
  } catch {
    return undefined;
  }
};

/** A fresh opaque state: 128 random bits (`crypto.getRandomValues`), base64url without padding. */
export function newReturnState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const binary = String.fromCharCode(...bytes);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * `returnUrl` with `state` set under `params.state` (replacing any parameter of the same name); every
 * other part of the URL is kept and nothing else is added. A relative `returnUrl` is resolved against
 * `location.href` in a browser. Throws a TypeError when the result is not an absolute http(s) URL or
 * the state is empty.
 */
export function withReturnState(returnUrl: string, state: string, params?: IssuerPageParams): string {
  if (typeof state !== 'string' || state === '') throw new TypeError('stepup-kit: no state');
  let url: URL;
  try {
    url = typeof location !== 'undefined' ? new URL(returnUrl, location.href) : new URL(returnUrl);
  } catch {
    throw new TypeError('stepup-kit: no http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('stepup-kit: no http(s) URL');
  return setQuery(url, [[issuerPageParamNames(params).state, state]]);
}

/** Whether a URL may be opened in the bank's window: absolute http(s), nothing a blank page would run. */
function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Runs `action`, ignoring a failure (a window already gone, a cross-origin one). */
function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // nothing more to do
  }
}

/** How long a result posted just before the bank's window closed may still take to arrive. */
const CLOSE_GRACE_MS = 300;

/**
 * Opens the bank's page in a new top-level window. Call it synchronously from the click handler (a
 * popup blocker allows a window only on the click). The window is opened blank, its `opener` is set to
 * null, then it is sent to `url`: the bank's page cannot reach this page, yet the kit keeps a handle to
 * see it closed.
 *
 * Returns `{ blocked: true }` when no window came back. Otherwise it listens on
 * `BroadcastChannel(channel)` and on this window's `message` events (from this origin only) for a
 * `stepup-kit:issuer-return` message with `options.state`; calls `onResult` once, stops listening and
 * tries to close the window. When the window is seen closed (checked every `pollMs`, default 500) with
 * no result, it waits 300 ms more, then calls `onClosed` once, and still takes a result that comes later
 * (a bank page with Cross-Origin-Opener-Policy looks closed while it is open). `stop()` removes every listener and
 * timer (no callback after it); `focus()` brings the window back to the front.
 *
 * Throws a TypeError, before opening anything, when `url` is not an absolute http(s) URL or the state
 * is empty.
 */
export function openIssuerPage(
  url: string,
  options: { state: string; onResult: (result: IssuerResult) => void; onClosed: () => void; channel?: string; pollMs?: number },
): { blocked: true } | { blocked: false; stop(): void; focus(): void } {
  if (!isHttpUrl(url)) throw new TypeError('stepup-kit: no http(s) URL');
  if (typeof options.state !== 'string' || options.state === '') throw new TypeError('stepup-kit: no state');

  let popup: Window | null;
  try {
    popup = window.open('about:blank', '_blank');
  } catch {
    return { blocked: true };
  }
  if (!popup) return { blocked: true };
  const win: Window = popup;
  // if the link cannot be cut, the bank's page still gets only a cross-origin handle
  quietly(() => (win.opener = null));
  try {
    win.location.replace(url);
  } catch {
    quietly(() => win.close());
    return { blocked: true };
  }

  let done = false;
  let channel: BroadcastChannel | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    done = true;
    clearInterval(poll);
    if (grace !== undefined) clearTimeout(grace);
    window.removeEventListener('message', onWindowMessage);
    if (channel) {
      channel.onmessage = null;
      channel.close();
      channel = undefined;
    }
  };

  const receive = (data: unknown) => {
    if (done || typeof data !== 'object' || data === null) return;
    const message = data as Record<string, unknown>;
    if (message.type !== ISSUER_RETURN_MESSAGE || message.state !== options.state) return;
    stop();
    quietly(() => win.close());
    options.onResult(toIssuerResult(message.response, message.authCode));
  };

  function onWindowMessage(event: MessageEvent) {
    if (event.origin !== location.origin) return;
    receive(event.data);
  }

  const isClosed = () => {
    try {
      return win.closed;
    } catch {
      return false;
    }
  };

  const pollMs = typeof options.pollMs === 'number' && Number.isFinite(options.pollMs) && options.pollMs > 0 ? options.pollMs : 500;
  const poll = setInterval(() => {
    if (done || grace !== undefined || !isClosed()) return;
    clearInterval(poll);
    grace = setTimeout(() => {
      if (done) return;
      // a page sent with Cross-Origin-Opener-Policy shows as closed while the cardholder is still on it:
      // its result is still listened for, until one comes or stop()
      options.onClosed();
    }, CLOSE_GRACE_MS);
  }, pollMs);

  window.addEventListener('message', onWindowMessage);
  if (typeof BroadcastChannel === 'function') {
    try {
      channel = new BroadcastChannel(options.channel || DEFAULT_ISSUER_RETURN_CHANNEL);
      channel.onmessage = (event: MessageEvent) => receive(event.data);
    } catch {
      channel = undefined;
    }
  }

  return {
    blocked: false,
    stop,
    focus: () => quietly(() => win.focus()),
  };
}
