import { act, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  EMAIL,
  GRANT,
  SMS,
  VERIFIED,
  advance,
  answer,
  codeInput,
  fail,
  liveRegionText,
  renderStepUp,
  restoreClock,
  root,
  sendButton,
  sendCode,
  serverError,
  settle,
  typeCode,
  useFakeClock,
  wrongCodeError,
} from './helpers';

function expectEveryControlLabelled() {
  const controls = [...screen.queryAllByRole('button'), ...screen.queryAllByRole('radio'), ...screen.queryAllByRole('textbox')];
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) expect(control).toHaveAccessibleName();
}

/** The step-up in a checkout page with its own text and "Pay now" button, to check focus is left alone. */
function besideMerchantPage(ui: ReactElement) {
  return (
    <>
      {ui}
      <p>Order summary</p>
      <button type="button">Pay now</button>
    </>
  );
}

describe('labels', () => {
  it('labels the step-up, the channel group and every control', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL], onCancel: vi.fn() });

    expect(screen.getByRole('group', { name: 'Confirm it’s you' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Where should we send your code?' })).toBeInTheDocument();
    expectEveryControlLabelled();

    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await sendCode(r);
    expect(screen.getByRole('textbox', { name: 'Verification code' })).toBe(codeInput());
    expect(screen.getByRole('button', { name: 'Verify' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use another method' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expectEveryControlLabelled();
  });

  it('renders masked values as text, never as HTML', () => {
    renderStepUp({
      stepUpOptions: [{ id: 'x', method: 'OTP_EMAIL', value: '<img src=x onerror="alert(1)">j***@example.com' }],
    });

    expect(
      screen.getByRole('radio', { name: 'Email to <img src=x onerror="alert(1)">j***@example.com' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('descriptions', () => {
  it('describes the code field by the hint, the countdown and the attempts', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);

    expect(codeInput()).toHaveAccessibleDescription(
      /^Enter the 6-digit code\. Code expires in (5:00|4:59) 3 attempts left$/,
    );
  });

  it('keeps the description current after a wrong code', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    await typeCode(r, '111111');
    await fail(r.lastValidate(), wrongCodeError());

    expect(codeInput()).toHaveAccessibleDescription(/2 attempts left/);
    // back in the field, a screen reader hears why it is marked invalid
    expect(codeInput()).toHaveAttribute('aria-invalid', 'true');
    expect(codeInput()).toHaveAccessibleDescription(
      /^Enter the 6-digit code\. Code expires in \d:\d\d 2 attempts left That code isn’t right\. Check it and try again\.$/,
    );
  });

  it('describes the code field by the hint alone when the backend gave no expiry and no attempts', async () => {
    const r = renderStepUp();
    await sendCode(r, {});

    expect(codeInput()).toHaveAccessibleDescription('Enter the 6-digit code.');
  });

  it('describes the field by the incomplete-code message when Enter is pressed too early', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    await r.user.keyboard('12{Enter}');

    expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.');
    expect(codeInput()).toHaveAccessibleDescription(/Enter all 6 digits of the code\./);
    expect(codeInput()).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('alerts', () => {
  it('puts failures in role="alert"', async () => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());

    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on our side. Please try again.');
  });

  it('announces a second wrong code as a new alert', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    await typeCode(r, '111111');
    await fail(r.lastValidate(), wrongCodeError());
    const first = screen.getByRole('alert');
    expect(first).toHaveTextContent('That code isn’t right. Check it and try again. 2 attempts left.');

    await typeCode(r, '222222');
    await fail(r.lastValidate(), wrongCodeError());
    const second = screen.getByRole('alert');

    expect(second).toHaveTextContent('That code isn’t right. Check it and try again. 1 attempt left.');
    expect(second).not.toBe(first);
    expect(first).not.toBeInTheDocument();
  });
});

describe('live region', () => {
  it('is one polite status region in every phase', async () => {
    const r = renderStepUp();
    const check = () => {
      const regions = screen.getAllByRole('status');
      expect(regions).toHaveLength(1);
      expect(regions[0]).toHaveAttribute('aria-live', 'polite');
    };
    check();
    await sendCode(r, GRANT);
    check();
    await typeCode(r);
    check();
    await answer(r.lastValidate(), VERIFIED);
    check();
  });

  it('announces the send, the checking and the success', async () => {
    const r = renderStepUp();
    expect(liveRegionText()).toBe('');

    await r.user.click(sendButton());
    await settle();
    expect(liveRegionText()).toBe('Sending your code…');

    await answer(r.lastCreate(), GRANT);
    expect(liveRegionText()).toBe('We sent a code to ***-***-1234.');

    await typeCode(r);
    expect(liveRegionText()).toBe('Checking your code…');

    // focus was in the step-up: the success message takes it and is read out once, as it is focused
    await answer(r.lastValidate(), VERIFIED);
    expect(document.activeElement).toHaveTextContent('Thank you, your card is confirmed.');
    expect(liveRegionText()).toBe('');
  });

  it('announces the success in the live region when the cardholder’s focus is elsewhere on the page', async () => {
    const r = renderStepUp({ wrap: besideMerchantPage });
    await sendCode(r, GRANT);
    await typeCode(r);
    await r.user.click(screen.getByRole('button', { name: 'Pay now' }));

    await answer(r.lastValidate(), VERIFIED);

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pay now' }));
    expect(liveRegionText()).toBe('Thank you, your card is confirmed.');
  });

  it('leaves no finished "Checking your code…" behind once a failure is said by its alert', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    await typeCode(r, '111111');
    expect(liveRegionText()).toBe('Checking your code…');

    await fail(r.lastValidate(), wrongCodeError());

    expect(screen.getByRole('alert')).toHaveTextContent('That code isn’t right.');
    expect(liveRegionText()).toBe('');
  });

  it('keeps the countdown itself silent', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);

    expect(screen.getByRole('timer')).toHaveAttribute('aria-live', 'off');
    expect(within(screen.getByRole('status')).queryByText(/Code expires in/)).not.toBeInTheDocument();
  });
});

describe('milestones', () => {
  beforeEach(() => {
    useFakeClock();
  });
  afterEach(() => {
    restoreClock();
  });

  it('announces 60, 30, 10 and 0 seconds left, never every second', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 120 });
    expect(screen.getByRole('timer')).toHaveTextContent('Code expires in 2:00');

    const heard = [liveRegionText()];
    const countdowns = new Set<string>();
    for (let second = 1; second <= 125; second += 1) {
      await advance(1_000);
      const text = liveRegionText();
      if (text !== heard.at(-1)) heard.push(text);
      const timer = screen.queryByRole('timer');
      if (timer) countdowns.add(timer.textContent ?? '');
    }

    expect(heard).toEqual([
      'We sent a code to ***-***-1234.',
      '1 minute left to enter the code.',
      '30 seconds left to enter the code.',
      '10 seconds left to enter the code.',
      'The code has expired.',
    ]);
    // meanwhile the visible countdown did change every second
    expect(countdowns.size).toBeGreaterThanOrEqual(115);
    expect(r.onError).toHaveBeenCalledTimes(1);
  });
});

describe('focus', () => {
  it('moves to the code field after a send', async () => {
    const r = renderStepUp();
    const send = sendButton();
    await r.user.click(send);
    await settle();
    expect(document.activeElement).toBe(send);

    await answer(r.lastCreate(), GRANT);

    expect(document.activeElement).toBe(codeInput());
  });

  it('moves back to the code field after a wrong code', async () => {
    const r = renderStepUp({ wrap: besideMerchantPage });
    await sendCode(r, GRANT);
    await typeCode(r, '111111');
    act(() => screen.getByRole('button', { name: 'Pay now' }).focus());

    await fail(r.lastValidate(), wrongCodeError());

    expect(document.activeElement).toBe(codeInput());
  });

  it('moves to the new code field after a resend', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    const resend = screen.getByRole('button', { name: 'Resend code' });
    await r.user.click(resend);
    await settle();
    await answer(r.lastCreate(), GRANT);

    expect(document.activeElement).toBe(codeInput());
  });

  it('moves to the chosen channel after "Use another method", whose button is gone', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    await r.user.click(screen.getByRole('button', { name: 'Send code' }));
    await settle();
    await answer(r.lastCreate(), GRANT);
    await r.user.click(screen.getByRole('button', { name: 'Use another method' }));

    expect(root()).toHaveAttribute('data-status', 'choosing');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
  });

  it('moves to "Try again" when the Send button it replaced had focus and the send failed', async () => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }));
  });

  it('moves to "Resend code" when the last attempt is spent and the code field is disabled', async () => {
    const r = renderStepUp();
    await sendCode(r, { ...GRANT, maxVerificationAllowed: 1 });
    await typeCode(r, '111111');
    await fail(r.lastValidate(), wrongCodeError());

    expect(root()).toHaveAttribute('data-status', 'attempts-exhausted');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Resend code' }));
  });

  it('does not take focus from the merchant page when a failure arrives', async () => {
    const r = renderStepUp({ wrap: besideMerchantPage });
    await r.user.click(sendButton());
    await settle();
    act(() => screen.getByRole('button', { name: 'Pay now' }).focus());
    await fail(r.lastCreate(), serverError());

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pay now' }));
  });

  it('stays in the code field while the code is checked, and lands on the success message after', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    await typeCode(r, '123456');
    expect(root()).toHaveAttribute('data-status', 'verifying');
    expect(codeInput()).not.toBeDisabled();
    expect(codeInput()).toHaveAttribute('readonly');
    expect(document.activeElement).toBe(codeInput());

    await answer(r.lastValidate(), VERIFIED);

    expect(document.activeElement).toHaveAttribute('data-part', 'success');
    expect(document.activeElement).toHaveTextContent('Thank you, your card is confirmed.');
  });

  it('leaves focus where the cardholder put it outside the step-up while the code was checked', async () => {
    const r = renderStepUp({ wrap: besideMerchantPage });
    await sendCode(r, GRANT);
    await typeCode(r, '123456');
    // a click on the page's text: focus goes to the page, not to another control
    await r.user.click(screen.getByText('Order summary'));
    expect(document.activeElement).toBe(document.body);

    await answer(r.lastValidate(), VERIFIED);

    expect(root()).toHaveAttribute('data-status', 'verified');
    expect(document.activeElement).toBe(document.body);
  });

  it('lands on the cancelled message after Cancel, whose button is gone', async () => {
    const r = renderStepUp({ onCancel: () => {} });
    await sendCode(r, GRANT);
    await r.user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(root()).toHaveAttribute('data-status', 'cancelled');
    expect(document.activeElement).toHaveAttribute('data-part', 'cancelled');
    expect(document.activeElement).toHaveTextContent(/^Verification cancelled\.$/);
  });

  it('keeps focus on "Resend code" while its send is under way ("Sending…", not disabled)', async () => {
    const r = renderStepUp();
    await sendCode(r, GRANT);
    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();

    const sending = screen.getByRole('button', { name: 'Sending…' });
    expect(sending).toHaveAttribute('aria-disabled', 'true');
    expect(sending).toBeEnabled();
    expect(document.activeElement).toBe(sending);
    await r.user.click(sending);
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });

  it('moves to "Sending…" when Enter on a channel sent the code and the channels locked', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    await r.user.keyboard('{Enter}');
    await settle();

    expect(root()).toHaveAttribute('data-status', 'sending');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sending…' }));
  });

  it('focuses the first channel on mount with autoFocus, and nothing without it', () => {
    const first = renderStepUp({ stepUpOptions: [SMS, EMAIL], autoFocus: true });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    first.unmount();

    renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    expect(document.activeElement).toBe(document.body);
  });
});
