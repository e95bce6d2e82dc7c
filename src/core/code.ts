/**
 * Turns whatever the cardholder typed, pasted or autofilled into ASCII digits: the decimal digits of
 * every script (Unicode `Nd`: Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width, …) count.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    // Unicode encodes decimal digits only in runs of whole blocks of ten, each from 0 to 9 (a stability
    // policy), so a digit's value is its distance from the start of its run, modulo ten
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  });
}

/**
 * Extracts a code of `length` digits from pasted or autofilled text: `123-456`, `123 456` and
 * `Your code: 123456` all give `123456`. A group of exactly `length` digits wins over loose digits,
 * so `Code 123456, valid 5 min` does not become `123456` + `5`.
 */
export function extractCode(text: string, length: number): string {
  const ascii = toAsciiDigits(text);
  const groups = (ascii.match(/\d+(?:[ \-.\u00A0]\d+)*/g) ?? []).map((group) => group.replace(/\D/g, ''));
  return groups.find((digits) => digits.length === length) ?? ascii.replace(/\D/g, '').slice(0, length);
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
