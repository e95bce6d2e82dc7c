import { describe, expect, it } from 'vitest';
import {
  isOtpMethod,
  isStepUpAction,
  normalizeCreateOtpResponse,
  normalizeMethod,
  normalizeStepUpOptions,
  normalizeValidateOtpResponse,
  parseLimit,
  parseNumber,
  resolveCodeExpiration,
  type CodeExpirationUnit,
} from '../../src/core';

const RECEIVED = 1_700_000_000_000;
const MINUTE = 60_000;

describe('normalizeMethod', () => {
  it.each([
    ['OTP_SMS', 'OTP_SMS'],
    ['OTPSMS', 'OTP_SMS'],
    ['OTP_EMAIL', 'OTP_EMAIL'],
    ['OTPEMAIL', 'OTP_EMAIL'],
    ['OTP_ONLINE_BANKING', 'OTP_ONLINE_BANKING'],
    ['OTPONLINEBANKING', 'OTP_ONLINE_BANKING'],
    ['APP_TO_APP', 'APP_TO_APP'],
    ['APP-TO-APP', 'APP_TO_APP'],
    ['CUSTOMER_SERVICE', 'CUSTOMER_SERVICE'],
    ['CUSTOMERSERVICE', 'CUSTOMER_SERVICE'],
    ['OUTBOUND_CALL', 'OUTBOUND_CALL'],
    ['OUTBOUNDCALL', 'OUTBOUND_CALL'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMethod(input)).toBe(expected);
  });

  it.each([
    ['otp_sms', 'OTP_SMS'],
    ['otpsms', 'OTP_SMS'],
    ['Otp_Email', 'OTP_EMAIL'],
    ['otponlinebanking', 'OTP_ONLINE_BANKING'],
    ['app-to-app', 'APP_TO_APP'],
    ['customerService', 'CUSTOMER_SERVICE'],
    ['outboundcall', 'OUTBOUND_CALL'],
  ])('lower/mixed case %s → %s', (input, expected) => {
    expect(normalizeMethod(input)).toBe(expected);
  });

  it.each([
    ['  OTP_SMS  ', 'OTP_SMS'],
    ['\tOTPEMAIL\n', 'OTP_EMAIL'],
    [' app-to-app ', 'APP_TO_APP'],
  ])('surrounding whitespace %j → %s', (input, expected) => {
    expect(normalizeMethod(input)).toBe(expected);
  });

  it('keeps an unknown method, upper-cased and trimmed', () => {
    expect(normalizeMethod('carrier_pigeon')).toBe('CARRIER_PIGEON');
    expect(normalizeMethod(' Fido2 ')).toBe('FIDO2');
  });

  it.each([[undefined], [null], [42], [true], [{}], [['OTP_SMS']]])('non-string %j → empty string', (input) => {
    expect(normalizeMethod(input)).toBe('');
  });
});

describe('isOtpMethod', () => {
  it.each([
    ['OTP_SMS', true],
    ['OTP_EMAIL', true],
    ['OTP_ONLINE_BANKING', true],
    ['APP_TO_APP', false],
    ['CUSTOMER_SERVICE', false],
    ['OUTBOUND_CALL', false],
    ['OTPSMS', false], // only normalised spellings are recognised here
    ['', false],
  ])('%s → %s', (method, expected) => {
    expect(isOtpMethod(method)).toBe(expected);
  });
});

describe('normalizeStepUpOptions', () => {
  it.each([[undefined], [null], ['OTP_SMS'], [42], [{ id: 'a', method: 'OTP_SMS' }]])('non-array %j → []', (raw) => {
    expect(normalizeStepUpOptions(raw)).toEqual([]);
  });

  it('normalises every option, keeping order, the masked value verbatim and the raw item', () => {
    const raw = [
      { id: 'S1', method: 'OTPSMS', value: '***-***-1234', platformType: 'WEB' },
      { id: 'E1', method: 'OTP_EMAIL', value: 'j***@example.com' },
      { id: 'B1', method: 'otponlinebanking', value: 'Example Bank <b>' },
      { id: 'A1', method: 'APP-TO-APP', value: 'Mobile Banking Application', source: 'com.bank.app', requestPayload: 'xyz' },
      { id: 'C1', method: 'CUSTOMERSERVICE', value: '1-800-555-1212' },
      { id: 'O1', method: 'OUTBOUNDCALL' },
    ];
    const options = normalizeStepUpOptions(raw);
    expect(options).toEqual([
      { id: 'S1', method: 'OTP_SMS', isOtp: true, value: '***-***-1234', platformType: 'WEB', raw: raw[0] },
      { id: 'E1', method: 'OTP_EMAIL', isOtp: true, value: 'j***@example.com', raw: raw[1] },
      { id: 'B1', method: 'OTP_ONLINE_BANKING', isOtp: true, value: 'Example Bank <b>', raw: raw[2] },
      { id: 'A1', method: 'APP_TO_APP', isOtp: false, value: 'Mobile Banking Application', source: 'com.bank.app', requestPayload: 'xyz', raw: raw[3] },
      { id: 'C1', method: 'CUSTOMER_SERVICE', isOtp: false, value: '1-800-555-1212', raw: raw[4] },
      { id: 'O1', method: 'OUTBOUND_CALL', isOtp: false, value: undefined, raw: raw[5] },
    ]);
    // the raw item is the very object that arrived
    expect(options[0]!.raw).toBe(raw[0]);
  });

  it('keeps unknown methods (not selectable) instead of dropping them', () => {
    const [opt] = normalizeStepUpOptions([{ id: 'X', method: 'smoke_signal', value: 'hill' }]);
    expect(opt).toMatchObject({ id: 'X', method: 'SMOKE_SIGNAL', isOtp: false, value: 'hill' });
  });

  it('keeps an option with a missing method as a non-OTP option', () => {
    const [opt] = normalizeStepUpOptions([{ id: 'X' }]);
    expect(opt).toMatchObject({ id: 'X', method: '', isOtp: false });
  });

  it('drops items without a usable id', () => {
    const options = normalizeStepUpOptions([
      { method: 'OTP_SMS', value: '***1' },
      { id: '', method: 'OTP_SMS' },
      { id: '   ', method: 'OTP_SMS' },
      { id: 123, method: 'OTP_SMS' },
      { id: null, method: 'OTP_SMS' },
      { id: 'ok', method: 'OTP_SMS' },
    ]);
    expect(options.map((o) => o.id)).toEqual(['ok']);
  });

  it('drops items that are not objects', () => {
    const options = normalizeStepUpOptions([null, 'OTP_SMS', 7, ['x'], { id: 'ok', method: 'OTP_EMAIL' }]);
    expect(options.map((o) => o.id)).toEqual(['ok']);
  });

  it('keeps the first of duplicate ids', () => {
    const options = normalizeStepUpOptions([
      { id: 'dup', method: 'OTP_SMS', value: 'first' },
      { id: 'other', method: 'OTP_EMAIL' },
      { id: 'dup', method: 'OTP_EMAIL', value: 'second' },
    ]);
    expect(options.map((o) => [o.id, o.value])).toEqual([
      ['dup', 'first'],
      ['other', undefined],
    ]);
  });

  it('treats an empty or blank value as no value', () => {
    const options = normalizeStepUpOptions([
      { id: 'a', method: 'OTP_SMS', value: '' },
      { id: 'b', method: 'OTP_SMS', value: '   ' },
      { id: 'c', method: 'OTP_SMS', value: 42 },
    ]);
    expect(options.map((o) => o.value)).toEqual([undefined, undefined, undefined]);
  });
});

describe('isStepUpAction', () => {
  it.each([
    ['STEP_UP_AUTHENTICATE', true],
    ['STEP_UP_AUTHENTICATION', true],
    ['AUTHENTICATE', false],
    ['AUTHENTICATION_REGISTRATION', false],
    ['', false],
    [undefined, false],
    [null, false],
    [1, false],
  ])('%j → %s', (action, expected) => {
    expect(isStepUpAction(action)).toBe(expected);
  });
});

describe('parseNumber', () => {
  it.each([
    [3, 3],
    [0, 0],
    [2.5, 2.5],
    [1e3, 1000],
    ['3', 3],
    [' 5 ', 5],
    ['0', 0],
    ['12.75', 12.75],
    ['300', 300],
  ])('%j → %s', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each([
    [-1],
    [-0.5],
    ['-3'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    ['abc'],
    ['1e3'],
    ['3px'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    [''],
    ['   '],
    [null],
    [undefined],
    [true],
    [{}],
    [{ value: 3 }],
    [[3]],
  ])('%j → undefined', (input) => {
    expect(parseNumber(input)).toBeUndefined();
  });
});

describe('parseLimit', () => {
  it.each([
    [3, 3],
    [1, 1],
    ['3', 3],
    [' 5 ', 5],
    [2.7, 2],
    ['2.7', 2],
  ])('%j → %d', (input, expected) => {
    expect(parseLimit(input)).toBe(expected);
  });

  it.each([[0], ['0'], [0.5], [-1], ['-2'], [Number.NaN], [Number.POSITIVE_INFINITY], ['abc'], ['1e3'], [null], [undefined], [{}]])(
    '%j → undefined (not shown)',
    (input) => {
      expect(parseLimit(input)).toBeUndefined();
    },
  );
});

describe('resolveCodeExpiration', () => {
  describe("unit 'auto'", () => {
    it.each([
      // 1 … 60: minutes from receipt
      [1, RECEIVED + 1 * MINUTE],
      [5, RECEIVED + 5 * MINUTE],
      ['5', RECEIVED + 5 * MINUTE],
      [60, RECEIVED + 60 * MINUTE],
      // 61 … < 1e9: seconds from receipt
      [61, RECEIVED + 61_000],
      [300, RECEIVED + 300_000],
      ['300', RECEIVED + 300_000],
      [999_999_999, RECEIVED + 999_999_999_000],
      // ≥ 1e9: epoch seconds
      [1_700_000_300, 1_700_000_300_000],
      ['1700000300', 1_700_000_300_000],
      // ≥ 1e12: epoch milliseconds
      [1_700_000_300_000, 1_700_000_300_000],
    ])('%j → %d', (value, expected) => {
      expect(resolveCodeExpiration(value, 'auto', RECEIVED)).toBe(expected);
    });

    it.each([[0], ['0'], [-5], ['abc'], ['1e3'], [Number.NaN], [Number.POSITIVE_INFINITY], [null], [undefined], [{}], [[5]]])(
      '%j → undefined (no countdown)',
      (value) => {
        expect(resolveCodeExpiration(value, 'auto', RECEIVED)).toBeUndefined();
      },
    );

    it.each([[1e9], [1e12], [1_699_999_999], [1_700_000_000_000]])(
      '%j is an absolute deadline already past when the code arrives: a wrong clock, so no deadline',
      (value) => {
        expect(resolveCodeExpiration(value, 'auto', RECEIVED)).toBeUndefined();
      },
    );

    it('reads the epoch boundaries as absolute deadlines when they are ahead of the receipt time', () => {
      expect(resolveCodeExpiration(1e9, 'auto', 1e12 - 1)).toBe(1e12);
      expect(resolveCodeExpiration(1e12, 'auto', 1e12 - 1)).toBe(1e12);
    });

    it('reads minutes and seconds from the receipt time it is given', () => {
      expect(resolveCodeExpiration(5, 'auto', 1000)).toBe(1000 + 5 * MINUTE);
      expect(resolveCodeExpiration(90, 'auto', 1000)).toBe(1000 + 90_000);
    });
  });

  describe('explicit units', () => {
    it.each<[CodeExpirationUnit, unknown, number]>([
      ['minutes', 5, RECEIVED + 5 * MINUTE],
      ['minutes', 120, RECEIVED + 120 * MINUTE],
      ['minutes', '3', RECEIVED + 3 * MINUTE],
      ['seconds', 5, RECEIVED + 5_000],
      ['seconds', 300, RECEIVED + 300_000],
      ['seconds', '45', RECEIVED + 45_000],
      ['epoch-seconds', 1_700_000_300, 1_700_000_300_000],
      ['epoch-milliseconds', 1_700_000_300_000, 1_700_000_300_000],
    ])('%s: %j → %d', (unit, value, expected) => {
      expect(resolveCodeExpiration(value, unit, RECEIVED)).toBe(expected);
    });

    it.each<[CodeExpirationUnit, number]>([
      ['epoch-seconds', 5],
      ['epoch-milliseconds', 5],
      ['epoch-seconds', 1_700_000_000],
    ])('%s: %j is already past on arrival → undefined (the server decides)', (unit, value) => {
      expect(resolveCodeExpiration(value, unit, RECEIVED)).toBeUndefined();
    });

    it.each<CodeExpirationUnit>(['minutes', 'seconds', 'epoch-seconds', 'epoch-milliseconds'])(
      '%s: 0 and garbage → undefined',
      (unit) => {
        expect(resolveCodeExpiration(0, unit, RECEIVED)).toBeUndefined();
        expect(resolveCodeExpiration('soon', unit, RECEIVED)).toBeUndefined();
        expect(resolveCodeExpiration(-1, unit, RECEIVED)).toBeUndefined();
        expect(resolveCodeExpiration(undefined, unit, RECEIVED)).toBeUndefined();
      },
    );
  });
});

describe('normalizeCreateOtpResponse', () => {
  it("reads the documented example (all zeros) as 'all unknown'", () => {
    expect(
      normalizeCreateOtpResponse({ maxRequestsAllowed: 0, maxVerificationAllowed: 0, codeExpiration: 0 }, 'auto', RECEIVED),
    ).toEqual({ ok: true, value: { maxRequests: undefined, maxVerifications: undefined, expiresAt: undefined } });
  });

  it('reads numbers', () => {
    expect(
      normalizeCreateOtpResponse({ maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 }, 'auto', RECEIVED),
    ).toEqual({ ok: true, value: { maxRequests: 3, maxVerifications: 3, expiresAt: RECEIVED + 5 * MINUTE } });
  });

  it('reads numeric strings (VTS types the fields as String)', () => {
    expect(
      normalizeCreateOtpResponse(
        { maxRequestsAllowed: '3', maxVerificationAllowed: ' 2 ', codeExpiration: '300' },
        'auto',
        RECEIVED,
      ),
    ).toEqual({ ok: true, value: { maxRequests: 3, maxVerifications: 2, expiresAt: RECEIVED + 300_000 } });
  });

  it('applies the configured unit to codeExpiration', () => {
    const parsed = normalizeCreateOtpResponse({ codeExpiration: 5 }, 'seconds', RECEIVED);
    expect(parsed).toEqual({ ok: true, value: { maxRequests: undefined, maxVerifications: undefined, expiresAt: RECEIVED + 5_000 } });
  });

  it('reads an epoch-seconds deadline', () => {
    const parsed = normalizeCreateOtpResponse({ codeExpiration: 1_700_000_300 }, 'auto', RECEIVED);
    expect(parsed.ok && parsed.value.expiresAt).toBe(1_700_000_300_000);
  });

  it('makes garbage inside an object unknown, without failing', () => {
    expect(
      normalizeCreateOtpResponse(
        { maxRequestsAllowed: 'many', maxVerificationAllowed: -1, codeExpiration: { minutes: 5 } },
        'auto',
        RECEIVED,
      ),
    ).toEqual({ ok: true, value: { maxRequests: undefined, maxVerifications: undefined, expiresAt: undefined } });
  });

  it('accepts an empty object (nothing known)', () => {
    expect(normalizeCreateOtpResponse({}, 'auto', RECEIVED)).toEqual({
      ok: true,
      value: { maxRequests: undefined, maxVerifications: undefined, expiresAt: undefined },
    });
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [[], 'array'],
    [[{ maxRequestsAllowed: 3 }], 'array'],
    ['{"maxRequestsAllowed":3}', 'string'],
    [42, 'number'],
    [true, 'boolean'],
  ])('%j is malformed', (raw, described) => {
    const parsed = normalizeCreateOtpResponse(raw, 'auto', RECEIVED);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(described);
  });
});

describe('normalizeValidateOtpResponse', () => {
  it('passes a JSON object through', () => {
    const raw = { action: 'AUTHENTICATION_REGISTRATION' };
    const parsed = normalizeValidateOtpResponse(raw);
    expect(parsed).toEqual({ ok: true, value: raw });
    expect(parsed.ok && parsed.value).toBe(raw);
  });

  it('accepts an empty object', () => {
    expect(normalizeValidateOtpResponse({})).toEqual({ ok: true, value: {} });
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [[], 'array'],
    ['AUTHENTICATION_REGISTRATION', 'string'],
    [0, 'number'],
  ])('%j is malformed', (raw, described) => {
    const parsed = normalizeValidateOtpResponse(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(described);
  });
});
