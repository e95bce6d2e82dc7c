export * from './core/index.js';
export { createFetchBackend, type FetchBackendOptions } from './backend/fetch-backend.js';
export {
  useStepUpOtp,
  type StepUpFormValues,
  type StepUpVerifiedResult,
  type UseStepUpOtpOptions,
  type UseStepUpOtpResult,
} from './react/use-step-up-otp.js';
export { useCountdown, type UseCountdownOptions } from './react/use-countdown.js';
export type { Announcer } from './react/announcer.js';
export { createStepUpController, type StepUpController, type StepUpListener, type StepUpSnapshot } from './controller/step-up-controller.js';
export type { BackendCall, CallRunner, StepUpControllerOptions } from './controller/options.js';
export { StepUpOtp, type StepUpOtpProps } from './components/step-up-otp.js';
export * as StepUp from './primitives/index.js';
