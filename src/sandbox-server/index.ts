export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './start-sandbox-server.js';
export type { SandboxHttpSignatureMerchant, SandboxJwtMerchant, SandboxMerchant } from './merchants.js';
export type { AuthFailureReason } from './auth-result.js';
export { CliUsageError, runSandboxCli, SANDBOX_CLI_USAGE } from './run-cli.js';
