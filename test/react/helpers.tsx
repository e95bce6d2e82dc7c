/**
 * Shared helpers for the component tests: step-up options as Visa sends them, a backend made of two
 * `vi.fn`s whose calls stay pending until the test answers them, and render helpers.
 */
import { act, render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement } from 'react';
import { expect, vi } from 'vitest';
import {
  StepUpBackendError,
  StepUpOtp,
  type CreateOtpRequest,
  type CreateOtpResponse,
  type StepUpBackend,
  type StepUpCallContext,
  type StepUpOtpProps,
  type ValidateOtpRequest,
  type ValidateOtpResponse,
} from '../../src';


/** Raw `stepUpOptions` items as the authentication-options answer carries them. */
export const SMS = { id: 'opt-sms-1', method: 'OTP_SMS', value: '***-***-1234', platformType: 'WEB' };
export const EMAIL = { id: 'opt-email-1', method: 'OTP_EMAIL', value: 'j***@example.com', platformType: 'WEB' };
export const BANKING = { id: 'opt-bank-1', method: 'OTP_ONLINE_BANKING', value: 'Example Bank' };
export const APP_TO_APP = { id: 'opt-app-1', method: 'APP_TO_APP', value: 'Example Bank app' };
export const CUSTOMER_SERVICE = { id: 'opt-cs-1', method: 'CUSTOMER_SERVICE', value: '1-800-555-0100' };

/** A createOtp answer: 3 sends, 3 attempts, 5 minutes. */
export const GRANT: CreateOtpResponse = { maxRequestsAllowed: 3, maxVerificationAllowed: 3, codeExpiration: 5 };
export const VERIFIED: ValidateOtpResponse = { action: 'AUTHENTICATION_REGISTRATION' };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const SIGNAL = { signal: expect.any(AbortSignal) };

/** Visa's 400 answer to a wrong code, as `createFetchBackend` rejects with it. */
export function wrongCodeError(): StepUpBackendError {
  return new StepUpBackendError('http', 'POST /validate answered 400', {
    status: 400,
    body: {
      errors: [{ type: 'invalidFields', message: 'Invalid OTP', details: [{ name: 'otp', location: 'body' }] }],
    },
  });
}

export function serverError(): StepUpBackendError {
  return new StepUpBackendError('http', 'POST answered 500', {
    status: 500,
    body: { errors: [{ type: 'internalError', message: 'Internal error' }] },
  });
}

export function networkError(): StepUpBackendError {
  return new StepUpBackendError('network', 'POST failed before an answer arrived', { cause: new TypeError('Failed to fetch') });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface PendingCall<Req, Res> extends Deferred<Res> {
  request: Req;
  signal: AbortSignal;
}

/**
 * A backend whose every call stays pending until the test settles it. Like `fetch`, a call rejects
 * with an `AbortError` when its signal is aborted.
 */
export function createMockBackend() {
  const creates: PendingCall<CreateOtpRequest, CreateOtpResponse>[] = [];
  const validates: PendingCall<ValidateOtpRequest, ValidateOtpResponse>[] = [];
  function pending<Req, Res>(list: PendingCall<Req, Res>[], request: Req, context: StepUpCallContext): Promise<Res> {
    const d = deferred<Res>();
    list.push({ ...d, request, signal: context.signal });
    context.signal.addEventListener('abort', () => d.reject(new DOMException('aborted', 'AbortError')), { once: true });
    return d.promise;
  }
  const createOtp = vi.fn((request: CreateOtpRequest, context: StepUpCallContext) =>
    pending(creates, request, context),
  );
  const validateOtp = vi.fn((request: ValidateOtpRequest, context: StepUpCallContext) =>
    pending(validates, request, context),
  );
  const backend: StepUpBackend = { createOtp, validateOtp };
  return {
    backend,
    createOtp,
    validateOtp,
    creates,
    validates,
    lastCreate() {
      const call = creates.at(-1);
      if (!call) throw new Error('createOtp was not called');
      return call;
    },
    lastValidate() {
      const call = validates.at(-1);
      if (!call) throw new Error('validateOtp was not called');
      return call;
    },
  };
}

export type MockBackend = ReturnType<typeof createMockBackend>;

/** Lets promise chains (TanStack mutations, the hook's `.then`) run to their end inside `act`. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** Settles a pending call and lets React commit the outcome. */
export async function answer<T>(call: Deferred<T>, value: T): Promise<void> {
  await act(async () => {
    call.resolve(value);
    await flush();
  });
}

export async function fail(call: Deferred<unknown>, reason: unknown): Promise<void> {
  await act(async () => {
    call.reject(reason);
    await flush();
  });
}

/** Runs pending microtasks (a backend call starts a few microtasks after the click). */
export async function settle(): Promise<void> {
  await act(async () => {
    await flush();
  });
}

/** Moment the fake clock starts at in the time tests: a whole second, so countdowns read exactly. */
export const START = new Date('2026-03-02T09:00:00.000Z');

/**
 * Fakes `setTimeout`, `clearTimeout` and `Date` only. Testing Library waits for a `setTimeout(0)` after
 * every user-event call and advances fake timers only when it sees Jest's, so it gets a `jest` shim
 * that drives Vitest's clock.
 */
export function useFakeClock(start: Date = START): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(start);
  (globalThis as { jest?: unknown }).jest = { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) };
}

export function restoreClock(): void {
  delete (globalThis as { jest?: unknown }).jest;
  vi.useRealTimers();
}

export function advance(ms: number): Promise<void> {
  return act(async () => {
    vi.advanceTimersByTime(ms);
    await flush();
  });
}

export interface RenderStepUpOptions extends Partial<StepUpOtpProps> {
  strict?: boolean;
  wrap?: (ui: ReactElement) => ReactElement;
}

export function renderStepUp(options: RenderStepUpOptions = {}) {
  const { strict, wrap, ...props } = options;
  const mock = createMockBackend();
  const onVerified = vi.fn();
  const onError = vi.fn();
  const onStatusChange = vi.fn();
  const allProps: StepUpOtpProps = {
    stepUpOptions: [SMS],
    backend: mock.backend,
    onVerified,
    onError,
    onStatusChange,
    ...props,
  };
  let ui: ReactElement = <StepUpOtp {...allProps} />;
  if (wrap) ui = wrap(ui);
  if (strict) ui = <StrictMode>{ui}</StrictMode>;
  const user = userEvent.setup({ delay: null, advanceTimers: (ms) => (vi.isFakeTimers() ? vi.advanceTimersByTime(ms) : undefined) });
  const result: RenderResult = render(ui);
  return { ...mock, ...result, user, onVerified, onError, onStatusChange, props: allProps };
}

export type Rendered = ReturnType<typeof renderStepUp>;

/** The root group, which carries `data-status`. */
export function root(): HTMLElement {
  return screen.getByRole('group', { name: 'Confirm it’s you' });
}

export function codeInput(): HTMLInputElement {
  return screen.getByLabelText('Verification code') as HTMLInputElement;
}

export function sendButton(): HTMLElement {
  return screen.getByRole('button', { name: 'Send code' });
}

/** Presses Send and answers the createOtp call with `grant`. */
export async function sendCode(r: Rendered, grant: CreateOtpResponse = GRANT): Promise<void> {
  await r.user.click(sendButton());
  await settle();
  await answer(r.lastCreate(), grant);
}

/** Puts focus in the code field with a click, as a cardholder does, unless it is there already. */
export async function focusCode(r: Rendered): Promise<HTMLInputElement> {
  const input = codeInput();
  if (document.activeElement !== input) await r.user.click(input);
  return input;
}

/** Types a full code (which submits it) and leaves the validate call pending. */
export async function typeCode(r: Rendered, code = '123456'): Promise<void> {
  await focusCode(r);
  await r.user.keyboard(code);
  await settle();
}

/**
 * The element showing `text` to the eye, leaving out the polite live region (which repeats some
 * sentences for screen readers).
 */
/**
 * Matches the innermost element whose whole text is `text`, even when part of it sits in a child span
 * (the masked destination does), as a cardholder reads it.
 */
function wholeText(text: string | RegExp) {
  const test = (value: string | null) => (typeof text === 'string' ? value === text : text.test(value ?? ''));
  return (_content: string, element: Element | null) =>
    element !== null && test(element.textContent) && !Array.from(element.children).some((c) => test(c.textContent));
}

export function shown(text: string | RegExp): HTMLElement {
  return screen.getByText(wholeText(text), { ignore: '[role="status"], [role="status"] *, script, style' });
}

export function queryShown(text: string | RegExp): HTMLElement | null {
  return screen.queryByText(wholeText(text), { ignore: '[role="status"], [role="status"] *, script, style' });
}

/** The live region's text, without the no-break space that makes a repeated message speak again. */
export function liveRegionText(): string {
  return (screen.getByRole('status').textContent ?? '').replace(/\u00A0$/, '');
}
