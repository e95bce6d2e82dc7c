// @vitest-environment node
/**
 * The controller against a random backend (answers, every error kind and HTTP status, malformed answers,
 * hangs until aborted or for ever), random cardholder actions and clock jumps on fake timers. After every
 * step the invariants of issue 10 must hold. A counter-example found here is kept as a named test in
 * controller-regressions.test.ts.
 */
import { fc, it } from '@fast-check/vitest';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { StepUpErrorKind } from '../../src';
import { harness, type Behaviour, type Rejection, type Script } from './harness';
import { play, type Action } from './invariants';

const START = Date.UTC(2026, 2, 2, 9);
/** Runs of the property; each is a fresh step-up of up to 25 steps. */
const CONTROLLER_RUNS = Number(process.env.STEPUP_CONTROLLER_RUNS ?? 1_000);

const ROUTE_KINDS = [
  'invalid-otp', 'expired', 'attempts-exhausted', 'resends-exhausted', 'send-rejected', 'rate-limited',
  'code-unconfirmed', 'option-not-issued', 'no-step-up', 'no-session', 'code-not-sent', 'upstream-timeout',
  'busy', 'store-unavailable', 'upstream-error', 'upstream-unreachable', 'already-verified', 'bad-request',
  'not-found', 'something-new',
];
const KINDS: StepUpErrorKind[] = [
  'no-otp-options', 'send-rejected', 'resends-exhausted', 'invalid-otp', 'attempts-exhausted', 'expired',
  'code-unconfirmed', 'rate-limited', 'server-error', 'network', 'timeout', 'malformed-response', 'unknown',
];

const body = fc.oneof(
  fc.constant(undefined),
  fc.constant('plain text'),
  fc.constant({ errors: [{ type: 'invalidFields', message: 'Invalid OTP' }] }),
  fc.constant({ errors: [{ type: 'invalidFields', message: 'The OTP has expired' }] }),
  fc.constant({ errors: [{ type: 'forbidden', message: 'OTP request limit exceeded' }] }),
  fc.constantFrom(...ROUTE_KINDS).map((kind) => ({ error: { kind, message: 'refused' } })),
);
const rejection: fc.Arbitrary<Rejection> = fc.oneof(
  fc.record({ http: fc.constantFrom(400, 401, 403, 404, 405, 408, 409, 413, 429, 500, 502, 503, 504), body }),
  fc.record({ transport: fc.constantFrom('network' as const, 'timeout' as const, 'malformed' as const, 'aborted' as const) }),
  fc.record({ plain: fc.constant('boom') }),
);
const after = fc.constantFrom(0, 10, 500, 5_000, 70_000);
const malformed = fc.constantFrom<unknown>([], null, 'OK', 42, true);
const grant = fc.record(
  {
    maxRequestsAllowed: fc.constantFrom<unknown>(0, 1, 2, 3, '2', 'x'),
    maxVerificationAllowed: fc.constantFrom<unknown>(0, 1, 2, '3'),
    codeExpiration: fc.constantFrom<unknown>(0, 1, 2, 90, 'soon'),
  },
  { requiredKeys: [] },
);

function behaviour(answer: fc.Arbitrary<unknown>): fc.Arbitrary<Behaviour> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constant('answer' as const), value: answer, after }) },
    { weight: 4, arbitrary: fc.record({ type: fc.constant('fail' as const), reason: rejection, after }) },
    { weight: 1, arbitrary: fc.constant({ type: 'hang' as const }) },
    { weight: 1, arbitrary: fc.constant({ type: 'ignore-abort' as const }) },
  );
}

const script: fc.Arbitrary<Script> = fc.record({
  createOtp: fc.array(behaviour(fc.oneof({ weight: 3, arbitrary: grant }, { weight: 1, arbitrary: malformed })), { maxLength: 6 }),
  validateOtp: fc.array(
    behaviour(fc.oneof({ weight: 3, arbitrary: fc.constant({ action: 'AUTHENTICATION_REGISTRATION' }) }, { weight: 1, arbitrary: malformed })),
    { maxLength: 8 },
  ),
});

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('send' as const), option: fc.constantFrom('sms' as const, 'email' as const, 'unknown' as const) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('submit' as const, 'retry' as const), whole: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constantFrom<Action>({ type: 'resend' }, { type: 'change-method' }, { type: 'check-clock' }) },
  { weight: 1, arbitrary: fc.constantFrom<Action>({ type: 'cancel' }, { type: 'dispose' }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('wait' as const), ms: fc.constantFrom(0, 10, 500, 5_000, 30_000, 61_000) }) },
);

const classifier = fc.constantFrom<'default' | 'any-400-is-a-wrong-code' | StepUpErrorKind>('default', 'default', 'any-400-is-a-wrong-code', ...KINDS);

/** The code the cardholder types: 6 digits no other string of the step-up holds (ids are fixed, no UUID). */
const code = fc.stringMatching(/^[0-9]{6}$/);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

function classify(choice: 'default' | 'any-400-is-a-wrong-code' | StepUpErrorKind) {
  if (choice === 'default') return undefined;
  if (choice === 'any-400-is-a-wrong-code') return ({ status }: { status?: number }) => (status === 400 ? 'invalid-otp' : undefined);
  return () => choice;
}

it.prop([script, fc.array(action, { minLength: 1, maxLength: 25 }), code, classifier, fc.boolean()], { numRuns: CONTROLLER_RUNS })(
  'a step-up driven at random keeps every invariant',
  async (steps, actions, typed, choice, tanstack) => {
    vi.setSystemTime(START);
    const h = harness(steps, { clientCorrelationId: 'step-up-1', classifyError: classify(choice), tanstack });
    try {
      await play(h, actions, typed);
    } finally {
      h.disconnect();
      vi.clearAllTimers();
    }
  },
  60_000,
);
