import { useSyncExternalStore } from 'react';
import { StepUpOtp, type StepUpOtpProps } from '../../src';
import { createSandbox, type SandboxOptions, type StepUpSandbox } from '../../src/sandbox';

/** A fresh simulator for every story render, configured by `parameters.sandbox`. */
export const sandboxLoader = async ({ parameters }: { parameters: { sandbox?: SandboxOptions } }) => ({
  sandbox: createSandbox(parameters.sandbox),
});

/** The simulated phone or inbox: shows the last code the simulator sent, as a cardholder would see it. */
export function SimulatedDevice({ sandbox }: { sandbox: StepUpSandbox }) {
  const message = useSyncExternalStore(
    (l) => sandbox.subscribe(l),
    () => sandbox.lastMessage(),
  );
  return (
    <aside aria-label="Simulated phone and inbox" className="sb-device">
      <p className="sb-device-title">Simulated phone / inbox</p>
      {message ? (
        <p>
          {message.method === 'OTP_EMAIL' ? 'Email' : message.method === 'OTP_SMS' ? 'SMS' : 'Bank app'} to {message.to}:{' '}
          <strong data-testid="sent-code">{message.code}</strong> is your Acme Bank code.
        </p>
      ) : (
        <p>No code sent yet.</p>
      )}
    </aside>
  );
}

/** The Meta parts shared by the stories that run `<StepUpOtp>` against the story's simulator. */
export const withSandbox = {
  loaders: [sandboxLoader],
  argTypes: { backend: { control: false as const }, queryClient: { control: false as const }, now: { control: false as const } },
  render: (args: StepUpOtpProps, { loaded }: { loaded: Record<string, unknown> }) => {
    const sandbox = loaded.sandbox as StepUpSandbox;
    return (
      <div className="sb-stage">
        <StepUpOtp {...args} backend={sandbox.backend} />
        <SimulatedDevice sandbox={sandbox} />
      </div>
    );
  },
};
