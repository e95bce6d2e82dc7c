export { Root, type RootProps } from './root.js';
export { ChannelPicker, type ChannelPickerProps } from './channel-picker.js';
export { Countdown } from './countdown.js';
export { Title, CodeSentNotice, Attempts, ResendInfo, ErrorMessage, Success, Cancelled } from './texts.js';
export { SendButton, VerifyButton, ResendButton, ChangeMethodButton, RetryButton, CancelButton, type StepUpButtonProps } from './buttons.js';
export { LiveRegion } from './live-region.js';
export { CodeInput, type CodeInputProps } from './code-input.js';
export { useStepUpContext, type StepUpContextValue, type StepUpIds } from './context.js';
