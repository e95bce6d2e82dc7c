import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { StepUpOtp } from '../src';
import type { CreateOtpResponse, StepUpBackend } from '../src';
import type { RenderLog } from './support/dom';
import { createVirtualTime } from './support/virtual-time';

/**
 * Countdown ticks, counted on the real `<StepUpOtp>` through React's commit hook (which components ran
 * in each commit) and a `<Profiler>` (how many commits), on a virtual clock. Keystrokes are measured in
 * Chromium by keystrokes.bench.ts, where the browser's own selection events happen.
 */
const log = (globalThis as { __renderLog?: RenderLog }).__renderLog!;
const OPTIONS = [
  { id: 'sms', method: 'OTP_SMS', value: '***-***-1234' },
  { id: 'email', method: 'OTP_EMAIL', value: 'j***@example.com' },
];

export default async function renders() {
  const time = createVirtualTime(Date.UTC(2026, 10, 25, 12));
  time.install();
  let profilerCommits = 0;
  const backend: StepUpBackend = {
    createOtp: async (): Promise<CreateOtpResponse> => ({ maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 }),
    validateOtp: () => new Promise(() => {}),
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
    screen.getByLabelText('Verification code');

    // 1. ten seconds of ticks while the code is pending (ticks fire 1 ms after each whole second)
    await act(async () => time.advance(1));
    log.reset();
    const before = profilerCommits;
    for (let s = 0; s < 10; s++) await act(async () => time.advance(1000));
    const tickCommits = profilerCommits - before;
    const tickRenders = Object.fromEntries(log.renders);
    const countdownRenders = tickRenders.Countdown ?? 0;
    const otherRenders = Object.entries(tickRenders).filter(([name]) => name !== 'Countdown');

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
    ];
  } finally {
    cleanup();
    time.uninstall();
  }
}
