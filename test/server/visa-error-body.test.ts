// @vitest-environment node
import { isVisaErrorBody } from '../../src/server/route-outcome';

describe('isVisaErrorBody', () => {
  it.each([
    ['TMS errors[]', { errors: [{ type: 'invalidFields', message: 'The one-time password is not valid', reason: 'OTP_INVALID' }] }],
    ['TMS errors[] with a type only', { errors: [{ type: 'forbidden' }] }],
    ['Payments status and reason', { submitTimeUtc: '2026-01-01T00:00:00Z', status: 'INVALID_REQUEST', reason: 'INVALID_DATA', message: 'Declined' }],
    ['reason and message', { reason: 'OTP_EXPIRED', message: 'The code expired' }],
    ['errorInformation', { errorInformation: { reason: 'INVALID_OTP', message: 'Invalid' } }],
    ['VTS errorResponse', { errorResponse: { status: 400, reason: 'invalidOTP', message: 'Invalid OTP', ref: 'x' } }],
  ])('accepts %s', (_name, body) => {
    expect(isVisaErrorBody(body)).toBe(true);
  });

  it.each([
    ['an HTML page', '<html><body>Request blocked</body></html>'],
    ['an empty body', ''],
    ['an API gateway’s { message }', { message: 'Forbidden' }],
    ['a web framework’s { status, error, message }', { timestamp: '2026-01-01', status: 403, error: 'Forbidden', message: 'Access denied', path: '/tms' }],
    ['an empty errors[]', { errors: [] }],
    ['errors[] of strings', { errors: ['blocked'] }],
    ['an array', [{ reason: 'x', message: 'y' }]],
    ['null', null],
  ])('refuses %s', (_name, body) => {
    expect(isVisaErrorBody(body)).toBe(false);
  });
});
