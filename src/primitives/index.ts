export { Root, type RootProps } from './root';
export { ChannelPicker, type ChannelPickerProps } from './channel-picker';
export { CodeInput, type CodeInputProps } from './code-input';
export { Countdown } from './countdown';
export { Title, CodeSentNotice, Attempts, ResendInfo, ErrorMessage, Success } from './texts';
export { SendButton, VerifyButton, ResendButton, ChangeMethodButton, RetryButton, CancelButton } from './buttons';
export { LiveRegion } from './live-region';
export { useStepUpContext, type StepUpContextValue, type StepUpIds } from './context';
