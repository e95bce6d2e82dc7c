// @vitest-environment node
/**
 * The out-of-band controller against a random backend (answers of every status, malformed ones, every HTTP
 * status and transport failure, hangs) and random cardholder actions, bank answers and clock jumps on fake
 * timers. After every step: at most one call in flight, `onVerified` once and only after a verifying answer,
 * no call or callback after disconnect, the bank's code never in state or a callback, no tight loop of
 * checks, and never a dead end.
 */
import { fc, it } from '@fast-check/vitest';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { StepUpBackendError, normalizeStepUpOptions, type StepUpBackend } from '../../src/core/index';
import { createOutOfBandController, type IssuerAnswer } from '../../src/out-of-band/controller';

const RUNS = Number(process.env.STEPUP_OOB_RUNS ?? 1_000);
const CODE = 'BANK-CODE-7f3a';
const options = normalizeStepUpOptions([
  { id: 'app-1', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'ANDROID', source: 'com.acme' },
  { id: 'web-1', method: 'APP_TO_APP', platformType: 'WEB', subMethod: '3DS', source: 'https://bank.example/a2a' },
  { id: 'cs-1', method: 'CUSTOMER_SERVICE', value: '1-800-555-1212' },
  { id: 'oc-1', method: 'OUTBOUND_CALL', value: '***-***-1234' },
]);

type Reply =
  | { ok: unknown }
  | { http: number; body: unknown }
  | { transport: 'network' | 'timeout' | 'malformed' | 'aborted' }
  | { hang: true };

const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({ ok: fc.oneof(
    fc.constantFrom('verified', 'pending', 'declined', 'expired', 'maybe').map((status) => ({ status })),
    fc.constant({ action: 'AUTHENTICATION_REGISTRATION' }),
    fc.record({ notified: fc.boolean(), maxRequestsAllowed: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant('x')) }),
    fc.constantFrom(null, [], 'OK', 42),
  ) }),
  fc.record({
    http: fc.constantFrom(400, 403, 404, 409, 429, 500, 502, 503),
    body: fc.constantFrom(undefined, {}, { error: { kind: 'invalid-otp' } }, { error: { kind: 'expired' } }, { error: { kind: 'rate-limited' } }),
  }),
  fc.record({ transport: fc.constantFrom('network' as const, 'timeout' as const, 'malformed' as const, 'aborted' as const) }),
  fc.constant({ hang: true as const }),
);

type Action =
  | { type: 'check' }
  | { type: 'visible' }
  | { type: 'answer'; answer: IssuerAnswer }
  | { type: 'popupBlocked' }
  | { type: 'windowClosed' }
  | { type: 'callAgain' }
  | { type: 'retry' }
  | { type: 'settle'; reply: Reply }
  | { type: 'wait'; ms: number }
  | { type: 'disconnect' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom<Action>({ type: 'check' }, { type: 'visible' }, { type: 'popupBlocked' }, { type: 'windowClosed' }, { type: 'callAgain' }, { type: 'retry' }),
  fc.record({
    type: fc.constant('answer' as const),
    answer: fc.record({ response: fc.constantFrom(undefined, 'approved', 'declined', 'failure'), authCode: fc.constantFrom(undefined, CODE) }, { requiredKeys: [] }),
  }),
  fc.record({ type: fc.constant('settle' as const), reply }),
  fc.record({ type: fc.constant('settle' as const), reply }),
  fc.record({ type: fc.constant('wait' as const), ms: fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 30_000, max: 700_000 })) }),
  fc.constant<Action>({ type: 'disconnect' }),
);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 11, 1, 12));
});
afterEach(() => vi.useRealTimers());

it.prop(
  [fc.constantFrom(...options), fc.boolean(), fc.boolean(), fc.array(action, { maxLength: 30 })],
  { numRuns: RUNS },
)('holds its invariants over random runs', async (option, withSelection, withIssuerCode, actions) => {
  interface Call { operation: string; signal: AbortSignal; settled: boolean; resolve(v: unknown): void; reject(e: unknown): void; at: number; mine: boolean }
  const calls: Call[] = [];
  let userAsked = false;
  const make = (operation: string) => (_: unknown, { signal }: { signal: AbortSignal }) =>
    new Promise((resolve, reject) => {
      calls.push({ operation, signal, settled: false, resolve, reject, at: Date.now(), mine: userAsked });
    });
  const backend = {
    createOtp: make('create-otp'),
    validateOtp: make('validate-otp'),
    checkStepUp: make('check'),
    ...(withSelection ? { submitSelection: make('selection') } : {}),
    ...(withIssuerCode ? { validateIssuerCode: make('issuer-code') } : {}),
  } as unknown as StepUpBackend;
  const told: unknown[][] = [];
  let verifiedAnswers = 0;
  const onVerified = vi.fn((...args: unknown[]) => told.push(args));
  const onError = vi.fn((...args: unknown[]) => told.push(args));
  const onStatusChange = vi.fn((...args: unknown[]) => told.push(args));
  const controller = createOutOfBandController({ option: option!, backend, clientCorrelationId: 'c', onVerified, onError, onStatusChange });
  let stop: (() => void) | undefined = controller.connect();
  let callsAtStop = -1;
  let toldAtStop = -1;

  const open = () => calls.filter((c) => !c.settled && !c.signal.aborted);
  for (const step of actions) {
    userAsked = ['check', 'visible', 'answer', 'windowClosed', 'callAgain', 'retry'].includes(step.type);
    switch (step.type) {
      case 'settle': {
        const call = open().at(-1);
        if (!call || 'hang' in step.reply) break;
        call.settled = true;
        const r = step.reply;
        if ('ok' in r) {
          const status = (r.ok as { status?: unknown } | null)?.status;
          if ((call.operation === 'check' && status === 'verified') || (call.operation === 'issuer-code' && r.ok !== null && typeof r.ok === 'object' && !Array.isArray(r.ok)))
            verifiedAnswers += 1;
          call.resolve(r.ok);
        } else if ('http' in r) call.reject(new StepUpBackendError('http', 'refused', { status: r.http, body: r.body }));
        else call.reject(new StepUpBackendError(r.transport, r.transport));
        await vi.advanceTimersByTimeAsync(0);
        break;
      }
      case 'wait':
        await vi.advanceTimersByTimeAsync(step.ms);
        break;
      case 'disconnect':
        stop?.();
        stop = undefined;
        callsAtStop = calls.length;
        toldAtStop = told.length;
        break;
      case 'answer':
        controller.answer(step.answer);
        break;
      default:
        controller[step.type]();
    }
    userAsked = false;
    const state = controller.getSnapshot();
    // at most one call in flight
    expect(open().length).toBeLessThanOrEqual(1);
    // onVerified once, and only after an answer that verifies
    expect(onVerified.mock.calls.length).toBeLessThanOrEqual(1);
    if (onVerified.mock.calls.length) expect(verifiedAnswers).toBeGreaterThanOrEqual(1);
    if (state.status === 'verified') expect(onVerified).toHaveBeenCalledTimes(1);
    // nothing after disconnect
    if (!stop) {
      expect(calls.length).toBe(callsAtStop);
      expect(told.length).toBe(toldAtStop);
    }
    // the bank's code is handed to the backend once and kept nowhere
    expect(JSON.stringify(state)).not.toContain(CODE);
    expect(JSON.stringify(told, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message } : v))).not.toContain(CODE);
    expect(calls.filter((c) => c.operation === 'issuer-code').length).toBeLessThanOrEqual(actions.filter((a) => a.type === 'answer' && a.answer.authCode).length);
    // calls left is a count, never negative or NaN
    if (state.callsLeft !== undefined) expect(Number.isInteger(state.callsLeft) && state.callsLeft >= 0).toBe(true);
    // never a dead end: a live way offers a check, a retry or is busy with a call that will settle or can be left
    if (stop && (state.status === 'waiting')) expect(open().length === 0).toBe(true);
    if (stop && ['checking', 'confirming', 'notifying'].includes(state.status)) expect(open().length).toBe(1);
  }
  // no tight loop: checks nobody asked for are at least 5 s apart
  const own = calls.filter((c) => c.operation === 'check' && !c.mine).map((c) => c.at);
  for (let i = 1; i < own.length; i++) expect(own[i]! - own[i - 1]!).toBeGreaterThanOrEqual(5000);
  stop?.();
});
