import { StepUpBackendError } from '../core/errors.js';
import type { CheckStepUpResponse, StepUpBackend, ValidateOtpRequest } from '../core/types.js';
import type { StepUpSandbox } from './simulator.js';

/** The token of calls that name none, as the simulator's own. */
const DEFAULT_TOKEN = 'sandbox-token';

/**
 * The optional backend methods as the in-browser sandbox answers them, standing in for the merchant's server
 * and Visa at once: an issuer code is validated as Visa would, a selection is submitted as a send, and a check
 * reads the issuer's decision (`verified` once approved, `declined` once declined, else `pending`).
 */
export function outOfBandBackend(
  sandbox: StepUpSandbox,
): Required<Pick<StepUpBackend, 'validateIssuerCode' | 'checkStepUp' | 'submitSelection'>> {
  return {
    validateIssuerCode: (request, context) => sandbox.validateOtp(request as unknown as ValidateOtpRequest, context),
    submitSelection: async (request, context) => ({ notified: true, ...(await sandbox.createOtp(request, context)) }),
    checkStepUp: async (request, context): Promise<CheckStepUpResponse> => {
      if (context.signal.aborted) throw new StepUpBackendError('aborted', 'sandbox: the call was aborted');
      const decision = sandbox.outOfBand.decision(request.tokenId ?? DEFAULT_TOKEN);
      if (decision === 'approved') return { status: 'verified', action: 'AUTHENTICATION_REGISTRATION' };
      return { status: decision === 'declined' ? 'declined' : 'pending' };
    },
  };
}
