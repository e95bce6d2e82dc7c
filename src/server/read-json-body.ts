import { isRecord } from '../core/normalize.js';

/** Why a body could not be read. */
export type BodyProblem = 'unsupported-media-type' | 'payload-too-large' | 'bad-request';

/**
 * Reads a JSON object from a request, at most `limitBytes`, without trusting `content-length`.
 * A parse failure is reported without the parser's message: V8 quotes the offending text, and a
 * validate body holds the one-time password.
 */
export async function readJsonBody(
  request: Request,
  limitBytes: number,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; problem: BodyProblem }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return { ok: false, problem: 'unsupported-media-type' };
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, problem: 'payload-too-large' };
  if (!request.body) return { ok: false, problem: 'bad-request' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, problem: 'payload-too-large' };
    }
    chunks.push(value);
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
