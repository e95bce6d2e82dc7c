import { screen } from '@testing-library/react';
import { EMAIL, GRANT, SMS, answer, deferred, renderStepUp, root, sendButton, settle, type Deferred } from './helpers';

/** Chrome for Android's WebOTP, stubbed: each request waits until the test delivers an SMS. */
function stubWebOtp() {
  const requests: Array<{ options: CredentialRequestOptions & { otp?: unknown }; sms: Deferred<unknown> }> = [];
  const get = vi.fn((options: CredentialRequestOptions) => {
    const sms = deferred<unknown>();
    options.signal?.addEventListener('abort', () => sms.reject(new DOMException('aborted', 'AbortError')));
    requests.push({ options, sms });
    return sms.promise;
  });
  vi.stubGlobal('OTPCredential', class {});
  Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true });
  return { get, requests };
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'credentials');
});

describe('WebOTP', () => {
  it('takes the code from the SMS the browser offers and checks it, once', async () => {
    const web = stubWebOtp();
    const r = renderStepUp({ stepUpOptions: [SMS] });
    await r.user.click(sendButton());
    await settle();
    expect(web.get).not.toHaveBeenCalled();
    await answer(r.lastCreate(), GRANT);

    expect(web.get).toHaveBeenCalledTimes(1);
    expect(web.requests[0]!.options).toMatchObject({ otp: { transport: ['sms'] } });
    await answer(web.requests[0]!.sms, { type: 'otp', code: '482913' });
    await settle();

    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0]).toMatchObject({ otp: '482913' });
    expect(root()).toHaveAttribute('data-status', 'verifying');
    // the request ended with the code being checked
    expect(web.requests[0]!.options.signal?.aborted).toBe(true);
  });

  it('asks nothing for an email code, and nothing when turned off', async () => {
    const web = stubWebOtp();
    const email = renderStepUp({ stepUpOptions: [EMAIL] });
    await email.user.click(sendButton());
    await settle();
    await answer(email.lastCreate(), GRANT);
    email.unmount();

    const off = renderStepUp({ stepUpOptions: [SMS], webOtp: false });
    await off.user.click(sendButton());
    await settle();
    await answer(off.lastCreate(), GRANT);

    expect(web.get).not.toHaveBeenCalled();
  });

  it('aborts the request when the cardholder picks another method', async () => {
    const web = stubWebOtp();
    const r = renderStepUp({ stepUpOptions: [SMS, EMAIL] });
    await r.user.click(screen.getByRole('radio', { name: 'Text message to ***-***-1234' }));
    await r.user.click(sendButton());
    await settle();
    await answer(r.lastCreate(), GRANT);
    expect(web.get).toHaveBeenCalledTimes(1);

    await r.user.click(screen.getByRole('button', { name: 'Use another method' }));
    expect(web.requests[0]!.options.signal?.aborted).toBe(true);
    expect(r.validateOtp).not.toHaveBeenCalled();
  });
});
