/** <StepUpOtp outOfBand>: every method in one choice, the waiting screens, the bank's answer, focus and words. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepUpBackendError, StepUpOtp, type StepUpBackend } from '../../src';
import { outOfBand } from '../../src/out-of-band';
import { deferred, GRANT, SMS, type Deferred } from './helpers';

const APP = { id: 'app-1', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'IOS', source: '1234567890' };
const WEB = { id: 'web-1', method: 'APP_TO_APP', value: 'Acme Bank', platformType: 'WEB', subMethod: '3DS', source: 'https://bank.example/a2a' };
const CALL_BANK = { id: 'cs-1', method: 'CUSTOMER_SERVICE', value: '1-800-555-1212' };
const BANK_CALLS = { id: 'oc-1', method: 'OUTBOUND_CALL', value: '***-***-1234' };
const UNKNOWN = { id: 'x-1', method: 'CARRIER_PIGEON', value: 'roof' };

function backend(overrides: Partial<StepUpBackend> = {}) {
  const checks: Deferred<unknown>[] = [];
  const selections: Deferred<unknown>[] = [];
  const codes: Deferred<unknown>[] = [];
  const api: StepUpBackend = {
    createOtp: vi.fn(async () => GRANT),
    validateOtp: vi.fn(async () => ({ action: 'AUTHENTICATION_REGISTRATION' })),
    checkStepUp: vi.fn(() => {
      const d = deferred<unknown>();
      checks.push(d);
      return d.promise as never;
    }),
    submitSelection: vi.fn(() => {
      const d = deferred<unknown>();
      selections.push(d);
      return d.promise as never;
    }),
    validateIssuerCode: vi.fn(() => {
      const d = deferred<unknown>();
      codes.push(d);
      return d.promise as never;
    }),
    ...overrides,
  };
  return { api, checks, selections, codes };
}

afterEach(() => vi.useRealTimers());

const labels = () => screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent);

describe('one choice with every method', () => {
  it('offers the methods it can complete, in the issuer\'s order, each with its words; never an unknown one', () => {
    render(<StepUpOtp stepUpOptions={[APP, SMS, WEB, UNKNOWN, CALL_BANK, BANK_CALLS]} backend={backend().api} outOfBand={outOfBand()} />);
    expect(labels()).toEqual([
      'Approve in Acme Bank',
      'Text message to ***-***-1234',
      'Your bank’s website: Acme Bank',
      'Call your bank: 1-800-555-1212',
      'Your bank calls you at ***-***-1234',
    ]);
  });

  it('a bank page whose source is not an https URL is not offered: it could never be opened', () => {
    render(<StepUpOtp stepUpOptions={[SMS, { ...WEB, source: 'javascript:alert(1)' }]} backend={backend().api} outOfBand={outOfBand()} />);
    expect(labels()).toEqual(['Text message to ***-***-1234']);
  });

  it('without outOfBand, or with a backend that cannot check, only the code channels are offered', () => {
    const { unmount } = render(<StepUpOtp stepUpOptions={[APP, SMS, CALL_BANK]} backend={backend().api} />);
    expect(labels()).toEqual(['Text message to ***-***-1234']);
    unmount();
    const { checkStepUp: _c, ...noCheck } = backend().api;
    render(<StepUpOtp stepUpOptions={[APP, SMS, CALL_BANK]} backend={noCheck} outOfBand={outOfBand()} />);
    expect(labels()).toEqual(['Text message to ***-***-1234']);
  });

  it('a call from the bank needs a backend that can tell the bank; methods restricts what is offered', () => {
    const { submitSelection: _s, ...noSelection } = backend().api;
    const { unmount } = render(<StepUpOtp stepUpOptions={[CALL_BANK, BANK_CALLS]} backend={noSelection} outOfBand={outOfBand()} />);
    expect(labels()).toEqual(['Call your bank: 1-800-555-1212']);
    unmount();
    render(<StepUpOtp stepUpOptions={[APP, SMS, CALL_BANK]} backend={backend().api} outOfBand={outOfBand()} methods={['OTP_SMS', 'CUSTOMER_SERVICE']} />);
    expect(labels()).toEqual(['Text message to ***-***-1234', 'Call your bank: 1-800-555-1212']);
  });

  it('a choice with such a method does not promise a code: its intro and legend say so, a code-only one keeps its own', () => {
    const { unmount } = render(<StepUpOtp stepUpOptions={[SMS, CALL_BANK]} backend={backend().api} outOfBand={outOfBand()} />);
    expect(screen.getByText('Your bank needs to confirm this card.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'How would you like to confirm?' })).toBeTruthy();
    unmount();
    render(<StepUpOtp stepUpOptions={[SMS, CALL_BANK]} backend={backend().api} outOfBand={outOfBand()} methods={['OTP_SMS']} messages={{ title: 'Verify' }} />);
    expect(screen.getByText('Your bank needs to confirm this card. We’ll send you a one-time code.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Where should we send your code?' })).toBeTruthy();
  });

  it('the primary button says Continue for such a method, and Send code for a code channel', async () => {
    const user = userEvent.setup();
    render(<StepUpOtp stepUpOptions={[SMS, CALL_BANK]} backend={backend().api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('radio', { name: /Call your bank/ }));
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /Text message/ }));
    expect(screen.getByRole('button', { name: 'Send code' })).toBeTruthy();
  });
});

describe('call the bank', () => {
  it('shows the number as a tel: link, checks when the cardholder has finished, and ends verified once', async () => {
    const user = userEvent.setup();
    const server = backend();
    const onVerified = vi.fn();
    const onCreate = server.api.createOtp as ReturnType<typeof vi.fn>;
    render(<StepUpOtp stepUpOptions={[CALL_BANK]} backend={server.api} outOfBand={outOfBand()} onVerified={onVerified} onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(server.api.submitSelection).toHaveBeenCalledWith(expect.objectContaining({ stepUpOption: { id: 'cs-1' } }), expect.anything());
    await act(async () => server.selections[0]!.resolve({ notified: false }));
    const instruction = screen.getByText(/Call your bank at/);
    // focus moves to what to do now
    expect(document.activeElement).toBe(instruction);
    const link = screen.getByRole('link', { name: '1-800-555-1212' });
    expect(link.getAttribute('href')).toBe('tel:18005551212');
    expect(link.getAttribute('dir')).toBe('ltr');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use another method' })).toBeTruthy();

    const done = screen.getByRole('button', { name: 'I’ve finished the call' });
    await user.click(done);
    expect(server.api.checkStepUp).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Checking with your bank…' }).getAttribute('aria-disabled')).toBe('true');
    await act(async () => server.checks[0]!.resolve({ status: 'pending' }));
    expect(screen.getByRole('alert').textContent).toBe('Your bank hasn’t confirmed yet. Finish with your bank, then check again.');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await act(async () => server.checks[1]!.resolve({ status: 'verified', action: 'AUTHENTICATION_REGISTRATION' }));
    expect(screen.getByText('Thank you, your card is confirmed.')).toBeTruthy();
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(onVerified.mock.calls[0]![0]).toMatchObject({ stepUpOption: { id: 'cs-1', method: 'CUSTOMER_SERVICE' } });
    expect(onCreate).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('copies the number', async () => {
    const user = userEvent.setup();
    const server = backend({ submitSelection: undefined });
    render(<StepUpOtp stepUpOptions={[CALL_BANK]} backend={server.api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy number' }));
    expect(writeText).toHaveBeenCalledWith('1-800-555-1212');
    expect(await screen.findByText('Number copied.')).toBeTruthy();
  });

  it('a decline says so and puts focus on "Use another method", which goes back to the choice', async () => {
    const user = userEvent.setup();
    const server = backend({ submitSelection: undefined });
    render(<StepUpOtp stepUpOptions={[SMS, CALL_BANK]} backend={server.api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('radio', { name: /Call your bank/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'I’ve finished the call' }));
    await act(async () => server.checks[0]!.resolve({ status: 'declined' }));
    // said on screen and in the live region, since focus goes to the button, not to the sentence
    const said = screen.getAllByText(/Your bank declined this request/).map((el) => el.getAttribute('data-part'));
    expect(said.sort()).toEqual(['live-region', 'out-of-band-instruction']);
    const another = screen.getByRole('button', { name: 'Use another method' });
    expect(document.activeElement).toBe(another);
    await user.click(another);
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Call your bank/ }));
  });
});

describe('the bank calls you', () => {
  it('asks the bank to call, says so, and asks once more on "Didn\'t get a call?" within the limit', async () => {
    const user = userEvent.setup();
    const server = backend();
    render(<StepUpOtp stepUpOptions={[BANK_CALLS]} backend={server.api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Asking your bank to call you…')).toBeTruthy();
    await act(async () => server.selections[0]!.resolve({ notified: true, maxRequestsAllowed: 2 }));
    expect(screen.getByText((_, el) => el?.textContent === 'Your bank will call you at ***-***-1234. Answer and follow their instructions.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Didn’t get a call? Ask again' }));
    await act(async () => server.selections[1]!.resolve({ notified: true, maxRequestsAllowed: 2 }));
    expect(screen.getByText('We’ve asked your bank to call you again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Didn’t get a call? Ask again' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Your bank can’t call again for this card.')).toBeTruthy();
    expect(server.api.submitSelection).toHaveBeenCalledTimes(2);
  });

  it('a failed request for a call has a sentence and Try again', async () => {
    const user = userEvent.setup();
    const server = backend();
    const onError = vi.fn();
    render(<StepUpOtp stepUpOptions={[BANK_CALLS]} backend={server.api} outOfBand={outOfBand()} onError={onError} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await act(async () => server.selections[0]!.reject(new StepUpBackendError('network', 'offline')));
    expect(screen.getByRole('alert').textContent).toMatch(/couldn’t connect/);
    // the bank was never asked: no promise of a call
    expect(screen.getByText('We couldn’t ask your bank to call you.')).toBeTruthy();
    expect(screen.queryByText(/Your bank will call you/)).toBeNull();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network', operation: 'submit-selection' }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(server.api.submitSelection).toHaveBeenCalledTimes(2);
  });
});

describe('the bank\'s app', () => {
  it('in a browser: tells the cardholder to approve in the app, with no launch button', async () => {
    const user = userEvent.setup();
    render(<StepUpOtp stepUpOptions={[APP]} backend={backend({ submitSelection: undefined }).api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText((_, el) => el?.tagName === 'P' && el.textContent === 'Open Acme Bank on your phone and approve the request. Then come back here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Open your bank’s app/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'I’ve approved it' })).toBeTruthy();
  });

  it('in a native host: launchIssuerApp opens it, and the code it returns is validated as issuerAuthCode', async () => {
    const user = userEvent.setup();
    const server = backend({ submitSelection: undefined });
    const launch = deferred<{ response: 'approved'; authCode: string }>();
    const launchIssuerApp = vi.fn(() => launch.promise);
    const onVerified = vi.fn();
    render(<StepUpOtp stepUpOptions={[APP]} backend={server.api} outOfBand={outOfBand({ launchIssuerApp })} onVerified={onVerified} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Open your bank’s app' }));
    expect(launchIssuerApp).toHaveBeenCalledWith(expect.objectContaining({ id: 'app-1' }));
    await act(async () => launch.resolve({ response: 'approved', authCode: 'issuer-code-123' }));
    expect(server.api.validateIssuerCode).toHaveBeenCalledWith(
      expect.objectContaining({ issuerAuthCode: 'issuer-code-123', stepUpOption: { id: 'app-1' } }),
      expect.anything(),
    );
    await act(async () => server.codes[0]!.resolve({ action: 'AUTHENTICATION_REGISTRATION' }));
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(document.body.innerHTML).not.toContain('issuer-code-123');
  });
});

describe('the bank\'s page', () => {
  it('a blocked window says so and offers it again; nothing of the option goes into the return URL', async () => {
    const user = userEvent.setup();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(
      <StepUpOtp
        stepUpOptions={[WEB]}
        backend={backend({ submitSelection: undefined }).api}
        outOfBand={outOfBand({ issuerPage: { returnUrl: 'https://shop.example/return' } })}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Open your bank’s page' }));
    expect(open).toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/blocked your bank’s page/);
    expect(screen.getByRole('button', { name: 'Open your bank’s page' })).toBeTruthy();
    open.mockRestore();
  });
});

describe('found in review', () => {
  it('no more codes for the card still leaves the methods that need none', async () => {
    const user = userEvent.setup();
    const exhausted = new StepUpBackendError('http', 'no more', { status: 403, body: { error: { kind: 'resends-exhausted' } } });
    const server = backend({ submitSelection: undefined, createOtp: vi.fn(async () => Promise.reject(exhausted)) });
    render(<StepUpOtp stepUpOptions={[SMS, CALL_BANK]} backend={server.api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('radio', { name: /Text message/ }));
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(document.querySelector('[data-part="root"]')!.getAttribute('data-status')).toBe('send-failed'));
    expect(screen.getByRole('alert').textContent).toBe('No more codes can be sent for this card. Choose another method.');
    const call = screen.getByRole('radio', { name: /Call your bank/ });
    expect((call as HTMLInputElement).disabled).toBe(false);
    await user.click(call);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('link', { name: '1-800-555-1212' })).toBeTruthy();
  });

  it('calls the latest onVerified, not the one of the render that chose the method', async () => {
    const user = userEvent.setup();
    const server = backend({ submitSelection: undefined });
    const first = vi.fn();
    const second = vi.fn();
    const methods = outOfBand();
    const { rerender } = render(<StepUpOtp stepUpOptions={[CALL_BANK]} backend={server.api} outOfBand={methods} onVerified={first} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    rerender(<StepUpOtp stepUpOptions={[CALL_BANK]} backend={server.api} outOfBand={methods} onVerified={second} />);
    await user.click(screen.getByRole('button', { name: 'I’ve finished the call' }));
    await act(async () => server.checks[0]!.resolve({ status: 'verified' }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('the kit\'s own check is not announced and leaves the button as it was', async () => {
    const user = userEvent.setup();
    const server = backend({ submitSelection: undefined });
    render(<StepUpOtp stepUpOptions={[CALL_BANK]} backend={server.api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const region = document.querySelector('[data-part="live-region"]')!;
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(server.api.checkStepUp).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(region.textContent).not.toBe('Checking with your bank…');
    const done = screen.getByRole('button', { name: 'I’ve finished the call' });
    expect(done.getAttribute('aria-disabled')).toBeNull();
    // pressed meanwhile: that check becomes the cardholder's, and its answer is told
    await user.click(done);
    // the focused button says it (the live region does not repeat what focus reads)
    expect(done.textContent).toBe('Checking with your bank…');
    expect(done.getAttribute('aria-disabled')).toBe('true');
    await act(async () => server.checks[0]!.resolve({ status: 'pending' }));
    expect(screen.getByRole('alert').textContent).toMatch(/hasn’t confirmed yet/);
    expect(server.api.checkStepUp).toHaveBeenCalledTimes(1);
  });
});

describe('in the cardholder\'s language', () => {
  it('the choice, the button and the screen speak German with the German words', async () => {
    const user = userEvent.setup();
    const { default: de } = await import('../../src/locales/de');
    const { default: words } = await import('../../src/out-of-band/locales/de');
    render(<StepUpOtp stepUpOptions={[CALL_BANK]} backend={backend({ submitSelection: undefined }).api} locale={de} outOfBand={outOfBand({ words })} />);
    expect(labels()).toEqual([words.optionWithValue.callBank.replace('{value}', '1-800-555-1212')]);
    await user.click(screen.getByRole('button', { name: words.continue }));
    expect(screen.getByRole('button', { name: words.done.callBank })).toBeTruthy();
    expect(screen.getByRole('button', { name: de.messages.useAnotherMethod })).toBeTruthy();
  });
});

describe('checks by themselves', () => {
  it('when the tab comes back into view, one check at a time', async () => {
    const user = userEvent.setup();
    const server = backend({ submitSelection: undefined });
    render(<StepUpOtp stepUpOptions={[APP]} backend={server.api} outOfBand={outOfBand()} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    expect(server.api.checkStepUp).not.toHaveBeenCalled();
    visibility.mockReturnValue('visible');
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    expect(server.api.checkStepUp).toHaveBeenCalledTimes(1);
    await act(async () => server.checks[0]!.resolve({ status: 'pending' }));
    // a check of its own says nothing when the bank has not confirmed yet
    expect(screen.queryByRole('alert')).toBeNull();
    const panel = document.querySelector('[data-part="out-of-band"]')!;
    expect(within(panel as HTMLElement).getByText('This page updates by itself once your bank confirms.')).toBeTruthy();
    await waitFor(() => expect(panel.getAttribute('data-status')).toBe('waiting'));
    visibility.mockRestore();
  });
});
