// @vitest-environment node
/**
 * Request fuzzing of the routes: random methods, paths, content types, sessions and bodies (random JSON,
 * wrong types, huge, not UTF-8, random option ids and codes). Never a 500; every answer is JSON, with
 * `error.kind` when it is not 2xx; and Visa is called only for a request the routes may accept.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { VisaApiError, createMemorySessionStore, createStepUpRoutes } from '../../src/server';
import { FAKE_OPTION_ID, fakeVisaClient } from './fake-visa-client';

const ROUTES = { '/api/step-up/one-time-passwords': 'send', '/api/step-up/validate': 'validate' } as const;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const OTP_SHAPE = /^[0-9A-Za-z]{4,16}$/;
const MAX_BODY_BYTES = 16_384;

const path = fc.oneof(
  fc.constantFrom(
    '/api/step-up/one-time-passwords',
    '/api/step-up/validate',
    '/api/step-up/validate/',
    '/api/step-up//validate',
    '/api/step-up/VALIDATE',
    '/api/step-up/%76alidate',
    '/api/step-up/one-time-passwords/extra',
    '/api/elsewhere/validate',
    '/validate',
  ),
  fc.webPath().map((p) => `/api/step-up${p}`),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/jsonx',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
);

const optionId = fc.oneof(fc.constant(FAKE_OPTION_ID), fc.string({ maxLength: 600 }), fc.jsonValue({ maxDepth: 2 }));
const otp = fc.oneof(
  fc.stringMatching(OTP_SHAPE),
  fc.constantFrom('validate', '12345', '<script>', '', '1234567890123456789'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

const kitBody = fc
  .record(
    {
      clientCorrelationId: fc.oneof(fc.uuid(), fc.jsonValue({ maxDepth: 1 })),
      stepUpOption: fc.oneof(optionId.map((id) => ({ id })), fc.jsonValue({ maxDepth: 2 })),
      otp,
      tokenId: fc.string(),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

const body = fc.oneof(
  { weight: 4, arbitrary: kitBody },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES - 64, max: 40_000 }).map((n) => JSON.stringify({ pad: 'x'.repeat(n) })) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A field of an acceptable request, replaced by a random one in about one request of four. */
const sometimes = <T,>(acceptable: T, random: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(acceptable) }, { weight: 1, arbitrary: random });

const request = fc.record({
  method: sometimes('POST', fc.constantFrom('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')),
  path: sometimes('/api/step-up/validate', path),
  contentType: sometimes('application/json', contentType),
  session: sometimes('shopper', fc.constantFrom('stranger', '')),
  body: fc.oneof(
    { weight: 2, arbitrary: fc.stringMatching(OTP_SHAPE).map((code) => JSON.stringify({ stepUpOption: { id: FAKE_OPTION_ID }, otp: code })) },
    { weight: 3, arbitrary: body },
  ),
  codeSent: fc.boolean(),
  visa: fc.constantFrom('accepts', 'refuses', 'fails', 'times out'),
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

let reachedVisa = 0;

/** Whether the routes could accept the request and call Visa: every condition they check before the call. */
function mayCallVisa(r: FuzzRequest): boolean {
  const action = ROUTES[r.path.replace(/\/+$/, '') as keyof typeof ROUTES];
  if (r.method !== 'POST' || !action || !JSON_TYPE.test(r.contentType) || r.session !== 'shopper') return false;
  const bytes = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
  if (bytes.byteLength > MAX_BODY_BYTES) return false;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
  const fields = value as { stepUpOption?: { id?: unknown }; otp?: unknown } | null;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields) || fields.stepUpOption?.id !== FAKE_OPTION_ID) return false;
  return action === 'send' || (r.codeSent && typeof fields.otp === 'string' && OTP_SHAPE.test(fields.otp));
}

/** Visa's answer to a validate, as the fuzzed request chose it. */
function visaAnswer(visa: FuzzRequest['visa']) {
  return async () => {
    if (visa === 'accepts') return { status: 200, body: { action: 'AUTHENTICATION_REGISTRATION' } };
    if (visa === 'refuses')
      throw new VisaApiError('http', 'validate-otp', 'answered 400', { status: 400, body: { errors: [{ reason: 'OTP_INVALID', message: 'The code is not valid' }] } });
    if (visa === 'fails') throw new VisaApiError('http', 'validate-otp', 'answered 503', { status: 503, body: '<html>unavailable</html>' });
    throw new VisaApiError('timeout', 'validate-otp', 'no answer within 15000 ms');
  };
}

propTest.prop([request], { numRuns: 400 })('never answers 500, always answers JSON, and calls Visa only for an acceptable request', async (r) => {
  const client = fakeVisaClient({ validateOtp: visaAnswer(r.visa) });
  const routes = createStepUpRoutes({
    client,
    sessions: createMemorySessionStore(),
    getSessionId: (req) => req.headers.get('x-session-id') || undefined,
    basePath: '/api/step-up',
  });
  const { clientCorrelationId } = await routes.startStepUp({ sessionId: 'shopper', tokenId: 'tok-fuzz', authenticationOptionsBody: {} });
  if (r.codeSent) {
    const sent = await routes(
      new Request('http://shop.test/api/step-up/one-time-passwords', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-session-id': 'shopper' },
        body: JSON.stringify({ clientCorrelationId, stepUpOption: { id: FAKE_OPTION_ID } }),
      }),
    );
    expect(sent.status).toBe(200);
  }
  const before = client.calls.createOtp + client.calls.validateOtp;

  const answer = await routes(
    new Request(`http://shop.test${r.path}`, {
      method: r.method,
      headers: { ...(r.contentType ? { 'content-type': r.contentType } : {}), ...(r.session ? { 'x-session-id': r.session } : {}) },
      body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body,
    }),
  );

  const calls = client.calls.createOtp + client.calls.validateOtp - before;
  expect(calls).toBeLessThanOrEqual(mayCallVisa(r) ? 1 : 0);
  expect(answer.status).not.toBe(500);
  // a 5xx says Visa failed: only after a call to it
  if (answer.status >= 500) expect(calls).toBe(1);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const json = (await answer.json()) as { error?: { kind?: unknown } };
  if (answer.status >= 300) expect(typeof json.error?.kind).toBe('string');
  reachedVisa += calls;
});

it('reached Visa in some of the runs above, so the requests it may accept were fuzzed too', () => {
  expect(reachedVisa).toBeGreaterThan(10);
});
