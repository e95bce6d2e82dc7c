import { isRetryable, type StepUpError } from './errors.js';
import { attemptsLeftFor, resendsLeft, transition, type CodeSession, type StepUpState } from './machine.js';
import { inGroup } from './status.js';

/** The code with the cardholder, in the states that have one. */
export function currentCode(state: StepUpState): CodeSession | undefined {
  return 'code' in state ? state.code : undefined;
}

/** The error to show the cardholder in this state, if any. */
export function currentError(state: StepUpState): StepUpError | undefined {
  return 'error' in state ? state.error : undefined;
}

/** Validation attempts left for the current code, or `undefined` when unknown. */
export function attemptsLeft(state: StepUpState): number | undefined {
  const code = currentCode(state);
  return code ? attemptsLeftFor(code) : undefined;
}

/** Whether "Resend code" can be pressed now. */
export function canResend(state: StepUpState): boolean {
  return transition(state, { type: 'RESEND' }) !== state;
}

/**
 * Whether the channel choice is open again after a failed first send (its message says "choose another
 * method"): no code was ever sent, and the card may still get one.
 */
export function isChoiceReopened(state: StepUpState): boolean {
  return state.status === 'send-failed' && !state.code && hasWayOn(state);
}

/** Whether another way on exists: a code may still be sent, or an option needs none (`stepup-kit/out-of-band`). */
function hasWayOn(state: StepUpState): boolean {
  return resendsLeft(state) !== 0 || state.options.some((o) => !o.isOtp);
}

/** Whether "Try again" repeats the failed call: only after a failure it can help, and when it would make a call. */
export function canRetry(state: StepUpState): boolean {
  return inGroup(state, 'failed') && isRetryable(state.error.kind) && transition(state, { type: 'RETRY' }) !== state;
}

/** Whether "Use another method" is offered: not while the list itself is open again, nor when no code can be sent and no option needs none. */
export function canChangeMethod(state: StepUpState): boolean {
  return inGroup(state, 'changeable') && !isChoiceReopened(state) && hasWayOn(state);
}

/** What the cardholder can do next, besides Cancel. */
export type StepUpAction = 'choose' | 'send' | 'submit' | 'retry' | 'resend' | 'change-method';

/**
 * The actions offered in this state, enabled: the `StepUp.*` parts enable exactly these, so a check of
 * this list (the property tests make one) holds for the screen. Every failure keeps at least one, unless
 * no more codes can be sent and the code in hand is spent, which the screen then says.
 */
export function availableActions(state: StepUpState): StepUpAction[] {
  const actions: StepUpAction[] = [];
  if (state.status === 'choosing' || isChoiceReopened(state)) actions.push('choose');
  if (state.status === 'choosing' && hasWayOn(state)) actions.push('send');
  if (inGroup(state, 'editable')) actions.push('submit');
  if (canRetry(state)) actions.push('retry');
  if (canResend(state)) actions.push('resend');
  if (canChangeMethod(state)) actions.push('change-method');
  return actions;
}

/** Whether `action` is offered, enabled, in this state (see `availableActions`). */
export function offers(state: StepUpState, action: StepUpAction): boolean {
  return availableActions(state).includes(action);
}

/** Which screen a state belongs to: the channel choice, the code entry, or an end. */
export type StepUpPhase = 'choose' | 'code' | 'verified' | 'cancelled' | 'unavailable';

export function phaseOf(state: StepUpState): StepUpPhase {
  if (state.status === 'no-options') return 'unavailable';
  // the ends are phases of their own; a first send (not a resend) still belongs to the channel choice
  if (inGroup(state, 'final')) return state.status;
  return state.status === 'choosing' || ('resend' in state && !state.resend) ? 'choose' : 'code';
}
