import type { CheckStepUpRequest, CreateOtpRequest, SubmitSelectionRequest, ValidateOtpRequest } from '../core/types.js';

/** A code as the cardholder's phone, inbox or bank app would show it. */
export interface OutboxMessage {
  tokenId: string;
  optionId: string;
  method: string;
  to?: string;
  code: string;
  sentAt: number;
  expiresAt: number;
}

/** One call the simulator received. */
export type SandboxCall = { tokenId: string; at: number } & (
  | { operation: 'createOtp'; body: CreateOtpRequest }
  /** A validate of a code, or of an issuer auth code (`issuerAuthCode` instead of `otp`). */
  | { operation: 'validateOtp'; body: ValidateOtpRequest }
  | { operation: 'checkStepUp'; body: CheckStepUpRequest }
  /** A selection that only records the choice; one that notifies the bank is a `createOtp`. */
  | { operation: 'submitSelection'; body: SubmitSelectionRequest }
);

/**
 * Calls, messages and tokens kept at most, oldest dropped first: the sandbox server may run for days,
 * and every validate body it records holds a code.
 */
export const HISTORY_LIMIT = 10_000;

/** Appends `item`, dropping the oldest past `HISTORY_LIMIT`. */
export function keepLast<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > HISTORY_LIMIT) list.splice(0, list.length - HISTORY_LIMIT);
}
