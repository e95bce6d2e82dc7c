import { createFetchBackend } from 'stepup-kit';
import type { CheckoutErrorBody, CheckoutView, PayRequest } from '../server/checkout-types';

/** The CSRF token of the session, from the last answer of the checkout API. */
let csrfToken = '';
const csrfHeaders = () => ({ 'x-csrf-token': csrfToken });

/** A refusal of the checkout API, or no answer at all (`kind: 'network'`). */
export class CheckoutApiError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<CheckoutView> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new CheckoutApiError('network', 'We could not reach the shop. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => undefined)) as CheckoutView | CheckoutErrorBody | undefined;
  if (!response.ok || !body || 'error' in body) {
    const error = body && 'error' in body ? body.error : undefined;
    throw new CheckoutApiError(error?.kind ?? 'internal', error?.message ?? 'Something went wrong on our side.');
  }
  csrfToken = body.csrfToken;
  return body;
}

const post = (path: string, body: unknown = {}) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(body) });

export const checkoutApi = {
  /** The order, the cards and any step-up in progress; also sets the session cookie on a first visit. */
  load: (signal?: AbortSignal) => call('/api/checkout', { signal }),
  pay: (request: PayRequest) => post('/api/checkout/pay', request),
  /** After `onVerified`: the server checks the step-up with Visa's answer and places the order. */
  confirm: () => post('/api/checkout/confirm'),
  cancel: () => post('/api/checkout/cancel'),
  newOrder: () => post('/api/checkout/new-order'),
};

/** What <StepUpOtp> calls: the step-up routes of stepup-kit/server, with the same CSRF header. */
export const stepUpBackend = createFetchBackend({ baseUrl: '/api/step-up', headers: csrfHeaders });

/** What the browser knows of itself, for Visa's deviceInformation (the server adds the IP and user agent). */
export function deviceInformation(): PayRequest['device'] {
  return {
    httpBrowserLanguage: navigator.language,
    httpBrowserColorDepth: screen.colorDepth,
    httpBrowserScreenHeight: screen.height,
    httpBrowserScreenWidth: screen.width,
    httpBrowserTimeDifference: new Date().getTimezoneOffset(),
    httpBrowserJavaEnabled: false,
    httpBrowserJavaScriptEnabled: true,
  };
}
