/**
 * The invariants of issue 10 for a step-up driven by a script of cardholder actions, checked after every
 * step: by the property test and by the regression tests of the counter-examples it found.
 */
import { expect } from 'vitest';
import { availableActions, inGroup, isPastDeadline, resendsLeft, type StepUpState } from '../../src';
import { advance, flush, stringsIn, type Harness } from './harness';

export type Action =
  | { type: 'send'; option: 'sms' | 'email' | 'unknown' }
  | { type: 'resend' | 'change-method' | 'cancel' | 'check-clock' | 'dispose' }
  | { type: 'submit' | 'retry'; whole: boolean }
  | { type: 'wait'; ms: number };

/**
 * Where the road ends and the screen says so: the step-up ended, the card has no OTP channel, or no more
 * codes can be sent and none is in hand ("No more codes can be sent for this card").
 */
function isEnded(state: StepUpState): boolean {
  if (inGroup(state, 'final') || state.status === 'no-options') return true;
  return resendsLeft(state) === 0 && !inGroup(state, 'editable') && !inGroup(state, 'busy');
}

/** The actions that move the step-up on: choosing again among one channel does not. */
function usefulActions(state: StepUpState) {
  return availableActions(state).filter((action) => action !== 'choose' || state.options.length > 1);
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks every invariant of the issue on the step-up as it stands. */
export function checkInvariants(h: Harness, typed: string, callsWhenStopped: number | undefined, disposed = false): void {
  const { state } = h.controller.getSnapshot();
  // at most one call in flight
  expect(h.inFlight().length).toBeLessThanOrEqual(1);
  // onVerified exactly once, and only after a successful validate answer
  expect(h.verified.length).toBeLessThanOrEqual(1);
  if (h.verified.length === 1) {
    expect(state.status).toBe('verified');
    expect(h.calls.some((c) => c.operation === 'validateOtp' && c.outcome === 'answer' && isObject(c.value))).toBe(true);
  }
  if (state.status === 'verified') expect(h.verified).toHaveLength(1);
  // no call after cancel or dispose
  if (callsWhenStopped !== undefined) expect(h.calls).toHaveLength(callsWhenStopped);
  // every failure reported once: no error twice, every error a state carried was reported, one per clock expiry
  expect(new Set(h.errors).size).toBe(h.errors.length);
  for (const [, s] of h.statuses) if ('error' in s && s.error) expect(h.errors).toContain(s.error);
  const clockExpiries = h.statuses.filter(([status, s]) => status === 'expired' && !('error' in s && s.error)).length;
  expect(h.errors.filter((e) => e.operation === 'clock')).toHaveLength(clockExpiries);
  // the code appears only in the validate request: no callback argument, no state holds it
  for (const text of stringsIn([h.errors, h.verified, h.statuses, state])) expect(text).not.toContain(typed);
  // never a dead end: an enabled action, a call under way, or the sentence that says the road ends here
  expect(inGroup(state, 'busy') || usefulActions(state).length > 0 || isEnded(state)).toBe(true);
  // no code is offered as live after its deadline (no countdown at 0:00, no "Try again" for a dead code),
  // while the step-up is on screen: once disposed it is judged again when it connects
  if (!disposed && inGroup(state, 'expirable')) expect(isPastDeadline(state.code, Date.now())).toBe(false);
}

/** Plays the actions one by one, checking the invariants after each, then lets everything settle. */
export async function play(h: Harness, actions: Action[], typed: string): Promise<void> {
  let stoppedAt: number | undefined;
  let disposed = false;
  const short = typed.slice(0, 3);
  for (const step of actions) {
    switch (step.type) {
      case 'send':
        h.controller.send(step.option);
        break;
      case 'resend':
        h.controller.resend();
        break;
      case 'submit':
        h.controller.submit(step.whole ? typed : short);
        break;
      case 'retry':
        h.controller.retry(step.whole ? typed : short);
        break;
      case 'change-method':
        h.controller.changeMethod();
        break;
      case 'cancel':
        h.controller.cancel();
        break;
      case 'check-clock':
        h.controller.checkClock();
        break;
      case 'dispose':
        h.disconnect();
        disposed = true;
        break;
      case 'wait':
        await advance(step.ms);
        break;
    }
    await flush();
    if (stoppedAt === undefined && (step.type === 'dispose' || h.state().status === 'cancelled')) stoppedAt = h.calls.length;
    checkInvariants(h, typed, stoppedAt, disposed);
  }
  // whatever was left in flight settles or times out: the invariants still hold after
  await advance(200_000);
  checkInvariants(h, typed, stoppedAt, disposed);
}

