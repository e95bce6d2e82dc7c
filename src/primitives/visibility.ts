import { attemptsLeft, currentCode, resendsLeft, type StepUpState } from '../core/index.js';

const PENDING = new Set(['code-entry', 'verifying', 'verify-failed']);

/** Whether the code is still live (the countdown ticks and attempts count). */
export function isCodePending(state: StepUpState): boolean {
  return PENDING.has(state.status);
}

/** Whether `StepUp.Countdown` shows something: a running countdown, or the expired sentence. */
export function showsCountdown(state: StepUpState): boolean {
  return state.status === 'expired' || (isCodePending(state) && currentCode(state)?.expiresAt !== undefined);
}

/** Whether `StepUp.Attempts` shows the attempts left. */
export function showsAttempts(state: StepUpState): boolean {
  return isCodePending(state) && attemptsLeft(state) !== undefined;
}

/**
 * Whether the channel choice is open again after a failed first send (its message says "choose another
 * method"): no code was ever sent, and the card may still get one.
 */
export function isChoiceReopened(state: StepUpState): boolean {
  return state.status === 'send-failed' && currentCode(state) === undefined && resendsLeft(state) !== 0;
}
