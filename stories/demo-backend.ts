import type { CreateOtpResponse, StepUpBackend } from '../src';
import { StepUpBackendError } from '../src';

export interface DemoBackendOptions {
  /** The code the demo accepts. */
  code?: string;
  latencyMs?: number;
  answer?: CreateOtpResponse;
  failSend?: boolean;
}

/** A small in-browser stand-in for the merchant's server, for previewing the component. */
export function demoBackend({
  code = '456789',
  latencyMs = 400,
  answer = { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 },
  failSend = false,
}: DemoBackendOptions = {}): StepUpBackend {
  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, latencyMs);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new StepUpBackendError('aborted', 'aborted'));
      });
    });
  return {
    async createOtp(_request, { signal }) {
      await wait(signal);
      if (failSend)
        throw new StepUpBackendError('http', 'demo failure', {
          status: 503,
          body: { errors: [{ type: 'internalError', message: 'Issuer unavailable' }] },
        });
      return answer;
    },
    async validateOtp(request, { signal }) {
      await wait(signal);
      if (request.otp !== code)
        throw new StepUpBackendError('http', 'wrong code', {
          status: 400,
          body: { errors: [{ type: 'invalidFields', message: 'OTP is invalid' }] },
        });
      return { action: 'AUTHENTICATION_REGISTRATION' };
    },
  };
}
