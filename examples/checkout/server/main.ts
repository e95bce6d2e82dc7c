// `npm start`: the checkout server, configured by environment variables (see configFromEnv).
import { configFromEnv, startCheckoutServer } from './start.js';

let server: Awaited<ReturnType<typeof startCheckoutServer>>;
try {
  server = await startCheckoutServer(configFromEnv());
} catch (error) {
  console.error(`checkout: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`checkout listening on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
