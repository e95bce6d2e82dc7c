import { createRequestSigner, type VisaCredentials } from './credentials.js';
import { durationOption } from './option-checks.js';
import { maskTokenId } from './redaction.js';
import { resolveBaseUrl, type VisaEnvironment } from './environment.js';
import { postJson } from '../transport/post-json.js';
import { VisaApiError, type VisaOperation } from './visa-api-error.js';
import type {
  AuthenticationOptionsRequest,
  AuthenticationOptionsResponse,
  CreateOtpBody,
  CreateOtpResponse,
  ValidateOtpBody,
  ValidateOtpResponse,
  VisaAnswer,
} from './visa-types.js';

/** Options of `createVisaAcceptanceClient`. */
export interface VisaAcceptanceClientOptions {
  /** `'test'` (apitest.visaacceptance.com), `'production'` (api.visaacceptance.com) or `{ baseUrl }` (the sandbox server). */
  environment: VisaEnvironment;
  /** The Visa Acceptance merchant ID (`v-c-merchant-id`). */
  merchantId: string;
  /** HTTP Signature or JWT credentials. */
  credentials: VisaCredentials;
  /**
   * The fetch to use (a proxy agent, instrumentation).
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Abandon a call after this many milliseconds (1 ms to 10 minutes).
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /**
   * The clock used for signing dates, epoch milliseconds.
   * @defaultValue Date.now
   */
  now?: () => number;
}

/** Per-call options. */
export interface VisaCallOptions {
  /** Abort the call (the error is a `VisaApiError` with `kind: 'aborted'`). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (1 ms to 10 minutes; anything else rejects with a TypeError). */
  timeoutMs?: number;
}

/** A signed client for the three TMS step-up endpoints of one merchant. */
export interface VisaAcceptanceClient {
  readonly merchantId: string;
  /** The resolved base URL, e.g. `https://apitest.visaacceptance.com`. */
  readonly baseUrl: string;
  /** The default timeout of a call, in milliseconds. */
  readonly timeoutMs: number;
  /** `POST /tms/v2/tokenized-cards/{tokenId}/authentication-options`. */
  authenticationOptions(
    tokenId: string,
    body: AuthenticationOptionsRequest,
    options?: VisaCallOptions,
  ): Promise<VisaAnswer<AuthenticationOptionsResponse>>;
  /** `POST …/authentication-options/one-time-passwords`: each call spends one of `maxRequestsAllowed`. */
  createOtp(tokenId: string, body: CreateOtpBody, options?: VisaCallOptions): Promise<VisaAnswer<CreateOtpResponse>>;
  /** `POST …/authentication-options/validate`. */
  validateOtp(tokenId: string, body: ValidateOtpBody, options?: VisaCallOptions): Promise<VisaAnswer<ValidateOtpResponse>>;
}

const TMS_PATH = '/tms/v2/tokenized-cards';

/**
 * Creates the Visa Acceptance client. Credentials are checked here, so a wrong secret format fails at start-up
 * rather than at the first cardholder. Calls are never retried: each one may spend a send or an attempt.
 *
 * @throws TypeError on an unknown environment, unusable credentials or a `timeoutMs` that is not a whole number of
 * milliseconds from 1 to 600 000
 */
export function createVisaAcceptanceClient(options: VisaAcceptanceClientOptions): VisaAcceptanceClient {
  const base = resolveBaseUrl(options.environment);
  const prefix = base.pathname.replace(/\/+$/, '');
  const sign = createRequestSigner(options.merchantId, options.credentials);
  const timeoutMs = durationOption(options.timeoutMs ?? 15_000, 'timeoutMs');
  const now = options.now ?? Date.now;

  async function post<T>(operation: VisaOperation, tokenId: string, suffix: string, payload: unknown, call: VisaCallOptions = {}) {
    // a token id is an opaque word; '..' or a slash would move the signed request to another path
    if (typeof tokenId !== 'string' || !/^[A-Za-z0-9_=-]+$/.test(tokenId))
      throw new TypeError('stepup-kit/server: tokenId must be a non-empty word of letters, digits, _ - =');
    const url = new URL(base.href);
    const path = (id: string) => `${prefix}${TMS_PATH}/${id}/authentication-options${suffix}`;
    url.pathname = path(encodeURIComponent(tokenId));
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json;charset=utf-8',
      accept: 'application/hal+json;charset=utf-8, application/json',
      ...(await sign({ method: 'POST', url, body, now: now() })),
    };
    // error messages end up in logs, which leave the server: the token id is masked there like a PAN
    const label = `POST ${path(maskTokenId(tokenId))}`;
    const limit = call.timeoutMs === undefined ? timeoutMs : durationOption(call.timeoutMs, 'timeoutMs');
    const answer = await postJson({
      url,
      label,
      body,
      headers,
      signal: call.signal,
      timeoutMs: limit,
      fetch: options.fetch,
      init: { redirect: 'error' },
      object: true,
      fail: (kind, message, { status, body: answered, headers: got, cause }) =>
        new VisaApiError(kind, operation, message, { status, body: answered, correlationId: got?.get('v-c-correlation-id') ?? undefined, cause }),
    });
    const correlationId = answer.headers.get('v-c-correlation-id') ?? undefined;
    return { status: answer.status, body: answer.body as T, correlationId } satisfies VisaAnswer<T>;
  }

  return {
    merchantId: options.merchantId,
    baseUrl: base.origin + prefix,
    timeoutMs,
    authenticationOptions: (tokenId, body, call) =>
      post<AuthenticationOptionsResponse>('authentication-options', tokenId, '', body, call),
    createOtp: (tokenId, body, call) => post<CreateOtpResponse>('create-otp', tokenId, '/one-time-passwords', body, call),
    validateOtp: (tokenId, body, call) => post<ValidateOtpResponse>('validate-otp', tokenId, '/validate', body, call),
  };
}
