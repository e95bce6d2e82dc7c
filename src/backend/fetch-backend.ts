import { untilAborted } from '../core/abort.js';
import { postJson } from '../transport/post-json.js';
import {
  StepUpBackendError,
  type CheckStepUpResponse,
  type CreateOtpRequest,
  type CreateOtpResponse,
  type StepUpBackend,
  type SubmitSelectionResponse,
  type ValidateOtpRequest,
  type ValidateOtpResponse,
} from '../core/index.js';

export interface FetchBackendOptions {
  /**
   * The merchant's step-up routes, e.g. `/api/step-up`; the kit posts to `{baseUrl}/one-time-passwords` and
   * `{baseUrl}/validate`, and for the methods that complete outside the page to `{baseUrl}/issuer-code`,
   * `{baseUrl}/check` and `{baseUrl}/selection`.
   */
  baseUrl: string;
  /**
   * A fresh device-session `secureToken` from this browser's VTS iframe, sent with each check so the server can
   * ask Visa again for this device. A rejection, `undefined`, or no answer within `timeoutMs` sends the check
   * without one; the caller's abort stops the wait.
   */
  getSecureToken?: () => Promise<string | undefined>;
  /** Extra headers (a CSRF token, say), or a function that returns them for each call. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /**
   * The fetch to use.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Abandon a call after this many milliseconds: a whole number up to 600 000 (10 minutes), or 0 for never.
   * The default is above the slowest answer of `stepup-kit/server`'s routes with their defaults (29.6 s), so
   * the cardholder gets the server's answer; raise it with the Visa client's `timeoutMs`.
   * @defaultValue 35000
   */
  timeoutMs?: number;
  /**
   * Cookie policy of the requests.
   * @defaultValue 'same-origin'
   */
  credentials?: RequestCredentials;
}

/**
 * The browser side of the backend contract over `fetch`: JSON bodies to the merchant's routes. A non-2xx
 * answer rejects with `StepUpBackendError` (`kind: 'http'`, `status`, parsed `body`); a network failure,
 * a timeout, an abort and a 2xx answer that is not JSON each reject with their own `kind`.
 *
 * @throws TypeError when `timeoutMs` is not a whole number from 0 to 600 000 (NaN would never time out, and
 * a value past `setTimeout`'s range would time out at once)
 */
export function createFetchBackend(options: FetchBackendOptions): StepUpBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 35_000;
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > 600_000)
    throw new TypeError(`stepup-kit: timeoutMs must be a whole number from 0 to 600000 (0: never), got ${String(timeoutMs)}`);

  async function post<T>(path: string, body: unknown, signal: AbortSignal): Promise<T> {
    const given = options.headers;
    const answer = await postJson({
      url: `${base}${path}`,
      label: `POST ${path}`,
      body: JSON.stringify(body),
      // the merchant's headers() (a CSRF token fetch, say) runs under the call's timeout and abort
      headers: typeof given === 'function' ? async () => jsonHeaders(await given()) : jsonHeaders(given),
      signal,
      timeoutMs,
      fetch: options.fetch,
      init: { credentials: options.credentials ?? 'same-origin', cache: 'no-store' },
      fail: (kind, message, { status, body: answered, cause }) => new StepUpBackendError(kind, message, { status, body: answered, cause }),
    });
    return answer.body as T;
  }

  return {
    createOtp: (request: CreateOtpRequest, { signal }) =>
      post<CreateOtpResponse>('/one-time-passwords', request, signal),
    validateOtp: (request: ValidateOtpRequest, { signal }) => post<ValidateOtpResponse>('/validate', request, signal),
    validateIssuerCode: (request, { signal }) => post<ValidateOtpResponse>('/issuer-code', request, signal),
    checkStepUp: async (request, { signal }) => {
      const secureToken = request.secureToken ?? (await freshSecureToken(options.getSecureToken, signal, timeoutMs));
      return post<CheckStepUpResponse>('/check', secureToken ? { ...request, secureToken } : request, signal);
    },
    submitSelection: (request, { signal }) => post<SubmitSelectionResponse>('/selection', request, signal),
  };
}

/** The merchant's fresh token, or `undefined` when there is none or getting it failed (the check still runs). */
async function freshSecureToken(
  get: (() => Promise<string | undefined>) | undefined,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<string | undefined> {
  if (!get) return undefined;
  // the caller's abort or the timeout ends the wait (no AbortSignal.any: older Safari lacks it)
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) stop.abort();
  const timer = timeoutMs > 0 ? setTimeout(onAbort, timeoutMs) : undefined;
  try {
    const token = await untilAborted(get, stop.signal);
    return typeof token === 'string' && token ? token : undefined;
  } catch (cause) {
    if (signal.aborted) throw new StepUpBackendError('aborted', 'POST /check was aborted', { cause });
    return undefined;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function jsonHeaders(given: HeadersInit | undefined): Headers {
  const headers = new Headers(given);
  headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  return headers;
}
