import { act, screen } from '@testing-library/react';
import { Activity, useState, type ReactElement } from 'react';
import { GRANT, VERIFIED, answer, codeInput, renderStepUp, root, sendButton, settle, typeCode } from './helpers';

/**
 * React's `<Activity>` (React 19.2+) hides a subtree and runs its effects' cleanups, but keeps its state:
 * a tabbed checkout or a router that keeps earlier pages alive. (Not run against React 18, which has no
 * `<Activity>`.)
 */
function hideable() {
  let setMode: (mode: 'visible' | 'hidden') => void = () => {};
  const wrap = (ui: ReactElement) => {
    function Host() {
      const [mode, set] = useState<'visible' | 'hidden'>('visible');
      setMode = set;
      return <Activity mode={mode}>{ui}</Activity>;
    }
    return <Host />;
  };
  return { wrap, hide: () => act(() => setMode('hidden')), show: () => act(() => setMode('visible')) };
}


describe('hidden by <Activity> and shown again', () => {
  it('while the code is being checked: the call is stopped, and Try again checks the same code once more', async () => {
    const view = hideable();
    const r = renderStepUp({ wrap: view.wrap });
    await r.user.click(sendButton());
    await settle();
    await answer(r.lastCreate(), GRANT);
    await typeCode(r, '123456');
    const first = r.lastValidate();

    view.hide();
    await settle();
    expect(first.signal.aborted).toBe(true);
    view.show();
    await settle();

    expect(root()).toHaveAttribute('data-status', 'verify-failed');
    expect(codeInput()).toHaveValue('123456');
    expect(r.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unknown', operation: 'validate-otp' }));
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.validateOtp).toHaveBeenCalledTimes(2);
    expect(r.lastValidate().request.otp).toBe('123456');
    await answer(r.lastValidate(), VERIFIED);
    expect(root()).toHaveAttribute('data-status', 'verified');
    expect(r.onVerified).toHaveBeenCalledTimes(1);
  });

  it('while the code is being sent: Try again sends once more', async () => {
    const view = hideable();
    const r = renderStepUp({ wrap: view.wrap });
    await r.user.click(sendButton());
    await settle();

    view.hide();
    await settle();
    view.show();
    await settle();

    expect(root()).toHaveAttribute('data-status', 'send-failed');
    expect(r.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unknown', operation: 'create-otp' }));
    await r.user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(r.createOtp).toHaveBeenCalledTimes(2);
    await answer(r.lastCreate(), GRANT);
    expect(root()).toHaveAttribute('data-status', 'code-entry');
  });

  it('with nothing in flight: the state is kept as it was, and nothing is said again', async () => {
    const view = hideable();
    const r = renderStepUp({ wrap: view.wrap });
    await r.user.click(sendButton());
    await settle();
    await answer(r.lastCreate(), GRANT);
    await r.user.click(codeInput());
    await r.user.keyboard('12');
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('We sent a code to ***-***-1234.');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(region, { childList: true, characterData: true, subtree: true });

    view.hide();
    await settle();
    view.show();
    await settle();
    observer.disconnect();

    expect(changes).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('We sent a code to ***-***-1234.');
    expect(root()).toHaveAttribute('data-status', 'code-entry');
    expect(codeInput()).toHaveValue('12');
    expect(r.onError).not.toHaveBeenCalled();
  });
});
