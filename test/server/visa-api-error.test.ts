// @vitest-environment node
/** A VisaApiError says Visa's reason code in its message, and nothing else from the body. */
import { VisaApiError } from '../../src/server';

const error = (body: unknown, kind: 'http' | 'malformed' = 'http') => new VisaApiError(kind, 'validate-otp', 'POST …/validate answered 400', { status: 400, body });

describe('VisaApiError', () => {
  it.each<[string, unknown, string | undefined]>([
    ['Visa Acceptance REST', { status: 'INVALID_REQUEST', reason: 'INVALID_DATA', message: 'Declined - One or more fields…' }, 'INVALID_DATA'],
    ['errors[0].reason', { errors: [{ type: 'invalidFields', reason: 'INVALID_SIGNATURE', message: 'x' }] }, 'INVALID_SIGNATURE'],
    ['errors[0].type when no reason', { errors: [{ type: 'invalidFields', message: 'The OTP is not valid' }] }, 'invalidFields'],
    ['errorInformation', { errorInformation: { reason: 'EXPIRED_OTP', message: 'x' } }, 'EXPIRED_OTP'],
    ['authentication failure', { response: { rmsg: 'Authentication Failed' } }, undefined],
    ['free text is not a reason', { reason: 'the code 123456 was not valid' }, undefined],
    ['an HTML page', '<html>403 Forbidden</html>', undefined],
    ['no body', undefined, undefined],
  ])('%s → %s', (_name, body, reason) => {
    const e = error(body);
    expect(e.reason).toBe(reason);
    expect(e.message).toBe(reason ? `POST …/validate answered 400 (${reason})` : 'POST …/validate answered 400');
  });

  it('reads no reason from a body that is not an error answer', () => {
    expect(error({ reason: 'INVALID_DATA' }, 'malformed').reason).toBeUndefined();
  });
});
