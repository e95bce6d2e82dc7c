// @vitest-environment node
/**
 * A real HTTP server on 127.0.0.1 that stands between the routes' Visa client and the sandbox server and
 * loses answers on purpose: it forwards a request to the sandbox (so "Visa" really acts on it) and then
 * holds, cuts or garbles the answer, or answers like a WAF without forwarding at all.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One way to lose or spoil the answer of a call. */
export type UpstreamFault =
  /** Hold the call for `holdMs` (longer than the client's `timeoutMs`); `forward`: Visa acts on it meanwhile. */
  | { kind: 'slow'; holdMs: number; forward: boolean }
  /** Cut the socket; `forward`: after Visa acted and half of its answer went out, else before Visa saw it. */
  | { kind: 'cut'; forward: boolean }
  /**
   * Answer `status` with `body` instead of Visa: `forward`, after Visa acted on the call (a gateway's error or
   * page on the way back), else without Visa seeing it (a WAF refusing the request).
   */
  | { kind: 'answer'; forward: boolean; status: number; contentType: string; body: string };

/** Which call a fault is for. */
export type UpstreamCall = 'create-otp' | 'validate-otp';

export interface FaultyUpstream {
  /** The base URL to give the Visa client. */
  url: string;
  /** The next `call` meets `fault` (once). */
  failNext(call: UpstreamCall, fault: UpstreamFault): void;
  /** Runs `hook` once, when the sandbox has answered the next `call` and before the answer goes on. */
  afterNextAnswer(call: UpstreamCall, hook: () => void): void;
  close(): Promise<void>;
}

export const WAF_PAGE = '<html><head><title>403 Forbidden</title></head><body><h1>Request blocked</h1><p>Incident 7f3a</p></body></html>';

function callOf(path: string): UpstreamCall | undefined {
  if (path.endsWith('/one-time-passwords')) return 'create-otp';
  if (path.endsWith('/validate')) return 'validate-otp';
  return undefined;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFaultyUpstream(targetUrl: string): Promise<FaultyUpstream> {
  const target = new URL(targetUrl);
  const faults = new Map<UpstreamCall, UpstreamFault>();
  const hooks = new Map<UpstreamCall, () => void>();
  const sockets = new Set<Socket>();

  /** The request as received, headers included (the signature covers `host`, which stays this server's). */
  function forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => readAll(answer).then((data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }), reject),
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const call = callOf(new URL(req.url ?? '/', 'http://upstream.invalid').pathname);
    const fault = call && faults.get(call);
    if (call && fault) faults.delete(call);

    if (fault?.kind === 'answer' && !fault.forward) return void res.writeHead(fault.status, { 'content-type': fault.contentType }).end(fault.body);
    if (fault?.kind === 'cut' && !fault.forward) return void req.socket.destroy();
    if (fault?.kind === 'slow' && !fault.forward) {
      // the client gives up first; the call never reaches Visa
      await sleep(fault.holdMs);
      return void res.destroy();
    }

    const answer = await forward(req, body);
    const hook = call && hooks.get(call);
    if (call && hook) {
      hooks.delete(call);
      hook();
    }
    const headers = { 'content-type': answer.headers['content-type'] ?? 'application/json', 'v-c-correlation-id': String(answer.headers['v-c-correlation-id'] ?? '') };
    if (fault?.kind === 'slow') await sleep(fault.holdMs);
    if (res.destroyed) return;
    if (fault?.kind === 'cut') {
      res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      await sleep(20);
      return void req.socket.destroy();
    }
    if (fault?.kind === 'answer') return void res.writeHead(fault.status, { ...headers, 'content-type': fault.contentType }).end(fault.body);
    res.writeHead(answer.status, headers).end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failNext: (call, fault) => void faults.set(call, fault),
    afterNextAnswer: (call, hook) => void hooks.set(call, hook),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}
