export {
  createSandbox,
  StepUpSandbox,
  DEFAULT_SANDBOX_OPTIONS,
  SANDBOX_GOLDEN_CODE,
  type OutboxMessage,
  type SandboxCall,
  type SandboxExpirationFormat,
  type SandboxFailure,
  type SandboxOptions,
} from './simulator.js';
export { visaError, type VisaErrorBody } from './visa-errors.js';
export {
  SANDBOX_ISSUER_PAGE_URL,
  SANDBOX_METHOD_OPTIONS,
  SANDBOX_METHODS,
  isSandboxMethod,
  sandboxStepUpOptions,
  type SandboxMethod,
} from './out-of-band-methods.js';
export { OutOfBandIssuer, type AuthenticationOptionsAnswer, type OutOfBandDecision, type OutOfBandRequest } from './out-of-band.js';
