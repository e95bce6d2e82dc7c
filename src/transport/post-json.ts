import { untilAborted } from '../core/abort.js';
import type { StepUpBackendErrorKind } from '../core/errors.js';

/** How a failed call is reported: each side makes its own error (`StepUpBackendError`, `VisaApiError`) of one list of kinds. */
export type TransportFailure = (
  kind: StepUpBackendErrorKind,
  message: string,
  details: { status?: number; body?: unknown; headers?: Headers; cause?: unknown },
) => Error;

/** One JSON POST, as the browser's backend and the server's Visa client both make it. */
export interface PostJsonRequest {
  url: string | URL;
  /** How the call is named in error messages, e.g. `POST /validate` (never with a secret in it). */
  label: string;
  /** The JSON text of the body. */
  body: string;
  /** Headers, or a function that gives them (run under the same timeout and abort). */
  headers: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** The caller's abort. */
  signal?: AbortSignal;
  /** Give up after this many milliseconds; 0 never. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** More of `fetch`'s options: `credentials`, `cache`, `redirect`. */
  init?: Pick<RequestInit, 'credentials' | 'cache' | 'redirect'>;
  /** Whether a 2xx answer must be a JSON object (not only JSON). */
  object?: boolean;
  fail: TransportFailure;
}

/** A 2xx answer: its status, headers and parsed body. */
export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Posts JSON and reads the JSON answer, never retrying. The timeout and the caller's abort cover everything:
 * the headers function, the wait for an answer and the reading of its body (a server that sends headers then
 * stalls is a timeout). Rejects through `fail` with `aborted`, `timeout`, `network`, `http` (a non-2xx answer,
 * with its status and parsed or raw body) or `malformed` (a 2xx answer that is not JSON); an error thrown by
 * the headers function is passed on as it is, being the caller's own.
 */
export async function postJson(request: PostJsonRequest): Promise<JsonAnswer> {
  const { signal, label, fail, timeoutMs } = request;
  const timeout = new AbortController();
  const timer = timeoutMs > 0 ? setTimeout(() => timeout.abort(), timeoutMs) : undefined;
  const onAbort = () => timeout.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let response: Response;
  let text: string;
  let headersFailed = false;
  try {
    if (signal?.aborted) throw signal.reason;
    const given = request.headers;
    const headers =
      typeof given === 'function'
        ? await untilAborted(
            () =>
              Promise.resolve()
                .then(given)
                .catch((error: unknown) => {
                  headersFailed = true;
                  throw error;
                }),
            timeout.signal,
          )
        : given;
    response = await (request.fetch ?? globalThis.fetch)(request.url, {
      ...request.init,
      method: 'POST',
      headers,
      body: request.body,
      signal: timeout.signal,
    });
    text = await response.text();
  } catch (cause) {
    if (signal?.aborted) throw fail('aborted', `${label} was aborted`, { cause });
    if (headersFailed) throw cause;
    if (timeout.signal.aborted) throw fail('timeout', `${label} got no answer within ${timeoutMs} ms`, { cause });
    throw fail('network', `${label} failed before an answer arrived`, { cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  const parsed = parseJson(text);
  const { status, headers } = response;
  if (!response.ok) throw fail('http', `${label} answered ${status}`, { status, body: parsed.ok ? parsed.value : text, headers });
  const value = parsed.ok ? parsed.value : undefined;
  if (!parsed.ok || (request.object && (typeof value !== 'object' || value === null || Array.isArray(value))))
    throw fail('malformed', `${label} answered ${status} with a body that is not ${request.object ? 'a JSON object' : 'JSON'}`, {
      status,
      body: text.slice(0, 2048),
      headers,
    });
  return { status, headers, body: value };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
