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
