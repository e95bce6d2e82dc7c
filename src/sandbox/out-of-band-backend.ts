import { StepUpBackendError } from '../core/errors.js';
import { normalizeMethod } from '../core/normalize.js';
import type { CheckStepUpResponse, RawStepUpOption, StepUpBackend, ValidateOtpRequest } from '../core/types.js';
import type { SandboxCall } from './history.js';
import type { SandboxOptions } from './options.js';
import type { OutOfBandIssuer } from './out-of-band.js';

/** What these methods use of the simulator (`StepUpSandbox` is one), named here so this file need not import the simulator, which imports it. */
export interface OutOfBandHost {
  readonly outOfBand: OutOfBandIssuer;
  createOtp: StepUpBackend['createOtp'];
  validateOtp: StepUpBackend['validateOtp'];
  authenticationOptions(): { stepUpOptions: RawStepUpOption[] };
  currentOptions(): SandboxOptions;
  record(operation: SandboxCall['operation'], tokenId: string, body: SandboxCall['body']): void;
}

/** The token of calls that name none, as the simulator's own. */
const DEFAULT_TOKEN = 'sandbox-token';

/**
 * The optional backend methods as the in-browser sandbox answers them, standing in for the merchant's server
 * (`stepup-kit/server`'s defaults) and Visa at once: an issuer code is validated as Visa would; a selection of
 * `OUTBOUND_CALL` is a send (no code), of another method only recorded; a check reads the issuer's decision
 * (`verified` once approved, `declined` once declined, else `pending`). `latencyMs` and the `network` and `hang`
 * failures apply to the check and to a recorded selection as to every call.
 */
export function outOfBandBackend(
  sandbox: OutOfBandHost,
): Required<Pick<StepUpBackend, 'validateIssuerCode' | 'checkStepUp' | 'submitSelection'>> {
  return {
    validateIssuerCode: (request, context) => sandbox.validateOtp(request as unknown as ValidateOtpRequest, context),
    submitSelection: async (request, context) => {
      const tokenId = request.tokenId ?? DEFAULT_TOKEN;
      const option = sandbox.outOfBand.optionsFor(tokenId, sandbox.authenticationOptions().stepUpOptions).find((o) => o.id === request.stepUpOption?.id);
      if (!option || normalizeMethod(option.method) === 'OUTBOUND_CALL') return { notified: true, ...(await sandbox.createOtp(request, context)) };
      sandbox.record('submitSelection', tokenId, request);
      await settle(sandbox, context.signal);
      sandbox.outOfBand.selected(tokenId, option, {});
      return { notified: false };
    },
    checkStepUp: async (request, context): Promise<CheckStepUpResponse> => {
      sandbox.record('checkStepUp', request.tokenId ?? DEFAULT_TOKEN, request);
      await settle(sandbox, context.signal);
      const decision = sandbox.outOfBand.decision(request.tokenId ?? DEFAULT_TOKEN);
      if (decision === 'approved') return { status: 'verified', action: 'AUTHENTICATION_REGISTRATION' };
      return { status: decision === 'declined' ? 'declined' : 'pending' };
    },
  };
}

/** Waits `latencyMs` (forever with `failure: 'hang'`) unless aborted; fails as offline with `failure: 'network'`. */
function settle(sandbox: OutOfBandHost, signal: AbortSignal): Promise<void> {
  const { latencyMs = 0, failure } = sandbox.currentOptions();
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new StepUpBackendError('aborted', 'sandbox: the call was aborted'));
    };
    const timer = failure === 'hang' ? undefined : setTimeout(() => {
      signal.removeEventListener('abort', abort);
      if (failure === 'network') reject(new StepUpBackendError('network', 'sandbox: the network is down', { cause: new TypeError('Failed to fetch') }));
      else resolve();
    }, latencyMs);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
