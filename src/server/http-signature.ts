import { createHmac } from 'node:crypto';

/** What an HTTP Signature covers. All values are exactly as they travel in the request. */
export interface HttpSignatureInput {
  merchantId: string;
  /** The key's serial number from the Business Center. */
  keyId: string;
  /** The shared secret, base64 as the Business Center shows it. */
  sharedSecret: string;
  /** HTTP method, any case. */
  method: string;
  /** The `Host` header: host name, plus `:port` when the URL has one. */
  host: string;
  /** Path and query of the request, e.g. `/tms/v2/tokenized-cards/123/authentication-options`. */
  path: string;
  /** RFC 1123 date, as sent in `v-c-date` and `Date`. */
  date: string;
  /** `SHA-256=<base64>` of the body; omitted for requests without a body. */
  digest?: string;
}

/**
 * The signed-header names in the order Visa Acceptance documents them. Visa's current pages spell the
 * pseudo-header `request-target` (older SDKs send `(request-target)`; the sandbox server accepts both).
 */
export function httpSignatureHeaderNames(hasDigest: boolean): string[] {
  return hasDigest
    ? ['host', 'date', 'request-target', 'digest', 'v-c-merchant-id']
    : ['host', 'date', 'request-target', 'v-c-merchant-id'];
}

/** The validation string: one `name: value` line per signed header, joined by `\n` (no trailing newline). */
export function httpSignatureString(input: HttpSignatureInput): string {
  const values: Record<string, string> = {
    host: input.host,
    date: input.date,
    'request-target': `${input.method.toLowerCase()} ${input.path}`,
    digest: input.digest ?? '',
    'v-c-merchant-id': input.merchantId,
  };
  return httpSignatureHeaderNames(input.digest !== undefined)
    .map((name) => `${name}: ${values[name]}`)
    .join('\n');
}

/** The `Signature` header value: HMAC-SHA256 of the validation string with the base64-decoded secret. */
export function httpSignatureHeader(input: HttpSignatureInput): string {
  const signature = createHmac('sha256', Buffer.from(input.sharedSecret, 'base64'))
    .update(httpSignatureString(input), 'utf8')
    .digest('base64');
  const names = httpSignatureHeaderNames(input.digest !== undefined).join(' ');
  return `keyid="${input.keyId}", algorithm="HmacSHA256", headers="${names}", signature="${signature}"`;
}

/** Whether a string is plausible base64 (the Business Center's shared secrets are). */
export function isBase64(value: string): boolean {
  return value.length >= 4 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}
