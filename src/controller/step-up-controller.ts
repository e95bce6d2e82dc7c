import { untilAborted } from '../core/abort.js';
import {
  StepUpError,
  clampCodeLength,
  currentError,
  inGroup,
  initialState,
  isBusy,
  malformedResponseError,
  normalizeCreateOtpResponse,
  normalizeStepUpOptions,
  normalizeValidateOtpResponse,
  toStepUpError,
  transition,
  type CreateOtpRequest,
  type StepUpEvent,
  type StepUpState,
  type ValidateOtpRequest,
} from '../core/index.js';
import type { BackendCall, StepUpControllerOptions } from './options.js';
import { newCorrelationId } from './correlation-id.js';

/** What the controller holds: the machine's state, and the focus requests that follow from its changes. */
export interface StepUpSnapshot {
  state: StepUpState;
  /** Increments when the code field should take focus: a new code arrived, or a wrong one is to be retyped. */
  codeFocus: number;
  /** Increments when the channel choice should take focus (after "Use another method"). */
  choiceFocus: number;
}

/** Told of every change, with the snapshot before it (`useSyncExternalStore` ignores both). */
export type StepUpListener = (snapshot: StepUpSnapshot, previous: StepUpSnapshot) => void;

/**
 * One step-up, without React: the machine's state, the one backend call in flight and its abort, the
 * clock that ends the code, and the merchant's callbacks. Actions return whether they applied.
 */
export interface StepUpController {
  getSnapshot(): StepUpSnapshot;
  subscribe(listener: StepUpListener): () => void;
  /** The latest options (callbacks, backend, classifier…); read when they are needed, never copied. */
  setOptions(options: StepUpControllerOptions): void;
  /** The id sent with every call of this step-up. */
  clientCorrelationId(): string;
  /** From the channel choice: send a code to this option. */
  send(optionId: string): boolean;
  /** Ask for a new code for the current option. */
  resend(): boolean;
  /** Check this code (it must have `codeLength` characters). */
  submit(code: string): boolean;
  /** Repeat the call that failed: the send, or the check of `code` (the field's value). */
  retry(code?: string): boolean;
  changeMethod(): boolean;
  cancel(): boolean;
  /** Reads the clock now (a countdown that reached zero, a tab that woke up); whether the code expired. */
  checkClock(): boolean;
  /**
   * Starts the clock and reports what the step-up found on setup; the function returned stops the clock,
   * abandons the call in flight and refuses every action until connected again (unmount, `<Activity>`).
   */
  connect(): () => void;
}

type CallRequest = CreateOtpRequest | ValidateOtpRequest;

/** Longest delay `setTimeout` keeps: a deadline further away is reached in several waits. */
const LONGEST_WAIT = 2 ** 31 - 1;

export function createStepUpController(initial: StepUpControllerOptions): StepUpController {
  let options = initial;
  const generatedId = newCorrelationId();
  let snapshot: StepUpSnapshot = {
    state: initialState(normalizeStepUpOptions(initial.stepUpOptions as unknown[])),
    codeFocus: 0,
    choiceFocus: 0,
  };
  const listeners = new Set<StepUpListener>();
  /**
   * The one guard against duplicate and stale calls: the call in flight, set exactly while the state is
   * busy. An answer counts only if its call is still this one; leaving the busy state abandons it.
   */
  let inFlight: { abort: AbortController } | null = null;
  let connected = false;
  let clock: ReturnType<typeof setTimeout> | undefined;
  let setupReported = false;

  const now = () => (options.now ?? Date.now)();
  const clientCorrelationId = () => options.clientCorrelationId ?? generatedId;

  function apply(event: StepUpEvent): boolean {
    const previous = snapshot;
    const state = transition(previous.state, event);
    if (state === previous.state) return false;
    snapshot = {
      state,
      codeFocus: previous.codeFocus + (state.status === 'code-entry' && isBusy(previous.state) ? 1 : 0),
      choiceFocus: previous.choiceFocus + (state.status === 'choosing' && previous.state.status !== 'choosing' ? 1 : 0),
    };
    if (inFlight && !isBusy(state)) abandon();
    armClock();
    for (const listener of [...listeners]) listener(snapshot, previous);
    tellMerchant(previous.state, state);
    return true;
  }

  /** The merchant's callbacks for one change: the status, then the failure, the success or the cancel. */
  function tellMerchant(previous: StepUpState, state: StepUpState): void {
    if (state.status !== previous.status) safely(() => options.onStatusChange?.(state.status, state));
    const error = currentError(state);
    if (error && error !== currentError(previous)) safely(() => options.onError?.(error));
    else if (state.status === 'expired' && !error) safely(() => options.onError?.(new StepUpError('expired', 'clock', 'the code expired')));
    else if (state.status === 'verified') {
      const result = { response: state.response, stepUpOption: state.code.option, clientCorrelationId: clientCorrelationId() };
      safely(() => options.onVerified?.(result));
    } else if (state.status === 'cancelled') safely(() => options.onCancel?.());
  }

  function abandon(): void {
    inFlight?.abort.abort();
    inFlight = null;
  }

  function armClock(): void {
    clearTimeout(clock);
    clock = undefined;
    const { state } = snapshot;
    if (!connected || !inGroup(state, 'expirable') || state.code.expiresAt === undefined) return;
    const wait = Math.min(LONGEST_WAIT, Math.max(0, state.code.expiresAt - now()));
    // a timer that fires early (a deadline beyond one wait, an injected clock) waits again
    clock = setTimeout(() => checkClock() || armClock(), wait);
  }

  function checkClock(): boolean {
    return connected && apply({ type: 'EXPIRE', now: now() });
  }

  function request(): Omit<CreateOtpRequest, 'stepUpOption'> {
    const { tokenId } = options;
    return { clientCorrelationId: clientCorrelationId(), ...(tokenId ? { tokenId } : {}) };
  }

  /** Starts the call the state now waits for; `otp` only for a check. */
  function startCall(otp?: string): void {
    const { state } = snapshot;
    if (state.status !== 'sending' && state.status !== 'verifying') return;
    const operation = state.status === 'sending' ? 'create-otp' : 'validate-otp';
    const option = state.status === 'sending' ? state.option : state.code.option;
    const variables = { ...request(), stepUpOption: { id: option.id } };
    // the request, and with it the code, is handed to the backend once and kept nowhere else
    let body: CallRequest | null = otp === undefined ? variables : { ...variables, otp };
    const call = { abort: new AbortController() };
    inFlight = call;
    const { signal } = call.abort;
    const { backend } = options;
    const run = (): Promise<unknown> => {
      const sent = body;
      body = null;
      if (!sent || signal.aborted) return Promise.reject(signal.reason ?? new Error('the call was already made'));
      try {
        const answer =
          operation === 'create-otp' ? backend.createOtp(sent, { signal }) : backend.validateOtp(sent as ValidateOtpRequest, { signal });
        // a backend that ignores the signal must not hold up the next call
        return untilAborted(answer, signal);
      } catch (error) {
        return Promise.reject(error);
      }
    };
    const runner = options.runCall ?? ((c: BackendCall) => c.run());
    let settled: Promise<unknown>;
    try {
      settled = Promise.resolve(runner({ operation, stepUpId: clientCorrelationId(), variables, run }));
    } catch (error) {
      settled = Promise.reject(error);
    }
    settled.then(
      (answer) => inFlight === call && answered(operation, { answer }),
      (reason: unknown) => inFlight === call && answered(operation, { reason }),
    );
  }

  function answered(operation: BackendCall['operation'], outcome: { answer: unknown } | { reason: unknown }): void {
    inFlight = null;
    const at = now();
    if ('reason' in outcome) {
      const error = toStepUpError(outcome.reason, operation, options.classifyError);
      apply(operation === 'create-otp' ? { type: 'SEND_FAILED', error } : { type: 'VERIFY_FAILED', error, now: at });
    } else if (operation === 'create-otp') {
      const parsed = normalizeCreateOtpResponse(outcome.answer, options.codeExpirationUnit ?? 'auto', at);
      apply(
        parsed.ok
          ? { type: 'SEND_SUCCEEDED', grant: parsed.value, receivedAt: at }
          : { type: 'SEND_FAILED', error: malformedResponseError(operation, parsed.reason, outcome.answer) },
      );
    } else {
      const parsed = normalizeValidateOtpResponse(outcome.answer);
      apply(
        parsed.ok
          ? { type: 'VERIFY_SUCCEEDED', response: parsed.value }
          : { type: 'VERIFY_FAILED', error: malformedResponseError(operation, parsed.reason, outcome.answer), now: at },
      );
    }
  }

  const act = (event: StepUpEvent, otp?: string): boolean => {
    if (!connected || !apply(event)) return false;
    startCall(otp);
    return true;
  };

  const submit = (code: string): boolean =>
    code.length === clampCodeLength(options.codeLength) && act({ type: 'SUBMIT', now: now() }, code);

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setOptions(next) {
      options = next;
    },
    clientCorrelationId,
    send(optionId) {
      const { state } = snapshot;
      const option = state.options.find((o) => o.id === optionId);
      return state.status === 'choosing' && option !== undefined && act({ type: 'SEND', option });
    },
    resend: () => act({ type: 'RESEND' }),
    submit,
    retry: (code) => (snapshot.state.status === 'verify-failed' ? code !== undefined && submit(code) : act({ type: 'RETRY' })),
    changeMethod: () => act({ type: 'CHANGE_METHOD' }),
    cancel: () => act({ type: 'CANCEL' }),
    checkClock,
    connect() {
      connected = true;
      const { state } = snapshot;
      if (state.status === 'no-options' && !setupReported) {
        setupReported = true;
        const error = new StepUpError('no-otp-options', 'setup', 'the issuer offered no SMS, email or online-banking option');
        safely(() => options.onError?.(error));
      }
      // shown again after <Activity> hid it: the call stopped meanwhile counts as failed, and Try again repeats it
      if (isBusy(state) && !inFlight) {
        const sending = state.status === 'sending';
        const error = new StepUpError('unknown', sending ? 'create-otp' : 'validate-otp', 'the call was stopped while the step-up was hidden');
        apply(sending ? { type: 'SEND_FAILED', error } : { type: 'VERIFY_FAILED', error, now: now() });
      }
      // a deadline that passed while it was hidden ends the code before it is shown again
      if (!checkClock()) armClock();
      return () => {
        connected = false;
        clearTimeout(clock);
        abandon();
      };
    },
  };
}

/** Runs a merchant callback; one that throws is reported to the page, never breaks the step-up. */
function safely(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    // reportError fires the page's error event (and error trackers) without unwinding our code
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    else
      queueMicrotask(() => {
        throw error;
      });
  }
}
