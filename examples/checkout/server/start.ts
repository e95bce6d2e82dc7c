import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import {
  createMemorySessionStore,
  createRedisSessionStore,
  createStepUpRoutes,
  createVisaAcceptanceClient,
  type SessionStore,
  type StepUpSession,
  type VisaCredentials,
  type VisaEnvironment,
} from 'stepup-kit/server';
import { createApp } from './app.js';
import { createCheckout, type CheckoutSession } from './checkout.js';
import type { CheckoutView } from './checkout-types.js';
import { SESSION_TTL_SECONDS, readSessionId } from './session.js';

export interface CheckoutServerConfig {
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** @defaultValue 3000 (0: a free port) */
  port?: number;
  visa: { environment: VisaEnvironment; merchantId: string; credentials: VisaCredentials };
  /** Sessions and step-ups in Redis (several instances), else in memory (one instance). */
  redisUrl?: string;
  /** Express's `trust proxy`. */
  trustProxy?: string;
  /** @defaultValue 'Example Shop' */
  merchantName?: string;
  /** Shown on the page when running against the sandbox. */
  sandbox?: CheckoutView['sandbox'];
  /** One line per event. @defaultValue console.log */
  log?: (line: string) => void;
}

export interface CheckoutServer {
  url: string;
  close(): Promise<void>;
}

/** The built page, beside the built server (`build/client`, `build/server`). */
const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client');

/** Starts the checkout: the Visa client, the stores, the step-up routes and the Express app. */
export async function startCheckoutServer(config: CheckoutServerConfig): Promise<CheckoutServer> {
  const print = config.log ?? ((line: string) => console.log(line));
  const log = (message: string, fields: Record<string, unknown> = {}) =>
    print(`${message}${Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`);

  const client = createVisaAcceptanceClient({ ...config.visa, timeoutMs: 15_000 });
  const redis = config.redisUrl ? await createClient({ url: config.redisUrl }).connect() : undefined;
  const stepUpSessions: SessionStore<StepUpSession> = redis
    ? createRedisSessionStore({ client: redis, prefix: 'checkout:step-up:' })
    : createMemorySessionStore();
  const sessions: SessionStore<CheckoutSession> = redis
    ? createRedisSessionStore<CheckoutSession>({ client: redis, prefix: 'checkout:shop:', ttlSeconds: SESSION_TTL_SECONDS })
    : createMemorySessionStore<CheckoutSession>({ ttlSeconds: SESSION_TTL_SECONDS });

  const stepUp = createStepUpRoutes({
    client,
    sessions: stepUpSessions,
    // the same cookie the checkout sets: the routes only ever act on this shopper's own step-up
    getSessionId: (request) => readSessionId(request.headers.get('cookie')),
    basePath: '/api/step-up',
    logger: { info: log, warn: log, error: log },
  });
  const checkout = createCheckout({ stepUp, sessions, merchantName: config.merchantName ?? 'Example Shop', sandbox: config.sandbox, log });
  const app = createApp({ checkout, stepUp, sessions, staticDir: STATIC_DIR, trustProxy: config.trustProxy, log });

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port ?? 3000, config.host ?? '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { address, port } = server.address() as AddressInfo;
  log(`checkout: ${redis ? 'Redis' : 'memory'} sessions, ${config.visa.credentials.type} credentials, Visa at ${client.baseUrl}`);
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await redis?.close();
    },
  };
}

/**
 * The configuration from environment variables:
 * - `VISA_ENVIRONMENT`: `test`, `production`, or a URL (the sandbox server, e.g. `http://127.0.0.1:8787`);
 * - `VISA_MERCHANT_ID`;
 * - JWT (the default): `VISA_PRIVATE_KEY_FILE` and `VISA_CERTIFICATE_FILE` (PEM files; or the PEM text in
 *   `VISA_PRIVATE_KEY` and `VISA_CERTIFICATE`), `VISA_KEY_ID` when the certificate does not carry it;
 * - HTTP Signature (legacy): `VISA_AUTH=http-signature`, `VISA_KEY_ID`, `VISA_SHARED_SECRET`;
 * - `REDIS_URL` (optional), `HOST`, `PORT`, `TRUST_PROXY`.
 *
 * @throws Error naming the missing variable
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CheckoutServerConfig {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`set ${name} (see examples/checkout/README.md)`);
    return value;
  };
  const pem = (name: string): string => env[name] || readFileSync(need(`${name}_FILE`), 'utf8');
  const environmentName = need('VISA_ENVIRONMENT');
  const environment: VisaEnvironment =
    environmentName === 'test' || environmentName === 'production' ? environmentName : { baseUrl: environmentName };
  const auth = env.VISA_AUTH ?? 'jwt';
  let credentials: VisaCredentials;
  if (auth === 'jwt') {
    credentials = { type: 'jwt', privateKeyPem: pem('VISA_PRIVATE_KEY'), certificatePem: pem('VISA_CERTIFICATE'), ...(env.VISA_KEY_ID ? { keyId: env.VISA_KEY_ID } : {}) };
  } else if (auth === 'http-signature') {
    credentials = { type: 'http-signature', keyId: need('VISA_KEY_ID'), sharedSecret: need('VISA_SHARED_SECRET') };
  } else {
    throw new Error(`VISA_AUTH must be jwt or http-signature, not ${auth}`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT === undefined ? 3000 : Number(env.PORT),
    visa: { environment, merchantId: need('VISA_MERCHANT_ID'), credentials },
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY } : {}),
  };
}
