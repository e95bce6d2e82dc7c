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
