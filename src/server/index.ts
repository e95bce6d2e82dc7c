export {
  createVisaAcceptanceClient,
  type VisaAcceptanceClient,
  type VisaAcceptanceClientOptions,
  type VisaCallOptions,
} from './visa-acceptance-client';
export { VisaApiError, type VisaApiErrorKind, type VisaOperation } from './visa-api-error';
export type { HttpSignatureCredentials, JwtCredentials, VisaCredentials } from './credentials';
export { VISA_ACCEPTANCE_HOSTS, type VisaEnvironment } from './environment';
export type {
  AuthenticationContext,
  AuthenticationOptionsRequest,
  AuthenticationOptionsResponse,
  CreateOtpBody,
  CreateOtpResponse,
  ValidateOtpBody,
  ValidateOtpResponse,
  VisaAnswer,
} from './visa-types';
export { digestHeader, sha256Base64 } from './body-digest';
export { httpSignatureHeader, httpSignatureString, type HttpSignatureInput } from './http-signature';
export {
  createStepUpRoutes,
  type StepUpRoutes,
  type StepUpRoutesOptions,
  type StepUpStatus,
} from './step-up-routes';
export type { StartStepUpInput, StartStepUpResult } from './start-step-up';
export type { RouteOutcome, StepUpRouteErrorBody, StepUpRouteErrorKind } from './route-outcome';
export {
  SessionLockTimeoutError,
  type IssuedStepUpOption,
  type LockOptions,
  type RecordedSend,
  type SessionStore,
  type StepUpSession,
} from './session-store';
export { createMemorySessionStore, type MemorySessionStoreOptions } from './memory-session-store';
export { createRedisSessionStore, type RedisSessionClient, type RedisSessionStoreOptions } from './redis-session-store';
export { silentLogger, type LogFields, type StepUpLogger } from './logger';
export { toNodeHandler, type FetchHandler } from './node-handler';
