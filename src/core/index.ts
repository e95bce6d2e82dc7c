export type {
  CheckStepUpRequest,
  CheckStepUpResponse,
  CheckStepUpStatus,
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
  SubmitSelectionRequest,
  SubmitSelectionResponse,
  ValidateIssuerCodeRequest,
  ValidateOtpRequest,
  ValidateOtpResponse,
} from './types.js';
export {
  ANNOUNCE_MILESTONES,
  defaultMessages,
  formatCountdown,
  resolveMessages,
  type CountParams,
  type StepUpMessages,
  type StepUpMessagesOverride,
} from './messages.js';
export {
  StepUpBackendError,
  StepUpError,
  isRetryable,
  type BackendOperation,
  type StepUpBackendErrorKind,
  type StepUpErrorKind,
  type StepUpOperation,
} from './errors.js';
export { inGroup, type StatusGroup, type StatusIn, type StepUpStatus } from './status.js';
export {
  initialState,
  isPastDeadline,
  resendsLeft,
  transition,
  type CodeSession,
  type StepUpEvent,
  type StepUpEventType,
  type StepUpState,
} from './machine.js';
export {
  attemptsLeft,
  availableActions,
  canResend,
  currentCode,
  currentError,
  isChoiceReopened,
  offers,
  phaseOf,
  type StepUpAction,
  type StepUpPhase,
} from './selectors.js';
export { clampCodeLength, extractCode, sanitizeCode, toAsciiDigits } from './code.js';
export {
  isOtpMethod,
  isOutOfBandMethod,
  isStepUpAction,
  normalizeCreateOtpResponse,
  normalizeMethod,
  normalizeStepUpOptions,
  normalizeValidateOtpResponse,
  parseLimit,
  parseNumber,
  resolveCodeExpiration,
  stepUpMethodKind,
  type Parsed,
  type StepUpMethodKind,
} from './normalize.js';
export {
  defaultClassifyError,
  malformedResponseError,
  toStepUpError,
  type ErrorClassifier,
  type ErrorClassifierInput,
} from './classify.js';
export type { CatalogMethod, PluralCategory, PluralMessage, StepUpCatalog, StepUpLocale } from './catalog.js';
