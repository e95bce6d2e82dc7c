import { StepUpError } from './errors.js';
import { inGroup } from './status.js';
import type { OtpGrant, StepUpOption } from './types.js';

export type { StepUpStatus } from './status.js';

/** The code currently with the cardholder. */
export interface CodeSession {
  option: StepUpOption;
  /** When the createOtp answer arrived (epoch ms). */
  sentAt: number;
  /** When the code expires (epoch ms), if the backend said. */
  expiresAt?: number;
  /** Attempts allowed for this code, if the backend said. */
  maxVerifications?: number;
  /** Rejected validations of this code. */
  failedAttempts: number;
}

/** What every state carries: the options and the send budget of the whole step-up. */
interface Base {
  /** The OTP options offered to the cardholder. */
  options: StepUpOption[];
  /** Successful createOtp calls in this step-up, across channels (Visa counts sends per token). */
  sends: number;
  /** `createOtp` calls allowed in this step-up, if the backend said. */
  maxRequests?: number;
}

export type StepUpState = Base &
  (
    | { status: 'no-options' }
    | { status: 'choosing' }
    | { status: 'sending'; option: StepUpOption; resend: boolean; code?: CodeSession }
    | { status: 'send-failed'; option: StepUpOption; resend: boolean; code?: CodeSession; error: StepUpError }
    | { status: 'code-entry'; code: CodeSession; error?: StepUpError }
    | { status: 'verifying'; code: CodeSession }
    | { status: 'verify-failed'; code: CodeSession; error: StepUpError }
    | { status: 'attempts-exhausted'; code: CodeSession; error?: StepUpError }
    | { status: 'expired'; code: CodeSession; error?: StepUpError }
    | { status: 'verified'; code: CodeSession; response: Record<string, unknown> }
    | { status: 'cancelled' }
  );

export type StepUpEvent =
  /** Ask for a code for this option (from the channel choice, or Try again after a failed send). */
  | { type: 'SEND'; option: StepUpOption }
  /** Ask for a new code for the current option. */
  | { type: 'RESEND' }
  | { type: 'SEND_SUCCEEDED'; grant: OtpGrant; receivedAt: number }
  | { type: 'SEND_FAILED'; error: StepUpError }
  /** The cardholder submitted a complete code. */
  | { type: 'SUBMIT'; now: number }
  | { type: 'VERIFY_SUCCEEDED'; response: Record<string, unknown> }
  /**
   * The validate call failed, or answered with something that is not a Visa answer. `now` is when the
   * answer arrived: a code whose deadline passed while it was checked is expired, whatever the answer said.
   */
  | { type: 'VERIFY_FAILED'; error: StepUpError; now?: number }
  /** Repeat the call that failed (send or validate), once. */
  | { type: 'RETRY' }
  /** The clock reached the code's deadline. */
  | { type: 'EXPIRE'; now: number }
  /** Back to the channel choice. */
  | { type: 'CHANGE_METHOD' }
  | { type: 'CANCEL' };

export type StepUpEventType = StepUpEvent['type'];

/**
 * The first state for a list of normalised options: those `offered` accepts (by default the OTP options; a
 * step-up with `stepup-kit/out-of-band` offers the others it can complete too), in the issuer's order.
 */
export function initialState(options: StepUpOption[], offered: (option: StepUpOption) => boolean = (o) => o.isOtp): StepUpState {
  options = options.filter(offered);
  return { status: options.length ? 'choosing' : 'no-options', options, sends: 0 };
}

/** New codes that may still be requested in this step-up, or `undefined` when the backend gave no limit. */
export function resendsLeft(state: Base): number | undefined {
  return state.maxRequests === undefined ? undefined : Math.max(0, state.maxRequests - state.sends);
}

/** Validation attempts left for a code, or `undefined` when the backend gave no limit. */
export function attemptsLeftFor(code: CodeSession): number | undefined {
  return code.maxVerifications === undefined ? undefined : Math.max(0, code.maxVerifications - code.failedAttempts);
}

/** Whether the code's deadline has passed at `now`: the one place a deadline is compared. */
export function isPastDeadline(code: CodeSession, now: number): boolean {
  return code.expiresAt !== undefined && now >= code.expiresAt;
}

/**
 * The state `status`, holding `rest`, with the step-up's options and send budget carried over. The choice
 * and the cancelled end hold nothing more.
 */
function to(state: StepUpState, status: 'choosing' | 'cancelled'): StepUpState;
function to<S extends StepUpState['status']>(
  state: StepUpState,
  status: S,
  rest: Omit<Extract<StepUpState, { status: S }>, keyof Base | 'status'>,
): StepUpState;
function to(state: StepUpState, status: StepUpState['status'], rest?: object): StepUpState {
  return { options: state.options, sends: state.sends, maxRequests: state.maxRequests, status, ...rest } as StepUpState;
}

/**
 * The step-up as a pure function: the same state and event always give the same next state, and an
 * event that does not apply returns the state unchanged (same object), so callers can tell.
 */
export function transition(state: StepUpState, event: StepUpEvent): StepUpState {
  switch (event.type) {
    case 'SEND': {
      if (!inGroup(state, 'sendable') || resendsLeft(state) === 0) return state;
      if (!state.options.some((o) => o.id === event.option.id)) return state;
      if (state.status === 'send-failed') {
        // Try again repeats the failed send; another option goes through the channel choice
        if (event.option.id !== state.option.id) return state;
        return to(state, 'sending', { option: event.option, resend: state.resend, code: state.code });
      }
      return to(state, 'sending', { option: event.option, resend: false });
    }
    case 'RESEND': {
      if (!inGroup(state, 'resendable') || resendsLeft(state) === 0) return state;
      return to(state, 'sending', { option: state.code.option, resend: true, code: state.code });
    }
    case 'SEND_SUCCEEDED': {
      if (state.status !== 'sending') return state;
      const { grant, receivedAt } = event;
      return {
        options: state.options,
        sends: state.sends + 1,
        // the latest answer wins: Visa may lower the limit as the token's budget is spent
        maxRequests: grant.maxRequests ?? state.maxRequests,
        status: 'code-entry',
        code: {
          option: state.option,
          sentAt: receivedAt,
          expiresAt: grant.expiresAt,
          maxVerifications: grant.maxVerifications,
          failedAttempts: 0,
        },
      };
    }
    case 'SEND_FAILED': {
      if (state.status !== 'sending') return state;
      const next = to(state, 'send-failed', { option: state.option, resend: state.resend, code: state.code, error: event.error });
      // the backend said no more codes: stop offering sends whatever the last known limit was
      if (event.error.kind === 'resends-exhausted') next.maxRequests = state.sends;
      return next;
    }
    case 'SUBMIT': {
      // from verify-failed the cardholder may have corrected the code and submitted it instead of Try again
      if (!inGroup(state, 'editable')) return state;
      if (isPastDeadline(state.code, event.now)) return to(state, 'expired', { code: state.code });
      if (attemptsLeftFor(state.code) === 0) return to(state, 'attempts-exhausted', { code: state.code });
      return to(state, 'verifying', { code: state.code });
    }
    case 'VERIFY_SUCCEEDED': {
      if (state.status !== 'verifying') return state;
      return to(state, 'verified', { code: state.code, response: event.response });
    }
    case 'VERIFY_FAILED': {
      if (state.status !== 'verifying') return state;
      const answered = verifyFailed(state, event.error);
      // the deadline passed while the code was checked: it is dead whatever the answer said of it
      if (event.now !== undefined && inGroup(answered, 'expirable') && isPastDeadline(answered.code, event.now))
        return to(answered, 'expired', { code: answered.code });
      return answered;
    }
    case 'RETRY': {
      if (state.status === 'send-failed') return transition(state, { type: 'SEND', option: state.option });
      if (state.status === 'verify-failed') return to(state, 'verifying', { code: state.code });
      return state;
    }
    case 'EXPIRE': {
      if (!inGroup(state, 'expirable') || !isPastDeadline(state.code, event.now)) return state;
      return to(state, 'expired', { code: state.code });
    }
    case 'CHANGE_METHOD': {
      if (!inGroup(state, 'changeable')) return state;
      return to(state, 'choosing');
    }
    case 'CANCEL': {
      if (inGroup(state, 'final')) return state;
      return to(state, 'cancelled');
    }
  }
}

/** Where a failed validate leads: a refused code spends an attempt, a dead code needs a new one. */
function verifyFailed(state: Extract<StepUpState, { status: 'verifying' }>, error: StepUpError): StepUpState {
  if (error.kind === 'invalid-otp' || error.kind === 'attempts-exhausted') {
    const code = { ...state.code, failedAttempts: state.code.failedAttempts + 1 };
    if (error.kind === 'invalid-otp' && attemptsLeftFor(code) !== 0) return to(state, 'code-entry', { code, error });
    const exhausted =
      error.kind === 'attempts-exhausted'
        ? error
        : new StepUpError('attempts-exhausted', error.operation, 'no attempts left', {
            status: error.status,
            body: error.body,
            cause: error,
          });
    return to(state, 'attempts-exhausted', { code, error: exhausted });
  }
  // the code is dead either way: a new one is needed, and no attempt was spent
  if (error.kind === 'expired' || error.kind === 'code-unconfirmed') return to(state, 'expired', { code: state.code, error });
  return to(state, 'verify-failed', { code: state.code, error });
}
