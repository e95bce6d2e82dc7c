import { isRecord } from '../core/normalize.js';

/** Why a body could not be read. */
export type BodyProblem = 'unsupported-media-type' | 'payload-too-large' | 'bad-request' | 'request-timeout';

/** The status each problem answers. */
export const BODY_PROBLEM_STATUS: Record<BodyProblem, number> = {
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'bad-request': 400,
  'request-timeout': 408,
};

/** How much of a body is read, and for how long. */
export interface BodyLimits {
  maxBytes: number;
  /** The whole body must have arrived within this many milliseconds. */
  timeoutMs: number;
}

/**
 * Reads a JSON object from a request, at most `maxBytes` within `timeoutMs`, without trusting
 * `content-length`. A parse failure is reported without the parser's message: V8 quotes the offending
 * text, and a validate body holds the one-time password. A body stream that fails (the client went away)
 * is a `bad-request`, never a rejection.
 */
export async function readJsonBody(
  request: Request,
  limits: BodyLimits,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; problem: BodyProblem }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return { ok: false, problem: 'unsupported-media-type' };
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) return { ok: false, problem: 'payload-too-large' };
  if (!request.body) return { ok: false, problem: 'bad-request' };

  const reader = request.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), limits.timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'expired') {
        stop();
        return { ok: false, problem: 'request-timeout' };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limits.maxBytes) {
        stop();
        return { ok: false, problem: 'payload-too-large' };
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, problem: 'bad-request' };
  } finally {
    clearTimeout(timer);
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(concat(chunks, size)));
  } catch {
    return { ok: false, problem: 'bad-request' };
  }
  return isRecord(value) ? { ok: true, value } : { ok: false, problem: 'bad-request' };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
