/**
 * How the code field reads an edit and where it puts the selection: plain functions of the field's value,
 * so they are tested without a browser.
 */
import { extractCode, sanitizeCode, toAsciiDigits } from '../core/index.js';

/** A selection in the code field: `[start, end]`, as `selectionStart`/`selectionEnd`. */
export type Selection = readonly [start: number, end: number];

/**
 * Where the field's selection should be, given where the browser put it. A collapsed caret on a digit
 * selects that digit, so the next digit typed replaces it, and a caret after a full code selects the
 * last digit; a caret after a partly typed code stays (drawn as a caret in the next slot). Moving left
 * out of a selected digit (arrow key, Backspace over nothing) selects the digit before it, which is
 * how `previous` is used.
 */
export function slotSelection(
  [start, end]: Selection,
  length: number,
  max: number,
  previous: Selection,
): Selection {
  if (start !== end || (start === length && length < max)) return [start, end];
  if (start >= max) return [max - 1, max];
  // a caret left of the digit that was selected: the move was backwards, one digit on
  const back = start < previous[1] && previous[0] !== previous[1] && start > 0 ? 1 : 0;
  return [start - back, start - back + 1];
}

/** Whether slot `index` is drawn as active (selected, or where the caret is) for a selection. */
export function isActiveSlot(index: number, [start, end]: Selection): boolean {
  return start === end ? index === start : index >= start && index < end;
}

/**
 * The digits of an edit of the field. Digits (local ones too) are kept. An edit with anything else in it
 * is taken when it holds a whole code (autofill), or keeps at least as many digits as the field had; a
 * letter typed over a selected digit, which would erase the digit, is refused (`undefined`).
 */
export function readTypedCode(raw: string, length: number, current: string): string | undefined {
  const ascii = toAsciiDigits(raw);
  if (/^\d*$/.test(ascii)) return ascii.slice(0, length);
  const code = extractCode(ascii, length);
  return code.length === length || code.length >= current.length ? code : undefined;
}

/**
 * The whole code in text about to be inserted (a keyboard's code suggestion, an autofill, a drop, or a
 * paste), which then replaces what was typed instead of being added to it; `undefined` when the text holds
 * fewer digits than a code.
 */
export function wholeCodeIn(text: string, length: number): string | undefined {
  const code = extractCode(text, length);
  return code.length === length ? code : undefined;
}

/** The field after a paste: a whole code replaces it, anything less goes in at the selection. */
export function pastedCode(current: string, text: string, [start, end]: Selection, length: number): string {
  return wholeCodeIn(text, length) ?? sanitizeCode(current.slice(0, start) + text + current.slice(end), length);
}
