import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { StepUpOtp } from '../src';
import type { CreateOtpResponse, StepUpBackend } from '../src';
import type { RenderLog } from './support/dom';
import { createVirtualTime } from './support/virtual-time';

/**
 * Renders, counted on the real `<StepUpOtp>` through React's commit hook (which components ran in each
 * commit) and a `<Profiler>` (how many commits): a countdown tick, a keystroke, and the way from the
 * last digit to the validate call.
 */
const log = (globalThis as { __renderLog?: RenderLog }).__renderLog!;
const OPTIONS = [
  { id: 'sms', method: 'OTP_SMS', value: '***-***-1234' },
  { id: 'email', method: 'OTP_EMAIL', value: 'j***@example.com' },
];

export default async function renders() {
  const time = createVirtualTime(Date.UTC(2026, 10, 25, 12));
  time.install();
  let validateAt: { commits: number; timers: number; renders: string } | undefined;
  let validateCalls = 0;
  let profilerCommits = 0;
  const backend: StepUpBackend = {
    createOtp: async (): Promise<CreateOtpResponse> => ({ maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 }),
    validateOtp: () => {
      validateCalls += 1;
      validateAt = { commits: profilerCommits, timers: time.scheduled(), renders: [...log.renders].map(([n, c]) => `${n}×${c}`).join(', ') };
      return new Promise(() => {}); // stays pending: the bench stops at the call
    },
  };
  const flush = async () => {
    await act(async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });
  };
  try {
    render(
      <Profiler id="step-up" onRender={() => void (profilerCommits += 1)}>
        <StepUpOtp stepUpOptions={OPTIONS} backend={backend} now={time.now} />
      </Profiler>,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    await flush();
    await act(async () => time.advance(0));
    await flush();
    const input = screen.getByLabelText('Verification code') as HTMLInputElement;

    // 1. ten seconds of ticks while the code is pending (ticks fire 1 ms after each whole second)
    await act(async () => time.advance(1));
    log.reset();
    const before = profilerCommits;
    for (let s = 0; s < 10; s++) await act(async () => time.advance(1000));
    const tickCommits = profilerCommits - before;
    const tickRenders = Object.fromEntries(log.renders);
    const countdownRenders = tickRenders.Countdown ?? 0;
    const otherRenders = Object.entries(tickRenders).filter(([name]) => name !== 'Countdown');

    // 2. one keystroke
    log.reset();
    const beforeKey = profilerCommits;
    await act(async () => void fireEvent.change(input, { target: { value: '1' } }));
    const keyCommits = profilerCommits - beforeKey;
    const keyRenders = [...log.renders].map(([n, c]) => `${n}×${c}`).join(', ');

    // 3. the last digit: commits and timers between the keystroke and the validate call
    await act(async () => void fireEvent.change(input, { target: { value: '12345' } }));
    const beforeLast = { commits: profilerCommits, timers: time.scheduled() };
    log.reset();
    await act(async () => void fireEvent.change(input, { target: { value: '123456' } }));
    await flush();
    const betweenCommits = validateAt ? validateAt.commits - beforeLast.commits : NaN;
    const betweenTimers = validateAt ? validateAt.timers - beforeLast.timers : NaN;

    return [
      {
        name: 'countdown tick: component renders per second',
        value: `${(countdownRenders / 10).toFixed(1)}`,
        budget: '1',
        ok: countdownRenders === 10,
        detail: `Countdown rendered ${countdownRenders}× in 10 ticks; ${tickCommits} commits`,
      },
      {
        name: 'countdown tick: renders of the form, channels, code field, buttons',
        value: String(otherRenders.reduce((n, [, c]) => n + c, 0)),
        budget: '0',
        ok: otherRenders.length === 0,
        detail: otherRenders.length ? otherRenders.map(([n, c]) => `${n}×${c}`).join(', ') : 'only Countdown ran',
      },
      {
        name: 'one keystroke in the code field: commits',
        value: String(keyCommits),
        budget: '≤ 1',
        ok: keyCommits <= 1,
        detail: `components rendered: ${keyRenders}; input-otp alone commits 2× per change (its selection sync)`,
      },
      {
        name: 'last digit → validateOtp: timers waited for',
        value: '0',
        budget: '0',
        ok: validateCalls === 1,
        detail: `no virtual time passed and validateOtp was called ${validateCalls}× (${betweenTimers} timers were scheduled by TanStack Query and input-otp, none awaited)`,
      },
      {
        name: 'last digit → validateOtp: commits before the call',
        value: String(betweenCommits),
        budget: '≤ 1',
        ok: betweenCommits <= 1,
        detail: `the keystroke's own commit shows "Checking…"; renders: ${validateAt?.renders ?? 'none'}`,
      },
    ];
  } finally {
    cleanup();
    time.uninstall();
  }
}
