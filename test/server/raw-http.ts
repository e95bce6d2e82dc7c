// @vitest-environment node
/**
 * A raw HTTP/1.1 client over a TCP socket on 127.0.0.1, for requests no HTTP library would send: bad Host
 * headers, odd targets, bodies cut short, bodies that never end, and a client that writes its whole body
 * before it reads the answer (as python-requests does).
 */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** The status, when an answer's head arrived. */
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** Why the exchange ended without a whole answer: 'timeout', or the socket's error code. */
  error?: string;
  /** Milliseconds from connecting to the end of the exchange. */
  ms: number;
}

export interface RawExchangeOptions {
  /** Writes the request; by default the `head` and `body` given. */
  send?: (socket: Socket) => void | Promise<void>;
  /** Read nothing until `send` has finished writing. */
  readAfterSend?: boolean;
  /** Give up after this long. @defaultValue 3000 */
  timeoutMs?: number;
}

/** Sends one request and resolves with the answer (or what ended the exchange); never rejects. */
export function rawExchange(port: number, request: string | Buffer, options: RawExchangeOptions = {}): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(received), ...(error ? { error } : {}), ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs ?? 3_000);
    const read = () => {
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (parseAnswer(received).complete) finish();
      });
      socket.resume();
    };
    socket.on('error', (error: NodeJS.ErrnoException) => finish(parseAnswer(received).complete ? undefined : (error.code ?? 'error')));
    socket.on('end', () => finish(parseAnswer(received).status === undefined ? 'closed' : undefined));
    socket.on('close', () => finish(parseAnswer(received).status === undefined ? 'closed' : undefined));
    if (options.readAfterSend) socket.pause();
    else read();
    socket.once('connect', () => {
      void Promise.resolve(options.send ? options.send(socket) : void socket.write(request)).then(
        () => options.readAfterSend && read(),
        () => finish('send failed'),
      );
    });
  });
}

/** Writes `bytes` in chunks of 64 KiB, waiting for each to drain; rejects when the socket fails. */
export async function writeAll(socket: Socket, bytes: number, frame: (chunk: Buffer) => Buffer | string = (c) => c): Promise<void> {
  const chunk = Buffer.alloc(65_536, 0x61);
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    await new Promise<void>((resolve, reject) => {
      socket.write(frame(chunk), (error) => (error ? reject(error) : resolve()));
    });
  }
}

/** An HTTP/1.1 chunk of `chunk`. */
export function httpChunk(chunk: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
}

function parseAnswer(bytes: Buffer): Omit<RawAnswer, 'ms' | 'error'> & { complete: boolean } {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return { headers: {}, body: '', complete: false };
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]) || undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(end + 4);
  const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  if (length !== undefined) return { status, headers, body: rest.subarray(0, length).toString('utf8'), complete: rest.length >= length };
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const text = rest.toString('latin1');
    return { status, headers, body: text, complete: text.endsWith('0\r\n\r\n') };
  }
  return { status, headers, body: rest.toString('utf8'), complete: false };
}
