import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A Web-standard handler such as the one `createStepUpRoutes` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** An `IncomingMessage` as Express hands it over: the mount-free `originalUrl`, and a body a JSON parser may already have read. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/**
 * Adapts a `(Request) => Promise<Response>` handler to `node:http` and Express (`(req, res, next)`).
 * Under Express it reads `req.originalUrl`, so the handler sees the full path whatever the mount point,
 * and it accepts a body that `express.json()` already parsed.
 */
export function toNodeHandler(handler: FetchHandler) {
  return (req: NodeRequest, res: ServerResponse, next?: (error?: unknown) => void): void => {
    run(handler, req, res).catch((error: unknown) => {
      if (next) next(error);
      else if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
  };
}

async function run(handler: FetchHandler, req: NodeRequest, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = req.method ?? 'GET';
  let body: BodyInit | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.body !== undefined && req.readableEnded) {
      // a body parser consumed the stream: hand on its text or bytes (express.text(), express.raw()) as they
      // are, and what it parsed (express.json()) as JSON
      body =
        typeof req.body === 'string' || req.body instanceof Uint8Array ? (req.body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(req.body);
      headers.delete('content-length');
    } else {
      body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    }
  }
  const abort = new AbortController();
  res.once('close', () => abort.abort());
  const request = new Request(url, { method, headers, body, signal: abort.signal, duplex: 'half' } as RequestInit);
  const response = await handler(request);
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}
