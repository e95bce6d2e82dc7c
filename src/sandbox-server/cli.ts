#!/usr/bin/env node
import { CliUsageError, runSandboxCli } from './run-cli.js';

runSandboxCli(process.argv.slice(2), (line) => console.log(line)).then(
  (server) => {
    if (!server) return;
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(error instanceof CliUsageError ? error.message : error);
    process.exit(error instanceof CliUsageError ? 2 : 1);
  },
);
