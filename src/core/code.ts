/**
 * Turns whatever the cardholder typed, pasted or autofilled into ASCII digits.
 * Arabic-Indic, Persian and full-width digits from local keyboards count as digits.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

/**
 * Extracts a code of `length` digits from pasted or autofilled text: `123-456`, `123 456` and
 * `Your code: 123456` all give `123456`. A group of exactly `length` digits wins over loose digits,
 * so `Code 123456, valid 5 min` does not become `123456` + `5`.
 */
export function extractCode(text: string, length: number): string {
  const ascii = toAsciiDigits(text);
  const groups = ascii.match(/\d+(?:[ \-.\u00A0]\d+)*/g) ?? [];
  for (const group of groups) {
    const digits = group.replace(/\D/g, '');
    if (digits.length === length) return digits;
  }
  return ascii.replace(/\D/g, '').slice(0, length);
}

/** Keeps the digits of a typed value, at most `length` of them. */
export function sanitizeCode(text: string, length: number): string {
  return toAsciiDigits(text).replace(/\D/g, '').slice(0, length);
}

/** Code lengths the kit accepts; Visa's `otp` field holds at most 8 characters. */
export function clampCodeLength(length: number | undefined): number {
  if (length === undefined || !Number.isFinite(length)) return 6;
  return Math.min(8, Math.max(4, Math.round(length)));
}
