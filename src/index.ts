export * from './core';
export { createFetchBackend, type FetchBackendOptions } from './backend/fetch-backend';
export {
  useStepUpOtp,
  type StepUpFormValues,
  type StepUpVerifiedResult,
  type UseStepUpOtpOptions,
  type UseStepUpOtpResult,
} from './react/use-step-up-otp';
export { useCountdown, type UseCountdownOptions } from './react/use-countdown';
export type { Announcer } from './react/announcer';
export { StepUpOtp, type StepUpOtpProps } from './components/step-up-otp';
export * as StepUp from './primitives';
