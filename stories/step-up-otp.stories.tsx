import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepUpOtp } from '../src';
import { demoBackend } from './demo-backend';

const threeChannels = [
  { id: 'c21zLW9wdGlvbg==', method: 'OTP_SMS', value: '***-***-1234' },
  { id: 'ZW1haWwtb3B0aW9u', method: 'OTP_EMAIL', value: 'j*****n@e*****e.com' },
  { id: 'YmFuay1vcHRpb24=', method: 'OTP_ONLINE_BANKING', value: 'Acme Bank app' },
];

const meta = {
  title: 'StepUpOtp',
  component: StepUpOtp,
  args: { stepUpOptions: threeChannels, backend: demoBackend() },
} satisfies Meta<typeof StepUpOtp>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ThreeChannels: Story = {};
export const OneChannel: Story = { args: { stepUpOptions: threeChannels.slice(0, 1) } };
export const SendFails: Story = { args: { backend: demoBackend({ failSend: true }) } };
export const NoOtpOptions: Story = {
  args: { stepUpOptions: [{ id: 'x', method: 'CUSTOMER_SERVICE', value: '1-800-555-1212' }], onCancel: () => {} },
};

export const NearExpiry: Story = {
  args: { stepUpOptions: threeChannels.slice(0, 1), backend: demoBackend({ answer: { maxRequestsAllowed: '3', maxVerificationAllowed: '1', codeExpiration: 65 } }) },
};

export const LongMaskedValues: Story = {
  args: {
    stepUpOptions: [
      { id: 'a', method: 'OTPEMAIL', value: 'maximilian.alexander.*****************@subdomain.example-bank-****.co.uk' },
      { id: 'b', method: 'OTPSMS', value: '+44 (0) ****-***-***-9876 ext. 12345' },
    ],
  },
};

export const DarkTheme: Story = {
  args: { className: 'stepup-dark' },
  decorators: [
    (Story) => (
      <div style={{ background: '#0f1115', padding: 24 }}>
        <style>{`.stepup-dark{--stepup-bg:#171a21;--stepup-surface:#222733;--stepup-text:#eef1f6;--stepup-muted:#a9b1c1;--stepup-border:#3a4150;--stepup-accent:#7aa2ff;--stepup-accent-text:#0f1115;--stepup-accent-soft:#1f2a44;--stepup-focus:#7aa2ff;--stepup-error:#ff8a80;--stepup-error-soft:#3a1d1d;--stepup-success:#6fdc8c}`}</style>
        <Story />
      </div>
    ),
  ],
};
