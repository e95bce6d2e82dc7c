/**
 * Where the code field puts the browser's selection. The rule runs on every selection change, and its
 * own answer must be left alone when it comes back (or the field would move the selection for ever).
 */
import { fc, it as property } from '@fast-check/vitest';
import { pastedCode, slotSelection, wholeCodeIn, type Selection } from '../../src/primitives/code-edits';

describe('slotSelection', () => {
  it.each([
    ['a caret after a partly typed code stays', [3, 3], 3, [3, 3], [3, 3]],
    ['a caret on a digit selects it', [1, 1], 4, [4, 4], [1, 2]],
    ['a caret before the first digit selects it', [0, 0], 4, [2, 3], [0, 1]],
    ['a caret after a full code selects the last digit', [6, 6], 6, [6, 6], [5, 6]],
    ['moving left out of a selected digit selects the one before', [2, 2], 4, [2, 3], [1, 2]],
    ['moving right out of a selected digit selects the one after', [3, 3], 4, [2, 3], [3, 4]],
    ['a range the cardholder selected is kept', [1, 4], 5, [1, 1], [1, 4]],
  ] as const)('%s', (_, from, length, previous, expected) => {
    expect(slotSelection(from as Selection, length, 6, previous as Selection)).toEqual(expected);
  });

  const max = fc.integer({ min: 1, max: 10 });
  const situation = max.chain((m) =>
    fc.integer({ min: 0, max: m }).chain((length) =>
      fc.record({
        max: fc.constant(m),
        length: fc.constant(length),
        from: fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as Selection),
        previous: fc.tuple(fc.integer({ min: 0, max: m }), fc.integer({ min: 0, max: m })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as Selection),
      }),
    ),
  );

  property.prop([situation], { numRuns: 5_000 })(
    'stays inside the code, leaves its own answer alone, and leaves a caret only where a digit can be added',
    ({ max, length, from, previous }) => {
      const [start, end] = slotSelection(from, length, max, previous);
      expect(0 <= start && start <= end && end <= Math.max(length, Math.min(length + 1, max))).toBe(true);
      expect(end <= max).toBe(true);
      if (start === end) expect(start === length && length < max).toBe(true);
      else if (from[0] === from[1]) expect(end - start).toBe(1);
      else expect([start, end]).toEqual(from);
      // the browser reports the selection the field set: nothing moves again
      expect(slotSelection([start, end], length, max, [start, end])).toEqual([start, end]);
    },
  );
});

describe('wholeCodeIn and pastedCode', () => {
  it.each([
    ['482913', '482913'],
    ['Your code is 482 913', '482913'],
    ['482913482913', '482913'],
    ['48291', undefined],
    ['4', undefined],
  ])('finds the whole code in %j: %j', (text, expected) => {
    expect(wholeCodeIn(text, 6)).toBe(expected);
  });

  it.each([
    ['a whole code replaces what was typed', '12', '654321', [2, 2], '654321'],
    ['a part goes in at the caret', '1234', '9', [2, 2], '12934'],
    ['a part replaces the selected digit', '1234', '9', [2, 3], '1294'],
    ['a part keeps only its digits, cut at the length', '1234', 'a 5-6-7', [4, 4], '123456'],
  ] as const)('%s', (_, current, text, selection, expected) => {
    expect(pastedCode(current, text, selection as Selection, 6)).toBe(expected);
  });
});
