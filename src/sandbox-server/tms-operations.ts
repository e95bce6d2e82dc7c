import { StepUpBackendError } from '../core/errors.js';
import { isRecord } from '../core/normalize.js';
import type { CreateOtpRequest, ValidateOtpRequest } from '../core/types.js';
import type { StepUpSandbox } from '../sandbox/simulator.js';
import { visaError } from '../sandbox/visa-errors.js';

/** The three TMS step-up endpoints. */
export type TmsOperation = 'authentication-options' | 'create-otp' | 'validate-otp';

/** What the HTTP layer does with a call: answer it, or drop the connection (a simulated network failure). */
export type TmsAnswer = { kind: 'answer'; status: number; body: unknown } | { kind: 'drop' };

const TMS_PATH = /^\/tms\/v2\/tokenized-cards\/([^/]+)\/authentication-options(?:\/(one-time-passwords|validate))?\/?$/;

/** `/tms/v2/tokenized-cards/{tokenId}/authentication-options[/one-time-passwords|/validate]` → token and operation. */
export function parseTmsPath(pathname: string): { tokenId: string; operation: TmsOperation } | undefined {
  const match = TMS_PATH.exec(pathname);
  if (!match) return undefined;
  let tokenId: string;
  try {
    tokenId = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  const operation = match[2] === 'one-time-passwords' ? 'create-otp' : match[2] === 'validate' ? 'validate-otp' : 'authentication-options';
  return { tokenId, operation };
}

/**
 * Runs one TMS call against the simulator, which owns every rule (codes, expiry, attempts, sends, failure
 * modes); this only moves the token from the path into the simulator's request and its errors into HTTP.
 */
export async function runTmsOperation(
  sandbox: StepUpSandbox,
  operation: TmsOperation,
  tokenId: string,
  body: unknown,
  signal: AbortSignal,
): Promise<TmsAnswer> {
  if (!isRecord(body)) return { kind: 'answer', status: 400, body: visaError('invalidRequest', 'The request body must be a JSON object') };
  try {
    if (operation === 'authentication-options') {
      if (typeof body.clientCorrelationId !== 'string' || !body.clientCorrelationId)
        return { kind: 'answer', status: 400, body: visaError('missingFields', 'clientCorrelationId is required', undefined, 'clientCorrelationId') };
      return { kind: 'answer', status: 201, body: sandbox.outOfBand.answer(tokenId, sandbox.authenticationOptions().stepUpOptions) };
    }
    if (operation === 'create-otp') {
      const answer = await sandbox.createOtp({ ...(body as unknown as CreateOtpRequest), tokenId }, { signal });
      return { kind: 'answer', status: 201, body: answer };
    }
    const answer = await sandbox.validateOtp({ ...(body as unknown as ValidateOtpRequest), tokenId }, { signal });
    return { kind: 'answer', status: 200, body: answer };
  } catch (error) {
    if (error instanceof StepUpBackendError) {
      if (error.kind === 'http' && error.status !== undefined) return { kind: 'answer', status: error.status, body: error.body };
      return { kind: 'drop' };
    }
    return { kind: 'answer', status: 500, body: visaError('internalError', 'The sandbox failed') };
  }
}
