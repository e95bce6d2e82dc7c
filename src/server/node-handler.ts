import type { IncomingMessage, ServerResponse } from 'node:http';
import { durationOption, wholeNumberOption } from './option-checks.js';
import { routeError, toResponse } from './route-outcome.js';

/** A Web-standard handler such as the one `createStepUpRoutes` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Options of `toNodeHandler`. */
export interface NodeHandlerOptions {
  /**
   * After answering a request whose body it did not read to the end (413, 408, 404 …), the handler keeps
   * reading and discarding that body for at most this many milliseconds before it closes the connection,
   * so that a client still sending reads the answer rather than a reset. 1 ms to 10 minutes.
   * @defaultValue 5000
   */
  drainTimeoutMs?: number;
  /**
   * …and at most this many bytes (1 to 1 GiB).
   * @defaultValue 33554432 (32 MiB)
   */
  maxDrainBytes?: number;
}

/** An `IncomingMessage` as Express hands it over: the mount-free `originalUrl`, and a body a JSON parser may already have read. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

interface Drain {
  ms: number;
  bytes: number;
}

/**
 * Adapts a `(Request) => Promise<Response>` handler to `node:http` and Express (`(req, res, next)`).
 * Under Express it reads `req.originalUrl`, so the handler sees the full path whatever the mount point,
 * and it accepts a body that `express.json()` already parsed.
 *
 * Every request is answered here, never passed to `next` and never left to Node: a Host or target that
 * makes no URL gets 400 `bad-request`, a handler that throws 500 `internal`, both as JSON. An answer given
 * before the body was read to its end goes out with `connection: close`, then the rest of the body is
 * discarded (within `drainTimeoutMs` and `maxDrainBytes`) before the connection closes.
 *
 * @throws TypeError when `drainTimeoutMs` or `maxDrainBytes` is not a whole number in its range
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}) {
  const drain: Drain = {
    ms: durationOption(options.drainTimeoutMs ?? 5_000, 'drainTimeoutMs'),
    bytes: wholeNumberOption(options.maxDrainBytes ?? 32 * 1024 * 1024, 'maxDrainBytes', 1, 1024 ** 3),
  };
  return (req: NodeRequest, res: ServerResponse, _next?: (error?: unknown) => void): void => {
    void serve(handler, req, res, drain);
  };
}

/** Answers one request; never rejects. */
async function serve(handler: FetchHandler, req: NodeRequest, res: ServerResponse, drain: Drain): Promise<void> {
  // a client gone mid-answer is no failure of the server: without a listener, the write's error would be thrown
  res.on('error', () => undefined);
  const incoming = toRequest(req, res);
  let response: Response;
  try {
    response = incoming ? await handler(incoming.request) : toResponse(routeError(400, 'bad-request'));
  } catch {
    response = toResponse(routeError(500, 'internal'));
  }
  try {
    await send(req, res, response, drain, incoming?.discardBody);
  } catch {
    res.destroy();
  }
}

/** The Web `Request` of `req`, or `undefined` when its Host, target or method make none. */
function toRequest(req: NodeRequest, res: ServerResponse): { request: Request; discardBody?: () => void } | undefined {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const method = req.method ?? 'GET';
    let body: BodyInit | undefined;
    let discardBody: (() => void) | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      if (req.body !== undefined && req.readableEnded) {
        // a body parser consumed the stream: hand on its text or bytes (express.text(), express.raw()) as they
        // are, and what it parsed (express.json()) as JSON
        body =
          typeof req.body === 'string' || req.body instanceof Uint8Array ? (req.body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(req.body);
        headers.delete('content-length');
      } else {
        ({ stream: body, discard: discardBody } = bodyStream(req));
      }
    }
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    return { request: new Request(url, { method, headers, body, signal: abort.signal, duplex: 'half' } as RequestInit), discardBody };
  } catch {
    return undefined;
  }
}

/**
 * The body of `req` as a Web stream. Unlike `Readable.toWeb`, cancelling it (a body over the limit) does not
 * destroy the request, which would take the socket and the answer with it: the rest is discarded instead.
 */
function bodyStream(req: IncomingMessage): { stream: ReadableStream<Uint8Array>; discard: () => void } {
  let open = true;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const settle = (fn: () => void) => {
          if (!open) return;
          open = false;
          fn();
        };
        req.on('data', (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => settle(() => controller.close()));
        req.once('error', (error) => settle(() => controller.error(error)));
        req.once('close', () => settle(() => controller.error(new Error('the request closed before its body ended'))));
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
  return {
    stream,
    discard: () => {
      open = false;
    },
  };
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response, drain: Drain, discardBody?: () => void): Promise<void> {
  const bytes = Buffer.from(await response.arrayBuffer());
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (req.complete || req.readableEnded) {
    res.end(bytes);
    return;
  }
  // answered before the body was read to its end (413, 408, 404 …). Closing at once would reset a client
  // still sending, which then often loses the answer (ECONNRESET): the whole answer is written, the rest of
  // the body discarded, and the connection closed once the body ends or a bound is reached.
  discardBody?.();
  res.setHeader('connection', 'close');
  res.setHeader('content-length', bytes.byteLength);
  res.write(bytes);
  await drained(req, drain);
  res.end();
}

/** Resolves once `req` has ended, or closed, or after `drain.ms` or `drain.bytes` of its body, read and dropped. */
function drained(req: IncomingMessage, drain: Drain): Promise<void> {
  if (req.destroyed || req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let discarded = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', count);
      req.off('end', done);
      req.off('close', done);
      req.pause();
      resolve();
    };
    const count = (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > drain.bytes) done();
    };
    const timer = setTimeout(done, drain.ms);
    req.on('data', count);
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}
