import { attemptsLeft, currentCode, isCodePending, type StepUpState } from '../core/index.js';

/** Whether `StepUp.Countdown` shows something: a running countdown, or the expired sentence. */
export function showsCountdown(state: StepUpState): boolean {
  return state.status === 'expired' || (isCodePending(state) && currentCode(state)?.expiresAt !== undefined);
}

/** Whether `StepUp.Attempts` shows the attempts left. */
export function showsAttempts(state: StepUpState): boolean {
  return isCodePending(state) && attemptsLeft(state) !== undefined;
}
