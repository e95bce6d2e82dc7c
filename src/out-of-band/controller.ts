import { untilAborted } from '../core/abort.js';
import { CODE_KINDS, StepUpError, type BackendOperation } from '../core/errors.js';
import { safely } from '../controller/step-up-controller.js';
import { malformedResponseError, toStepUpError } from '../core/classify.js';
import { isRecord, parseLimit } from '../core/normalize.js';
import type { StepUpOption } from '../core/types.js';
import type { OutOfBandController, OutOfBandControllerOptions, OutOfBandState } from './controller-types.js';
import { wayOf, type OutOfBandWay } from './way.js';

export type {
  IssuerAnswer,
  OutOfBandController,
  OutOfBandControllerOptions,
  OutOfBandNotice,
  OutOfBandState,
  OutOfBandStatus,
  PollOptions,
} from './controller-types.js';


/**
 * One out-of-band step-up without React: its state, the one call in flight (a selection, a check or an issuer
 * code; a second is refused, a stale answer ignored), the backed-off poll, and the merchant's callbacks.
 */
export function createOutOfBandController(options: OutOfBandControllerOptions): OutOfBandController {
  const way = wayOf(options.option);
  if (!way) throw new TypeError(`stepup-kit: ${options.option.method} is not out of band`);
  const poll = { firstMs: 5000, factor: 1.5, maxMs: 30_000, stopAfterMs: 600_000, ...options.poll };
  const now = options.now ?? Date.now;
  const notifies = typeof options.backend.submitSelection === 'function';
  // what callbacks and state show of the option: never `source`, `requestPayload` or the raw item, which carry token data
  const { source: _source, requestPayload: _payload, raw: _raw, ...shown } = options.option;
  const option: StepUpOption = { ...shown, raw: { id: shown.id, method: shown.method, value: shown.value } };
  let state: OutOfBandState = { status: notifies ? 'notifying' : 'waiting', option, way, polling: !notifies };
  let reported = false;
  /** Whether the last call reached the backend (an abandoned one may have been made, or never started). */
  let reached = false;
  const listeners = new Set<() => void>();
  let inFlight: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connected = false;
  let waitingSince = 0;
  let delay = poll.firstMs;
  let calls = 0;

  const tell = <A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A) => safely(() => callback?.(...args));

  function set(next: Partial<OutOfBandState>): void {
    const previous = state;
    state = { ...previous, ...next };
    if (state.status !== 'checking' && state.status !== 'confirming' && state.status !== 'notifying') {
      inFlight?.abort();
      inFlight = null;
    }
    for (const listener of [...listeners]) listener();
    if (state.status !== previous.status) tell(options.onStatusChange, state.status, state);
    if (state.error && state.error !== previous.error) tell(options.onError, state.error);
  }

  /** Runs one call; its answer counts only while it is still the call in flight. */
  function call<T>(operation: BackendOperation, run: (signal: AbortSignal) => Promise<T>, settle: (ok: boolean, value: unknown) => void): void {
    const controller = new AbortController();
    inFlight?.abort();
    inFlight = controller;
    const variables = { clientCorrelationId: options.clientCorrelationId, stepUpOption: { id: options.option.id }, ...(options.tokenId ? { tokenId: options.tokenId } : {}) };
    reached = false;
    const made = () => untilAborted(() => ((reached = true), run(controller.signal)), controller.signal);
    const running = options.runCall ? options.runCall({ operation, stepUpId: options.clientCorrelationId, variables, run: made }) : made();
    running.then(
      (value) => inFlight === controller && settle(true, value),
      (error: unknown) => inFlight === controller && settle(false, error),
    );
  }

  /** A failure as the merchant and the cardholder see it; a check has no code, so a code's kinds say nothing of it. */
  function typed(error: unknown, operation: BackendOperation, as: BackendOperation): StepUpError {
    const seen = error instanceof StepUpError ? error : toStepUpError(error, as, options.classifyError);
    const kind = operation === 'check-step-up' && CODE_KINDS.includes(seen.kind) ? 'unknown' : seen.kind;
    return new StepUpError(kind, operation, seen.message.replace(as, operation), { status: seen.status, body: seen.body, cause: error });
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!connected || !state.polling || state.status !== 'waiting') return;
    const left = waitingSince + poll.stopAfterMs - now();
    const stopPolling = () => set({ polling: false, notice: state.notice ?? 'poll-stopped' });
    if (left <= 0) return stopPolling();
    // the last wait ends with the poll, not with a check past its time
    timer = setTimeout(() => {
      if (delay > left) return stopPolling();
      delay = Math.min(poll.maxMs, delay * poll.factor);
      startCheck(false);
    }, Math.min(delay, left));
  }

  function wait(next: Partial<OutOfBandState>): void {
    set({ status: 'waiting', ...next });
    schedule();
  }

  function notify(again: boolean): void {
    set({ status: 'notifying', notice: undefined, error: undefined });
    const request = { clientCorrelationId: options.clientCorrelationId, stepUpOption: { id: options.option.id }, ...(options.tokenId ? { tokenId: options.tokenId } : {}) };
    call('submit-selection', (signal) => options.backend.submitSelection!(request, { signal }), (ok, value) => {
      if (!ok) {
        const error = typed(value, 'submit-selection', 'create-otp');
        // a failed "ask again" leaves the first call's wait as it was (that call may still come)
        if (again) return wait({ error });
        // only a call from the bank needs the bank told; the other ways can still be completed
        if (way === 'bankCalls') return set({ status: 'notify-failed', error });
        tell(options.onError, error);
        return begin({});
      }
      const answer = isRecord(value) ? value : {};
      if (answer.notified !== false) calls += 1;
      const limit = parseLimit(answer.maxRequestsAllowed) ?? options.maxRequests;
      const callsLeft = limit === undefined ? undefined : Math.max(0, limit - (options.sends ?? 0) - calls);
      begin({ callsLeft, notice: again ? 'call-requested' : undefined });
    });
  }

  function begin(next: Partial<OutOfBandState>): void {
    waitingSince = now();
    delay = poll.firstMs;
    wait({ polling: true, ...next });
  }

  function startCheck(asked: boolean): boolean {
    if (!connected || state.status !== 'waiting' || !options.backend.checkStepUp) return false;
    clearTimeout(timer);
    // the kit's own check leaves the sentences on screen as they are; an answer keeps any that came meanwhile
    set(asked ? { status: 'checking', asked, notice: undefined, error: undefined } : { status: 'checking', asked });
    const request = { clientCorrelationId: options.clientCorrelationId, ...(options.tokenId ? { tokenId: options.tokenId } : {}) };
    call('check-step-up', (signal) => options.backend.checkStepUp!(request, { signal }), (ok, value) => {
      if (!ok) {
        const error = typed(value, 'check-step-up', 'validate-otp');
        // a check of its own that failed stays quiet and tries again later; too many requests stops the poll, and says so
        const stopped = state.polling && error.kind === 'rate-limited';
        const polling = state.polling && !stopped;
        if (!state.asked) return wait(stopped ? { polling, notice: 'poll-stopped' } : {});
        return wait({ error, polling });
      }
      const status = isRecord(value) ? value.status : undefined;
      if (status === 'verified') return verified(value as Record<string, unknown>);
      if (status === 'declined' || status === 'expired') return set({ status, notice: undefined, error: undefined, polling: false });
      if (status === 'pending') return wait(state.asked ? { notice: 'still-pending' } : {});
      const error = malformedResponseError('check-step-up', 'no status', value);
      return wait(state.asked ? { error } : {});
    });
    return true;
  }

  function verified(response: Record<string, unknown>): void {
    clearTimeout(timer);
    set({ status: 'verified', notice: undefined, error: undefined, polling: false });
    tell(options.onVerified, { response, stepUpOption: option, clientCorrelationId: options.clientCorrelationId });
  }

  function confirm(authCode: string): void {
    clearTimeout(timer);
    set({ status: 'confirming', notice: undefined, error: undefined });
    const request = {
      clientCorrelationId: options.clientCorrelationId,
      stepUpOption: { id: options.option.id },
      issuerAuthCode: authCode,
      ...(options.tokenId ? { tokenId: options.tokenId } : {}),
    };
    call('validate-issuer-code', (signal) => options.backend.validateIssuerCode!(request, { signal }), (ok, value) => {
      if (ok) return isRecord(value) ? verified(value) : wait({ error: malformedResponseError('validate-issuer-code', 'expected a JSON object', value) });
      const error = typed(value, 'validate-issuer-code', 'validate-otp');
      // the bank's code was refused: this way is spent; a failed call may still have gone through, so the checks go on
      if (CODE_KINDS.includes(error.kind)) return set({ status: 'declined', notice: 'code-refused', error: undefined, polling: false }), tell(options.onError, error);
      wait({ error });
    });
  }

  const waiting = () => connected && (state.status === 'waiting' || state.status === 'checking');

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect() {
      connected = true;
      if (!reported) tell(options.onStatusChange, state.status, state);
      // back from a hidden <Activity>: the call that was stopped is not made again on its own
      // (a call stopped before it reached the backend, as StrictMode's second mount does, is simply made)
      const stopped = reached && (state.status === 'checking' || state.status === 'confirming' || state.status === 'notifying');
      const resumed = stopped ? new StepUpError('unknown', state.status === 'notifying' ? 'submit-selection' : 'check-step-up', 'stopped while hidden') : undefined;
      reported = true;
      if (state.status === 'notifying' && resumed) way === 'bankCalls' ? set({ status: 'notify-failed', error: resumed }) : begin({});
      else if (state.status === 'notifying') notify(false);
      else if (state.status === 'confirming') begin({ error: resumed });
      else if (state.status === 'waiting' || state.status === 'checking') begin({});
      return () => {
        connected = false;
        clearTimeout(timer);
        inFlight?.abort();
        inFlight = null;
      };
    },
    check() {
      // a click while the kit's own check runs makes it the cardholder's: its answer is told
      if (connected && state.status === 'checking' && !state.asked) return set({ asked: true }), true;
      return startCheck(true);
    },
    visible: () => startCheck(false),
    answer({ response, authCode }) {
      if (!waiting()) return;
      if (response === 'declined') return set({ status: 'declined', notice: undefined, error: undefined, polling: false });
      // a code is checked whenever the bank sent one and did not say no
      if (authCode && response !== 'failure' && options.backend.validateIssuerCode) return confirm(authCode);
      // approved without a code: the bank's own backend was told; ask it. No answer at all: ask too.
      const notice = response === 'failure' ? 'failure' : response === 'approved' ? undefined : 'no-result';
      if (state.status === 'checking') return set({ notice });
      set({ notice });
      if (response !== 'failure') startCheck(false);
    },
    popupBlocked() {
      if (waiting()) set({ notice: 'popup-blocked' });
    },
    windowClosed() {
      if (!waiting()) return;
      set({ notice: 'window-closed' });
      startCheck(false);
    },
    callAgain() {
      const idle = state.status === 'waiting' || (state.status === 'checking' && !state.asked);
      if (!connected || way !== 'bankCalls' || !idle || state.callsLeft === 0 || !notifies) return false;
      notify(true);
      return true;
    },
    retry() {
      if (!connected || state.status !== 'notify-failed') return false;
      notify(false);
      return true;
    },
  };
}

export type { OutOfBandWay };
