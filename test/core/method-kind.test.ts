import { isOtpMethod, isOutOfBandMethod, normalizeMethod, normalizeStepUpOptions, stepUpMethodKind } from '../../src/core';

describe('method kinds', () => {
  it.each([
    ['OTP_SMS', 'otp'],
    ['OTPEMAIL', 'otp'],
    ['APP-TO-APP', 'out-of-band'],
    ['CUSTOMERSERVICE', 'out-of-band'],
    ['OUTBOUNDCALL', 'out-of-band'],
    ['outbound_call', 'out-of-band'],
    ['SMOKE_SIGNAL', 'unknown'],
    ['', 'unknown'],
  ] as const)('%s is %s', (raw, kind) => {
    const method = normalizeMethod(raw);
    expect(stepUpMethodKind(method)).toBe(kind);
    expect(isOtpMethod(method)).toBe(kind === 'otp');
    expect(isOutOfBandMethod(method)).toBe(kind === 'out-of-band');
  });

  it('keeps platformType, subMethod, source and requestPayload when they are non-empty strings', () => {
    const [web, bare] = normalizeStepUpOptions([
      { id: 'W', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'WEB', subMethod: '3DS', source: 'https://bank.test/a2a', requestPayload: 'eyJ4Ijox' },
      { id: 'N', method: 'APP_TO_APP', platformType: '', source: 42 },
    ]);
    expect(web).toMatchObject({ platformType: 'WEB', subMethod: '3DS', source: 'https://bank.test/a2a', requestPayload: 'eyJ4Ijox', isOtp: false });
    expect(bare).not.toHaveProperty('platformType');
    expect(bare).not.toHaveProperty('source');
  });
});
