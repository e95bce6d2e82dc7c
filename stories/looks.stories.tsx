import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { StepUpOtp, type StepUpMessagesOverride } from '../src';
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

const GERMAN: StepUpMessagesOverride = {
  title: 'Bestätigen Sie, dass Sie es sind',
  intro: 'Ihre Bank muss diese Karte bestätigen. Wir senden Ihnen einen Einmalcode.',
  chooseMethod: 'Wohin sollen wir den Code senden?',
  methodName: (method) => ({ OTP_SMS: 'SMS', OTP_EMAIL: 'E-Mail', OTP_ONLINE_BANKING: 'Online-Banking' })[method] ?? method,
  optionLabel: ({ methodName, value }) => (value ? `${methodName} an ${value}` : methodName),
  chooseMethodRequired: 'Wählen Sie, wohin wir den Code senden sollen.',
  sendCode: 'Code senden',
  sending: 'Wird gesendet …',
  codeSent: ({ destination }) => `Wir haben einen Code an ${destination} gesendet.`,
  destination: (option) => option.value ?? 'Ihr Gerät',
  codeLabel: 'Bestätigungscode',
  codeHint: ({ length }) => `Geben Sie den ${length}-stelligen Code ein.`,
  codeIncomplete: ({ length }) => `Geben Sie alle ${length} Ziffern ein.`,
  verify: 'Bestätigen',
  verifying: 'Wird geprüft …',
  expiresIn: ({ time }) => `Code läuft ab in ${time}`,
  expired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
  attemptsLeft: ({ count }) => (count === 1 ? 'Noch 1 Versuch' : `Noch ${count} Versuche`),
  resendCode: 'Code erneut senden',
  resendsLeft: ({ count }) => (count === 1 ? 'Noch 1 neuer Code möglich' : `Noch ${count} neue Codes möglich`),
  resendsExhausted: 'Für diese Karte können keine weiteren Codes gesendet werden.',
  useAnotherMethod: 'Andere Methode wählen',
  tryAgain: 'Erneut versuchen',
  cancel: 'Abbrechen',
  verified: 'Vielen Dank, Ihre Karte ist bestätigt.',
  cancelled: 'Bestätigung abgebrochen.',
  announceSending: 'Ihr Code wird gesendet …',
  announceVerifying: 'Ihr Code wird geprüft …',
  announceTimeLeft: ({ seconds }) => (seconds <= 0 ? 'Der Code ist abgelaufen.' : `Noch ${seconds} Sekunden.`),
  wrongCodeAttemptsLeft: ({ count }) => (count === 1 ? 'Noch 1 Versuch.' : `Noch ${count} Versuche.`),
  errors: {
    'invalid-otp': 'Dieser Code stimmt nicht. Prüfen Sie ihn und versuchen Sie es erneut.',
    network: 'Keine Verbindung. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  },
};

/** Every string comes from `messages`: a German example. */
export const Translated: Story = {
  args: { messages: GERMAN, locale: 'de' },
  play: async ({ canvas, userEvent, loaded }) => {
    const sandbox = loaded.sandbox as StepUpSandbox;
    await userEvent.click(canvas.getByRole('radio', { name: 'SMS an ***-***-1234' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Code senden' }));
    const input = await canvas.findByLabelText('Bestätigungscode');
    await expect(canvas.getByText('Noch 3 Versuche')).toBeVisible();
    await userEvent.type(input, sentCode(sandbox));
    await waitForStatus(canvas, 'verified');
    await expect(canvas.getByText('Vielen Dank, Ihre Karte ist bestätigt.', { selector: 'p' })).toBeVisible();
  },
};
