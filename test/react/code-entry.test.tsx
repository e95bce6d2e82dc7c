import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StepUp, useStepUpOtp } from '../../src';
import {
  BANKING,
  EMAIL,
  GRANT,
  SIGNAL,
  SMS,
  UUID,
  answer,
  codeInput,
  createMockBackend,
  fail,
  focusCode,
  renderStepUp,
  serverError,
  typeCode,
  wrongCodeError,
  root,
  sendButton,
  sendCode,
  settle,
  shown,
  queryShown,
} from './helpers';


describe('code entry', () => {
  it('says where the code went', async () => {
    const r = renderStepUp();
    await sendCode(r);

    expect(shown('We sent a code to ***-***-1234.')).toBeInTheDocument();
  });

  it.each([
    [EMAIL, 'We sent a code to j***@example.com.'],
    [BANKING, 'We sent a code to your online banking (Example Bank).'],
  ])('says where the code went for %o', async (option, sentence) => {
    const r = renderStepUp({ stepUpOptions: [option] });
    await sendCode(r);

    expect(shown(sentence)).toBeInTheDocument();
  });

  it('has one code field: labelled, autocomplete one-time-code, numeric keyboard, no name', async () => {
    const r = renderStepUp();
    await sendCode(r);

    const input = codeInput();
    expect(input.tagName).toBe('INPUT');
    expect(screen.getAllByRole('textbox')).toEqual([input]);
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).not.toHaveAttribute('name');
    expect(input).toHaveAttribute('maxlength', '6');
    expect(input).toHaveValue('');
  });

  it('ignores letters and keeps digits', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await focusCode(r);

    await r.user.keyboard('a1b2-c3');
    expect(codeInput()).toHaveValue('123');
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it.each([
    ['over a selected digit in the middle', '1234', [1, 2], 'a'],
    ['over the last digit of a longer code', '12345', [4, 5], 'x'],
  ] as const)('refuses a letter typed %s and keeps every digit', async (_, typed, [from, to], letter) => {
    const r = renderStepUp();
    await sendCode(r);
    const input = await focusCode(r);
    await r.user.keyboard(typed);

    // a tap on a slot selects its digit (CodeInput's pick); the letter replaces the selection
    input.setSelectionRange(from, to);
    await r.user.keyboard(letter);
    await settle();

    expect(input).toHaveValue(typed);
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it('keeps the digits of an autofill that arrives with a space, even cut at the field length', async () => {
    const r = renderStepUp();
    await sendCode(r);
    const input = await focusCode(r);

    // the browser stops an input event at maxlength: "123 456" arrives as "123 45"
    fireEvent.change(input, { target: { value: '123 45' } });
    await settle();

    expect(input).toHaveValue('12345');
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it.each(['123-456', 'Your code: 123456', '123 456'])(
    'keeps the digits of the pasted text %j and validates them',
    async (text) => {
      const r = renderStepUp();
      await sendCode(r);
      await focusCode(r);

      await r.user.paste(text);
      await settle();

      expect(codeInput()).toHaveValue('123456');
      expect(r.validateOtp).toHaveBeenCalledTimes(1);
      expect(r.validateOtp).toHaveBeenCalledWith(
        { clientCorrelationId: expect.stringMatching(UUID), stepUpOption: { id: SMS.id }, otp: '123456' },
        SIGNAL,
      );
    },
  );

  it('replaces partly typed digits with a pasted full code (clipboard event)', async () => {
    const r = renderStepUp();
    await sendCode(r);
    const input = await focusCode(r);
    await r.user.keyboard('98');

    await act(async () => {
      fireEvent.paste(input, { clipboardData: { getData: () => 'Your Visa code: 654-321' } });
    });
    await settle();

    expect(codeInput()).toHaveValue('654321');
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0].otp).toBe('654321');
  });

  it('keeps a partial paste in the field without validating it', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await focusCode(r);

    await r.user.paste('12-3');
    await settle();

    expect(codeInput()).toHaveValue('123');
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it('calls validateOtp once when autofill fires twice', async () => {
    const r = renderStepUp();
    await sendCode(r);
    const input = codeInput();

    await act(async () => {
      fireEvent.input(input, { target: { value: '123456' } });
      fireEvent.input(input, { target: { value: '123456' } });
    });
    await settle();
    await act(async () => {
      fireEvent.input(input, { target: { value: '123456' } });
    });
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0].otp).toBe('123456');
  });

  it('shows the countdown, attempts left and resends left from the createOtp answer', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 });

    // real timers: a slow machine may already show the next second
    expect(screen.getByRole('timer')).toHaveTextContent(/^Code expires in (5:00|4:59)$/);
    expect(shown('3 attempts left')).toBeInTheDocument();
    expect(shown('2 resends left')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
  });

  it('reads numeric strings the same way', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: '3', maxVerificationAllowed: '3', codeExpiration: '5' });

    // real timers: a slow machine may already show the next second
    expect(screen.getByRole('timer')).toHaveTextContent(/^Code expires in (5:00|4:59)$/);
    expect(shown('3 attempts left')).toBeInTheDocument();
    expect(shown('2 resends left')).toBeInTheDocument();
  });

  it('shows no count and no countdown when the answer gives none', async () => {
    const r = renderStepUp();
    await sendCode(r, {});

    expect(shown('We sent a code to ***-***-1234.')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(queryShown(/attempts? left/)).not.toBeInTheDocument();
    expect(queryShown(/resends? left/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
  });

  it('"Use another method" returns to the choice, and a new send goes to the new option', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await sendCode(r);
    await focusCode(r);
    await r.user.keyboard('12');

    await r.user.click(screen.getByRole('button', { name: 'Use another method' }));

    expect(root()).toHaveAttribute('data-status', 'choosing');
    expect(screen.getByRole('group', { name: 'Where should we send your code?' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Verification code')).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Text message to ***-***-1234' })).toBeEnabled();

    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    await sendCode(r);

    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.createOtp.mock.calls[1]![0]).toStrictEqual({
      clientCorrelationId: r.createOtp.mock.calls[0]![0].clientCorrelationId,
      stepUpOption: { id: EMAIL.id },
    });
    expect(shown('We sent a code to j***@example.com.')).toBeInTheDocument();
    // the digits typed for the first code are gone
    expect(codeInput()).toHaveValue('');
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it('validates automatically on the last digit with exactly the Visa body', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await focusCode(r);

    await r.user.keyboard('12345');
    await settle();
    expect(r.validateOtp).not.toHaveBeenCalled();

    await r.user.keyboard('6');
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    const [body, context] = r.validateOtp.mock.calls[0]!;
    expect(body).toStrictEqual({
      clientCorrelationId: r.createOtp.mock.calls[0]![0].clientCorrelationId,
      stepUpOption: { id: SMS.id },
      otp: '123456',
    });
    expect(Object.keys(body)).toEqual(['clientCorrelationId', 'stepUpOption', 'otp']);
    expect(context.signal).toBeInstanceOf(AbortSignal);
    expect(root()).toHaveAttribute('data-status', 'verifying');
    // locked while checked, but read-only rather than disabled, so focus stays in the field
    expect(codeInput()).toHaveAttribute('readonly');
    expect(codeInput()).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Checking…' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('calls validateOtp once for the last digit followed at once by Enter', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await focusCode(r);

    await r.user.keyboard('123456{Enter}');
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0].otp).toBe('123456');
  });

  it('calls validateOtp once for the last digit and Enter landing before React re-renders', async () => {
    const r = renderStepUp();
    await sendCode(r);
    const input = await focusCode(r);
    await r.user.keyboard('12345');

    await act(async () => {
      fireEvent.change(input, { target: { value: '123456' } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    });
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0].otp).toBe('123456');
  });

  it('calls validateOtp once for the last digit and a click on Verify', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await focusCode(r);
    await r.user.keyboard('123456');
    await r.user.click(screen.getByRole('button', { name: /Verify|Checking…/ }));
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
  });

  it('Enter or Verify with an incomplete code asks for all digits and calls nothing', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await focusCode(r);
    await r.user.keyboard('123{Enter}');
    await settle();

    expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.');
    expect(r.validateOtp).not.toHaveBeenCalled();

    await r.user.click(screen.getByRole('button', { name: 'Verify' }));
    await settle();
    expect(r.validateOtp).not.toHaveBeenCalled();
    expect(codeInput()).toHaveValue('123');
  });

  it('honours codeLength (4 digits)', async () => {
    const r = renderStepUp({ codeLength: 4 });
    await sendCode(r);

    expect(shown('Enter the 4-digit code.')).toBeInTheDocument();
    expect(codeInput()).toHaveAttribute('maxlength', '4');
    await focusCode(r);
    await r.user.keyboard('4567');
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0].otp).toBe('4567');
  });

  it('takes partial message overrides and the locale', async () => {
    const attemptsLeft = vi.fn(({ count }: { count: number; locale: string }) => `Noch ${count} Versuche`);
    const r = renderStepUp({
      locale: 'de',
      messages: { sendCode: 'Code senden', codeLabel: 'Bestätigungscode', attemptsLeft },
    });
    await r.user.click(screen.getByRole('button', { name: 'Code senden' }));
    await settle();
    await answer(r.lastCreate(), { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 });

    expect(screen.getByLabelText('Bestätigungscode')).toHaveAttribute('autocomplete', 'one-time-code');
    expect(shown('Noch 3 Versuche')).toBeInTheDocument();
    expect(attemptsLeft).toHaveBeenCalledWith({ count: 3, locale: 'de' });
    // strings not overridden stay English
    expect(shown('We sent a code to ***-***-1234.')).toBeInTheDocument();
  });

  it('sends nothing on mount and before the cardholder acts', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS] });
    await settle();

    expect(sendButton()).toBeInTheDocument();
    expect(r.createOtp).not.toHaveBeenCalled();
    expect(r.validateOtp).not.toHaveBeenCalled();
  });
});

describe('while the code is checked', () => {
  it('keeps the code being checked, whatever sets the field or is pasted meanwhile', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '123456');
    expect(root()).toHaveAttribute('data-status', 'verifying');
    const input = codeInput();

    // a password manager or an extension writing into the read-only field, then a paste
    fireEvent.change(input, { target: { value: '999999' } });
    fireEvent.paste(input, { clipboardData: { getData: () => '888888' } });
    await settle();

    expect(input).toHaveValue('123456');
    await fail(r.lastValidate(), serverError());
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    expect(r.lastValidate().request.otp).toBe('123456');
  });
});

describe('descriptions in a layout of your own', () => {
  it('names only the parts the layout renders', async () => {
    const backend = createMockBackend();
    function Layout() {
      const stepUp = useStepUpOtp({ stepUpOptions: [SMS], backend: backend.backend });
      return (
        <StepUp.Root stepUp={stepUp}>
          <StepUp.Title />
          <StepUp.ChannelPicker />
          <StepUp.SendButton />
          {stepUp.status !== 'choosing' && stepUp.status !== 'sending' ? <StepUp.CodeInput /> : null}
        </StepUp.Root>
      );
    }
    const user = userEvent.setup({ delay: null });
    render(<Layout />);
    await user.click(sendButton());
    await settle();
    await answer(backend.lastCreate(), GRANT);
    await user.click(codeInput());
    await user.keyboard('111111');
    await settle();
    await fail(backend.lastValidate(), wrongCodeError());

    // no attempts line and no alert in this layout: the field is described by what is there
    const describedBy = codeInput().getAttribute('aria-describedby')!.split(' ');
    for (const id of describedBy) expect(document.getElementById(id)).not.toBeNull();
    expect(codeInput()).toHaveAccessibleDescription('Enter the 6-digit code.');
  });
});

describe('the drawn caret', () => {
  const activeSlot = () =>
    [...root().querySelectorAll('[data-part="code-slot"]')].findIndex((slot) => slot.hasAttribute('data-active'));

  it('moves to the next slot in the same render as the digit, not on a later selection event', async () => {
    const r = renderStepUp();
    await sendCode(r);
    const input = await focusCode(r);
    expect(activeSlot()).toBe(0);

    // no timer runs and no selectionchange comes from the browser between the change and the check
    act(() => void fireEvent.change(input, { target: { value: '12' } }));

    expect(input).toHaveValue('12');
    expect(activeSlot()).toBe(2);
  });
});
