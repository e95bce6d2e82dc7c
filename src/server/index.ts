export {
  createVisaAcceptanceClient,
  type VisaAcceptanceClient,
  type VisaAcceptanceClientOptions,
  type VisaCallOptions,
} from './visa-acceptance-client.js';
export { VisaApiError, type VisaApiErrorKind, type VisaOperation } from './visa-api-error.js';
export type { HttpSignatureCredentials, JwtCredentials, VisaCredentials } from './credentials.js';
export { VISA_ACCEPTANCE_HOSTS, type VisaEnvironment } from './environment.js';
export type {
  AuthenticationContext,
  AuthenticationOptionsRequest,
  AuthenticationOptionsResponse,
  CreateOtpBody,
  CreateOtpResponse,
  ValidateOtpBody,
  ValidateOtpResponse,
  VisaAnswer,
} from './visa-types.js';
export { digestHeader, sha256Base64 } from './body-digest.js';
export { httpSignatureHeader, httpSignatureString, type HttpSignatureInput } from './http-signature.js';
export {
  createStepUpRoutes,
  type StepUpRoutes,
  type StepUpRoutesOptions,
  type StepUpRecord,
} from './step-up-routes.js';
export type { StartStepUpInput, StartStepUpResult } from './start-step-up.js';
export { defaultInterpretCheck, type CheckAnswer, type CheckInterpreter } from './check-step-up.js';
export type { RouteOutcome, StepUpRouteErrorBody, StepUpRouteErrorKind } from './route-outcome.js';
export {
  LockLostError,
  SessionLockTimeoutError,
  SessionStoreUnavailableError,
  type CurrentCode,
  type LockLease,
  type IssuedStepUpOption,
  type LockOptions,
  type RecordedSend,
  type SendInFlight,
  type SessionStore,
  type StepUpSession,
} from './session-store.js';
export { createMemorySessionStore, type MemorySessionStoreOptions } from './memory-session-store.js';
export { createRedisSessionStore, type RedisSessionClient, type RedisSessionStoreOptions } from './redis-session-store.js';
export { silentLogger, type LogFields, type StepUpLogger } from './logger.js';
export { toNodeHandler, type FetchHandler, type NodeHandlerOptions } from './node-handler.js';
