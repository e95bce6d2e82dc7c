// @vitest-environment node
/**
 * Raw HTTP fuzzing of `toNodeHandler` over a real socket on 127.0.0.1: random methods, targets, Host
 * headers, framings and bodies, some cut short, aborted or stalled. Every exchange ends with an answer
 * (JSON from the handler, or Node's own bare 400 for bytes that are not HTTP) or a clean close, within a
 * bound; no 500, no crash, no unhandled rejection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fc, test as propTest } from '@fast-check/vitest';
import { createMemorySessionStore, createStepUpRoutes, toNodeHandler } from '../../src/server';
import { FAKE_OPTION_ID, fakeVisaClient } from './fake-visa-client';
import { httpChunk, rawExchange } from './raw-http';

let http: Server;
let port: number;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const routes = createStepUpRoutes({
    client: fakeVisaClient(),
    sessions: createMemorySessionStore(),
    getSessionId: (request) => /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1],
    basePath: '/api/step-up',
    bodyTimeoutMs: 100,
  });
  await routes.startStepUp({ sessionId: 'shopper', tokenId: 'tok-fuzz-http', authenticationOptionsBody: {} });
  http = createServer(toNodeHandler(routes, { drainTimeoutMs: 100 }));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

const noLineBreak = (text: string) => !/[\r\n]/.test(text);

/** Mostly `usual`, else one of the odd values. */
const mostly = <T,>(usual: T, odd: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: odd });

const raw = fc.record({
  method: mostly('POST', fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'FOO')),
  target: mostly(
    '/api/step-up/validate',
    fc.oneof(
      fc.constantFrom(
        '/api/step-up/one-time-passwords',
        'http://[/api/step-up/validate',
        'http://other.test/api/step-up/validate',
        '//evil.test/api/step-up/validate',
        '*',
        '/api/step-up/validate?otp=%zz',
        `/${'a'.repeat(3_000)}`,
      ),
      fc.webPath(),
      fc.string({ maxLength: 40 }).filter(noLineBreak),
    ),
  ),
  host: mostly(
    'shop.test' as string | undefined,
    fc.oneof(
      fc.constantFrom(undefined, 'a b', '[::1', 'user:pw@shop.test', '', 'shop.test:99999', '[::1]:8080', 'shop.test/x?y#z'),
      fc.string({ maxLength: 30 }).filter(noLineBreak),
    ),
  ),
  contentType: mostly('application/json' as string | undefined, fc.constantFrom(undefined, 'text/plain')),
  cookie: mostly('sid=shopper' as string | undefined, fc.constantFrom(undefined, 'sid=stranger', 'sid=;;')),
  framing: fc.constantFrom('length', 'length', 'chunked', 'none', 'length lies'),
  body: fc.oneof(
    fc.constantFrom(JSON.stringify({ stepUpOption: { id: FAKE_OPTION_ID } }), JSON.stringify({ stepUpOption: { id: FAKE_OPTION_ID }, otp: '123456' })),
    fc.json({ maxDepth: 2 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  ),
  ending: fc.constantFrom('complete', 'complete', 'complete', 'complete', 'cut short', 'aborted', 'stalled'),
});

type Raw = typeof raw extends fc.Arbitrary<infer T> ? T : never;

function head(r: Raw, bodyLength: number): string {
  const lines = [`${r.method} ${r.target} HTTP/1.1`];
  if (r.host !== undefined) lines.push(`Host: ${r.host}`);
  if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
  if (r.cookie) lines.push(`Cookie: ${r.cookie}`);
  if (r.framing === 'length') lines.push(`Content-Length: ${bodyLength}`);
  if (r.framing === 'length lies') lines.push(`Content-Length: ${bodyLength + 50}`);
  if (r.framing === 'chunked') lines.push('Transfer-Encoding: chunked');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

propTest.prop([raw], { numRuns: 150 })('answers JSON or closes cleanly, never 500, never hangs, never rejects', async (r) => {
  const body = Buffer.from(r.body, r.body.startsWith('{') || r.body.startsWith('[') ? 'utf8' : 'latin1');
  const framed = r.framing === 'chunked' ? Buffer.concat([httpChunk(body), Buffer.from('0\r\n\r\n')]) : body;
  const half = framed.subarray(0, Math.floor(framed.length / 2));
  const answer = await rawExchange(port, '', {
    timeoutMs: 3_000,
    send: (socket) => {
      socket.write(head(r, body.length));
      if (r.ending === 'complete') socket.write(framed);
      else socket.write(half);
      if (r.ending === 'cut short') socket.end();
      if (r.ending === 'aborted') setTimeout(() => socket.destroy(), 10);
    },
  });

  expect(answer.error).not.toBe('timeout');
  if (answer.status === undefined) {
    expect(answer.error).toMatch(/^(closed|ECONNRESET|EPIPE)$/);
  } else {
    expect(answer.status).not.toBe(500);
    if (answer.headers['content-type'] !== undefined) {
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      const json = JSON.parse(answer.body) as { error?: { kind?: unknown } };
      if (answer.status >= 300) expect(typeof json.error?.kind).toBe('string');
    } else {
      // Node's own answer to bytes its parser refuses, before any handler runs
      expect([400, 431, 505]).toContain(answer.status);
      expect(answer.headers.connection).toBe('close');
    }
  }
  expect(unhandled).toEqual([]);
});
