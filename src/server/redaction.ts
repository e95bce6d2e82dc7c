/**
 * What must not leave the server in a log line: the one-time password and the full token id. The routes
 * never log either on purpose; these scrub text they do not control (an error message from a library).
 */

/** A token id as a PAN is shown: `…` and its last 4 characters, or `…` alone when it is too short to hide the rest. */
export function maskTokenId(tokenId: string): string {
  return tokenId.length >= 12 ? `…${tokenId.slice(-4)}` : '…';
}

// the token id as it appears in a TMS path, raw or percent-encoded; a masked one (`…1234`) does not match
const TOKEN_IN_PATH = /(tokenized-cards\/)([A-Za-z0-9_=%-]+)/g;

// the value of a field named `otp` in JSON ("otp":"…", also escaped inside a JSON string), in util.inspect's
// form (otp: '…') and in a query string or form (otp=…). Only the field's value is replaced: a code that
// happens to be a word ("validate") must not rewrite the rest of the line.
const OTP_FIELD = /((?<![A-Za-z0-9_])(?:otp|issuerAuthCode|secureToken)(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?!\[redacted\])[^\s"'\\&,;)}\]]+/gi;

/** `text` with token ids masked and `otp` field values replaced by `[redacted]`. */
export function scrubText(text: string): string {
  return text
    .replace(TOKEN_IN_PATH, (_match, prefix: string, id: string) => prefix + maskTokenId(decoded(id)))
    .replace(OTP_FIELD, '$1[redacted]');
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
