export { startSandboxServer, type SandboxServer, type SandboxServerOptions, type SandboxTokenAction } from './start-sandbox-server.js';
export type { SandboxHttpSignatureMerchant, SandboxJwtMerchant, SandboxMerchant } from './merchants.js';
export type { AuthFailureReason } from './auth-result.js';
export { CliUsageError, runSandboxCli, SANDBOX_CLI_USAGE } from './run-cli.js';
export {
  createOutboxReader,
  startTestSandbox,
  type OutboxFilter,
  type OutboxReader,
  type TestSandbox,
  type TestSandboxOptions,
} from './test-sandbox.js';
export { generateJwtCredentials, type GenerateJwtCredentialsOptions, type SandboxJwtCredentials } from './self-signed-certificate.js';
