import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { StepUpBackendError, StepUpOtp } from '../src';
import { createSandbox, DEFAULT_SANDBOX_OPTIONS, type StepUpSandbox } from '../src/sandbox';
import { chooseAndSend, root, sentCode, waitForStatus, wholeText, wrongCode } from './support/play';
import { SimulatedDevice, withSandbox } from './support/sandbox';
import { USAGE } from './support/usage';

const [SMS, EMAIL] = DEFAULT_SANDBOX_OPTIONS as [(typeof DEFAULT_SANDBOX_OPTIONS)[0], (typeof DEFAULT_SANDBOX_OPTIONS)[0]];
const SMS_LABEL = /Text message to \*\*\*-\*\*\*-1234/;
const BANK_LABEL = /Online banking: Acme Bank app/;
const EMAIL_LABEL = /Email to j\*\*\*\*\*n@e\*\*\*\*\*e\.com/;

const meta = {
  title: 'StepUpOtp',
  component: StepUpOtp,
  tags: ['autodocs'],
  ...withSandbox,
  args: {
    stepUpOptions: DEFAULT_SANDBOX_OPTIONS,
    // replaced in render by the story's own simulator (see sandboxLoader)
    backend: createSandbox().backend,
    onVerified: fn(),
    onError: fn(),
    onStatusChange: fn(),
  },
  parameters: { docs: { description: { component: USAGE } } },
} satisfies Meta<typeof StepUpOtp>;
export default meta;
type Story = StoryObj<typeof meta>;

function sandboxOf(loaded: Record<string, unknown>): StepUpSandbox {
  return loaded.sandbox as StepUpSandbox;
}

/** The issuer offers SMS, email and online banking; nothing is sent until the cardholder chooses. */
export const ThreeChannels: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    const radios = canvas.getAllByRole('radio');
    await expect(radios).toHaveLength(3);
    await expect(canvas.getByRole('radio', { name: SMS_LABEL })).not.toBeChecked();
    await expect(canvas.getByRole('radio', { name: /Online banking: Acme Bank app/ })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByText('Choose where we should send your code.')).toBeVisible();
    await expect(sandbox.calls()).toHaveLength(0);
  },
};

export const TwoChannels: Story = {
  args: { stepUpOptions: [SMS, EMAIL] },
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    await expect(canvas.getAllByRole('radio')).toHaveLength(2);
    await chooseAndSend(canvas, userEvent, EMAIL_LABEL);
    await expect(canvas.getByText(wholeText('We sent a code to j*****n@e*****e.com.'))).toBeVisible();
    await expect(sandbox.calls('createOtp')[0]!.body).toEqual({
      clientCorrelationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      stepUpOption: { id: EMAIL.id },
    });
  },
};

/** One option is preselected; a double click on Send still sends one code. */
export const OneChannel: Story = {
  args: { stepUpOptions: [SMS] },
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    await expect(canvas.getByRole('radio', { name: SMS_LABEL })).toBeChecked();
    await userEvent.dblClick(canvas.getByRole('button', { name: 'Send code' }));
    await canvas.findByLabelText('Verification code');
    await expect(sandbox.calls('createOtp')).toHaveLength(1);
  },
};

/** The send is in flight: the button says so and the channels are locked. */
export const Sending: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { failure: 'hang' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('radio', { name: SMS_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    const button = await canvas.findByRole('button', { name: 'Sending…' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('radio', { name: SMS_LABEL })).toBeDisabled();
    await expect(root(canvas)).toHaveAttribute('data-status', 'sending');
  },
};

/** After a send: where the code went, the countdown, attempts and resends left, and focus in the field. */
export const CodeEntry: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent }) => {
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByText(wholeText('We sent a code to ***-***-1234.'))).toBeVisible();
    await waitFor(() => expect(input).toHaveFocus());
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in (5:00|4:5\d)/);
    await expect(canvas.getByText('3 attempts left')).toBeVisible();
    await expect(canvas.getByText('2 resends left')).toBeVisible();
  },
};

/** A pasted message keeps only its digits and submits the code. */
export const PasteCode: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    const code = sentCode(sandbox);
    await userEvent.click(input);
    await userEvent.paste(`Your code: ${code.slice(0, 3)}-${code.slice(3)}`);
    await waitForStatus(canvas, 'verified');
    await expect(sandbox.calls('validateOtp')).toHaveLength(1);
    await expect(sandbox.calls('validateOtp')[0]!.body).toMatchObject({ otp: code, stepUpOption: { id: SMS!.id } });
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};

/** A mistyped digit is fixed in place: a tap on its slot selects it, and the digit typed replaces it. */
export const FixOneDigit: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, canvasElement, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    const code = sentCode(sandbox);
    const wrong = String((Number(code[1]) + 1) % 10);
    await userEvent.keyboard(code[0] + wrong + code.slice(2, 5));
    const slot = canvasElement.querySelectorAll('[data-part="code-slot"]')[1]!.getBoundingClientRect();
    await userEvent.pointer({ keys: '[MouseLeft]', target: input, coords: { clientX: slot.left + slot.width / 2, clientY: slot.top + slot.height / 2 } });
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-part="code-slot"]')[1]).toHaveAttribute('data-active'));
    await userEvent.keyboard(code[1]!);
    await expect(input).toHaveValue(code.slice(0, 5));
    await expect(sandbox.calls('validateOtp')).toHaveLength(0);
    await userEvent.keyboard('{End}' + code[5]);
    await waitForStatus(canvas, 'verified');
    await expect(sandbox.calls('validateOtp')[0]!.body).toMatchObject({ otp: code });
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};

/** The last seconds of a code: the countdown turns urgent. */
export const NearExpiry: Story = {
  tags: ['!autodocs'],
  // 15 alone would read as minutes under the 'auto' rule; the merchant who knows the unit says so
  args: { codeExpirationUnit: 'seconds' },
  parameters: { sandbox: { codeLifetimeSeconds: 15, expirationFormat: 'seconds' } },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in 0:1\d/);
  },
};

/** A wrong code: a sentence, one attempt fewer, the field cleared and focused. */
export const WrongCode: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await userEvent.type(input, wrongCode(sandbox));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('That code isn’t right. Check it and try again. 2 attempts left.');
    await expect(canvas.getByText('2 attempts left')).toBeVisible();
    await expect(input).toHaveValue('');
    await waitFor(() => expect(input).toHaveFocus());
    await expect(sandbox.calls('validateOtp')).toHaveLength(1);
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-otp' }));
  },
};

/** No attempts left for this code: a new code is needed. */
export const AttemptsExhausted: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { maxVerificationAllowed: 1 } },
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByText('1 attempt left')).toBeVisible();
    await userEvent.type(input, wrongCode(sandbox));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Too many incorrect codes. Request a new code or choose another method.',
    );
    await expect(input).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Resend code' }));
    await waitForStatus(canvas, 'code-entry');
    await expect(sandbox.calls('createOtp')).toHaveLength(2);
    await expect(canvas.getByText('1 attempt left')).toBeVisible();
  },
};

/** The countdown reached zero: the field is disabled and a new code is offered. */
export const Expired: Story = {
  tags: ['!autodocs'],
  args: { codeExpirationUnit: 'seconds' },
  parameters: { sandbox: { codeLifetimeSeconds: 2, expirationFormat: 'seconds' } },
  play: async ({ canvas, userEvent, args }) => {
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(await canvas.findByText('This code has expired. Request a new code.', {}, { timeout: 4000 })).toBeVisible();
    await expect(input).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Resend code' })).toBeEnabled();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'expired' }));
  },
};

/** Every allowed code has been sent: Resend is disabled and says why. */
export const ResendsExhausted: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { maxRequestsAllowed: 2 } },
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByText('1 resend left')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Resend code' }));
    await waitFor(() => expect(sandbox.calls('createOtp')).toHaveLength(2));
    await expect(await canvas.findByText('No more codes can be sent for this card.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Resend code' })).toBeDisabled();
  },
};

/** The send failed (500): a sentence, and Try again makes exactly one more call. */
export const SendFailed: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { failure: 'send-server-error' } },
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    await userEvent.click(canvas.getByRole('radio', { name: SMS_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong on our side. Please try again.');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'server-error', status: 500 }));
    sandbox.configure({ failure: 'none' });
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitForStatus(canvas, 'code-entry');
    await expect(sandbox.calls('createOtp')).toHaveLength(2);
  },
};

/** The issuer refused to send to the first channel chosen: the choice opens again for another one. */
export const SendRejectedChooseAnother: Story = {
  tags: ['!autodocs'],
  args: { stepUpOptions: [SMS, EMAIL] },
  parameters: { sandbox: { failure: 'send-rejected' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('radio', { name: SMS_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We couldn’t send a code there. Try again or choose another method.');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'send-rejected' }));
    await expect(canvas.getByRole('radio', { name: EMAIL_LABEL })).toBeEnabled();
    await expect(canvas.queryByRole('button', { name: 'Use another method' })).not.toBeInTheDocument();
  },
};

/** The code is being checked: the field is read-only and keeps focus, the slots dim, Verify says so. */
export const Checking: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    sandbox.configure({ failure: 'hang' });
    await userEvent.type(input, sentCode(sandbox));
    await waitForStatus(canvas, 'verifying');
    await expect(input).toHaveAttribute('readonly');
    await expect(input).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Checking…' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Validation failed on the server (500): not a wrong code, so the code and attempts stay. */
export const ValidateFailed: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    const code = sentCode(sandbox);
    sandbox.configure({ failure: 'validate-server-error' });
    await userEvent.type(input, code);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    await expect(input).toHaveValue(code);
    await expect(canvas.getByText('3 attempts left')).toBeVisible();
    sandbox.configure({ failure: 'none' });
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitForStatus(canvas, 'verified');
    const bodies = sandbox.calls('validateOtp').map((c) => (c.body as { otp: string }).otp);
    await expect(bodies).toEqual([code, code]);
  },
};

/** Earlier sends spent this card's budget: the backend refuses, and no "Try again" is offered. */
export const SendLimitReachedEarlier: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { maxRequestsAllowed: 1 } },
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    // a code sent in an earlier visit spent the card's only send
    await sandbox.backend.createOtp(
      { clientCorrelationId: 'earlier-visit', stepUpOption: { id: SMS!.id! } },
      { signal: new AbortController().signal },
    );
    await userEvent.click(canvas.getByRole('radio', { name: SMS_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('No more codes can be sent for this card.');
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    // every channel shares the card's budget: no other method to offer, and the reason is said once
    await expect(canvas.queryByRole('button', { name: 'Use another method' })).not.toBeInTheDocument();
    await expect(canvas.queryAllByText(/No more codes can be sent/)).toHaveLength(1);
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'resends-exhausted', status: 403 }));
  },
};

/**
 * The merchant's server lost Visa's answer to an earlier check of this code, and Visa now refuses it: the
 * code may have been used up, so it is neither right nor wrong (409 `code-unconfirmed` from
 * `stepup-kit/server`). No attempt is spent; a new code is the way on.
 */
export const CodeUnconfirmed: Story = {
  tags: ['!autodocs'],
  render: (args, { loaded }) => {
    const sandbox = sandboxOf(loaded);
    const message = 'This code could not be confirmed. Request a new code.';
    const backend = {
      ...sandbox.backend,
      validateOtp: () =>
        Promise.reject(new StepUpBackendError('http', 'POST /validate answered 409', { status: 409, body: { error: { kind: 'code-unconfirmed', message }, message } })),
    };
    return (
      <div className="sb-stage">
        <StepUpOtp {...args} backend={backend} />
        <SimulatedDevice sandbox={sandbox} />
      </div>
    );
  },
  play: async ({ canvas, userEvent, loaded, args }) => {
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await userEvent.type(input, sentCode(sandboxOf(loaded)));
    await waitForStatus(canvas, 'expired');
    await expect(canvas.getByRole('alert')).toHaveTextContent('We couldn’t confirm this code. Request a new code.');
    await expect(canvas.queryByText(wholeText('This code has expired. Request a new code.'))).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Resend code' })).toBeEnabled();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'code-unconfirmed', status: 409 }));
  },
};

/** The backend says the code expired before the countdown did (its clock decides). */
export const ExpiredByTheServer: Story = {
  tags: ['!autodocs'],
  // the simulator's codes live 1 s, but the merchant told the kit to read codeExpiration as minutes
  args: { codeExpirationUnit: 'minutes' },
  parameters: { sandbox: { codeLifetimeSeconds: 1, expirationFormat: 'seconds' } },
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await userEvent.type(input, sentCode(sandbox));
    await waitForStatus(canvas, 'expired');
    await expect(canvas.getByText(wholeText('This code has expired. Request a new code.'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Resend code' })).toHaveFocus();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'expired', status: 400 }));
  },
};

export const NetworkDown: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { failure: 'network' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('radio', { name: SMS_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t connect. Check your internet connection and try again.',
    );
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' }));
  },
};

/** The backend answered something that is not the Visa shape. */
export const MalformedAnswer: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { failure: 'malformed' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('radio', { name: SMS_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We got an unexpected answer. Please try again.');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'malformed-response' }));
  },
};

/** The right code: success, and onVerified exactly once. */
export const Verified: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = sandboxOf(loaded);
    const input = await chooseAndSend(canvas, userEvent, EMAIL_LABEL);
    await userEvent.type(input, sentCode(sandbox));
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText('Thank you, your card is confirmed.', { selector: 'p' })).toBeVisible();
    await expect(sandbox.calls('validateOtp')).toHaveLength(1);
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
    await expect(args.onVerified).toHaveBeenCalledWith(
      expect.objectContaining({ response: { action: 'AUTHENTICATION_REGISTRATION' } }),
    );
  },
};

/** Visa's sandbox golden code 456789 is accepted when the simulator is set up for it. */
export const GoldenCode: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { goldenCode: true } },
  play: async ({ canvas, userEvent }) => {
    const input = await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await userEvent.type(input, '456789');
    await waitForStatus(canvas, 'verified');
  },
};

/** Visa's VTS types the three numbers as strings; the kit reads them the same. */
export const NumbersAsStrings: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { numbersAsStrings: true } },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in (5:00|4:5\d)/);
    await expect(canvas.getByText('3 attempts left')).toBeVisible();
  },
};

export const ExpirationInMinutes: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { codeLifetimeSeconds: 120, expirationFormat: 'minutes' } },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in (2:00|1:5\d)/);
  },
};

export const ExpirationInSeconds: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { codeLifetimeSeconds: 90, expirationFormat: 'seconds' } },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in (1:30|1:2\d)/);
  },
};

export const ExpirationAsEpochSeconds: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { codeLifetimeSeconds: 150, expirationFormat: 'epoch-seconds' } },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in (2:30|2:2\d)/);
  },
};

export const ExpirationAsEpochMilliseconds: Story = {
  tags: ['!autodocs'],
  parameters: { sandbox: { codeLifetimeSeconds: 45, expirationFormat: 'epoch-milliseconds' } },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Code expires in 0:(45|4\d)/);
  },
};

/** "Use another method" goes back to the choice; the other channel gets its own code. */
export const UseAnotherMethod: Story = {
  tags: ['!autodocs'],
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = sandboxOf(loaded);
    await chooseAndSend(canvas, userEvent, SMS_LABEL);
    await userEvent.click(canvas.getByRole('button', { name: 'Use another method' }));
    await waitForStatus(canvas, 'choosing');
    await chooseAndSend(canvas, userEvent, EMAIL_LABEL);
    await expect(sandbox.calls('createOtp').map((c) => c.body.stepUpOption.id)).toEqual([SMS!.id, EMAIL!.id]);
    await expect(canvas.getByText('1 resend left')).toBeVisible();
  },
};

/** The issuer offered no OTP channel (only a phone call): a clear sentence and onError. */
export const NoOtpOptions: Story = {
  args: {
    stepUpOptions: [{ id: 'Y3VzdG9tZXItc2VydmljZQ==', method: 'CUSTOMER_SERVICE', value: '1-800-555-1212' }],
    onCancel: fn(),
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(/can’t be confirmed with a one-time code/);
    await expect(canvas.queryByRole('radio')).not.toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'no-otp-options' }));
  },
};

/** With onCancel, a Cancel button shows; pressing it during a hanging send aborts the call. */
export const Cancel: Story = {
  tags: ['!autodocs'],
  args: { onCancel: fn() },
  parameters: { sandbox: { failure: 'hang' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('radio', { name: BANK_LABEL }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await canvas.findByRole('button', { name: 'Sending…' });
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await waitForStatus(canvas, 'cancelled');
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};
