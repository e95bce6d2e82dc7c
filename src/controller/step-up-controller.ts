import { untilAborted } from '../core/abort.js';
import {
  StepUpError,
  clampCodeLength,
  currentError,
  inGroup,
  initialState,
  malformedResponseError,
  normalizeCreateOtpResponse,
  normalizeStepUpOptions,
  normalizeValidateOtpResponse,
  toStepUpError,
  transition,
  type CreateOtpRequest,
  type OtpGrant,
  type StepUpEvent,
  type StepUpState,
  type ValidateOtpRequest,
} from '../core/index.js';
import type { StepUpControllerOptions } from './options.js';
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
  /** From the channel choice: send a code to this option (an OTP option; any other is refused). */
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

/** The merchant's callbacks, by name. */
type Callback = 'onStatusChange' | 'onError' | 'onVerified' | 'onCancel';

export function createStepUpController(initial: StepUpControllerOptions): StepUpController {
  let options = initial;
  const generatedId = newCorrelationId();
  let snapshot: StepUpSnapshot = {
    state: initialState(
      normalizeStepUpOptions(initial.stepUpOptions as unknown[]),
      (o) => (o.isOtp || !!initial.offersOutOfBand?.(o)) && (!initial.methods || initial.methods.includes(o.method)),
    ),
    codeFocus: 0,
    choiceFocus: 0,
  };
  const listeners = new Set<StepUpListener>();
  /**
   * The one guard against duplicate and stale calls: the call in flight, set exactly while the state is
   * busy. An answer counts only if its call is still this one; leaving the busy state abandons it.
   */
  let inFlight: AbortController | null = null;
  let connected = false;
  let clock: ReturnType<typeof setTimeout> | undefined;
  let setupReported = false;

  const now = () => (options.now ?? Date.now)();
  const clientCorrelationId = () => options.clientCorrelationId ?? generatedId;
  /** Runs a merchant callback; one that throws is reported to the page, never breaks the step-up. */
  const tell = <K extends Callback>(name: K, ...args: Parameters<NonNullable<StepUpControllerOptions[K]>>) =>
    safely(() => (options[name] as ((...a: typeof args) => void) | undefined)?.(...args));

  function apply(event: StepUpEvent): boolean {
    const previous = snapshot;
    const state = transition(previous.state, event);
    if (state === previous.state) return false;
    snapshot = {
      state,
      codeFocus: previous.codeFocus + (state.status === 'code-entry' && inGroup(previous.state, 'busy') ? 1 : 0),
      choiceFocus: previous.choiceFocus + (state.status === 'choosing' && previous.state.status !== 'choosing' ? 1 : 0),
    };
    if (!inGroup(state, 'busy')) abandon();
    armClock();
    for (const listener of [...listeners]) listener(snapshot, previous);
    // the merchant hears of the change: its status, then the failure, the success or the cancel
    if (state.status !== previous.state.status) tell('onStatusChange', state.status, state);
    const error = currentError(state);
    if (error && error !== currentError(previous.state)) tell('onError', error);
    else if (state.status === 'expired' && !error) tell('onError', new StepUpError('expired', 'clock', 'the code expired'));
    else if (state.status === 'verified')
      tell('onVerified', { response: state.response, stepUpOption: state.code.option, clientCorrelationId: clientCorrelationId() });
    else if (state.status === 'cancelled') tell('onCancel');
    return true;
  }

  function abandon(): void {
    inFlight?.abort();
    inFlight = null;
  }

  function armClock(): void {
    clearTimeout(clock);
    const { state } = snapshot;
    if (!connected || !inGroup(state, 'expirable') || state.code.expiresAt === undefined) return;
    // at most the longest wait setTimeout keeps; a timer that fires early (a far deadline, an injected
    // clock) waits again
    clock = setTimeout(() => checkClock() || armClock(), Math.min(2 ** 31 - 1, Math.max(0, state.code.expiresAt - now())));
  }

  function checkClock(): boolean {
    return connected && apply({ type: 'EXPIRE', now: now() });
  }

  /** A failed call, or one that answered with something that is not a Visa answer. */
  function failed(sending: boolean, error: StepUpError): void {
    apply(sending ? { type: 'SEND_FAILED', error } : { type: 'VERIFY_FAILED', error, now: now() });
  }

  /** Starts the call the state now waits for; `otp` only for a check. */
  function startCall(otp?: string): void {
    const { state } = snapshot;
    if (!inGroup(state, 'busy')) return;
    const sending = state.status === 'sending';
    const operation = sending ? 'create-otp' : 'validate-otp';
    const { tokenId, backend } = options;
    const variables = {
      clientCorrelationId: clientCorrelationId(),
      stepUpOption: { id: (sending ? state.option : state.code.option).id },
      ...(tokenId ? { tokenId } : {}),
    };
    // the request, and with it the code, is handed to the backend once and kept nowhere else
    let body: CreateOtpRequest | ValidateOtpRequest | null = otp === undefined ? variables : { ...variables, otp };
    const call = (inFlight = new AbortController());
    const { signal } = call;
    const run = () => {
      const sent = body;
      body = null;
      // a backend that ignores the signal must not hold up the next call
      return untilAborted(() => {
        if (!sent) throw new Error('already called');
        return backend[sending ? 'createOtp' : 'validateOtp'](sent as ValidateOtpRequest, { signal });
      }, signal);
    };
    const call$ = { operation, stepUpId: clientCorrelationId(), variables, run } as const;
    new Promise<unknown>((resolve) => resolve(options.runCall ? options.runCall(call$) : run())).then(
      (answer) => {
        if (inFlight !== call) return;
        inFlight = null;
        const at = now();
        const parsed = sending
          ? normalizeCreateOtpResponse(answer, options.codeExpirationUnit ?? 'auto', at)
          : normalizeValidateOtpResponse(answer);
        if (!parsed.ok) failed(sending, malformedResponseError(operation, parsed.reason, answer));
        else if (sending) apply({ type: 'SEND_SUCCEEDED', grant: parsed.value as OtpGrant, receivedAt: at });
        else apply({ type: 'VERIFY_SUCCEEDED', response: parsed.value as Record<string, unknown> });
      },
      (reason: unknown) => {
        if (inFlight !== call) return;
        inFlight = null;
        failed(sending, toStepUpError(reason, operation, options.classifyError));
      },
    );
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
      // an option that sends no code is completed by `stepup-kit/out-of-band`, never sent to
      const option = state.options.find((o) => o.id === optionId && o.isOtp);
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
        tell('onError', new StepUpError('no-otp-options', 'setup', 'no OTP option offered'));
      }
      // shown again after <Activity> hid it: the call stopped meanwhile counts as failed, and Try again repeats it
      if (inGroup(state, 'busy') && !inFlight) {
        const sending = state.status === 'sending';
        failed(sending, new StepUpError('unknown', sending ? 'create-otp' : 'validate-otp', 'stopped while hidden'));
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

/** Runs a merchant's callback; one that throws is reported to the page, never breaks the step-up. */
export function safely(callback: () => void): void {
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
