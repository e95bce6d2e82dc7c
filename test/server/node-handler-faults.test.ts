// @vitest-environment node
/**
 * `toNodeHandler` and the routes under requests that go wrong on the wire: a Host or target that is no URL,
 * a body cut short or aborted, a body that never ends, a body far over the limit from a client that writes
 * it all before reading. Each is answered with JSON (or the connection closes cleanly); nothing rejects
 * to Node.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemorySessionStore, createStepUpRoutes, toNodeHandler, type StepUpRoutes } from '../../src/server';
import { fakeVisaClient, postJson } from './fake-visa-client';
import { httpChunk, rawExchange, writeAll } from './raw-http';

let http: Server | undefined;
afterEach(async () => {
  http?.closeAllConnections();
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  http = undefined;
});

function routesWith(options: { bodyTimeoutMs?: number } = {}): StepUpRoutes {
  return createStepUpRoutes({
    client: fakeVisaClient(),
    sessions: createMemorySessionStore(),
    getSessionId: () => 'shopper-1',
    basePath: '/api/step-up',
    ...options,
  });
}

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  http = createServer(listener);
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  return (http.address() as AddressInfo).port;
}

const kindOf = (body: string) => (JSON.parse(body) as { error?: { kind?: string } }).error?.kind;

describe('a Host or target that makes no URL', () => {
  it.each([
    ['Host: a b', '/api/step-up/validate'],
    ['Host: [::1', '/api/step-up/validate'],
    ['Host: shop.test', 'http://[/api/step-up/validate'],
    ['Host: user:pw@shop.test', '/api/step-up/validate'],
  ])('%s with target %s answers 400 bad-request as JSON', async (host, target) => {
    const port = await listen(toNodeHandler(routesWith()));
    const body = '{"stepUpOption":{"id":"x"},"otp":"123456"}';
    const answer = await rawExchange(
      port,
      `POST ${target} HTTP/1.1\r\n${host}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(kindOf(answer.body)).toBe('bad-request');
  });
});

it('answers a handler that throws with 500 internal as JSON, without calling next', async () => {
  const next = vi.fn();
  const handler = toNodeHandler(async () => {
    throw new Error('the merchant’s handler failed');
  });
  const port = await listen((req, res) => handler(req, res, next));
  const answer = await rawExchange(port, 'GET /api/step-up/validate HTTP/1.1\r\nHost: shop.test\r\n\r\n');
  expect(answer.status).toBe(500);
  expect(kindOf(answer.body)).toBe('internal');
  expect(next).not.toHaveBeenCalled();
});

describe('a body stream that fails', () => {
  it('is answered 400 bad-request by the routes, not thrown', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"stepUpOption":'));
        controller.error(new Error('the connection was reset'));
      },
    });
    const request = new Request('http://shop.test/api/step-up/one-time-passwords', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const answer = await routesWith()(request);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { kind: 'bad-request' } });
  });

  it('when the client aborts mid-body, rejects nothing and leaves the server answering', async () => {
    const next = vi.fn();
    const handler = toNodeHandler(routesWith());
    const port = await listen((req, res) => handler(req, res, next));
    const aborted = await rawExchange(port, '', {
      send: (socket) => {
        socket.write('POST /api/step-up/validate HTTP/1.1\r\nHost: shop.test\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"otp":');
        setTimeout(() => socket.destroy(), 50);
      },
    });
    expect(aborted.status).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(next).not.toHaveBeenCalled();
    const answer = await fetch(`http://127.0.0.1:${port}/api/step-up/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(400);
  });
});

describe('a body that never ends', () => {
  it('gets 408 request-timeout after bodyTimeoutMs from the routes alone', async () => {
    const never = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"stepUpOption":'));
      },
    });
    const started = Date.now();
    const answer = await routesWith({ bodyTimeoutMs: 200 })(
      new Request('http://shop.test/api/step-up/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: never,
        duplex: 'half',
      } as RequestInit),
    );
    expect(answer.status).toBe(408);
    expect(await answer.json()).toMatchObject({ error: { kind: 'request-timeout' } });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gets 408 as JSON over node:http, and the connection closes', async () => {
    const port = await listen(toNodeHandler(routesWith({ bodyTimeoutMs: 200 }), { drainTimeoutMs: 300 }));
    let closedAfter = 0;
    const answer = await rawExchange(port, '', {
      send: (socket) => {
        const opened = Date.now();
        socket.once('close', () => (closedAfter = Date.now() - opened));
        socket.write('POST /api/step-up/validate HTTP/1.1\r\nHost: shop.test\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"otp":');
      },
    });
    expect(answer.status).toBe(408);
    expect(answer.headers.connection).toBe('close');
    expect(kindOf(answer.body)).toBe('request-timeout');
    expect(answer.ms).toBeLessThan(1_000);
    expect(closedAfter).toBeLessThan(1_500);
  });
});

describe('a body far over maxBodyBytes', () => {
  const TOTAL = 20 * 1024 * 1024;

  it.each([
    ['with content-length', `content-length: ${TOTAL}`, (c: Buffer) => c],
    ['chunked', 'transfer-encoding: chunked', httpChunk],
  ])('reaches a client that writes it all before reading (%s) as 413 JSON', async (_name, framing, frame) => {
    const port = await listen(toNodeHandler(routesWith()));
    const answer = await rawExchange(port, '', {
      readAfterSend: true,
      timeoutMs: 5_000,
      send: async (socket) => {
        socket.write(`POST /api/step-up/one-time-passwords HTTP/1.1\r\nHost: shop.test\r\ncontent-type: application/json\r\n${framing}\r\n\r\n`);
        await writeAll(socket, TOTAL, frame);
        if (framing.includes('chunked')) socket.write('0\r\n\r\n');
      },
    });
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(kindOf(answer.body)).toBe('payload-too-large');
  });

  it('stops discarding after maxDrainBytes and closes the connection', async () => {
    const port = await listen(toNodeHandler(routesWith(), { maxDrainBytes: 1024 * 1024 }));
    let written = 0;
    const answer = await rawExchange(port, '', {
      timeoutMs: 5_000,
      send: async (socket) => {
        socket.write(`POST /api/step-up/one-time-passwords HTTP/1.1\r\nHost: shop.test\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`);
        await writeAll(socket, TOTAL, (chunk) => {
          written += chunk.length;
          return httpChunk(chunk);
        }).catch(() => undefined);
      },
    });
    expect(answer.status).toBe(413);
    expect(written).toBeLessThan(TOTAL);
  });
});
