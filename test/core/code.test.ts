import { describe, expect, it } from 'vitest';
import { clampCodeLength, extractCode, sanitizeCode, toAsciiDigits } from '../../src/core';

describe('toAsciiDigits', () => {
  it.each([
    ['Arabic-Indic', '١٢٣٤٥٦', '123456'],
    ['Arabic-Indic 0 and 9', '٠٩', '09'],
    ['Persian', '۱۲۳۴۵۶', '123456'],
    ['Persian 0 and 9', '۰۹', '09'],
    ['full-width', '１２３４５６', '123456'],
    ['full-width 0 and 9', '０９', '09'],
    ['mixed scripts', '1٢۳４5٦', '123456'],
    ['Devanagari', '०१२३४५६७८९', '0123456789'],
    ['Bengali', '০১২৩৪৫৬৭৮৯', '0123456789'],
    ['Thai', '๐๑๒๓๔๕๖๗๘๙', '0123456789'],
    ['Tamil', '௦௧௨௩௪௫௬௭௮௯', '0123456789'],
    ['Myanmar', '၀၁၂၃၄၅၆၇၈၉', '0123456789'],
    ['N’Ko', '߀߁߂߃߄߅߆߇߈߉', '0123456789'],
    ['mathematical bold and monospace (back-to-back blocks, outside the BMP)', '𝟎𝟗𝟶𝟿', '0909'],
    ['ASCII digits', '0123456789', '0123456789'],
  ])('%s: %s → %s', (_name, input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  it('reads every decimal digit Unicode knows as its value', () => {
    // every code point whose Unicode property is Nd, found by the regex engine rather than a list
    for (let code = 0x80; code <= 0x1ffff; code++) {
      const ch = String.fromCodePoint(code);
      if (!/\p{Nd}/u.test(ch)) continue;
      const value = toAsciiDigits(ch);
      expect(value, code.toString(16)).toMatch(/^[0-9]$/);
    }
  });

  it('agrees with Intl on the digits of every numbering system it formats', () => {
    const systems = Intl.supportedValuesOf('numberingSystem');
    let checked = 0;
    for (const system of systems) {
      const format = new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false });
      if (format.resolvedOptions().numberingSystem !== system) continue;
      const written = format.format(1234567890);
      if (!/^\p{Nd}+$/u.test(written)) continue; // algorithmic systems (Roman, Han numerals) are not digits
      expect(toAsciiDigits(written), system).toBe('1234567890');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('leaves everything that is not a digit alone', () => {
    expect(toAsciiDigits('Code: ١٢٣-٤٥٦!')).toBe('Code: 123-456!');
  });
});

describe('extractCode', () => {
  it.each([
    ['123-456', '123456'],
    ['123 456', '123456'],
    ['123.456', '123456'],
    ['123\u00A0456', '123456'],
    ['Your code: 123456', '123456'],
    ['Code 123456, valid for 5 minutes', '123456'],
    ['Valid for 5 minutes: code 123456', '123456'],
    ['Call 1-800-555-1212 if this was not you. Code 654321', '654321'],
    ['123456', '123456'],
    ['  123456\n', '123456'],
    ['١٢٣٤٥٦', '123456'],
    ['رمز: ١٢٣-٤٥٦', '123456'],
    ['۱۲۳۴۵۶', '123456'],
    ['کد شما ۱۲۳۴۵۶ است', '123456'],
    ['１２３４５６', '123456'],
    ['１２３ ４５６', '123456'],
  ])('%j → %s (6 digits)', (input, expected) => {
    expect(extractCode(input, 6)).toBe(expected);
  });

  it.each([
    ['1234', 4, '1234'],
    ['Your code: 1234. Valid 10 min', 4, '1234'],
    ['12-34', 4, '1234'],
    ['12345678', 8, '12345678'],
    ['1234-5678', 8, '12345678'],
    ['Code 1234 5678, valid for 5 minutes', 8, '12345678'],
  ])('%j with length %d → %s', (input, length, expected) => {
    expect(extractCode(input, length)).toBe(expected);
  });

  it('truncates too many digits to the length', () => {
    expect(extractCode('1234567890', 6)).toBe('123456');
    expect(extractCode('123456', 4)).toBe('1234');
  });

  it('returns the digits it has when there are too few', () => {
    expect(extractCode('12-3', 6)).toBe('123');
    expect(extractCode('no digits here', 6)).toBe('');
    expect(extractCode('', 6)).toBe('');
  });
});

describe('sanitizeCode', () => {
  it.each([
    ['123456', 6, '123456'],
    ['12a3b4', 6, '1234'],
    ['123-456', 6, '123456'],
    [' 1 2 3 ', 6, '123'],
    ['1234567890', 6, '123456'],
    ['1234567890', 8, '12345678'],
    ['1234567890', 4, '1234'],
    ['١٢٣٤٥٦', 6, '123456'],
    ['۱۲۳abc۴۵۶', 6, '123456'],
    ['１２３４５６７８', 8, '12345678'],
    ['abc', 6, ''],
    ['', 6, ''],
  ])('%j (length %d) → %j', (input, length, expected) => {
    expect(sanitizeCode(input, length)).toBe(expected);
  });
});

describe('clampCodeLength', () => {
  it.each([
    [3, 4],
    [0, 4],
    [-5, 4],
    [4, 4],
    [6, 6],
    [8, 8],
    [9, 8],
    [100, 8],
    [5.4, 5],
    [undefined, 6],
    [Number.NaN, 6],
    [Number.POSITIVE_INFINITY, 6],
  ])('%s → %d', (input, expected) => {
    expect(clampCodeLength(input)).toBe(expected);
  });
});
