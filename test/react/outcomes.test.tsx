import { act, screen } from '@testing-library/react';
import { StepUpBackendError } from '../../src';
import {
  EMAIL,
  GRANT,
  SMS,
  UUID,
  VERIFIED,
  advance,
  answer,
  codeInput,
  fail,
  networkError,
  queryShown,
  renderStepUp,
  restoreClock,
  useFakeClock,
  root,
  sendButton,
  sendCode,
  serverError,
  settle,
  shown,
  typeCode,
  wrongCodeError,
  type Rendered,
} from './helpers';

const WRONG = 'That code isn’t right. Check it and try again.';
const EXHAUSTED = 'Too many incorrect codes. Request a new code or choose another method.';
const EXPIRED = 'This code has expired. Request a new code.';
const SERVER = 'Something went wrong on our side. Please try again.';
const NETWORK = 'We couldn’t connect. Check your internet connection and try again.';
const MALFORMED = 'We got an unexpected answer. Please try again.';
const UNKNOWN = 'Something went wrong. Please try again.';

function errorKinds(r: Rendered): string[] {
  return r.onError.mock.calls.map(([error]) => (error as { kind: string }).kind);
}

/** Sends, types a code and answers validate with Visa's 400. */
async function wrongCode(r: Rendered, code: string) {
  await typeCode(r, code);
  await fail(r.lastValidate(), wrongCodeError());
}

describe('verified', () => {
  it('shows the success state and calls onVerified exactly once with the response, option and correlation id', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '456789');
    await answer(r.lastValidate(), VERIFIED);

    expect(root()).toHaveAttribute('data-status', 'verified');
    expect(shown('Thank you, your card is confirmed.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Verification code')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Resend code' })).not.toBeInTheDocument();
    expect(r.onVerified).toHaveBeenCalledTimes(1);
    expect(r.onVerified).toHaveBeenCalledWith({
      response: VERIFIED,
      stepUpOption: expect.objectContaining({ id: SMS.id, method: 'OTP_SMS', value: SMS.value }),
      clientCorrelationId: expect.stringMatching(UUID),
    });
    expect(r.onVerified.mock.calls[0]![0].clientCorrelationId).toBe(r.createOtp.mock.calls[0]![0].clientCorrelationId);
    expect(r.onError).not.toHaveBeenCalled();
    expect(r.createOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
  });

  it('calls onVerified exactly once in StrictMode', async () => {
    const r = renderStepUp({ strict: true });
    await sendCode(r);
    await typeCode(r, '456789');
    await answer(r.lastValidate(), VERIFIED);
    await settle();

    expect(shown('Thank you, your card is confirmed.')).toBeInTheDocument();
    expect(r.onVerified).toHaveBeenCalledTimes(1);
    expect(r.createOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
  });

  it('reports the status changes of a happy path in order', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r);
    await answer(r.lastValidate(), VERIFIED);

    expect(r.onStatusChange.mock.calls.map(([status]) => status)).toEqual([
      'sending',
      'code-entry',
      'verifying',
      'verified',
    ]);
    expect(r.onStatusChange.mock.calls.at(-1)![1]).toMatchObject({ status: 'verified', response: VERIFIED });
  });
});

describe('wrong code', () => {
  it('says so, counts attempts down, clears and focuses the field, and reports invalid-otp', async () => {
    const r = renderStepUp({
      wrap: (ui) => (
        <>
          <button type="button">Elsewhere on the page</button>
          {ui}
        </>
      ),
    });
    await sendCode(r);
    expect(shown('3 attempts left')).toBeInTheDocument();
    await typeCode(r, '111111');
    // focus has gone elsewhere while the code was being checked
    act(() => screen.getByRole('button', { name: 'Elsewhere on the page' }).focus());
    expect(document.activeElement).not.toBe(codeInput());

    await fail(r.lastValidate(), wrongCodeError());

    expect(screen.getByRole('alert')).toHaveTextContent(WRONG);
    expect(shown('2 attempts left')).toBeInTheDocument();
    expect(queryShown('3 attempts left')).not.toBeInTheDocument();
    const input = codeInput();
    expect(input).toHaveValue('');
    expect(input).toBeEnabled();
    expect(document.activeElement).toBe(input);
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(r.onError).toHaveBeenCalledTimes(1);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ kind: 'invalid-otp', operation: 'validate-otp', status: 400 });
    expect(r.onVerified).not.toHaveBeenCalled();
  });

  it('accepts a new code after a wrong one', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await wrongCode(r, '111111');
    await typeCode(r, '456789');

    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    expect(r.validateOtp.mock.calls[1]![0]).toStrictEqual({
      clientCorrelationId: r.createOtp.mock.calls[0]![0].clientCorrelationId,
      stepUpOption: { id: SMS.id },
      otp: '456789',
    });
    await answer(r.lastValidate(), VERIFIED);
    expect(r.onVerified).toHaveBeenCalledTimes(1);
  });

  it('after the last attempt shows the attempts-exhausted message, disables the field and offers a resend', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await wrongCode(r, '111111');
    await wrongCode(r, '222222');
    expect(shown('1 attempt left')).toBeInTheDocument();
    await wrongCode(r, '333333');

    expect(root()).toHaveAttribute('data-status', 'attempts-exhausted');
    expect(codeInput()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Use another method' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Verify' })).not.toBeInTheDocument();
    expect(r.validateOtp).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('alert')).toHaveTextContent(EXHAUSTED);
  });

  it('reports attempts-exhausted (not invalid-otp) for the wrong code that spends the last attempt', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await wrongCode(r, '111111');
    await wrongCode(r, '222222');
    await wrongCode(r, '333333');

    expect(errorKinds(r)).toEqual(['invalid-otp', 'invalid-otp', 'attempts-exhausted']);
  });

  it('a resend after the attempts ran out sends the same body again and restores the attempts', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await wrongCode(r, '111111');
    await wrongCode(r, '222222');
    await wrongCode(r, '333333');

    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.createOtp.mock.calls[1]![0]).toStrictEqual(r.createOtp.mock.calls[0]![0]);
    await answer(r.lastCreate(), GRANT);

    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(shown('3 attempts left')).toBeInTheDocument();
    expect(shown('1 resend left')).toBeInTheDocument();
    const input = codeInput();
    expect(input).toBeEnabled();
    expect(input).toHaveValue('');
    expect(document.activeElement).toBe(input);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await typeCode(r, '456789');
    expect(r.validateOtp).toHaveBeenCalledTimes(4);
    expect(r.validateOtp.mock.calls[3]![0].otp).toBe('456789');
  });

  it('a resend after one wrong code puts the attempts back to 3', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await wrongCode(r, '111111');
    expect(shown('2 attempts left')).toBeInTheDocument();

    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    await answer(r.lastCreate(), GRANT);

    expect(shown('3 attempts left')).toBeInTheDocument();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });

  it('reads an answer that says the code expired as expiry', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r);
    await fail(
      r.lastValidate(),
      new StepUpBackendError('http', 'POST /validate answered 400', {
        status: 400,
        body: { errors: [{ type: 'invalidFields', message: 'The OTP has expired' }] },
      }),
    );

    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(shown(EXPIRED)).toBeInTheDocument();
    expect(codeInput()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
    expect(errorKinds(r)).toEqual(['expired']);
  });

  it('a code the server could not confirm asks for a new one without calling it expired', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r);
    const message = 'This code can’t be confirmed. Request a new code.';
    await fail(
      r.lastValidate(),
      new StepUpBackendError('http', 'POST /validate answered 409', {
        status: 409,
        body: { error: { kind: 'code-unconfirmed', message }, message },
      }),
    );

    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(screen.getByRole('alert')).toHaveTextContent('We couldn’t confirm this code. Request a new code.');
    expect(queryShown(EXPIRED)).not.toBeInTheDocument();
    expect(codeInput()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
    expect(errorKinds(r)).toEqual(['code-unconfirmed']);
  });
});

describe('expiry by the clock', () => {
  beforeEach(() => {
    useFakeClock();
  });
  afterEach(() => {
    restoreClock();
  });

  it('at 0 disables the field, says the code expired, offers a resend and reports expired once', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 1 });
    await r.user.keyboard('12');

    // the display rounds down: 0:00 shows for the last half second, the code is not expired yet
    await advance(59_500);
    expect(screen.getByRole('timer')).toHaveTextContent('Code expires in 0:00');
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(r.onError).not.toHaveBeenCalled();

    await advance(1_000);

    expect(root()).toHaveAttribute('data-status', 'expired');
    const input = codeInput();
    expect(input).toBeDisabled();
    expect(input).toHaveValue('');
    expect(shown(EXPIRED)).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
    expect(errorKinds(r)).toEqual(['expired']);
    expect(r.validateOtp).not.toHaveBeenCalled();

    await advance(10_000);
    expect(errorKinds(r)).toEqual(['expired']);

    // a resend brings a fresh code with its own countdown
    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    await answer(r.lastCreate(), { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 1 });
    expect(screen.getByRole('timer')).toHaveTextContent('Code expires in 1:00');
    expect(codeInput()).toBeEnabled();
  });
});

describe('expiry while a code is being checked', () => {
  beforeEach(() => {
    useFakeClock();
  });
  afterEach(() => {
    restoreClock();
  });

  it('shows the code as expired when a wrong-code answer arrives after the deadline', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 1 });
    await advance(50_000);
    await typeCode(r, '111111');
    expect(root()).toHaveAttribute('data-status', 'verifying');

    // the deadline passes while the backend is still checking the code
    await advance(15_000);
    await fail(r.lastValidate(), wrongCodeError());
    await advance(2_000);

    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(codeInput()).toBeDisabled();
    expect(shown(EXPIRED)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeEnabled();
  });

  it('does not send an expired code again from "Try again" after a network failure past the deadline', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 1 });
    await advance(50_000);
    await typeCode(r, '123456');
    await advance(15_000);
    await fail(r.lastValidate(), networkError());
    await advance(2_000);

    const retry = screen.queryByRole('button', { name: 'Try again' });
    if (retry) {
      await r.user.click(retry);
      await settle();
    }

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(root()).toHaveAttribute('data-status', 'expired');
    expect(shown(EXPIRED)).toBeInTheDocument();
  });
});

describe('send budget', () => {
  it('with no resends left disables Resend and says why', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 1, maxVerificationAllowed: 3, codeExpiration: 5 });

    const resend = screen.getByRole('button', { name: 'Resend code' });
    expect(resend).toBeDisabled();
    expect(shown('No more codes can be sent for this card.')).toBeInTheDocument();
    expect(resend).toHaveAccessibleDescription('No more codes can be sent for this card.');

    await r.user.click(resend);
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('counts resends down to none', async () => {
    const r = renderStepUp();
    await sendCode(r, { maxRequestsAllowed: 2, maxVerificationAllowed: 3, codeExpiration: 5 });
    expect(shown('1 resend left')).toBeInTheDocument();

    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    await answer(r.lastCreate(), { maxRequestsAllowed: 2, maxVerificationAllowed: 3, codeExpiration: 5 });

    expect(shown('No more codes can be sent for this card.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resend code' })).toBeDisabled();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });

  it('stops offering sends when the backend says the limit is reached', async () => {
    const r = renderStepUp();
    await sendCode(r, {});
    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    await fail(
      r.lastCreate(),
      new StepUpBackendError('http', 'POST /one-time-passwords answered 400', {
        status: 400,
        body: { errors: [{ type: 'invalidFields', message: 'Maximum OTP requests exceeded' }] },
      }),
    );

    expect(screen.getByRole('alert')).toHaveTextContent(
      'No more codes can be sent for this card. Please use another payment method.',
    );
    expect(errorKinds(r)).toEqual(['resends-exhausted']);
    const resend = screen.queryByRole('button', { name: 'Resend code' });
    if (resend) expect(resend).toBeDisabled();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });
});

describe('failed send', () => {
  it('a 500 gives a sentence and onError; "Try again" makes exactly one more createOtp per click', async () => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());

    expect(screen.getByRole('alert')).toHaveTextContent(SERVER);
    expect(root()).toHaveAttribute('data-status', 'send-failed');
    expect(errorKinds(r)).toEqual(['server-error']);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ operation: 'create-otp', status: 500 });

    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.createOtp.mock.calls[1]![0]).toStrictEqual(r.createOtp.mock.calls[0]![0]);

    await answer(r.lastCreate(), GRANT);
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(shown('We sent a code to ***-***-1234.')).toBeInTheDocument();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });

  it('a double click on "Try again" makes one more call', async () => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());

    await r.user.dblClick(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });

  it('two clicks on "Try again" landing before React re-renders make one more call', async () => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());

    const retry = screen.getByRole('button', { name: 'Try again' });
    await act(async () => {
      retry.click();
      retry.click();
    });
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);

    // a second failure and a second Try again: one more call again
    await fail(r.lastCreate(), serverError());
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(3);
    expect(errorKinds(r)).toEqual(['server-error', 'server-error']);
  });

  it('a failed resend keeps the code screen and retries the resend', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    await fail(r.lastCreate(), networkError());

    expect(screen.getByRole('alert')).toHaveTextContent(NETWORK);
    expect(screen.getByLabelText('Verification code')).toBeInTheDocument();
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(3);
    expect(r.createOtp.mock.calls[2]![0]).toStrictEqual(r.createOtp.mock.calls[0]![0]);
  });

  it.each([
    ['"oops"', 'oops'],
    ['null', null],
    ['an array', []],
  ])('a malformed createOtp answer (%s) gives a sentence and malformed-response', async (_label, raw) => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    await answer(r.lastCreate(), raw as never);

    expect(screen.getByRole('alert')).toHaveTextContent(MALFORMED);
    expect(screen.queryByLabelText('Verification code')).not.toBeInTheDocument();
    expect(errorKinds(r)).toEqual(['malformed-response']);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('a backend that rejects with a plain Error gives a sentence', async () => {
    const r = renderStepUp();
    r.createOtp.mockImplementationOnce(() => Promise.reject(new Error('proxy exploded')));
    await r.user.click(sendButton());
    await settle();

    expect(screen.getByRole('alert')).toHaveTextContent(UNKNOWN);
    expect(errorKinds(r)).toEqual(['unknown']);
    expect(root()).toHaveAttribute('data-status', 'send-failed');
  });

  it('a backend that throws synchronously does not throw out of the component', async () => {
    const r = renderStepUp();
    r.createOtp.mockImplementationOnce(() => {
      throw new Error('not a promise at all');
    });
    await r.user.click(sendButton());
    await settle();

    expect(screen.getByRole('alert')).toHaveTextContent(UNKNOWN);
    expect(errorKinds(r)).toEqual(['unknown']);
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
  });
});

describe('failed validate', () => {
  it('a network failure keeps the code and the attempts; "Try again" repeats one validateOtp with the same code', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '123456');
    await fail(r.lastValidate(), networkError());

    expect(screen.getByRole('alert')).toHaveTextContent(NETWORK);
    expect(root()).toHaveAttribute('data-status', 'verify-failed');
    expect(codeInput()).toHaveValue('123456');
    expect(shown('3 attempts left')).toBeInTheDocument();
    expect(errorKinds(r)).toEqual(['network']);

    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    expect(r.validateOtp.mock.calls[1]![0]).toStrictEqual(r.validateOtp.mock.calls[0]![0]);
    expect(r.validateOtp.mock.calls[1]![0].otp).toBe('123456');

    await answer(r.lastValidate(), VERIFIED);
    expect(r.onVerified).toHaveBeenCalledTimes(1);
    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('a double click on "Try again" after a failed validate makes one more call', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '123456');
    await fail(r.lastValidate(), serverError());

    expect(screen.getByRole('alert')).toHaveTextContent(SERVER);
    const retry = screen.getByRole('button', { name: 'Try again' });
    await act(async () => {
      retry.click();
      retry.click();
    });
    await settle();
    expect(r.validateOtp).toHaveBeenCalledTimes(2);
  });

  it('Enter after a network failure repeats one validateOtp with the code in the field', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '123456');
    await fail(r.lastValidate(), networkError());

    await r.user.click(codeInput());
    await r.user.keyboard('{Enter}');
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    expect(r.validateOtp.mock.calls[1]![0]).toStrictEqual(r.validateOtp.mock.calls[0]![0]);
  });

  it('a corrected code after a network failure is validated instead of the old one', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '123456');
    await fail(r.lastValidate(), networkError());

    await r.user.clear(codeInput());
    await r.user.keyboard('654321');
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    expect(r.validateOtp.mock.calls[1]![0].otp).toBe('654321');
    expect(shown('3 attempts left')).toBeInTheDocument();
  });

  it('a malformed validate answer gives a sentence, keeps the code and does not verify', async () => {
    const r = renderStepUp();
    await sendCode(r);
    await typeCode(r, '123456');
    await answer(r.lastValidate(), 'oops' as never);

    expect(screen.getByRole('alert')).toHaveTextContent(MALFORMED);
    expect(r.onVerified).not.toHaveBeenCalled();
    expect(errorKinds(r)).toEqual(['malformed-response']);
    expect(codeInput()).toHaveValue('123456');
    expect(shown('3 attempts left')).toBeInTheDocument();
  });

  it('a plain Error from validate gives a sentence and keeps the code', async () => {
    const r = renderStepUp();
    await sendCode(r);
    r.validateOtp.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    await typeCode(r, '123456');

    expect(screen.getByRole('alert')).toHaveTextContent(UNKNOWN);
    expect(codeInput()).toHaveValue('123456');
    expect(errorKinds(r)).toEqual(['unknown']);
  });
});

describe('cancel', () => {
  it('shows no Cancel button without onCancel', async () => {
    const r = renderStepUp();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await sendCode(r);
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('"Use another method" while a code is being sent aborts that call and lets the cardholder send elsewhere', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await r.user.click(sendButton());
    await settle();
    const first = r.lastCreate();

    await r.user.click(screen.getByRole('button', { name: 'Use another method' }));
    await settle();
    expect(first.signal.aborted).toBe(true);
    expect(root()).toHaveAttribute('data-status', 'choosing');
    expect(r.onError).not.toHaveBeenCalled();

    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    await r.user.click(sendButton());
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.createOtp.mock.calls[1]![0].stepUpOption).toStrictEqual({ id: EMAIL.id });
    await answer(r.lastCreate(), GRANT);
    expect(shown('We sent a code to j***@example.com.')).toBeInTheDocument();
  });

  it('a new send is not held back by an abandoned call whose backend ignores the abort signal', async () => {
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    // this backend never settles its first call, abort or not
    r.createOtp.mockImplementationOnce(() => new Promise(() => {}));
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await r.user.click(sendButton());
    await settle();
    await r.user.click(screen.getByRole('button', { name: 'Use another method' }));
    await settle();

    await r.user.click(screen.getByRole('radio', { name: 'Email to j***@example.com' }));
    await r.user.click(sendButton());
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();

    expect(r.createOtp).toHaveBeenCalledTimes(2);
    expect(r.createOtp.mock.calls[1]![0].stepUpOption).toStrictEqual({ id: EMAIL.id });
  });

  it('offers Cancel when no OTP option exists', async () => {
    const onCancel = vi.fn();
    const r = renderStepUp({ stepUpOptions: [], onCancel });
    await r.user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(root()).toHaveAttribute('data-status', 'cancelled');
  });

  it('calls onCancel and aborts the createOtp in flight', async () => {
    const onCancel = vi.fn();
    const r = renderStepUp({ onCancel });
    await r.user.click(sendButton());
    await settle();
    const call = r.lastCreate();
    expect(call.signal.aborted).toBe(false);

    await r.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();

    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(call.signal.aborted).toBe(true);
    expect(root()).toHaveAttribute('data-status', 'cancelled');
    expect(shown('Verification cancelled.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(r.onError).not.toHaveBeenCalled();
    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('aborts the validateOtp in flight and ignores its late answer', async () => {
    const onCancel = vi.fn();
    const r = renderStepUp({ onCancel });
    await sendCode(r);
    await typeCode(r);
    const call = r.lastValidate();

    await r.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(call.signal.aborted).toBe(true);
    await answer(call, VERIFIED);

    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(root()).toHaveAttribute('data-status', 'cancelled');
    expect(r.onVerified).not.toHaveBeenCalled();
    expect(r.onError).not.toHaveBeenCalled();
  });

  it('aborts the call in flight when the component unmounts', async () => {
    const r = renderStepUp();
    await r.user.click(sendButton());
    await settle();
    const call = r.lastCreate();

    r.unmount();
    await settle();

    expect(call.signal.aborted).toBe(true);
    expect(r.onError).not.toHaveBeenCalled();
  });
});
