export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './start-sandbox-server';
export type { SandboxHttpSignatureMerchant, SandboxJwtMerchant, SandboxMerchant } from './merchants';
export type { AuthFailureReason } from './auth-result';
export { runSandboxCli, SANDBOX_CLI_USAGE } from './run-cli';
