import { QueryClient, QueryClientProvider, type Mutation } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  GRANT,
  SIGNAL,
  SMS,
  UUID,
  VERIFIED,
  answer,
  fail,
  renderStepUp,
  root,
  sendButton,
  sendCode,
  serverError,
  settle,
  shown,
  typeCode,
  type RenderStepUpOptions,
} from './helpers';

/** Records every mutation a client's cache sees. */
function watch(client: QueryClient) {
  const added: Mutation<unknown, unknown, unknown, unknown>[] = [];
  client.getMutationCache().subscribe((event) => {
    if (event.type === 'added') added.push(event.mutation);
  });
  return added;
}

async function happyPath(options: RenderStepUpOptions = {}) {
  const r = renderStepUp(options);
  await settle();
  expect(r.createOtp).not.toHaveBeenCalled();
  expect(r.validateOtp).not.toHaveBeenCalled();

  await r.user.click(sendButton());
  await settle();
  expect(r.createOtp).toHaveBeenCalledTimes(1);
  expect(r.createOtp).toHaveBeenCalledWith(
    { clientCorrelationId: expect.stringMatching(UUID), stepUpOption: { id: SMS.id } },
    SIGNAL,
  );
  await answer(r.lastCreate(), GRANT);

  await typeCode(r, '456789');
  expect(r.validateOtp).toHaveBeenCalledTimes(1);
  expect(r.validateOtp).toHaveBeenCalledWith(
    { clientCorrelationId: r.createOtp.mock.calls[0]![0].clientCorrelationId, stepUpOption: { id: SMS.id }, otp: '456789' },
    SIGNAL,
  );
  await answer(r.lastValidate(), VERIFIED);

  expect(root()).toHaveAttribute('data-status', 'verified');
  expect(shown('Thank you, your card is confirmed.')).toBeInTheDocument();
  expect(r.onVerified).toHaveBeenCalledTimes(1);
  expect(r.createOtp).toHaveBeenCalledTimes(1);
  expect(r.validateOtp).toHaveBeenCalledTimes(1);
  return r;
}

describe('QueryClient resolution', () => {
  it('works without a QueryClientProvider', async () => {
    await happyPath();
  });

  it('runs its mutations on the nearest QueryClientProvider', async () => {
    const client = new QueryClient();
    const added = watch(client);
    await happyPath({ wrap: (ui: ReactElement) => <QueryClientProvider client={client}>{ui}</QueryClientProvider> });

    expect(added.map((m) => m.options.mutationKey)).toEqual([
      ['stepup-kit', 'create-otp'],
      ['stepup-kit', 'validate-otp'],
    ]);
    // one scope for the whole step-up, so its calls never race
    const scopes = added.map((m) => m.options.scope?.id);
    expect(scopes[0]).toBeTruthy();
    expect(scopes[1]).toBe(scopes[0]);
  });

  it('prefers the queryClient prop over the provider', async () => {
    const fromProvider = new QueryClient();
    const fromProp = new QueryClient();
    const providerMutations = watch(fromProvider);
    const propMutations = watch(fromProp);
    await happyPath({
      queryClient: fromProp,
      wrap: (ui: ReactElement) => <QueryClientProvider client={fromProvider}>{ui}</QueryClientProvider>,
    });

    expect(propMutations).toHaveLength(2);
    expect(providerMutations).toHaveLength(0);
  });

  it('works with the queryClient prop and no provider', async () => {
    const client = new QueryClient();
    const added = watch(client);
    await happyPath({ queryClient: client });
    expect(added).toHaveLength(2);
  });

  it('never retries a call on its own, whatever the client defaults say', async () => {
    const client = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 0 } } });
    const r = renderStepUp({ queryClient: client });
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();

    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on our side. Please try again.');
    expect(r.createOtp).toHaveBeenCalledTimes(1);
  });

  it('keeps no copy of the code in the mutation cache once the validate settles', async () => {
    const client = new QueryClient();
    const r = renderStepUp({ queryClient: client });
    await sendCode(r, GRANT);
    await typeCode(r, '456789');
    await answer(r.lastValidate(), VERIFIED);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();

    const variables = client.getMutationCache().getAll().map((m) => JSON.stringify(m.state.variables ?? null));
    expect(variables.some((v) => v.includes('456789'))).toBe(false);
  });
});

describe('StrictMode', () => {
  it('makes no call on mount and exactly one call per action', async () => {
    await happyPath({ strict: true });
  });

  it('with a provider too', async () => {
    const client = new QueryClient();
    await happyPath({
      strict: true,
      wrap: (ui: ReactElement) => <QueryClientProvider client={client}>{ui}</QueryClientProvider>,
    });
  });

  it('a resend and a retry each make one call', async () => {
    const r = renderStepUp({ strict: true });
    await sendCode(r, GRANT);
    await r.user.click(screen.getByRole('button', { name: 'Resend code' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    await fail(r.lastCreate(), serverError());
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(3);
    await answer(r.lastCreate(), GRANT);
    expect(shown('3 attempts left')).toBeInTheDocument();
    expect(r.validateOtp).not.toHaveBeenCalled();
  });
});
