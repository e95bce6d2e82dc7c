// @vitest-environment node
/** createFetchBackend's optional methods: the paths and bodies they post, the fresh secureToken, and the shared error handling. */
import { createFetchBackend } from '../../src/backend/fetch-backend';
import { StepUpBackendError } from '../../src/core';

const base = { clientCorrelationId: 'c0ffee00-1111-4222-8333-444455556666' };
const signal = () => new AbortController().signal;

function stubFetch(answer: unknown = { status: 'pending' }, status = 200) {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } }));
}
const sent = (fetch: ReturnType<typeof stubFetch>, call = 0) => ({ url: String(fetch.mock.calls[call]![0]), body: JSON.parse(String(fetch.mock.calls[call]![1]!.body)) });

describe('createFetchBackend, out-of-band methods', () => {
  it('posts an issuer code to {baseUrl}/issuer-code, a selection to /selection and a check to /check', async () => {
    const fetch = stubFetch({ action: 'AUTHENTICATION_REGISTRATION' });
    const backend = createFetchBackend({ baseUrl: '/api/step-up/', fetch });
    const issuer = { ...base, stepUpOption: { id: 'app-1' }, issuerAuthCode: 'eyJhbGciOi.x'.repeat(300) };
    await expect(backend.validateIssuerCode!(issuer, { signal: signal() })).resolves.toEqual({ action: 'AUTHENTICATION_REGISTRATION' });
    await backend.submitSelection!({ ...base, stepUpOption: { id: 'call-1' } }, { signal: signal() });
    await backend.checkStepUp!(base, { signal: signal() });
    expect([0, 1, 2].map((i) => sent(fetch, i))).toEqual([
      { url: '/api/step-up/issuer-code', body: issuer },
      { url: '/api/step-up/selection', body: { ...base, stepUpOption: { id: 'call-1' } } },
      { url: '/api/step-up/check', body: base },
    ]);
  });

  it('adds the merchant’s fresh secureToken to each check; without one, or when getting it fails, checks without', async () => {
    const fetch = stubFetch();
    const tokens = ['fresh-1', undefined];
    const getSecureToken = vi.fn(async () => {
      if (tokens.length === 0) throw new Error('iframe gone');
      return tokens.shift();
    });
    const backend = createFetchBackend({ baseUrl: '/api/step-up', fetch, getSecureToken });
    for (let i = 0; i < 3; i++) await backend.checkStepUp!(base, { signal: signal() });
    expect([0, 1, 2].map((i) => sent(fetch, i).body)).toEqual([{ ...base, secureToken: 'fresh-1' }, base, base]);
    // a token the page passed itself wins
    await backend.checkStepUp!({ ...base, secureToken: 'own' }, { signal: signal() });
    expect(sent(fetch, 3).body).toEqual({ ...base, secureToken: 'own' });
    expect(getSecureToken).toHaveBeenCalledTimes(3);
  });

  it('rejects as the other calls do: http with the parsed body, aborted when the signal aborts while the token is fetched', async () => {
    const refused = createFetchBackend({ baseUrl: '/x', fetch: stubFetch({ error: { kind: 'rate-limited' } }, 429) });
    const error = await refused.checkStepUp!(base, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepUpBackendError);
    expect(error).toMatchObject({ kind: 'http', status: 429, body: { error: { kind: 'rate-limited' } } });

    const controller = new AbortController();
    const slow = createFetchBackend({ baseUrl: '/x', fetch: stubFetch(), getSecureToken: () => new Promise(() => {}) });
    const pending = slow.checkStepUp!(base, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('checks without a token when getSecureToken does not answer within timeoutMs', async () => {
    const fetch = stubFetch();
    const backend = createFetchBackend({ baseUrl: '/x', fetch, timeoutMs: 30, getSecureToken: () => new Promise(() => {}) });
    await expect(backend.checkStepUp!(base, { signal: signal() })).resolves.toEqual({ status: 'pending' });
    expect(sent(fetch).body).toEqual(base);
  });
});
