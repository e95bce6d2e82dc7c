export type {
  CodeExpirationUnit,
  CreateOtpRequest,
  CreateOtpResponse,
  KnownStepUpMethod,
  OtpGrant,
  OtpMethod,
  RawStepUpOption,
  StepUpBackend,
  StepUpCallContext,
  StepUpOption,
  ValidateOtpRequest,
  ValidateOtpResponse,
} from './types';
export {
  isOtpMethod,
  isStepUpAction,
  normalizeCreateOtpResponse,
  normalizeMethod,
  normalizeStepUpOptions,
  normalizeValidateOtpResponse,
  parseLimit,
  parseNumber,
  resolveCodeExpiration,
  type Parsed,
} from './normalize';
export { clampCodeLength, extractCode, sanitizeCode, toAsciiDigits } from './code';
export {
  StepUpBackendError,
  StepUpError,
  isRetryable,
  type StepUpBackendErrorKind,
  type StepUpErrorKind,
  type StepUpOperation,
} from './errors';
export {
  defaultClassifyError,
  malformedResponseError,
  toStepUpError,
  type ErrorClassifier,
  type ErrorClassifierInput,
} from './classify';
export {
  initialState,
  transition,
  type CodeSession,
  type StepUpEvent,
  type StepUpEventType,
  type StepUpState,
  type StepUpStatus,
} from './machine';
export {
  attemptsLeft,
  canResend,
  currentCode,
  isBusy,
  isCodeEditable,
  isExpired,
  isFinal,
  isResendOffered,
  resendsLeft,
  secondsLeft,
  secondsUntil,
  phaseOf,
  currentError,
  type StepUpPhase,
} from './selectors';
export {
  ANNOUNCE_MILESTONES,
  defaultMessages,
  formatCountdown,
  resolveMessages,
  type CountParams,
  type StepUpMessages,
  type StepUpMessagesOverride,
} from './messages';
