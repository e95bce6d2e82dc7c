/**
 * The longest wait these options accept: 10 minutes. Far above any bound of a step-up, and far below
 * `setTimeout`'s 2^31−1 ms, past which a timer fires at once.
 */
export const MAX_WAIT_MS = 600_000;

/**
 * A numeric option checked at creation: a whole number from `min` to `max`. NaN (an unset environment
 * variable), a fraction or a value out of range would silently lift a limit or make a timer fire at once.
 *
 * @throws TypeError naming the option
 */
export function wholeNumberOption(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const got = typeof value === 'number' ? String(value) : typeof value;
    throw new TypeError(`stepup-kit/server: ${name} must be a whole number from ${min} to ${max}, got ${got}`);
  }
  return value;
}

/** A duration option in milliseconds: 1 ms to `MAX_WAIT_MS`. */
export function durationOption(value: unknown, name: string): number {
  return wholeNumberOption(value, name, 1, MAX_WAIT_MS);
}
