import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect } from 'storybook/test';
import { StepUpOtp, type CodeExpirationUnit } from '../src';
import { createSandbox, type SandboxExpirationFormat, type SandboxFailure } from '../src/sandbox';
import { chooseAndSend, sentCode, waitForStatus } from './support/play';
import { SimulatedDevice } from './support/sandbox';

interface PlaygroundProps {
  /** Delay of every simulated answer, in ms. */
  latencyMs: number;
  /** How the simulated backend fails. */
  failure: SandboxFailure;
  /** Lifetime of each code, in seconds. */
  codeLifetimeSeconds: number;
  /** How the simulator writes `codeExpiration`. */
  expirationFormat: SandboxExpirationFormat;
  /** How `<StepUpOtp>` reads `codeExpiration`. */
  codeExpirationUnit: CodeExpirationUnit;
  maxRequestsAllowed: number;
  maxVerificationAllowed: number;
  /** Accept Visa's sandbox code 456789. */
  goldenCode: boolean;
  codeLength: number;
}

/** `<StepUpOtp>` against a simulator whose behaviour the controls drive. */
function Playground(props: PlaygroundProps) {
  const [sandbox] = useState(() => createSandbox(props));
  useEffect(() => {
    sandbox.configure(props);
  }, [sandbox, props]);
  return (
    <div className="sb-stage">
      <StepUpOtp
        stepUpOptions={sandbox.authenticationOptions().stepUpOptions}
        backend={sandbox.backend}
        codeExpirationUnit={props.codeExpirationUnit}
        codeLength={props.codeLength}
        onCancel={() => {}}
      />
      <SimulatedDevice sandbox={sandbox} />
    </div>
  );
}

const meta = {
  title: 'StepUpOtp/Playground',
  component: Playground,
  args: {
    latencyMs: 600,
    failure: 'none',
    codeLifetimeSeconds: 300,
    expirationFormat: 'minutes',
    codeExpirationUnit: 'auto',
    maxRequestsAllowed: 3,
    maxVerificationAllowed: 3,
    goldenCode: true,
    codeLength: 6,
  },
  argTypes: {
    latencyMs: { control: { type: 'range', min: 0, max: 5000, step: 100 } },
    failure: {
      control: 'select',
      options: ['none', 'send-server-error', 'send-rejected', 'validate-server-error', 'network', 'malformed', 'hang'],
    },
    codeLifetimeSeconds: { control: { type: 'number', min: 1 } },
    expirationFormat: { control: 'inline-radio', options: ['minutes', 'seconds', 'epoch-seconds', 'epoch-milliseconds'] },
    codeExpirationUnit: {
      control: 'inline-radio',
      options: ['auto', 'minutes', 'seconds', 'epoch-seconds', 'epoch-milliseconds'],
    },
    maxRequestsAllowed: { control: { type: 'number', min: 0, max: 10 } },
    maxVerificationAllowed: { control: { type: 'number', min: 0, max: 10 } },
    codeLength: { control: { type: 'number', min: 4, max: 8 } },
  },
} satisfies Meta<typeof Playground>;
export default meta;

/** Drive the simulator from the Controls panel: latency, failures, expiry and its unit, limits. */
export const Default: StoryObj<typeof meta> = {};

/** The defaults walked through by a cardholder: choose email, read the code, type it. */
export const Walkthrough: StoryObj<typeof meta> = {
  args: { latencyMs: 50 },
  play: async ({ canvas, userEvent, canvasElement }) => {
    const input = await chooseAndSend(canvas, userEvent, /Email/);
    const code = canvasElement.querySelector('[data-testid="sent-code"]')?.textContent ?? '';
    await expect(code).toMatch(/^\d{6}$/);
    await userEvent.type(input, code);
    await waitForStatus(canvas, 'verified');
  },
};

/** Four-digit codes, as some issuers send. */
export const FourDigitCodes: StoryObj<typeof meta> = {
  args: { latencyMs: 50, codeLength: 4, goldenCode: false },
  play: async ({ canvas, userEvent, canvasElement }) => {
    const input = await chooseAndSend(canvas, userEvent, /Text message/);
    await expect(input).toHaveAttribute('maxlength', '4');
    const code = canvasElement.querySelector('[data-testid="sent-code"]')?.textContent ?? '';
    await expect(code).toMatch(/^\d{4}$/);
    await userEvent.type(input, code);
    await waitForStatus(canvas, 'verified');
  },
};
