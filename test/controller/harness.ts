/**
 * A scripted backend and a recorder for driving the step-up controller without React: each call takes the
 * next behaviour of its script (answer, fail, hang until aborted, or hang whatever the signal says) after
 * a delay on the fake clock, and every call, signal and merchant callback is kept for the invariants.
 */
import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import {
  StepUpBackendError,
  createStepUpController,
  type StepUpBackend,
  type StepUpController,
  type StepUpControllerOptions,
  type StepUpError,
  type StepUpState,
} from '../../src';
import { mutationRunner } from '../../src/react/mutation-runner';

export type Behaviour =
  | { type: 'answer'; value: unknown; after: number }
  | { type: 'fail'; reason: Rejection; after: number }
  /** Pending until its signal aborts, then rejects with an AbortError, like fetch. */
  | { type: 'hang' }
  /** Never settles, abort or not: a merchant backend that ignores the signal. */
  | { type: 'ignore-abort' };

/** A rejection, as data so that fast-check can print and shrink it. */
export type Rejection =
  | { http: number; body: unknown }
  | { transport: 'network' | 'timeout' | 'malformed' | 'aborted' }
  | { plain: string };

export function toReason(rejection: Rejection): unknown {
  if ('http' in rejection) return new StepUpBackendError('http', `answered ${rejection.http}`, { status: rejection.http, body: rejection.body });
  if ('transport' in rejection) return new StepUpBackendError(rejection.transport, rejection.transport);
  return new Error(rejection.plain);
}

export interface RecordedCall {
  operation: 'createOtp' | 'validateOtp';
  request: Record<string, unknown>;
  signal: AbortSignal;
  settled: boolean;
  /** What the call settled with, if it did. */
  outcome?: 'answer' | 'fail';
  value?: unknown;
}

export interface Script {
  createOtp: Behaviour[];
  validateOtp: Behaviour[];
}

export const OPTIONS = [
  { id: 'sms', method: 'OTP_SMS', value: '***-***-1234' },
  { id: 'email', method: 'OTP_EMAIL', value: 'j***@example.com' },
];

/** A controller on a scripted backend, connected, with every callback and call recorded. */
export function harness(script: Script, overrides: Partial<StepUpControllerOptions> & { tanstack?: boolean } = {}) {
  const calls: RecordedCall[] = [];
  const errors: StepUpError[] = [];
  const verified: unknown[] = [];
  const statuses: Array<[string, StepUpState]> = [];
  let cancels = 0;
  const cursor = { createOtp: 0, validateOtp: 0 };

  function call(operation: RecordedCall['operation'], request: object, signal: AbortSignal): Promise<never> {
    const recorded: RecordedCall = { operation, request: request as Record<string, unknown>, signal, settled: false };
    calls.push(recorded);
    const list = script[operation];
    const behaviour: Behaviour = list[cursor[operation]++] ?? { type: 'hang' };
    return new Promise((resolve, reject) => {
      const settle = (outcome: 'answer' | 'fail', value: unknown) => {
        if (recorded.settled) return;
        recorded.settled = true;
        recorded.outcome = outcome;
        recorded.value = value;
        if (outcome === 'answer') resolve(value as never);
        else reject(value);
      };
      if (behaviour.type === 'ignore-abort') return;
      signal.addEventListener('abort', () => settle('fail', new DOMException('aborted', 'AbortError')), { once: true });
      if (behaviour.type === 'hang') return;
      setTimeout(
        () => (behaviour.type === 'answer' ? settle('answer', behaviour.value) : settle('fail', toReason(behaviour.reason))),
        behaviour.after,
      );
    });
  }

  const backend: StepUpBackend = {
    createOtp: vi.fn((request, { signal }) => call('createOtp', request, signal)),
    validateOtp: vi.fn((request, { signal }) => call('validateOtp', request, signal)),
  };
  const { tanstack, ...options } = overrides;
  const controller: StepUpController = createStepUpController({
    stepUpOptions: OPTIONS,
    backend,
    onError: (error) => void errors.push(error),
    onVerified: (result) => void verified.push(result),
    onStatusChange: (status, state) => void statuses.push([status, state]),
    onCancel: () => void (cancels += 1),
    runCall: tanstack ? mutationRunner(new QueryClient()) : undefined,
    ...options,
  });
  const disconnect = controller.connect();
  return {
    controller,
    backend,
    calls,
    errors,
    verified,
    statuses,
    cancels: () => cancels,
    disconnect,
    state: () => controller.getSnapshot().state,
    /** Calls whose signal is not aborted and that have not settled. */
    inFlight: () => calls.filter((c) => !c.settled && !c.signal.aborted),
  };
}

export type Harness = ReturnType<typeof harness>;

/** Lets promise chains run (the runner, the backend's answer, the controller's handling). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 30; i += 1) await Promise.resolve();
}

/** Advances the fake clock, running due timers and the promise chains they start. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await flush();
}

/** Every string inside a value (object keys and strings of errors included), for looking for the code. */
export function stringsIn(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  if (value instanceof Error) out.push(value.message, ...stringsIn((value as { cause?: unknown }).cause, seen));
  for (const [key, child] of Object.entries(value)) out.push(key, ...stringsIn(child, seen));
  return out;
}
