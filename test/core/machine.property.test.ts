/**
 * The machine against a reference model: random event sequences (at least 10 000 a run), each event
 * applied to both, the states compared after every step, and the invariants of issue 10 checked. The
 * model restates the rules in the plainest terms, status by status, without the machine's status groups
 * or helpers, so that a slip in one does not hide in the other.
 */
import { fc, it } from '@fast-check/vitest';
import {
  StepUpError,
  attemptsLeft,
  availableActions,
  initialState,
  phaseOf,
  resendsLeft,
  transition,
  type OtpGrant,
  type StepUpErrorKind,
  type StepUpEvent,
  type StepUpState,
  type StepUpStatus,
} from '../../src/core';
import { T0, email, notOffered, sms } from './fixtures';

const MACHINE_SEQUENCES = 10_000;

/** The model's state: the same facts as the machine's, as plain values. */
interface Model {
  status: StepUpStatus;
  sends: number;
  max?: number;
  /** The option being sent to, while sending or after a failed send. */
  sendingTo?: string;
  resend?: boolean;
  code?: { option: string; expiresAt?: number; maxV?: number; failed: number };
  error?: StepUpErrorKind;
}

const KINDS: StepUpErrorKind[] = [
  'send-rejected', 'resends-exhausted', 'invalid-otp', 'attempts-exhausted', 'expired', 'code-unconfirmed',
  'rate-limited', 'server-error', 'network', 'timeout', 'malformed-response', 'unknown',
];

function modelOf(state: StepUpState): Model {
  const m: Model = { status: state.status, sends: state.sends, max: state.maxRequests };
  if ('option' in state) m.sendingTo = state.option.id;
  if ('resend' in state) m.resend = state.resend;
  if ('code' in state && state.code)
    m.code = { option: state.code.option.id, expiresAt: state.code.expiresAt, maxV: state.code.maxVerifications, failed: state.code.failedAttempts };
  if ('error' in state && state.error) m.error = state.error.kind;
  return m;
}

const offered = (id: string) => id === sms.id || id === email.id;

/** The rules of a step-up, one status at a time; `same` when the event does not apply. */
function step(m: Model, e: StepUpEvent): Model | 'same' {
  const left = m.max === undefined ? Infinity : Math.max(0, m.max - m.sends);
  const keep = { sends: m.sends, max: m.max };
  const expired = (now: number | undefined) => now !== undefined && m.code?.expiresAt !== undefined && now >= m.code.expiresAt;
  switch (e.type) {
    case 'SEND':
      if (left === 0 || !offered(e.option.id)) return 'same';
      if (m.status === 'choosing') return { ...keep, status: 'sending', sendingTo: e.option.id, resend: false };
      if (m.status === 'send-failed' && e.option.id === m.sendingTo)
        return { ...keep, status: 'sending', sendingTo: m.sendingTo, resend: m.resend, code: m.code };
      return 'same';
    case 'RESEND':
      if (!['code-entry', 'verify-failed', 'attempts-exhausted', 'expired'].includes(m.status) || left === 0) return 'same';
      return { ...keep, status: 'sending', sendingTo: m.code!.option, resend: true, code: m.code };
    case 'SEND_SUCCEEDED':
      if (m.status !== 'sending') return 'same';
      return {
        status: 'code-entry',
        sends: m.sends + 1,
        max: e.grant.maxRequests ?? m.max,
        code: { option: m.sendingTo!, expiresAt: e.grant.expiresAt, maxV: e.grant.maxVerifications, failed: 0 },
      };
    case 'SEND_FAILED':
      if (m.status !== 'sending') return 'same';
      return {
        sends: m.sends,
        max: e.error.kind === 'resends-exhausted' ? m.sends : m.max,
        status: 'send-failed',
        sendingTo: m.sendingTo,
        resend: m.resend,
        code: m.code,
        error: e.error.kind,
      };
    case 'SUBMIT':
      if (m.status !== 'code-entry' && m.status !== 'verify-failed') return 'same';
      if (expired(e.now)) return { ...keep, status: 'expired', code: m.code };
      if (m.code!.maxV !== undefined && m.code!.failed >= m.code!.maxV) return { ...keep, status: 'attempts-exhausted', code: m.code };
      return { ...keep, status: 'verifying', code: m.code };
    case 'VERIFY_SUCCEEDED':
      return m.status === 'verifying' ? { ...keep, status: 'verified', code: m.code } : 'same';
    case 'VERIFY_FAILED': {
      if (m.status !== 'verifying') return 'same';
      const kind = e.error.kind;
      let next: Model;
      if (kind === 'invalid-otp' || kind === 'attempts-exhausted') {
        const code = { ...m.code!, failed: m.code!.failed + 1 };
        const spent = kind === 'attempts-exhausted' || (code.maxV !== undefined && code.failed >= code.maxV);
        next = spent
          ? { ...keep, status: 'attempts-exhausted', code, error: 'attempts-exhausted' }
          : { ...keep, status: 'code-entry', code, error: kind };
      } else if (kind === 'expired' || kind === 'code-unconfirmed') {
        return { ...keep, status: 'expired', code: m.code, error: kind };
      } else {
        next = { ...keep, status: 'verify-failed', code: m.code, error: kind };
      }
      // an answer after the deadline: the code is dead whatever it said
      if (e.now !== undefined && next.code!.expiresAt !== undefined && e.now >= next.code!.expiresAt)
        return { ...keep, status: 'expired', code: next.code };
      return next;
    }
    case 'RETRY':
      if (m.status === 'send-failed') return left === 0 ? 'same' : { ...keep, status: 'sending', sendingTo: m.sendingTo, resend: m.resend, code: m.code };
      if (m.status === 'verify-failed') return { ...keep, status: 'verifying', code: m.code };
      return 'same';
    case 'EXPIRE':
      if (!['code-entry', 'verify-failed', 'attempts-exhausted'].includes(m.status) || !expired(e.now)) return 'same';
      return { ...keep, status: 'expired', code: m.code };
    case 'CHANGE_METHOD':
      if (['no-options', 'choosing', 'verifying', 'verified', 'cancelled'].includes(m.status)) return 'same';
      return { ...keep, status: 'choosing' };
    case 'CANCEL':
      if (m.status === 'verified' || m.status === 'cancelled') return 'same';
      return { ...keep, status: 'cancelled' };
  }
}

/** The facts of a model as one string: keys sorted, undefined values left out, so the two forms compare. */
function canon(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}:${canon(v)}`).join(',')}}`;
}

/** A run: fixed limits for every grant (or none), and events with times that only go forward. */
const run = fc.record({
  maxRequests: fc.constantFrom(undefined, 1, 2, 3),
  maxVerifications: fc.constantFrom(undefined, 1, 2, 3),
  lifetime: fc.constantFrom(undefined, 30_000, 60_000, 300_000),
  start: fc.constantFrom<'choosing' | 'no-options'>('choosing', 'choosing', 'choosing', 'no-options'),
  events: fc.array(
    fc.record({
      type: fc.constantFrom<StepUpEvent['type']>(
        'SEND', 'SEND', 'RESEND', 'SEND_SUCCEEDED', 'SEND_SUCCEEDED', 'SEND_FAILED', 'SUBMIT', 'SUBMIT',
        'VERIFY_SUCCEEDED', 'VERIFY_FAILED', 'VERIFY_FAILED', 'RETRY', 'EXPIRE', 'CHANGE_METHOD', 'CANCEL',
      ),
      option: fc.constantFrom(sms, email, notOffered),
      kind: fc.constantFrom(...KINDS),
      elapsed: fc.constantFrom(0, 1_000, 20_000, 61_000),
      withTime: fc.boolean(),
    }),
    { maxLength: 30 },
  ),
});

type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

function toEvent(raw: Run["events"][number], now: number, r: Run): StepUpEvent {
  const operation = raw.type.startsWith('SEND') ? 'create-otp' : 'validate-otp';
  const error = new StepUpError(raw.kind, operation, raw.kind);
  const grant: OtpGrant = {
    maxRequests: r.maxRequests,
    maxVerifications: r.maxVerifications,
    expiresAt: r.lifetime === undefined ? undefined : now + r.lifetime,
  };
  switch (raw.type) {
    case 'SEND':
      return { type: 'SEND', option: raw.option };
    case 'SEND_SUCCEEDED':
      return { type: 'SEND_SUCCEEDED', grant, receivedAt: now };
    case 'SEND_FAILED':
      return { type: 'SEND_FAILED', error };
    case 'SUBMIT':
    case 'EXPIRE':
      return { type: raw.type, now };
    case 'VERIFY_SUCCEEDED':
      return { type: 'VERIFY_SUCCEEDED', response: { action: 'AUTHENTICATION_REGISTRATION' } };
    case 'VERIFY_FAILED':
      return raw.withTime ? { type: 'VERIFY_FAILED', error, now } : { type: 'VERIFY_FAILED', error };
    default:
      return { type: raw.type } as StepUpEvent;
  }
}

/** A failed check, cheap enough for hundreds of thousands of steps (no matcher per step). */
function check(ok: boolean, what: string, detail?: unknown): void {
  if (!ok) throw new Error(detail === undefined ? what : `${what}: ${JSON.stringify(detail)}`);
}

function checkSelectors(state: StepUpState): void {
  for (const n of [attemptsLeft(state), resendsLeft(state)]) {
    if (n !== undefined) check(n >= 0 && !Number.isNaN(n), 'a count left is negative or NaN', n);
  }
  check(Array.isArray(availableActions(state)) && Boolean(phaseOf(state)), 'a selector failed');
}

it.prop([run], { numRuns: MACHINE_SEQUENCES })('the machine follows the reference model and keeps its invariants', (r) => {
  let state = initialState(r.start === 'choosing' ? [sms, email] : []);
  let model = modelOf(state);
  let now = T0;
  for (const raw of r.events) {
    now += raw.elapsed;
    const event = toEvent(raw, now, r);
    const expected = step(model, event);
    const next = transition(state, event);
    if (expected === 'same') {
      // an event that does not apply gives back the very same object; a final state never changes
      check(next === state, `${event.type} should not apply in ${state.status}`, canon(modelOf(next)));
    } else {
      check(next !== state, `${event.type} should apply in ${state.status}`);
      const got = canon(modelOf(next));
      check(got === canon(expected), `${event.type} from ${state.status}: model ${canon(expected)}, machine`, got);
      check(state.status !== 'verified' && state.status !== 'cancelled', 'a final state changed');
    }
    // a send starts only with a send left; with the limit in every answer, sends never pass it
    if (next.status === 'sending' && state.status !== 'sending') check(resendsLeft(state) !== 0, 'a send started with none left');
    if (r.maxRequests !== undefined) check(next.sends <= r.maxRequests, 'more sends than allowed', next.sends);
    // refused checks of one code never pass the attempts it was given
    if ('code' in next && next.code?.maxVerifications !== undefined)
      check(next.code.failedAttempts <= next.code.maxVerifications, 'more refused checks than attempts', next.code);
    checkSelectors(next);
    state = next;
    model = modelOf(state);
  }
}, 60_000);
