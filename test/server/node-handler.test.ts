// @vitest-environment node
/**
 * Mounting the routes in `node:http` and Express-style middleware with `toNodeHandler`: the kit's fetch
 * backend over real HTTP, the session from a cookie.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchBackend } from '../../src/backend/fetch-backend';
import { createMemorySessionStore, createStepUpRoutes, toNodeHandler, type StepUpRoutes } from '../../src/server';
import type { SandboxServer } from '../../src/sandbox-server';
import { AUTH_BODY, signatureClient, startTestSandbox } from './helpers';

let sandbox: SandboxServer;
let routes: StepUpRoutes;
let http: Server | undefined;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  routes = createStepUpRoutes({
    client: signatureClient(sandbox),
    sessions: createMemorySessionStore(),
    getSessionId: (request) => /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1],
    basePath: '/api/step-up',
  });
});
afterEach(async () => {
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  http = undefined;
  await sandbox.close();
});

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  http = createServer(listener);
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function runStepUp(origin: string) {
  const { clientCorrelationId, stepUpOptions } = await routes.startStepUp({ sessionId: 's-1', tokenId: 'tok-http', authenticationOptionsBody: AUTH_BODY });
  const backend = createFetchBackend({ baseUrl: `${origin}/api/step-up`, headers: { cookie: 'sid=s-1' } });
  const signal = new AbortController().signal;
  const body = { clientCorrelationId, stepUpOption: { id: stepUpOptions[0]!.id } };
  await expect(backend.createOtp(body, { signal })).resolves.toMatchObject({ maxRequestsAllowed: 3 });
  await expect(backend.validateOtp({ ...body, otp: sandbox.sandbox.lastMessage()!.code }, { signal })).resolves.toEqual({
    action: 'AUTHENTICATION_REGISTRATION',
  });
  expect((await routes.getStepUp('s-1'))?.verified).toBe(true);
}

it('serves the kit over plain node:http', async () => {
  const origin = await listen(toNodeHandler(routes));
  await runStepUp(origin);
  const notFound = await fetch(`${origin}/elsewhere`);
  expect(notFound.status).toBe(404);
});

it('serves the kit as Express-style middleware behind a body parser and a mount path', async () => {
  const middleware = toNodeHandler(routes);
  const origin = await listen((req, res) => {
    // what `app.use(express.json())` and `app.use('/api/step-up', …)` do to the request before it arrives
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = req as IncomingMessage & { body?: unknown; originalUrl?: string };
      parsed.body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      parsed.originalUrl = req.url;
      req.url = req.url!.replace(/^\/api\/step-up/, '');
      middleware(parsed, res, (error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await runStepUp(origin);
});

it.each([
  ['bytes (express.raw())', (raw: Buffer) => raw],
  ['text (express.text())', (raw: Buffer) => raw.toString('utf8')],
])('serves the kit behind a body parser that left the body as %s', async (_name, parse) => {
  const middleware = toNodeHandler(routes);
  const origin = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = req as IncomingMessage & { body?: unknown };
      parsed.body = parse(Buffer.concat(chunks));
      middleware(parsed, res, (error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await runStepUp(origin);
});
