import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StepUpSandbox, createSandbox, type SandboxOptions } from '../sandbox/simulator.js';
import { visaError } from '../sandbox/visa-errors.js';
import { authenticateRequest } from './authenticate-request.js';
import { handleControl, sender } from './control-routes.js';
import { createMerchantRegistry, type SandboxMerchant } from './merchants.js';
import { outboxPage } from './outbox-page.js';
import { parseTmsPath, runTmsOperation, type TmsAnswer } from './tms-operations.js';

/** The `action` authentication-options answers for a token (see `tokenActions`). */
export type SandboxTokenAction = 'STEP_UP_AUTHENTICATE' | 'AUTHENTICATION_REGISTRATION' | 'AUTHENTICATE';

/** Options of `startSandboxServer`. */
export interface SandboxServerOptions {
  /**
   * The interface to listen on. Keep it on loopback: the outbox page shows every code.
   * @defaultValue '127.0.0.1'
   */
  host?: string;
  /** @defaultValue 0 (a free port) */
  port?: number;
  /** The merchants whose signed requests are accepted. */
  merchants: readonly SandboxMerchant[];
  /** The simulator to serve, or options for a new one. */
  sandbox?: StepUpSandbox | SandboxOptions;
  /**
   * The largest accepted difference between a request's date and the server's clock.
   * @defaultValue 300000 (5 minutes)
   */
  maxClockSkewMs?: number;
  /** @defaultValue Date.now */
  now?: () => number;
  /** Called with one line per request (`POST /tms/… 201`), for the CLI. */
  log?: (line: string) => void;
  /**
   * Per token id, what authentication-options answers: `STEP_UP_AUTHENTICATE` with the simulator's step-up
   * options (every token not listed), `AUTHENTICATION_REGISTRATION` (no step-up needed) or `AUTHENTICATE`
   * (a passkey is registered; a made-up `authenticationContext`). `server.tokenActions` changes it while running.
   */
  tokenActions?: Readonly<Record<string, SandboxTokenAction>>;
  /**
   * Count sends per step-up: each `STEP_UP_AUTHENTICATE` answer starts the token's sends and code afresh.
   * Otherwise a token's `maxRequestsAllowed` counts for the server's whole life, and a long-running demo runs out.
   * @defaultValue false
   */
  limitsPerStepUp?: boolean;
}

/** A running sandbox server. */
export interface SandboxServer {
  /** e.g. `http://127.0.0.1:8787`: the client's `environment: { baseUrl: url }`. */
  url: string;
  port: number;
  /** The simulator behind it: `outbox()`, `calls()`, `configure()`. */
  sandbox: StepUpSandbox;
  /** What authentication-options answers per token id (from the `tokenActions` option); change it at will. */
  tokenActions: Map<string, SandboxTokenAction>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

/**
 * Serves the TMS step-up paths over HTTP with the in-memory simulator, so a merchant server can be tested
 * offline exactly as it will call Visa: requests must carry a valid HTTP Signature or JWT of a registered
 * merchant (401 with a Visa-shaped body otherwise), answers carry `v-c-correlation-id`, and
 * `GET /__outbox` shows the codes sent (JSON or HTML).
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const registry = createMerchantRegistry(options.merchants);
  const sandbox = options.sandbox instanceof StepUpSandbox ? options.sandbox : createSandbox(options.sandbox ?? {});
  const now = options.now ?? Date.now;
  const maxSkewMs = options.maxClockSkewMs ?? 300_000;
  const tokenActions = new Map(Object.entries(options.tokenActions ?? {}));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    const url = new URL(target, 'http://sandbox.invalid');
    const method = req.method ?? 'GET';
    const done = (status: number) => options.log?.(`${method} ${url.pathname} ${status}`);

    const control = await handleControl(req, url, { sandbox, body: () => readBody(req), send: sender(res) });
    if (control !== undefined) return void done(control);
    if (url.pathname === '/__outbox') {
      if (method !== 'GET') return void done(send(res, 405, 'text/plain', 'Use GET'));
      const tokenId = url.searchParams.get('tokenId');
      const messages = sandbox.outbox().filter((m) => !tokenId || m.tokenId === tokenId);
      const outOfBand = sandbox.outOfBand.pending().filter((p) => !tokenId || p.tokenId === tokenId);
      const wantsJson = url.searchParams.get('format') === 'json' || (url.searchParams.get('format') !== 'html' && !/text\/html/.test(req.headers.accept ?? ''));
      return void done(
        wantsJson
          ? send(res, 200, 'application/json', JSON.stringify({ messages, outOfBand }))
          : send(res, 200, 'text/html; charset=utf-8', outboxPage(messages, outOfBand)),
      );
    }

    const correlationId = randomUUID();
    res.setHeader('v-c-correlation-id', correlationId);
    const tms = parseTmsPath(url.pathname);
    if (!tms) return void done(sendJson(res, 404, visaError('notFound', 'The requested resource does not exist')));
    if (method !== 'POST') return void done(sendJson(res, 405, visaError('invalidRequest', 'Use POST')));

    const body = await readBody(req);
    if (!body) return void done(sendJson(res, 413, visaError('invalidRequest', 'The request body is too large')));
    const auth = await authenticateRequest({ method, target, headers: req.headers, body }, registry, { now: now(), maxSkewMs });
    if (!auth.ok) {
      // `response.rmsg` is what the real API answers; `errors` adds the reason, which the real API keeps to itself
      return void done(sendJson(res, 401, { response: { rmsg: 'Authentication Failed' }, ...visaError('authenticationFailed', auth.message, auth.reason) }));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return void done(sendJson(res, 400, visaError('invalidRequest', 'The request body is not JSON')));
    }
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    let answer: TmsAnswer = await runTmsOperation(sandbox, tms.operation, tms.tokenId, parsed, abort.signal);
    if (tms.operation === 'authentication-options' && answer.kind === 'answer' && answer.status === 201) {
      const action = tokenActions.get(tms.tokenId) ?? 'STEP_UP_AUTHENTICATE';
      if (action === 'STEP_UP_AUTHENTICATE' && options.limitsPerStepUp) sandbox.forgetToken(tms.tokenId);
      if (action === 'AUTHENTICATE')
        answer = { ...answer, body: { action, authenticationContext: { id: randomUUID(), endpoint: 'https://sandbox.invalid/vts-auth', payload: 'c2FuZGJveA' } } };
      else if (action === 'AUTHENTICATION_REGISTRATION') answer = { ...answer, body: { action } };
    }
    if (answer.kind === 'drop') {
      req.socket.destroy();
      return void done(0);
    }
    if (res.destroyed) return;
    if (typeof answer.body === 'string') return void done(send(res, answer.status, 'text/html', answer.body));
    return void done(sendJson(res, answer.status, answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, visaError('internalError', 'The sandbox failed'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // the web variant of APP_TO_APP opens this server's own simulated issuer page
  sandbox.outOfBand.issuerPageUrl = `http://${host}:${address.port}/__issuer`;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    sandbox,
    tokenActions,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // keep-alive sockets and hanging calls would hold close() open forever
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, text: string): number {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(text);
  return status;
}

function sendJson(res: ServerResponse, status: number, body: unknown): number {
  return send(res, status, 'application/json;charset=utf-8', JSON.stringify(body));
}

/** The raw body, or `undefined` when it exceeds the limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
