/**
 * The merchant's return page of the issuer web page variant of `APP_TO_APP` (`platformType` WEB,
 * `subMethod` 3DS): the bank's page sends the cardholder back to it with the result in the query; it
 * reads the result and hands it to the page that opened the bank's window. Browser only, no React.
 *
 * The auth code is never logged or stored: it is read from the query, posted once to the opener and
 * removed from the address bar.
 */

/** Query parameter names; defaults from public code (visa-out-of-band-methods.md §8). */
export interface IssuerPageParams {
  /** The return URL, on the bank's page URL. Default `wpcallback`. */
  callback?: string;
  /** `option.requestPayload`, only when present, passed unchanged. Default `a2apayload`. */
  payload?: string;
  /**
   * Default: not sent. When a name is given, `option.id` is added under it (public code does; off by
   * default because nothing identifying the option should go in a URL unless the merchant decides).
   */
  identifier?: string;
  /** Read on the return page: `approved`, `declined` or `failure`. Default `stepupresponse`. */
  response?: string;
  /** Read on the return page: the issuer auth code, 1 to 4 096 characters. Default `stepupauthcode`. */
  code?: string;
  /** The kit's own opaque state on the return URL. Default `stepupstate`. */
  state?: string;
}

export const DEFAULT_ISSUER_PAGE_PARAMS: Required<Omit<IssuerPageParams, 'identifier'>> = Object.freeze({
  callback: 'wpcallback',
  payload: 'a2apayload',
  response: 'stepupresponse',
  code: 'stepupauthcode',
  state: 'stepupstate',
});

export type IssuerResponse = 'approved' | 'declined' | 'failure';

export interface IssuerResult {
  response?: IssuerResponse;
  authCode?: string;
}

/** The `type` of the message the return page posts to the opener. */
export const ISSUER_RETURN_MESSAGE = 'stepup-kit:issuer-return';
/** The default BroadcastChannel name shared by the return page and the opener. */
export const DEFAULT_ISSUER_RETURN_CHANNEL = 'stepup-kit-issuer-return';
/** The longest `issuerAuthCode` TMS accepts. */
export const MAX_ISSUER_AUTH_CODE = 4096;

const RESPONSES: readonly IssuerResponse[] = ['approved', 'declined', 'failure'];

/** The parameter names to use: each one given (non-empty) or its default. */
export function issuerPageParamNames(params: IssuerPageParams = {}) {
  const pick = (name: string | undefined, fallback: string) => (typeof name === 'string' && name !== '' ? name : fallback);
  const d = DEFAULT_ISSUER_PAGE_PARAMS;
  return {
    callback: pick(params.callback, d.callback),
    payload: pick(params.payload, d.payload),
    identifier: typeof params.identifier === 'string' && params.identifier !== '' ? params.identifier : undefined,
    response: pick(params.response, d.response),
    code: pick(params.code, d.code),
    state: pick(params.state, d.state),
  };
}

/** A result from untrusted values: the response only if one of the three words (any case), the code only if 1..4096 characters. */
export function toIssuerResult(response: unknown, authCode: unknown): IssuerResult {
  const result: IssuerResult = {};
  const word = typeof response === 'string' ? response.toLowerCase() : undefined;
  if (word !== undefined && (RESPONSES as readonly string[]).includes(word)) result.response = word as IssuerResponse;
  if (typeof authCode === 'string' && authCode.length >= 1 && authCode.length <= MAX_ISSUER_AUTH_CODE) result.authCode = authCode;
  return result;
}

/** A parameter's value when it appears exactly once; a repeated parameter is ambiguous and is dropped. */
function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/**
 * Reads a return URL's query (a `search` string like `?a=b`, or a URLSearchParams): the response only if
 * one of the three words (case-insensitive, returned lower-case), the auth code only if 1 to 4 096
 * characters after the one URL-decode URLSearchParams does, the state as given. A parameter that
 * appears more than once is ambiguous and is left out.
 */
export function readIssuerReturn(search: string | URLSearchParams, params?: IssuerPageParams): IssuerResult & { state?: string } {
  const names = issuerPageParamNames(params);
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const result: IssuerResult & { state?: string } = toIssuerResult(single(query, names.response), single(query, names.code));
  const state = single(query, names.state);
  if (state !== undefined) result.state = state;
  return result;
}

/** The message the return page posts, on the BroadcastChannel and to the opener. */
export interface IssuerReturnMessage extends IssuerResult {
  type: typeof ISSUER_RETURN_MESSAGE;
  state: string;
}

/**
 * For the merchant's return page. Reads `location.search`; when it carries a state, posts
 * `{ type: 'stepup-kit:issuer-return', state, response?, authCode? }` on `BroadcastChannel(channel)`
 * (default `stepup-kit-issuer-return`) and to `window.opener` (target origin `location.origin`) when
 * there is one, strips the query from the address bar with `history.replaceState` (so the code does not
 * stay in the history), then closes the window unless `close: false`.
 *
 * Returns whether there was a state to hand back. When there is none nothing is posted and nothing is
 * closed, so the page can show its own text; the query is still stripped if it carries any of the kit's
 * parameters (an auth code must not stay in the history either way).
 */
export function completeIssuerReturn(options: { params?: IssuerPageParams; channel?: string; close?: boolean } = {}): boolean {
  const names = issuerPageParamNames(options.params);
  const search = location.search;
  const read = readIssuerReturn(search, options.params);
  const query = new URLSearchParams(search);
  if ([names.response, names.code, names.state].some((name) => query.has(name))) stripQuery();
  if (!read.state) return false;

  const message: IssuerReturnMessage = { type: ISSUER_RETURN_MESSAGE, state: read.state };
  if (read.response !== undefined) message.response = read.response;
  if (read.authCode !== undefined) message.authCode = read.authCode;

  if (typeof BroadcastChannel === 'function') {
    try {
      const channel = new BroadcastChannel(options.channel || DEFAULT_ISSUER_RETURN_CHANNEL);
      channel.postMessage(message);
      channel.close();
    } catch {
      // no channel: the opener, if any, still gets the message below
    }
  }
  try {
    window.opener?.postMessage(message, location.origin);
  } catch {
    // an opener from another origin, or one already gone
  }
  if (options.close !== false) {
    try {
      window.close();
    } catch {
      // the page stays open; it can show its own text
    }
  }
  return true;
}

/** Replaces the current history entry with the same address without its query. */
function stripQuery(): void {
  try {
    history.replaceState(history.state, '', location.pathname + location.hash);
  } catch {
    // a sandboxed document may refuse; nothing else to do
  }
}
