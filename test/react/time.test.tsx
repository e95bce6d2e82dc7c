import { act, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { defaultMessages, type CreateOtpResponse, type StepUpMessagesOverride } from '../../src';
import {
  START,
  VERIFIED,
  advance,
  answer,
  fail,
  liveRegionText,
  wrongCodeError,
  codeInput,
  renderStepUp,
  restoreClock,
  root,
  sendCode,
  settle,
  shown,
  useFakeClock,
} from './helpers';

const MINUTE = 60_000;

function grant(codeExpiration: CreateOtpResponse['codeExpiration']): CreateOtpResponse {
  return { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration };
}

function timer(): HTMLElement {
  return screen.getByRole('timer');
}

beforeEach(() => {
  useFakeClock();
});

afterEach(() => {
  restoreClock();
});

describe('countdown', () => {
  it('counts down from codeExpiration in minutes: 5:00, then 4:59', async () => {
    const r = renderStepUp();
    await sendCode(r, grant(5));

    expect(timer()).toHaveTextContent('Code expires in 5:00');
    // the display rounds down, so 4:59 appears as soon as less than 5:00 is left
    await advance(1_000);
    expect(timer()).toHaveTextContent('Code expires in 4:59');
    await advance(60_000);
    expect(timer()).toHaveTextContent('Code expires in 3:59');
  });

  it.each<[string, CreateOtpResponse['codeExpiration'], string]>([
    ['seconds from receipt (120)', 120, 'Code expires in 2:00'],
    ['minutes as a string ("5")', '5', 'Code expires in 5:00'],
    ['seconds as a string ("120")', '120', 'Code expires in 2:00'],
    ['an epoch-seconds deadline', START.getTime() / 1000 + 180, 'Code expires in 3:00'],
    ['an epoch-seconds deadline as a string', String(START.getTime() / 1000 + 240), 'Code expires in 4:00'],
    ['an epoch-milliseconds deadline', START.getTime() + 90_000, 'Code expires in 1:30'],
  ])('reads %s', async (_label, codeExpiration, text) => {
    const r = renderStepUp();
    await sendCode(r, grant(codeExpiration));

    expect(timer()).toHaveTextContent(text);
    await advance(10_000);
    const [minutes, seconds] = text.replace('Code expires in ', '').split(':').map(Number) as [number, number];
    const left = minutes * 60 + seconds - 10;
    expect(timer()).toHaveTextContent(`Code expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
  });

  it('counts from the moment the answer arrived, not from the click', async () => {
    const r = renderStepUp();
    await r.user.click(screen.getByRole('button', { name: 'Send code' }));
    await settle();
    await advance(3_000); // the backend takes 3 s to answer
    await answer(r.lastCreate(), grant(2));

    expect(timer()).toHaveTextContent('Code expires in 2:00');
  });

  it('follows codeExpirationUnit when it is given', async () => {
    const r = renderStepUp({ codeExpirationUnit: 'seconds' });
    await sendCode(r, grant(30));

    expect(timer()).toHaveTextContent('Code expires in 0:30');
  });

  it.each([0, '0', 'soon', -5, undefined])('shows no countdown for codeExpiration %j', async (codeExpiration) => {
    const r = renderStepUp();
    await sendCode(r, grant(codeExpiration as CreateOtpResponse['codeExpiration']));

    expect(shown('We sent a code to ***-***-1234.')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    await advance(20 * MINUTE);
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(codeInput()).toBeEnabled();
    expect(r.onError).not.toHaveBeenCalled();
  });
});

describe('wall clock', () => {
  it('shows the right time after a 10-minute sleep when the tab becomes visible again', async () => {
    const r = renderStepUp();
    await sendCode(r, grant(15));
    expect(timer()).toHaveTextContent('Code expires in 15:00');
    await advance(1_000);
    expect(timer()).toHaveTextContent('Code expires in 14:59');

    // the tab sleeps: the wall clock moves 10 minutes, the page's timers do not fire
    act(() => vi.setSystemTime(START.getTime() + 10 * MINUTE + 1_000));
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });

    expect(timer()).toHaveTextContent('Code expires in 4:59');
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(r.onError).not.toHaveBeenCalled();
  });

  it('catches up on the next tick after a clock jump, not 10 minutes late', async () => {
    const r = renderStepUp();
    await sendCode(r, grant(15));

    act(() => vi.setSystemTime(START.getTime() + 10 * MINUTE));
    await advance(1_100);

    expect(timer()).toHaveTextContent(/Code expires in (4:59|4:58)/);
    expect(r.onError).not.toHaveBeenCalled();
  });

  it('expires at once on waking after the deadline has passed', async () => {
    const r = renderStepUp();
    await sendCode(r, grant(5));

    act(() => vi.setSystemTime(START.getTime() + 10 * MINUTE));
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });

    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(shown('This code has expired. Request a new code.')).toBeInTheDocument();
    expect(codeInput()).toBeDisabled();
    expect(r.onError).toHaveBeenCalledTimes(1);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ kind: 'expired' });
  });

  it('refuses a code submitted after the deadline, even before the countdown noticed, without calling the backend', async () => {
    const r = renderStepUp();
    await sendCode(r, grant(5));
    await r.user.keyboard('12345');

    act(() => vi.setSystemTime(START.getTime() + 6 * MINUTE));
    await r.user.keyboard('6');
    await settle();

    expect(r.validateOtp).not.toHaveBeenCalled();
    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(shown('This code has expired. Request a new code.')).toBeInTheDocument();
    expect(r.onError.mock.calls.map(([e]) => (e as { kind: string }).kind)).toEqual(['expired']);
  });
});

describe('the deadline passing while the code is being checked', () => {
  async function checkingAtTheDeadline() {
    const r = renderStepUp();
    await sendCode(r, grant(1)); // one minute
    await advance(58_000);
    await r.user.keyboard('123456');
    await settle();
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    await advance(3_000);
    return r;
  }

  it('says nothing of expiry while the answer is awaited, and only the success when the code is accepted', async () => {
    const r = await checkingAtTheDeadline();
    expect(liveRegionText()).not.toMatch(/expired/i);
    expect(root()).toHaveAttribute('data-status', 'verifying');

    await answer(r.lastValidate(), VERIFIED);

    expect(root()).toHaveAttribute('data-status', 'verified');
    // said once, by the success message taking focus (the region does not repeat it)
    expect(document.activeElement).toHaveTextContent(/^Thank you, your card is confirmed\.$/);
    expect(liveRegionText()).not.toMatch(/expired/i);
    expect(r.onError).not.toHaveBeenCalled();
  });

  it('a code refused after the deadline is expired: said once, reported once, as expired', async () => {
    const r = await checkingAtTheDeadline();

    await fail(r.lastValidate(), wrongCodeError());

    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(liveRegionText()).toBe('The code has expired.');
    expect(shown('This code has expired. Request a new code.')).toBeInTheDocument();
    expect(r.onError.mock.calls.map(([e]) => (e as { kind: string }).kind)).toEqual(['expired']);
  });
});

describe('tick', () => {
  it('re-renders only the countdown, not the form', async () => {
    const spies = {
      codeHint: vi.fn(defaultMessages.codeHint),
      codeSent: vi.fn(defaultMessages.codeSent),
      attemptsLeft: vi.fn(defaultMessages.attemptsLeft),
      resendsLeft: vi.fn(defaultMessages.resendsLeft),
      expiresIn: vi.fn(defaultMessages.expiresIn),
    };
    const messages: StepUpMessagesOverride = spies;
    const commits: string[] = [];
    const r = renderStepUp({
      messages,
      wrap: (ui) => (
        <Profiler id="all" onRender={(id, phase) => commits.push(`${id}:${phase}`)}>
          {ui}
        </Profiler>
      ),
    });
    await sendCode(r, grant(5));
    await r.user.keyboard('12');
    const input = codeInput();
    // a few seconds after typing
    await advance(6_500);
    expect(timer()).toHaveTextContent('Code expires in 4:53');

    for (const spy of Object.values(spies)) spy.mockClear();
    commits.length = 0;
    await advance(1_000);
    await advance(1_000);
    await advance(1_000);

    expect(timer()).toHaveTextContent('Code expires in 4:50');
    expect(spies.expiresIn).toHaveBeenCalledTimes(3);
    expect(spies.codeHint).not.toHaveBeenCalled();
    expect(spies.codeSent).not.toHaveBeenCalled();
    expect(spies.attemptsLeft).not.toHaveBeenCalled();
    expect(spies.resendsLeft).not.toHaveBeenCalled();
    // one commit per tick, nothing else
    expect(commits).toHaveLength(3);
    expect(codeInput()).toBe(input);
    expect(input).toHaveValue('12');
    expect(document.activeElement).toBe(input);
  });
});
