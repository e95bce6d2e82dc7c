import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { StepUp, isChoiceReopened, offers, useStepUpOtp, type UseStepUpOtpOptions } from '../src';
import { createSandbox, DEFAULT_SANDBOX_OPTIONS, type StepUpSandbox } from '../src/sandbox';
import { sentCode, wholeText } from './support/play';
import { sandboxLoader, SimulatedDevice } from './support/sandbox';

/**
 * A layout of the merchant's own, from the unstyled parts and the headless hook: the code field first,
 * the channels as a `<select>` under it, the merchant's own buttons and labels, and its own stylesheet
 * (the default one is not applied: there is no `stepup` class here).
 */
function ComposedStepUp(props: UseStepUpOtpOptions) {
  const stepUp = useStepUpOtp(props);
  const selectId = useId();
  const { state, messages, form } = stepUp;
  const { ref, onChange, ...channel } = form.register('optionId');
  const choiceError = form.formState.errors.optionId?.message;
  const done = state.status === 'verified';
  return (
    <StepUp.Root stepUp={stepUp} className="acme-stepup">
      <StepUp.Title className="acme-title">Verify your card</StepUp.Title>
      {done ? (
        <StepUp.Success className="acme-success">Card verified. You can place your order.</StepUp.Success>
      ) : (
        <>
          {/* the whole destination, which a narrow select cuts short */}
          <StepUp.CodeSentNotice className="acme-notice" />
          <StepUp.CodeInput className="acme-field" slotsClassName="acme-slots" />
          <div className="acme-status">
            <StepUp.Countdown />
            <StepUp.Attempts />
          </div>
          <StepUp.ErrorMessage className="acme-error" />
          <div className="acme-channel">
            <label htmlFor={selectId}>{messages.chooseMethod}</label>
            <select
              id={selectId}
              // belongs to no form: the merchant's checkout never submits the option id
              form={`${selectId}-no-form`}
              ref={ref}
              {...channel}
              onChange={(event) => {
                // after a failed first send, another channel starts over from the choice
                if (isChoiceReopened(state)) stepUp.changeMethod();
                void onChange(event);
              }}
              disabled={!offers(state, 'choose')}
              aria-invalid={choiceError ? true : undefined}
              aria-describedby={choiceError ? `${selectId}-error` : undefined}
            >
              <option value="">Choose a channel…</option>
              {stepUp.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {messages.optionLabel({ method: option.method, methodName: messages.methodName(option.method), value: option.value })}
                </option>
              ))}
            </select>
            {choiceError ? (
              <p id={`${selectId}-error`} role="alert" className="acme-error">
                {choiceError}
              </p>
            ) : null}
          </div>
          <div className="acme-actions">
            {state.status === 'choosing' || state.status === 'sending' ? (
              <StepUp.SendButton className="acme-primary">Send me a code</StepUp.SendButton>
            ) : (
              <button type="button" className="acme-primary" disabled={!offers(state, 'submit')} onClick={() => stepUp.submitCode()}>
                Check code
              </button>
            )}
            <StepUp.RetryButton className="acme-primary" />
            <StepUp.ResendButton className="acme-link">Send a new code</StepUp.ResendButton>
            <StepUp.ChangeMethodButton className="acme-link">Use a different channel</StepUp.ChangeMethodButton>
          </div>
        </>
      )}
    </StepUp.Root>
  );
}

const ACME = `
.acme-stepup { font: 16px/1.45 system-ui, sans-serif; color: #1b1f24; background: #fffdf7; border: 2px solid #1b1f24;
  border-radius: 4px; padding: 16px; flex: 0 1 420px; min-width: 0; display: flex; flex-direction: column; gap: 12px; box-sizing: border-box; }
.acme-stepup * { box-sizing: border-box; }
.acme-title { margin: 0; font-size: 1.25em; }
.acme-notice { margin: 0; overflow-wrap: anywhere; }
.acme-field label { font-weight: 700; display: block; }
.acme-field p { margin: 0 0 6px; color: #3d4550; }
.acme-stepup [data-part='code-slots'] { display: flex; gap: 6px; }
.acme-stepup [data-part='code-slot'] { flex: 1 1 0; max-width: 3em; height: 3.2em; display: flex; align-items: center;
  justify-content: center; border: 2px solid #1b1f24; border-radius: 4px; background: #fff; font-size: 1.1em; font-weight: 700; }
.acme-stepup [data-part='code-slot'][data-active] { outline: 3px solid #0047bb; outline-offset: 1px; }
.acme-stepup [data-state='locked'] [data-part='code-slot'] { border-style: dashed; background: #eeece6; }
.acme-stepup [data-part='code-caret'] { width: 2px; height: 1.2em; background: #1b1f24; }
.acme-status { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; font-size: 0.9em; }
.acme-status p { margin: 0; }
.acme-error { margin: 0; color: #a1130a; font-weight: 600; }
.acme-channel { display: flex; flex-direction: column; gap: 4px; }
.acme-channel label { font-weight: 700; }
.acme-channel select { font: inherit; padding: 8px; border: 2px solid #1b1f24; border-radius: 4px; background: #fff; color: #1b1f24;
  /* a select is as wide as its longest option unless told otherwise: on a phone, the card's width */
  width: 100%; }
.acme-actions { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.acme-primary { font: inherit; font-weight: 700; padding: 10px 18px; border: 0; border-radius: 4px; background: #0047bb; color: #fff; cursor: pointer; }
.acme-primary:disabled, .acme-primary[aria-disabled='true'] { background: #5d6b82; cursor: default; }
.acme-link { font: inherit; padding: 0; border: 0; background: none; color: #0047bb; text-decoration: underline; cursor: pointer; }
.acme-link:disabled { color: #5d6b82; cursor: default; }
.acme-success { color: #0b5e2a; font-weight: 700; display: flex; align-items: center; gap: 10px; }
.acme-success p { margin: 0; }
.acme-stepup :focus-visible { outline: 3px solid #0047bb; outline-offset: 2px; }
`;

const meta = {
  title: 'StepUp parts/Composed layout',
  component: ComposedStepUp,
  loaders: [sandboxLoader],
  argTypes: { backend: { control: false }, queryClient: { control: false }, now: { control: false } },
  args: { stepUpOptions: DEFAULT_SANDBOX_OPTIONS, backend: createSandbox().backend, onVerified: fn(), onError: fn() },
  render: (args, { loaded }) => {
    const sandbox = loaded.sandbox as StepUpSandbox;
    return (
      <div className="sb-stage">
        <style>{ACME}</style>
        <ComposedStepUp {...args} backend={sandbox.backend} />
        <SimulatedDevice sandbox={sandbox} />
      </div>
    );
  },
} satisfies Meta<typeof ComposedStepUp>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The field above a `<select>` of channels and the merchant's own buttons: a whole step-up, in Chromium. */
export const CodeFieldAboveChannelSelect: Story = {
  play: async ({ canvas, userEvent, loaded, args }) => {
    const sandbox = loaded.sandbox as StepUpSandbox;
    const field = canvas.getByLabelText('Verification code');
    const select = canvas.getByLabelText('Where should we send your code?');
    // the merchant's order: the code field comes first, disabled until a code is sent
    await expect(field.compareDocumentPosition(select) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expect(field).toBeDisabled();

    await userEvent.click(canvas.getByRole('button', { name: 'Send me a code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Choose where we should send your code.');
    await expect(sandbox.calls()).toHaveLength(0);

    await userEvent.selectOptions(select, canvas.getByRole('option', { name: /Email to/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send me a code' }));
    await waitFor(() => expect(field).toBeEnabled(), { timeout: 4000 });
    await waitFor(() => expect(field).toHaveFocus());
    await expect(canvas.getByText(wholeText('We sent a code to j*****n@e*****e.com.'))).toBeVisible();
    await expect(select).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Use a different channel' })).toBeEnabled();

    await userEvent.keyboard(sentCode(sandbox));
    await expect(await canvas.findByText('Card verified. You can place your order.', {}, { timeout: 4000 })).toBeVisible();
    await expect(sandbox.calls('createOtp')).toHaveLength(1);
    await expect(sandbox.calls('createOtp')[0]!.body).toMatchObject({ stepUpOption: { id: DEFAULT_SANDBOX_OPTIONS[1]!.id } });
    await expect(sandbox.calls('validateOtp')).toHaveLength(1);
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};

/** The same layout to try by hand: the simulated phone beside it shows each code sent. */
export const TryIt: Story = {};
