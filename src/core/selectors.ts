import { remainingSends, type CodeSession, type StepUpState, type StepUpStatus } from './machine.js';

/** The code with the cardholder, in the states that have one. */
export function currentCode(state: StepUpState): CodeSession | undefined {
  return 'code' in state ? state.code : undefined;
}

/**
 * Whole seconds until the code expires, rounded up so "0:00" appears only when it has expired;
 * `undefined` when the backend gave no expiry.
 */
export function secondsLeft(state: StepUpState, now: number): number | undefined {
  const expiresAt = currentCode(state)?.expiresAt;
  return expiresAt === undefined ? undefined : secondsUntil(expiresAt, now);
}

/** Whole seconds from `now` until `deadline`, rounded up, never below 0. */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Whether the current code has expired at `now`. */
export function isExpired(state: StepUpState, now: number): boolean {
  const expiresAt = currentCode(state)?.expiresAt;
  return state.status === 'expired' || (expiresAt !== undefined && now >= expiresAt);
}

/** Validation attempts left for the current code, or `undefined` when unknown. */
export function attemptsLeft(state: StepUpState): number | undefined {
  const code = currentCode(state);
  if (!code || code.maxVerifications === undefined) return undefined;
  return Math.max(0, code.maxVerifications - code.failedAttempts);
}

/** New codes that may still be requested in this step-up, or `undefined` when unknown. */
export function resendsLeft(state: StepUpState): number | undefined {
  return remainingSends(state);
}

const RESENDABLE: ReadonlySet<StepUpStatus> = new Set(['code-entry', 'expired', 'attempts-exhausted', 'verify-failed']);

/** Whether "Resend code" is offered in this state (it may still be disabled, see `canResend`). */
export function isResendOffered(state: StepUpState): boolean {
  return RESENDABLE.has(state.status);
}

/** Whether "Resend code" can be pressed now. */
export function canResend(state: StepUpState): boolean {
  const left = remainingSends(state);
  return isResendOffered(state) && (left === undefined || left > 0);
}

/** Whether a request to the backend is in flight. */
export function isBusy(state: StepUpState): boolean {
  return state.status === 'sending' || state.status === 'verifying';
}

/** Whether the code field accepts input in this state. */
export function isCodeEditable(state: StepUpState): boolean {
  return state.status === 'code-entry' || state.status === 'verify-failed';
}

/** Whether the step-up has ended (verified or cancelled). */
export function isFinal(state: StepUpState): boolean {
  return state.status === 'verified' || state.status === 'cancelled';
}

/** Which screen a state belongs to: the channel choice, the code entry, or an end. */
export type StepUpPhase = 'choose' | 'code' | 'verified' | 'cancelled' | 'unavailable';

export function phaseOf(state: StepUpState): StepUpPhase {
  switch (state.status) {
    case 'no-options':
      return 'unavailable';
    case 'choosing':
      return 'choose';
    case 'sending':
    case 'send-failed':
      return state.resend ? 'code' : 'choose';
    case 'verified':
      return 'verified';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'code';
  }
}

/** The error to show the cardholder in this state, if any. */
export function currentError(state: StepUpState): import('./errors.js').StepUpError | undefined {
  return 'error' in state ? state.error : undefined;
}
