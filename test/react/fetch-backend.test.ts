import { StepUpBackendError, createFetchBackend, toStepUpError } from '../../src';

const createBody = { clientCorrelationId: 'c0ffee00-1111-4222-8333-444455556666', stepUpOption: { id: 'opt-sms-1' } };
const validateBody = { ...createBody, otp: '456789' };
const grant = { maxRequestsAllowed: '3', maxVerificationAllowed: '3', codeExpiration: '5' };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function stubFetch(respond: (url: string, init: RequestInit) => Promise<Response> | Response = () => json(grant)) {
  return vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(respond(String(input), init ?? {})));
}

/** A fetch that, like the real one, never answers and rejects with an AbortError when its signal aborts. */
function hangingFetch() {
  return vi.fn(
    (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      }),
  );
}

function signal(): AbortSignal {
  return new AbortController().signal;
}

async function rejection(promise: Promise<unknown>): Promise<StepUpBackendError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to reject');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepUpBackendError);
  return error as StepUpBackendError;
}

function sentHeaders(fetch: ReturnType<typeof stubFetch>, call = 0): Headers {
  return new Headers(fetch.mock.calls[call]![1]!.headers);
}

describe('createFetchBackend', () => {
  it('POSTs the createOtp body as JSON to {baseUrl}/one-time-passwords and returns the parsed answer', async () => {
    const fetch = stubFetch();
    const backend = createFetchBackend({ baseUrl: '/api/step-up', fetch });

    await expect(backend.createOtp(createBody, { signal: signal() })).resolves.toEqual(grant);

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/step-up/one-time-passwords');
    expect(init!.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toStrictEqual(createBody);
    expect(sentHeaders(fetch).get('content-type')).toBe('application/json');
    expect(init!.signal).toBeInstanceOf(AbortSignal);
  });

  it('POSTs the validate body as JSON to {baseUrl}/validate', async () => {
    const fetch = stubFetch(() => json({ action: 'AUTHENTICATION_REGISTRATION' }));
    const backend = createFetchBackend({ baseUrl: 'https://shop.example/api/step-up', fetch });

    await expect(backend.validateOtp(validateBody, { signal: signal() })).resolves.toEqual({
      action: 'AUTHENTICATION_REGISTRATION',
    });

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://shop.example/api/step-up/validate');
    expect(init!.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toStrictEqual(validateBody);
    expect(sentHeaders(fetch).get('content-type')).toBe('application/json');
  });

  it('drops trailing slashes of baseUrl', async () => {
    const fetch = stubFetch();
    const backend = createFetchBackend({ baseUrl: '/api/step-up//', fetch });
    await backend.createOtp(createBody, { signal: signal() });

    expect(fetch.mock.calls[0]![0]).toBe('/api/step-up/one-time-passwords');
  });

  it('sends a headers object with every call', async () => {
    const fetch = stubFetch();
    const backend = createFetchBackend({ baseUrl: '/api', fetch, headers: { 'x-csrf-token': 'abc123' } });
    await backend.createOtp(createBody, { signal: signal() });

    expect(sentHeaders(fetch).get('x-csrf-token')).toBe('abc123');
    expect(sentHeaders(fetch).get('content-type')).toBe('application/json');
  });

  it('calls a headers function for each call', async () => {
    const fetch = stubFetch();
    let n = 0;
    const headers = vi.fn(async () => ({ 'x-csrf-token': `token-${++n}` }));
    const backend = createFetchBackend({ baseUrl: '/api', fetch, headers });
    await backend.createOtp(createBody, { signal: signal() });
    await backend.createOtp(createBody, { signal: signal() });

    expect(headers).toHaveBeenCalledTimes(2);
    expect(sentHeaders(fetch, 0).get('x-csrf-token')).toBe('token-1');
    expect(sentHeaders(fetch, 1).get('x-csrf-token')).toBe('token-2');
  });

  it('rejects a 400 with kind http, the status and the parsed Visa error body', async () => {
    const body = {
      errors: [{ type: 'invalidFields', message: 'Invalid OTP', details: [{ name: 'otp', location: 'body' }] }],
    };
    const fetch = stubFetch(() => json(body, 400));
    const backend = createFetchBackend({ baseUrl: '/api', fetch });

    const error = await rejection(backend.validateOtp(validateBody, { signal: signal() }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.body).toStrictEqual(body);
  });

  it('rejects a 500 with a text body, keeping the text', async () => {
    const fetch = stubFetch(() => new Response('upstream timeout', { status: 500 }));
    const backend = createFetchBackend({ baseUrl: '/api', fetch });

    const error = await rejection(backend.createOtp(createBody, { signal: signal() }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.body).toBe('upstream timeout');
  });

  it.each([
    ['HTML', '<html>proxy login</html>'],
    ['an empty body', ''],
  ])('rejects a 200 with %s as malformed', async (_label, text) => {
    const fetch = stubFetch(() => new Response(text, { status: 200 }));
    const backend = createFetchBackend({ baseUrl: '/api', fetch });

    const error = await rejection(backend.createOtp(createBody, { signal: signal() }));
    expect(error.kind).toBe('malformed');
    expect(error.status).toBe(200);
  });

  it('rejects a fetch TypeError as a network failure', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const backend = createFetchBackend({ baseUrl: '/api', fetch });

    const error = await rejection(backend.createOtp(createBody, { signal: signal() }));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
  });

  it('rejects with kind aborted when the caller aborts the signal', async () => {
    const fetch = hangingFetch();
    const backend = createFetchBackend({ baseUrl: '/api', fetch, timeoutMs: 0 });
    const controller = new AbortController();

    const pending = backend.createOtp(createBody, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();

    const error = await rejection(pending);
    expect(error.kind).toBe('aborted');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls[0]![1]!.signal as AbortSignal).aborted).toBe(true);
  });

  it('rejects with kind aborted when the caller aborts while headers() is still working', async () => {
    const fetch = stubFetch();
    const backend = createFetchBackend({ baseUrl: '/api', fetch, headers: () => new Promise<HeadersInit>(() => {}), timeoutMs: 0 });
    const controller = new AbortController();

    const pending = backend.validateOtp(validateBody, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();

    expect((await rejection(pending)).kind).toBe('aborted');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes on the error of a headers() function that fails, not as a network failure', async () => {
    const fetch = stubFetch();
    const failure = new Error('could not read the CSRF token');
    const backend = createFetchBackend({ baseUrl: '/api', fetch, headers: () => Promise.reject(failure) });

    const error = await backend.createOtp(createBody, { signal: signal() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBe(failure);
    expect(toStepUpError(error, 'create-otp').kind).toBe('unknown');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects with kind aborted without fetching when the signal is already aborted', async () => {
    const fetch = stubFetch();
    const backend = createFetchBackend({ baseUrl: '/api', fetch });
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(backend.createOtp(createBody, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([Number.NaN, -1, 1.5, Infinity, 3e9, '30000' as unknown as number])(
    'refuses timeoutMs %s when created, with a TypeError naming it',
    (timeoutMs) => {
      expect(() => createFetchBackend({ baseUrl: '/api', timeoutMs })).toThrow(TypeError);
      expect(() => createFetchBackend({ baseUrl: '/api', timeoutMs })).toThrow('timeoutMs');
    },
  );

  it('takes timeoutMs 0 (never) and up to 10 minutes', () => {
    expect(() => createFetchBackend({ baseUrl: '/api', timeoutMs: 0 })).not.toThrow();
    expect(() => createFetchBackend({ baseUrl: '/api', timeoutMs: 600_000 })).not.toThrow();
  });

  describe('timeout', () => {
    /** The call is still pending 1 ms before `ms` and settles at `ms` (fake timers). */
    async function expectPendingUntil(pending: Promise<unknown>, ms: number) {
      const settled = vi.fn();
      pending.then(settled, settled);
      await vi.advanceTimersByTimeAsync(ms - 1);
      expect(settled).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
    }

    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('rejects with kind timeout when timeoutMs elapses', async () => {
      const fetch = hangingFetch();
      const backend = createFetchBackend({ baseUrl: '/api', fetch, timeoutMs: 5_000 });
      const caller = new AbortController();

      const pending = backend.validateOtp(validateBody, { signal: caller.signal });
      await expectPendingUntil(pending, 5_000);

      const error = await rejection(pending);
      expect(error.kind).toBe('timeout');
      expect(caller.signal.aborted).toBe(false);
    });

    it('times out a server that sends its headers and then stalls the body', async () => {
      // like a real fetch, aborting the request's signal errors the body being read
      const fetch = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"maxRequestsAllowed":'));
            init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
      }) as unknown as typeof globalThis.fetch;
      const backend = createFetchBackend({ baseUrl: '/api', fetch, timeoutMs: 5_000 });

      const pending = backend.createOtp(createBody, { signal: signal() });
      await expectPendingUntil(pending, 5_000);

      expect((await rejection(pending)).kind).toBe('timeout');
    });

    it('times out a headers() function that never settles, without fetching', async () => {
      const fetch = stubFetch();
      const headers = vi.fn(() => new Promise<HeadersInit>(() => {}));
      const backend = createFetchBackend({ baseUrl: '/api', fetch, headers, timeoutMs: 5_000 });

      const pending = backend.createOtp(createBody, { signal: signal() });
      await expectPendingUntil(pending, 5_000);

      expect((await rejection(pending)).kind).toBe('timeout');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('clears its timer when the answer arrives in time', async () => {
      const fetch = stubFetch();
      const backend = createFetchBackend({ baseUrl: '/api', fetch, timeoutMs: 5_000 });

      await expect(backend.createOtp(createBody, { signal: signal() })).resolves.toEqual(grant);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
