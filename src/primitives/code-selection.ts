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
