import { createHash } from 'node:crypto';

/** Base64 of the SHA-256 of a request body as UTF-8: the JWT `digest` claim. */
export function sha256Base64(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64');
}

/** The `Digest` header value of HTTP Signature messages: `SHA-256=<base64>`. */
export function digestHeader(body: string): string {
  return `SHA-256=${sha256Base64(body)}`;
}
