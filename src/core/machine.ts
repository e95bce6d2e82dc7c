import { StepUpError } from './errors.js';
import type { OtpGrant, StepUpOption } from './types.js';

/** The states of a step-up, exposed on the root as `data-status`. */
export type StepUpStatus =
  | 'no-options'
  | 'choosing'
  | 'sending'
  | 'send-failed'
  | 'code-entry'
  | 'verifying'
  | 'verify-failed'
  | 'attempts-exhausted'
  | 'expired'
  | 'verified'
  | 'cancelled';

/** The code currently with the cardholder. */
export interface CodeSession {
  option: StepUpOption;
  /** When the create-OTP answer arrived (epoch ms). */
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
  /** Successful create-OTP calls in this step-up, across channels (Visa counts sends per token). */
  sends: number;
  /** Create-OTP calls allowed in this step-up, if the backend said. */
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
  | { type: 'VERIFY_FAILED'; error: StepUpError }
  /** Repeat the call that failed (send or validate), once. */
  | { type: 'RETRY' }
  /** The clock reached the code's deadline. */
  | { type: 'EXPIRE'; now: number }
  /** Back to the channel choice. */
  | { type: 'CHANGE_METHOD' }
  | { type: 'CANCEL' };

export type StepUpEventType = StepUpEvent['type'];

/** The first state for a list of normalised options (only OTP options are offered). */
export function initialState(options: StepUpOption[]): StepUpState {
  const otp = options.filter((o) => o.isOtp);
  return otp.length === 0
    ? { status: 'no-options', options: otp, sends: 0 }
    : { status: 'choosing', options: otp, sends: 0 };
}

/** Resends left in this step-up, or `undefined` when the backend gave no limit. */
export function remainingSends(state: Base): number | undefined {
  return state.maxRequests === undefined ? undefined : Math.max(0, state.maxRequests - state.sends);
}

function base(state: StepUpState): Base {
  return { options: state.options, sends: state.sends, maxRequests: state.maxRequests };
}

function canSendMore(state: StepUpState): boolean {
  const left = remainingSends(state);
  return left === undefined || left > 0;
}

/**
 * The step-up as a pure function: the same state and event always give the same next state, and an
 * event that does not apply returns the state unchanged (same object), so callers can tell.
 */
export function transition(state: StepUpState, event: StepUpEvent): StepUpState {
  switch (event.type) {
    case 'SEND': {
      if (state.status !== 'choosing' && state.status !== 'send-failed') return state;
      if (!state.options.some((o) => o.id === event.option.id)) return state;
      if (state.status === 'send-failed' && event.option.id !== state.option.id) return state;
      if (!canSendMore(state)) return state;
      const resend = state.status === 'send-failed' ? state.resend : false;
      const code = state.status === 'send-failed' ? state.code : undefined;
      return { ...base(state), status: 'sending', option: event.option, resend, code };
    }
    case 'RESEND': {
      if (
        state.status !== 'code-entry' &&
        state.status !== 'expired' &&
        state.status !== 'attempts-exhausted' &&
        state.status !== 'verify-failed'
      )
        return state;
      if (!canSendMore(state)) return state;
      return { ...base(state), status: 'sending', option: state.code.option, resend: true, code: state.code };
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
      const next = { ...base(state), status: 'send-failed' as const, option: state.option, resend: state.resend };
      // the backend said no more codes: stop offering sends whatever the last known limit was
      if (event.error.kind === 'resends-exhausted') next.maxRequests = state.sends;
      return { ...next, code: state.code, error: event.error };
    }
    case 'SUBMIT': {
      // from verify-failed the cardholder may have corrected the code and submitted it instead of Try again
      if (state.status !== 'code-entry' && state.status !== 'verify-failed') return state;
      if (state.code.expiresAt !== undefined && event.now >= state.code.expiresAt)
        return { ...base(state), status: 'expired', code: state.code };
      if (isOutOfAttempts(state.code)) return { ...base(state), status: 'attempts-exhausted', code: state.code };
      return { ...base(state), status: 'verifying', code: state.code };
    }
    case 'VERIFY_SUCCEEDED': {
      if (state.status !== 'verifying') return state;
      return { ...base(state), status: 'verified', code: state.code, response: event.response };
    }
    case 'VERIFY_FAILED': {
      if (state.status !== 'verifying') return state;
      const { error } = event;
      if (error.kind === 'invalid-otp' || error.kind === 'attempts-exhausted') {
        const code = { ...state.code, failedAttempts: state.code.failedAttempts + 1 };
        if (error.kind === 'attempts-exhausted' || isOutOfAttempts(code)) {
          const exhausted =
            error.kind === 'attempts-exhausted'
              ? error
              : new StepUpError('attempts-exhausted', error.operation, 'the last attempt for this code was rejected', {
                  status: error.status,
                  body: error.body,
                  cause: error,
                });
          return { ...base(state), status: 'attempts-exhausted', code, error: exhausted };
        }
        return { ...base(state), status: 'code-entry', code, error };
      }
      // the code is dead either way: a new one is needed, and no attempt was spent
      if (error.kind === 'expired' || error.kind === 'code-unconfirmed') return { ...base(state), status: 'expired', code: state.code, error };
      return { ...base(state), status: 'verify-failed', code: state.code, error };
    }
    case 'RETRY': {
      if (state.status === 'send-failed') {
        if (!canSendMore(state)) return state;
        return { ...base(state), status: 'sending', option: state.option, resend: state.resend, code: state.code };
      }
      if (state.status === 'verify-failed') {
        return { ...base(state), status: 'verifying', code: state.code };
      }
      return state;
    }
    case 'EXPIRE': {
      if (state.status !== 'code-entry' && state.status !== 'verify-failed' && state.status !== 'attempts-exhausted')
        return state;
      if (state.code.expiresAt === undefined || event.now < state.code.expiresAt) return state;
      return { ...base(state), status: 'expired', code: state.code };
    }
    case 'CHANGE_METHOD': {
      if (
        state.status === 'no-options' ||
        state.status === 'choosing' ||
        state.status === 'verifying' ||
        state.status === 'verified' ||
        state.status === 'cancelled'
      )
        return state;
      return { ...base(state), status: 'choosing' };
    }
    case 'CANCEL': {
      if (state.status === 'verified' || state.status === 'cancelled') return state;
      return { ...base(state), status: 'cancelled' };
    }
  }
}

function isOutOfAttempts(code: CodeSession): boolean {
  return code.maxVerifications !== undefined && code.failedAttempts >= code.maxVerifications;
}
