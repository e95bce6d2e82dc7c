import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { StepUpOtp } from '../src';
import de from '../src/locales/de';
import { createSandbox, DEFAULT_SANDBOX_OPTIONS, type StepUpSandbox } from '../src/sandbox';
import { chooseAndSend, sentCode, waitForStatus } from './support/play';
import { DARK_THEME } from './support/dark';
import { withSandbox } from './support/sandbox';

/** Variants a designer needs to see: themes, narrow screens, long values, another language. */
const meta = {
  title: 'StepUpOtp/Looks',
  component: StepUpOtp,
  ...withSandbox,
  args: { stepUpOptions: DEFAULT_SANDBOX_OPTIONS, backend: createSandbox().backend, onVerified: fn() },
} satisfies Meta<typeof StepUpOtp>;
export default meta;
type Story = StoryObj<typeof meta>;


/** A dark theme through the --stepup-* variables only. */
export const DarkTheme: Story = {
  args: { className: 'stepup-dark' },
  decorators: [
    (Story) => (
      <div style={{ background: '#0f1115', padding: 24, minHeight: 420 }}>
        <style>{DARK_THEME}</style>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = loaded.sandbox as StepUpSandbox;
    const input = await chooseAndSend(canvas, userEvent, /Text message/);
    await userEvent.type(input, sentCode(sandbox).replace(/\d$/, (d) => String((Number(d) + 1) % 10)));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That code isn’t right');
  },
};

/** A 320 px wide phone screen. */
export const Mobile320: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 320, margin: '-1rem' }}>
        <Story />
      </div>
    ),
  ],
  parameters: { viewport: { options: { narrow: { name: '320 px', styles: { width: '320px', height: '640px' } } } } },
  globals: { viewport: { value: 'narrow' } },
  play: async ({ canvas, userEvent }) => {
    const input = await chooseAndSend(canvas, userEvent, /Email/);
    const root = canvas.getByRole('group', { name: 'Confirm it’s you' });
    await expect(root.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(input.getBoundingClientRect().width).toBeGreaterThan(0);
  },
};

/** Masked values longer than the card wrap instead of overflowing. */
export const LongMaskedValues: Story = {
  args: {
    stepUpOptions: [
      { id: 'bG9uZy1lbWFpbA==', method: 'OTPEMAIL', value: 'maximilian.alexander.************@subdomain.example-bank-****.co.uk' },
      { id: 'bG9uZy1zbXM=', method: 'OTPSMS', value: '+44 (0) ****-***-***-9876 ext. 12345' },
    ],
  },
  parameters: {
    sandbox: {
      stepUpOptions: [
        { id: 'bG9uZy1lbWFpbA==', method: 'OTP_EMAIL', value: 'maximilian.alexander.************@subdomain.example-bank-****.co.uk' },
        { id: 'bG9uZy1zbXM=', method: 'OTP_SMS', value: '+44 (0) ****-***-***-9876 ext. 12345' },
      ],
    },
  },
  play: async ({ canvas, userEvent }) => {
    await chooseAndSend(canvas, userEvent, /Email to maximilian/);
    const root = canvas.getByRole('group', { name: 'Confirm it’s you' });
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
  },
};

/** The shipped German, with one sentence of the merchant's own over it (`messages` overrides the locale's). */
export const Translated: Story = {
  args: { locale: de, messages: { title: 'Zahlung bestätigen' } },
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = loaded.sandbox as StepUpSandbox;
    await expect(canvas.getByRole('group', { name: 'Zahlung bestätigen' })).toHaveAttribute('lang', 'de');
    await userEvent.click(canvas.getByRole('radio', { name: 'SMS an ***-***-1234' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Code senden' }));
    const input = await canvas.findByLabelText('Bestätigungscode');
    await expect(canvas.getByText('Noch 3 Versuche')).toBeVisible();
    await userEvent.type(input, sentCode(sandbox));
    await waitForStatus(canvas, 'verified');
    await expect(canvas.getByText('Vielen Dank, Ihre Karte ist bestätigt.', { selector: 'p' })).toBeVisible();
  },
};
