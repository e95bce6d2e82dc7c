import { act, render, screen, within } from '@testing-library/react';
import { StepUpBackendError, StepUpOtp } from '../../src';
import {
  APP_TO_APP,
  BANKING,
  CUSTOMER_SERVICE,
  EMAIL,
  GRANT,
  SIGNAL,
  SMS,
  UUID,
  answer,
  codeInput,
  createMockBackend,
  renderStepUp,
  root,
  sendButton,
  sendCode,
  settle,
  shown,
  queryShown,
  typeCode,
  wrongCodeError,
  fail,
} from './helpers';

const NO_OTP_SENTENCE =
  'This card can’t be confirmed with a one-time code here. Please use another card or payment method.';

/** SMS chosen of two channels, and its send refused with `error`. */
async function firstSendFails(error: StepUpBackendError) {
  const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
  await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
  await r.user.click(sendButton());
  await settle();
  await fail(r.lastCreate(), error);
  return r;
}

describe('channel choice', () => {
  it('offers the OTP options as a radio group labelled by its legend, each with its kind and masked value', () => {
    renderStepUp({ stepUpOptions: [SMS, EMAIL, BANKING] });

    const group = screen.getByRole('group', { name: 'Where should we send your code?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect(within(group).getByRole('radio', { name: 'Text message to ***-***-1234' })).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Email to j***@example.com' })).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Online banking: Example Bank' })).toBeInTheDocument();
    // with several options none is chosen for the cardholder
    for (const radio of radios) expect(radio).not.toBeChecked();
    expect(root()).toHaveAttribute('data-status', 'choosing');
    expect(sendButton()).toBeInTheDocument();
  });

  it('preselects the only OTP option, so Send code works at once', async () => {
    const r = renderStepUp({ stepUpOptions: [APP_TO_APP, SMS, CUSTOMER_SERVICE] });

    expect(screen.getByRole('radio', { name: 'Text message to ***-***-1234' })).toBeChecked();
    await r.user.click(sendButton());
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(1);
    expect(r.createOtp).toHaveBeenCalledWith(
      { clientCorrelationId: expect.stringMatching(UUID), stepUpOption: { id: SMS.id } },
      SIGNAL,
    );
  });

  it('does not offer non-OTP methods (APP_TO_APP, CUSTOMER_SERVICE)', () => {
    renderStepUp({ stepUpOptions: [SMS, APP_TO_APP, EMAIL, CUSTOMER_SERVICE] });

    const radios = screen.getAllByRole('radio');
    expect(radios.map((radio) => (radio as HTMLInputElement).value)).toEqual([SMS.id, EMAIL.id]);
    expect(screen.queryByText(/Example Bank app/)).not.toBeInTheDocument();
    expect(screen.queryByText(/1-800-555-0100/)).not.toBeInTheDocument();
    expect(screen.queryByText(/APP_TO_APP|CUSTOMER_SERVICE/)).not.toBeInTheDocument();
  });

  it('accepts the OTPSMS and OTPEMAIL spellings', async () => {
    const r = renderStepUp({
      stepUpOptions: [
        { id: 'legacy-sms', method: 'OTPSMS', value: '***-***-9876' },
        { id: 'legacy-email', method: 'OTPEMAIL', value: 'a***@example.org' },
      ],
    });

    expect(screen.getByRole('radio', { name: 'Text message to ***-***-9876' })).toBeInTheDocument();
    await r.user.click(screen.getByRole('radio', { name: 'Email to a***@example.org' }));
    await r.user.click(sendButton());
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(1);
    expect(r.createOtp.mock.calls[0]![0].stepUpOption).toStrictEqual({ id: 'legacy-email' });
  });

  it('with zero OTP options says so in an alert and reports no-otp-options once, without calling the backend', () => {
    const r = renderStepUp({ stepUpOptions: [APP_TO_APP, CUSTOMER_SERVICE] });

    expect(screen.getByRole('alert')).toHaveTextContent(NO_OTP_SENTENCE);
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send code' })).not.toBeInTheDocument();
    expect(root()).toHaveAttribute('data-status', 'no-options');
    expect(r.onError).toHaveBeenCalledTimes(1);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ name: 'StepUpError', kind: 'no-otp-options' });
    expect(r.createOtp).not.toHaveBeenCalled();
  });

  it('with an empty option list reports no-otp-options once under StrictMode too', () => {
    const r = renderStepUp({ stepUpOptions: [], strict: true });

    expect(screen.getByRole('alert')).toHaveTextContent(NO_OTP_SENTENCE);
    expect(r.onError).toHaveBeenCalledTimes(1);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ kind: 'no-otp-options' });
    expect(r.createOtp).not.toHaveBeenCalled();
  });

  it('asks for a choice when Send is pressed without one, and calls nothing', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });

    await r.user.click(sendButton());
    await settle();

    expect(screen.getByRole('alert')).toHaveTextContent('Choose where we should send your code.');
    expect(r.createOtp).not.toHaveBeenCalled();
    expect(root()).toHaveAttribute('data-status', 'choosing');

    // choosing clears the message, and Send then sends to the chosen option
    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await r.user.click(sendButton());
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(1);
    expect(r.createOtp.mock.calls[0]![0].stepUpOption).toStrictEqual({ id: EMAIL.id });
  });

  it('calls createOtp once for a double click on Send code', async () => {
    const r = renderStepUp();

    await r.user.dblClick(sendButton());
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(1);
    // the button now says it is busy; pressing it again still sends nothing more
    const busy = screen.getByRole('button', { name: 'Sending…' });
    await r.user.click(busy);
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('calls createOtp once for two clicks landing before React re-renders', async () => {
    const r = renderStepUp();
    const button = sendButton();

    await act(async () => {
      button.click();
      button.click();
      button.click();
    });
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('locks the choice while the code is being sent', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await r.user.click(sendButton());
    await settle();

    expect(root()).toHaveAttribute('data-status', 'sending');
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sending…' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('opens the choice again after a failed first send, whose message says to choose another method', async () => {
    const r = await firstSendFails(
      new StepUpBackendError('http', 'POST answered 400', { status: 400, body: { errors: [{ type: 'declined', message: 'Channel unavailable' }] } }),
    );
    expect(root()).toHaveAttribute('data-status', 'send-failed');
    expect(shown('We couldn’t send a code there. Try again or choose another method.')).toBeInTheDocument();
    // the list itself is the other method: no separate button for it
    expect(screen.queryByRole('button', { name: 'Use another method' })).not.toBeInTheDocument();

    const email = screen.getByRole('radio', { name: 'Email to j***@example.com' });
    expect(email).toBeEnabled();
    await r.user.click(email);

    expect(root()).toHaveAttribute('data-status', 'choosing');
    expect(email).toBeChecked();
    expect(document.activeElement).toBe(email);
    await r.user.click(sendButton());
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.lastCreate().request.stepUpOption.id).toBe(EMAIL.id);
  });

  it('keeps the choice closed after a first send refused for the card’s send limit, since no channel can get a code', async () => {
    const r = await firstSendFails(
      new StepUpBackendError('http', 'POST answered 403', {
        status: 403,
        body: { errors: [{ type: 'forbidden', message: 'Maximum number of OTP requests exceeded' }] },
      }),
    );

    expect(shown('No more codes can be sent for this card. Please use another payment method.')).toBeInTheDocument();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Use another method' })).not.toBeInTheDocument();
  });

  it('sends exactly the Visa body: clientCorrelationId and stepUpOption.id, no tokenId key', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS] });
    await r.user.click(sendButton());
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(1);
    const [body, context] = r.createOtp.mock.calls[0]!;
    expect(body).toStrictEqual({ clientCorrelationId: expect.stringMatching(UUID), stepUpOption: { id: SMS.id } });
    expect(Object.keys(body)).toEqual(['clientCorrelationId', 'stepUpOption']);
    expect(Object.keys(body.stepUpOption)).toEqual(['id']);
    expect(Object.keys(context)).toEqual(['signal']);
    expect(context.signal).toBeInstanceOf(AbortSignal);
    expect(context.signal.aborted).toBe(false);
  });

  it('adds tokenId to every body when the tokenId prop is given', async () => {
    const r = renderStepUp({ tokenId: '7020000000010603216' });
    await sendCode(r);
    await typeCode(r, '123456');

    expect(r.createOtp.mock.calls[0]![0]).toStrictEqual({
      clientCorrelationId: expect.stringMatching(UUID),
      stepUpOption: { id: SMS.id },
      tokenId: '7020000000010603216',
    });
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0]).toStrictEqual({
      clientCorrelationId: r.createOtp.mock.calls[0]![0].clientCorrelationId,
      stepUpOption: { id: SMS.id },
      otp: '123456',
      tokenId: '7020000000010603216',
    });
  });

  it('reuses one UUID clientCorrelationId for createOtp, resend and validate', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '111111');
    await fail(r.lastValidate(), wrongCodeError());
    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    await answer(r.lastCreate(), GRANT);
    await typeCode(r, '222222');

    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    const id = r.createOtp.mock.calls[0]![0].clientCorrelationId;
    expect(id).toMatch(UUID);
    const ids = [...r.createOtp.mock.calls, ...r.validateOtp.mock.calls].map(([body]) => body.clientCorrelationId);
    expect(ids).toEqual([id, id, id, id]);
  });

  it('uses the clientCorrelationId prop when given', async () => {
    const r = renderStepUp({ clientCorrelationId: 'merchant-correlation-42' });
    await sendCode(r);
    await typeCode(r);

    expect(r.createOtp.mock.calls[0]![0].clientCorrelationId).toBe('merchant-correlation-42');
    expect(r.validateOtp.mock.calls[0]![0].clientCorrelationId).toBe('merchant-correlation-42');
  });

  it('gives each mounted step-up its own clientCorrelationId', async () => {
    const first = createMockBackend();
    const second = createMockBackend();
    render(
      <>
        <StepUpOtp stepUpOptions={[SMS]} backend={first.backend} />
        <StepUpOtp stepUpOptions={[SMS]} backend={second.backend} />
      </>,
    );
    const buttons = screen.getAllByRole('button', { name: 'Send code' });
    await act(async () => {
      buttons[0]!.click();
      buttons[1]!.click();
    });
    await settle();

    const a = first.createOtp.mock.calls[0]![0].clientCorrelationId;
    const b = second.createOtp.mock.calls[0]![0].clientCorrelationId;
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('sends the code when Enter is pressed on a radio', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    await r.user.keyboard('{Enter}');
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(1);
    expect(r.createOtp.mock.calls[0]![0].stepUpOption).toStrictEqual({ id: EMAIL.id });
  });

  it('shows the code screen once the code is sent', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await sendCode(r);

    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(codeInput()).toBeEnabled();
    expect(shown('We sent a code to ***-***-1234.')).toBeInTheDocument();
    expect(queryShown('Choose where we should send your code.')).not.toBeInTheDocument();
  });
});
