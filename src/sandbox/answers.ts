import { StepUpBackendError } from '../core/errors.js';
import type { CreateOtpResponse } from '../core/types.js';
import type { ResolvedSandboxOptions } from './options.js';

/** The createOtp answer for a code expiring at `expiresAt`, written as the options say. */
export function grantBody(options: ResolvedSandboxOptions, expiresAt: number): CreateOtpResponse {
  const { expirationFormat, codeLifetimeSeconds, numbersAsStrings, maxRequestsAllowed, maxVerificationAllowed, limitsUnknown } =
    options;
  const expiration =
    expirationFormat === 'minutes'
      ? codeLifetimeSeconds / 60
      : expirationFormat === 'seconds'
        ? codeLifetimeSeconds
        : expirationFormat === 'epoch-seconds'
          ? Math.floor(expiresAt / 1000)
          : expiresAt;
  const format = (n: number) => (numbersAsStrings ? String(n) : n);
  return {
    maxRequestsAllowed: format(limitsUnknown ? 0 : maxRequestsAllowed),
    maxVerificationAllowed: format(limitsUnknown ? 0 : maxVerificationAllowed),
    codeExpiration: format(expiration),
  };
}

/** Waits `latencyMs`, for ever when the failure is `hang`; rejects as `aborted` when the signal aborts. */
export function delay(options: ResolvedSandboxOptions, signal?: AbortSignal): Promise<void> {
  const hang = options.failure === 'hang';
  const ms = options.latencyMs;
  if (!hang && ms <= 0) return signal?.aborted ? Promise.reject(abortError()) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = hang ? undefined : setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(abortError());
    }
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function httpError(status: number, body: unknown): StepUpBackendError {
  return new StepUpBackendError('http', `sandbox answered ${status}`, { status, body });
}

export function networkError(): StepUpBackendError {
  return new StepUpBackendError('network', 'sandbox: the network is down', { cause: new TypeError('Failed to fetch') });
}

export function abortError(): StepUpBackendError {
  return new StepUpBackendError('aborted', 'sandbox: the call was aborted');
}
