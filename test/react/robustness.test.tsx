import { MutationCache, QueryClient } from '@tanstack/react-query';
import { act, renderHook, screen } from '@testing-library/react';
import { StepUpBackendError, useStepUpOtp, type StepUpBackend } from '../../src';
import {
  GRANT,
  SMS,
  VERIFIED,
  answer,
  codeInput,
  fail,
  liveRegionText,
  renderStepUp,
  root,
  sendButton,
  sendCode,
  serverError,
  settle,
  typeCode,
} from './helpers';

describe('a merchant QueryClient cannot break the step-up', () => {
  it('shows a failed send as a sentence even when the client defaults to throwOnError', async () => {
    const queryClient = new QueryClient({ defaultOptions: { mutations: { throwOnError: true } } });
    const r = renderStepUp({ queryClient });
    await r.user.click(sendButton());
    await settle();
    await fail(r.lastCreate(), serverError());

    expect(root()).toHaveAttribute('data-status', 'send-failed');
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on our side.');
  });

  it('never hands the code to the client’s MutationCache callbacks', async () => {
    const seen: string[] = [];
    const record = (_a: unknown, variables?: unknown) => void seen.push(JSON.stringify(variables ?? null));
    const queryClient = new QueryClient({
      mutationCache: new MutationCache({
        onMutate: (variables) => record(undefined, variables),
        onError: (_e, variables) => record(undefined, variables),
        onSuccess: (_d, variables) => record(undefined, variables),
      }),
    });
    const r = renderStepUp({ queryClient });
    await sendCode(r, GRANT);
    await typeCode(r, '654321');
    expect(r.validateOtp).toHaveBeenCalledWith(expect.objectContaining({ otp: '654321' }), expect.anything());
    await answer(r.lastValidate(), VERIFIED);

    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.join('\n')).not.toContain('654321');
  });
});

it('keeps the code out of the field’s value attribute', async () => {
  const r = renderStepUp();
  await sendCode(r, GRANT);
  await r.user.keyboard('12345');

  expect(codeInput()).toHaveValue('12345');
  expect(codeInput().getAttribute('value')).toBeNull();
  expect(document.body.innerHTML).not.toContain('12345');
});

it('offers no "Try again" once the backend says no more codes can be sent', async () => {
  const r = renderStepUp();
  await r.user.click(sendButton());
  await settle();
  await fail(
    r.lastCreate(),
    new StepUpBackendError('http', 'limit', { status: 403, body: { errors: [{ type: 'forbidden', message: 'OTP request limit exceeded' }] } }),
  );

  expect(screen.getByRole('alert')).toHaveTextContent('No more codes can be sent for this card.');
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Use another method' })).not.toBeInTheDocument();
  expect(screen.queryAllByText(/No more codes can be sent/)).toHaveLength(1);
});

it('announces an expiry the backend reported', async () => {
  const r = renderStepUp();
  await sendCode(r, GRANT);
  await typeCode(r, '123456');
  await fail(
    r.lastValidate(),
    new StepUpBackendError('http', 'expired', { status: 400, body: { errors: [{ type: 'invalidFields', message: 'The OTP has expired' }] } }),
  );

  expect(root()).toHaveAttribute('data-status', 'expired');
  expect(liveRegionText()).toBe('This code has expired. Request a new code.');
});

it('survives an onStatusChange that throws, and reports the error to the page', async () => {
  const reportError = vi.fn();
  vi.stubGlobal('reportError', reportError);
  try {
    const r = renderStepUp({
      onStatusChange: () => {
        throw new Error('merchant analytics bug');
      },
    });
    await r.user.click(sendButton());
    await settle();
    await answer(r.lastCreate(), GRANT);
    await settle();

    // once per status change (sending, code-entry), and the step-up goes on
    expect(reportError.mock.calls).toEqual([[new Error('merchant analytics bug')], [new Error('merchant analytics bug')]]);
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(screen.getByLabelText('Verification code')).toBeEnabled();
  } finally {
    vi.unstubAllGlobals();
  }
});

it('a refused resend does not abort the code being checked (headless use)', async () => {
  const signals: AbortSignal[] = [];
  const backend: StepUpBackend = {
    createOtp: async () => GRANT,
    validateOtp: (_request, { signal }) => {
      signals.push(signal);
      return new Promise(() => {});
    },
  };
  const { result } = renderHook(() => useStepUpOtp({ stepUpOptions: [SMS], backend }));
  await act(async () => result.current.send());
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
  expect(result.current.status).toBe('code-entry');
  await act(async () => result.current.submitCode('123456'));
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
  expect(result.current.status).toBe('verifying');
  expect(signals).toHaveLength(1);

  await act(async () => result.current.resend());

  expect(result.current.status).toBe('verifying');
  expect(signals[0]!.aborted).toBe(false);
});
