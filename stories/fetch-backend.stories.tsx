import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn } from 'storybook/test';
import { createFetchBackend, StepUpOtp } from '../src';
import { DEFAULT_SANDBOX_OPTIONS, visaError } from '../src/sandbox';
import { waitForStatus } from './support/play';

/**
 * `createFetchBackend` over real `fetch`, with the merchant's routes answered by msw: what the cardholder
 * sees for each kind of answer, and exactly what went over the wire.
 */
const BASE = '/api/step-up';
const received: Array<{ path: string; body: unknown }> = [];
const record = async (path: string, request: Request) => {
  received.push({ path, body: await request.clone().json() });
};
const grant = () =>
  http.post(`${BASE}/one-time-passwords`, async ({ request }) => {
    await record('one-time-passwords', request);
    return HttpResponse.json({ maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 });
  });

const meta = {
  title: 'StepUpOtp/Fetch backend',
  component: StepUpOtp,
  args: {
    stepUpOptions: DEFAULT_SANDBOX_OPTIONS.slice(0, 1),
    backend: createFetchBackend({ baseUrl: BASE }),
    onError: fn(),
    onVerified: fn(),
    onCancel: fn(),
  },
  argTypes: { backend: { control: false }, queryClient: { control: false }, now: { control: false } },
  beforeEach: () => {
    received.length = 0;
  },
} satisfies Meta<typeof StepUpOtp>;
export default meta;
type Story = StoryObj<typeof meta>;

export const VerifiedOverFetch: Story = {
  parameters: {
    msw: {
      handlers: [
        grant(),
        http.post(`${BASE}/validate`, async ({ request }) => {
          await record('validate', request);
          return HttpResponse.json({ action: 'AUTHENTICATION_REGISTRATION' });
        }),
      ],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    const input = await canvas.findByLabelText('Verification code');
    await userEvent.type(input, '456789');
    await waitForStatus(canvas, 'verified');
    const id = DEFAULT_SANDBOX_OPTIONS[0]!.id;
    await expect(received).toEqual([
      { path: 'one-time-passwords', body: { clientCorrelationId: expect.any(String), stepUpOption: { id } } },
      { path: 'validate', body: { clientCorrelationId: expect.any(String), stepUpOption: { id }, otp: '456789' } },
    ]);
    const [send, validate] = received as Array<{ body: { clientCorrelationId: string } }>;
    await expect(validate!.body.clientCorrelationId).toBe(send!.body.clientCorrelationId);
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};

/** 400 with a Visa error body on send. */
export const Visa400OnSend: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post(`${BASE}/one-time-passwords`, () =>
          HttpResponse.json(visaError('declined', 'The issuer declined to send a code'), { status: 400 }),
        ),
      ],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t send a code there. Try again or choose another method.',
    );
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'send-rejected',
        status: 400,
        body: { errors: [{ type: 'declined', message: 'The issuer declined to send a code' }] },
      }),
    );
  },
};

/** 500 with a text body on validate: not a wrong code; the code stays for Try again. */
export const ServerError500OnValidate: Story = {
  parameters: {
    msw: {
      handlers: [grant(), http.post(`${BASE}/validate`, () => new HttpResponse('Internal Server Error', { status: 500 }))],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    const input = await canvas.findByLabelText('Verification code');
    await userEvent.type(input, '123456');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    await expect(input).toHaveValue('123456');
    await expect(canvas.getByText('3 attempts left')).toBeVisible();
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'server-error', status: 500, body: 'Internal Server Error' }),
    );
  },
};

/** A 200 answer whose body is not JSON. */
export const MalformedJson: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post(
          `${BASE}/one-time-passwords`,
          () => new HttpResponse('{"maxRequestsAllowed": 3,', { status: 200, headers: { 'content-type': 'application/json' } }),
        ),
      ],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We got an unexpected answer. Please try again.');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'malformed-response' }));
  },
};

const signals: AbortSignal[] = [];
/** Real fetch, keeping each request's signal so the story can see that Cancel aborted it. */
const watchedFetch: typeof fetch = (input, init) => {
  if (init?.signal) signals.push(init.signal);
  return fetch(input, init);
};

/** The request hangs; the cardholder cancels, which aborts it. */
export const HangingRequestCancelled: Story = {
  args: { backend: createFetchBackend({ baseUrl: BASE, fetch: watchedFetch }) },
  parameters: {
    msw: {
      handlers: [
        http.post(`${BASE}/one-time-passwords`, async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
      ],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    signals.length = 0;
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await canvas.findByRole('button', { name: 'Sending…' });
    await expect(signals).toHaveLength(1);
    await expect(signals[0]!.aborted).toBe(false);
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await waitForStatus(canvas, 'cancelled');
    await expect(signals[0]!.aborted).toBe(true);
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The request hangs past the backend's timeout. */
export const HangingRequestTimesOut: Story = {
  args: { backend: createFetchBackend({ baseUrl: BASE, timeoutMs: 800 }) },
  parameters: {
    msw: {
      handlers: [
        http.post(`${BASE}/one-time-passwords`, async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
      ],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent(
      'This is taking too long. Please try again.',
    );
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'timeout' }));
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};
