import { describe, expect, it, vi } from 'vitest';
import {
  StepUpBackendError,
  StepUpError,
  defaultClassifyError,
  isRetryable,
  malformedResponseError,
  toStepUpError,
  type ErrorClassifier,
  type StepUpErrorKind,
} from '../../src/core';

type Operation = 'create-otp' | 'validate-otp';

const http = (status: number, body?: unknown) => new StepUpBackendError('http', `HTTP ${status}`, { status, body });

/** Classifies through the public entry point and through the default classifier directly; both must agree. */
function classify(error: unknown, operation: Operation): StepUpErrorKind {
  const viaDefault = defaultClassifyError({
    operation,
    error,
    status: error instanceof StepUpBackendError ? error.status : undefined,
    body: error instanceof StepUpBackendError ? error.body : undefined,
  });
  const viaWrapper = toStepUpError(error, operation).kind;
  expect(viaWrapper).toBe(viaDefault);
  return viaWrapper;
}

const visaInvalidOtp = { errors: [{ type: 'invalidFields', message: 'OTP is invalid' }] };
const visaExpired = { errors: [{ type: 'invalidFields', message: 'The OTP has expired' }] };
const vtsExpired = { errorResponse: { status: '400', reason: 'OTP_EXPIRED', message: 'Request failed' } };
const vtsInvalid = { errorResponse: { status: '400', reason: 'INVALID_OTP', message: 'Request failed' } };

describe('defaultClassifyError', () => {
  describe.each<Operation>(['create-otp', 'validate-otp'])('transport failures (%s)', (operation) => {
    it.each([
      ['network', 'network'],
      ['timeout', 'timeout'],
      ['malformed', 'malformed-response'],
    ] as const)('StepUpBackendError %s → %s', (kind, expected) => {
      expect(classify(new StepUpBackendError(kind, 'failed'), operation)).toBe(expected);
    });

    it('an aborted call → unknown', () => {
      expect(classify(new StepUpBackendError('aborted', 'aborted'), operation)).toBe('unknown');
    });

    it('429 → rate-limited, even when the body speaks of a limit', () => {
      expect(classify(http(429), operation)).toBe('rate-limited');
      expect(classify(http(429, 'Too many requests, limit exceeded'), operation)).toBe('rate-limited');
    });

    it.each([
      [401, { error: 'Unauthorized' }],
      [404, 'Not Found'],
      [405, undefined],
      [407, undefined],
      [413, { error: 'request entity too large' }],
      [415, undefined],
    ])('%d from a layer in front of the backend → unknown, never a wrong code or a refused send', (status, body) => {
      expect(classify(http(status, body), operation)).toBe('unknown');
    });

    it('408 → timeout', () => {
      expect(classify(http(408, 'Request Timeout'), operation)).toBe('timeout');
    });

    it.each([500, 502, 503, 504])('%d → server-error', (status) => {
      expect(classify(http(status, { errors: [{ type: 'internalError', message: 'OTP expired' }] }), operation)).toBe(
        'server-error',
      );
    });

    it('a plain Error → unknown', () => {
      expect(classify(new Error('boom'), operation)).toBe('unknown');
    });

    it('a non-Error rejection → unknown', () => {
      expect(classify('boom', operation)).toBe('unknown');
      expect(classify(undefined, operation)).toBe('unknown');
    });

    it('a 2xx/3xx status reported as an error → unknown', () => {
      expect(classify(http(200), operation)).toBe('unknown');
      expect(classify(http(302), operation)).toBe('unknown');
    });
  });

  describe('validate 4xx', () => {
    it("400 with Visa's body {errors:[{type:'invalidFields', message:'OTP is invalid'}]} → invalid-otp", () => {
      expect(classify(http(400, visaInvalidOtp), 'validate-otp')).toBe('invalid-otp');
    });

    it('400 with a VTS body that does not mention expiry → invalid-otp', () => {
      expect(classify(http(400, vtsInvalid), 'validate-otp')).toBe('invalid-otp');
    });

    it('400 without a body → invalid-otp', () => {
      expect(classify(http(400), 'validate-otp')).toBe('invalid-otp');
    });

    it.each([403, 409, 410, 422])('%d → invalid-otp', (status) => {
      expect(classify(http(status, { errors: [{ type: 'declined' }] }), 'validate-otp')).toBe('invalid-otp');
    });

    it('400 with a Visa body mentioning expiry → expired', () => {
      expect(classify(http(400, visaExpired), 'validate-otp')).toBe('expired');
    });

    it("400 with a VTS body {errorResponse:{reason:'OTP_EXPIRED'}} → expired", () => {
      expect(classify(http(400, vtsExpired), 'validate-otp')).toBe('expired');
      expect(classify(http(400, { errorResponse: { reason: 'OTP_EXPIRED' } }), 'validate-otp')).toBe('expired');
    });

    it('expiry in the type, in details, or in a plain-text body → expired', () => {
      expect(classify(http(400, { errors: [{ type: 'otpExpired' }] }), 'validate-otp')).toBe('expired');
      expect(classify(http(410, 'Code expired'), 'validate-otp')).toBe('expired');
    });
  });

  describe('createOtp 4xx', () => {
    it('400 → send-rejected', () => {
      expect(
        classify(http(400, { errors: [{ type: 'invalidFields', message: 'stepUpOption.id is invalid' }] }), 'create-otp'),
      ).toBe('send-rejected');
      expect(classify(http(400), 'create-otp')).toBe('send-rejected');
    });

    it("403 with 'limit exceeded' → resends-exhausted", () => {
      expect(
        classify(http(403, { errors: [{ type: 'forbidden', message: 'OTP request limit exceeded' }] }), 'create-otp'),
      ).toBe('resends-exhausted');
    });

    it('a VTS body speaking of the maximum → resends-exhausted', () => {
      expect(
        classify(http(403, { errorResponse: { reason: 'MAXIMUM_OTP_REQUESTS_REACHED', message: 'Not allowed' } }), 'create-otp'),
      ).toBe('resends-exhausted');
    });

    it('403 without a limit in the body → send-rejected', () => {
      expect(classify(http(403, { errors: [{ type: 'forbidden', message: 'Declined' }] }), 'create-otp')).toBe(
        'send-rejected',
      );
    });

    it('reads a text body, and the texts of an object body three levels down, but not a bare array', () => {
      expect(classify(http(403, 'OTP request limit exceeded'), 'create-otp')).toBe('resends-exhausted');
      expect(classify(http(403, ['OTP request limit exceeded']), 'create-otp')).toBe('send-rejected');
      expect(classify(http(403, { errors: [{ details: ['limit exceeded'] }] }), 'create-otp')).toBe('send-rejected');
      expect(classify(http(403, { errors: [{ details: 'limit exceeded' }] }), 'create-otp')).toBe('resends-exhausted');
      expect(classify(http(403, { other: 'limit exceeded', errors: [1, null] }), 'create-otp')).toBe('send-rejected');
    });

    it('an expiry message on create is not read as expired', () => {
      expect(classify(http(400, visaExpired), 'create-otp')).toBe('send-rejected');
    });
  });
});

describe('toStepUpError', () => {
  it('wraps a backend error with kind, operation, status, body, cause and name', () => {
    const original = http(400, visaInvalidOtp);
    const error = toStepUpError(original, 'validate-otp');
    expect(error).toBeInstanceOf(StepUpError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StepUpError');
    expect(error.kind).toBe('invalid-otp');
    expect(error.operation).toBe('validate-otp');
    expect(error.status).toBe(400);
    expect(error.body).toBe(visaInvalidOtp);
    expect(error.cause).toBe(original);
    expect(error.message).toContain('validate-otp');
    expect(error.message).toContain('invalid-otp');
    expect(error.message).toContain('HTTP 400');
  });

  it('wraps a plain Error as unknown, without status or body', () => {
    const original = new Error('socket hang up');
    const error = toStepUpError(original, 'create-otp');
    expect(error).toMatchObject({ name: 'StepUpError', kind: 'unknown', operation: 'create-otp' });
    expect(error.status).toBeUndefined();
    expect(error.body).toBeUndefined();
    expect(error.cause).toBe(original);
    expect(error.message).toContain('socket hang up');
  });

  it('wraps a non-Error rejection, keeping it as the cause', () => {
    const error = toStepUpError('went wrong', 'create-otp');
    expect(error.kind).toBe('unknown');
    expect(error.cause).toBe('went wrong');
    expect(error.message).toContain('went wrong');
  });

  it('returns a StepUpError unchanged', () => {
    const original = new StepUpError('expired', 'validate-otp', 'already typed');
    expect(toStepUpError(original, 'create-otp')).toBe(original);
  });

  describe('with a custom classifier', () => {
    it('receives operation, status, body and the error, and its answer wins', () => {
      const original = http(400, vtsInvalid);
      const classifier = vi.fn<ErrorClassifier>(() => 'attempts-exhausted');
      const error = toStepUpError(original, 'validate-otp', classifier);
      expect(classifier).toHaveBeenCalledTimes(1);
      expect(classifier).toHaveBeenCalledWith({ operation: 'validate-otp', status: 400, body: vtsInvalid, error: original });
      expect(error.kind).toBe('attempts-exhausted');
      expect(error.status).toBe(400);
      expect(error.body).toBe(vtsInvalid);
    });

    it('can override a transport kind', () => {
      const error = toStepUpError(new StepUpBackendError('network', 'offline'), 'create-otp', () => 'server-error');
      expect(error.kind).toBe('server-error');
    });

    it('returning undefined falls back to the default', () => {
      const error = toStepUpError(http(400, vtsExpired), 'validate-otp', () => undefined);
      expect(error.kind).toBe('expired');
    });

    it('throwing falls back to the default and does not throw', () => {
      const classifier: ErrorClassifier = () => {
        throw new Error('merchant bug');
      };
      let error: StepUpError | undefined;
      expect(() => {
        error = toStepUpError(http(503), 'create-otp', classifier);
      }).not.toThrow();
      expect(error?.kind).toBe('server-error');
      expect(error?.cause).toBeInstanceOf(StepUpBackendError);
    });
  });
});

describe('StepUpError', () => {
  it('carries kind, operation, status, body, cause, message and name', () => {
    const cause = new Error('root');
    const body = { errors: [] };
    const error = new StepUpError('server-error', 'create-otp', 'create failed', { status: 502, body, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StepUpError');
    expect(error.message).toBe('create failed');
    expect(error).toMatchObject({ kind: 'server-error', operation: 'create-otp', status: 502, body });
    expect(error.cause).toBe(cause);
  });

  it('has no status, body or cause when none is given', () => {
    const error = new StepUpError('no-otp-options', 'setup', 'nothing to offer');
    expect(error.status).toBeUndefined();
    expect(error.body).toBeUndefined();
    expect('cause' in error).toBe(false);
  });
});

describe('StepUpBackendError', () => {
  it('carries kind, status, body, cause and name', () => {
    const cause = new TypeError('Failed to fetch');
    const error = new StepUpBackendError('http', 'HTTP 400', { status: 400, body: 'bad', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StepUpBackendError');
    expect(error).toMatchObject({ kind: 'http', status: 400, body: 'bad', message: 'HTTP 400' });
    expect(error.cause).toBe(cause);
  });

  it('has no status or body for a network failure', () => {
    const error = new StepUpBackendError('network', 'offline');
    expect(error.status).toBeUndefined();
    expect(error.body).toBeUndefined();
    expect('cause' in error).toBe(false);
  });
});

describe('malformedResponseError', () => {
  it('is a malformed-response StepUpError carrying the body', () => {
    const body = [1, 2];
    const error = malformedResponseError('create-otp', 'expected a JSON object, got an array', body);
    expect(error).toBeInstanceOf(StepUpError);
    expect(error).toMatchObject({ kind: 'malformed-response', operation: 'create-otp', body });
    expect(error.message).toContain('expected a JSON object, got an array');
    expect(isRetryable(error.kind)).toBe(true);
  });
});

describe('isRetryable', () => {
  const retryable: Record<StepUpErrorKind, boolean> = {
    'no-otp-options': false,
    'send-rejected': true,
    'resends-exhausted': false,
    'invalid-otp': false,
    'attempts-exhausted': false,
    expired: false,
    'code-unconfirmed': false,
    'rate-limited': true,
    'server-error': true,
    network: true,
    timeout: true,
    'malformed-response': true,
    unknown: true,
  };

  it.each(Object.entries(retryable) as [StepUpErrorKind, boolean][])('%s → %s', (kind, expected) => {
    expect(isRetryable(kind)).toBe(expected);
  });
});

describe('defaultClassifyError reads the kinds of stepup-kit/server', () => {
  const routeError = (status: number, kind: string) =>
    new StepUpBackendError('http', 'route error', { status, body: { error: { kind, message: 'x' }, message: 'x' } });
  it.each<[string, number, string, 'create-otp' | 'validate-otp', string]>([
    ['attempts-exhausted', 403, 'attempts-exhausted', 'validate-otp', 'not a wrong code that spends one more attempt'],
    ['no-step-up', 409, 'expired', 'validate-otp', 'the code in hand cannot work any more'],
    ['code-not-sent', 409, 'expired', 'validate-otp', 'a new code is needed'],
    ['code-unconfirmed', 409, 'code-unconfirmed', 'validate-otp', 'neither right nor wrong: a new code, no attempt spent'],
    ['no-session', 401, 'send-rejected', 'create-otp', 'no send is possible'],
    ['option-not-issued', 403, 'send-rejected', 'create-otp', 'another method'],
    ['busy', 503, 'server-error', 'validate-otp', 'Try again'],
    ['upstream-timeout', 504, 'timeout', 'create-otp', 'Try again'],
    ['bad-request', 400, 'unknown', 'validate-otp', 'an integration error, not the code'],
    ['resends-exhausted', 403, 'resends-exhausted', 'create-otp', 'no more sends'],
  ])('%s (%i) → %s on %s: %s', (kind, status, expected, operation) => {
    const error = routeError(status, kind);
    expect(defaultClassifyError({ operation, status, body: error.body, error })).toBe(expected);
  });

  it('falls back to the status for a kind it does not know', () => {
    const error = routeError(400, 'something-new');
    expect(defaultClassifyError({ operation: 'validate-otp', status: 400, body: error.body, error })).toBe('invalid-otp');
  });
});
