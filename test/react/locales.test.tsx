/** The step-up in another language: messages, lang and direction from a shipped locale, digits of every script, no English left. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import ar from '../../src/locales/ar';
import de from '../../src/locales/de';
import pseudo from '../../src/locales/pseudo';
import { EMAIL, GRANT, SMS, VERIFIED, advance, answer, fail, networkError, renderStepUp, restoreClock, serverError, useFakeClock, wrongCodeError } from './helpers';

function group(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

describe('a shipped locale', () => {
  it('speaks German, with lang on the root and counts in German', async () => {
    const r = renderStepUp({ locale: de, stepUpOptions: [SMS, EMAIL] });
    const root = group(de.messages.title);
    expect(root).toHaveAttribute('lang', 'de');
    expect(root).toHaveAttribute('dir', 'ltr');
    await r.user.click(screen.getByRole('radio', { name: de.messages.optionLabel({ method: 'OTP_SMS', methodName: 'SMS', value: SMS.value }) }));
    await r.user.click(screen.getByRole('button', { name: de.messages.sendCode }));
    await answer(r.lastCreate(), GRANT);
    expect(screen.getByLabelText(de.messages.codeLabel)).toBeInTheDocument();
    expect(screen.getByText(de.messages.attemptsLeft({ count: 3, locale: 'de' }))).toBeInTheDocument();
  });

  it('lays Arabic out right to left, keeping the masked number isolated and the code row left to right', async () => {
    const r = renderStepUp({ locale: ar, stepUpOptions: [SMS] });
    const root = group(ar.messages.title);
    expect(root).toHaveAttribute('lang', 'ar');
    expect(root).toHaveAttribute('dir', 'rtl');
    const radio = screen.getByRole('radio');
    await r.user.click(radio);
    const label = root.querySelector('label[for="' + radio.id + '"]') ?? radio.closest('label')!;
    const bdi = within(label as HTMLElement).getByText(SMS.value);
    expect(bdi.tagName).toBe('BDI');
    await r.user.click(screen.getByRole('button', { name: ar.messages.sendCode }));
    await answer(r.lastCreate(), GRANT);
    expect(root.querySelector('[data-part="code-slots-wrapper"]')).toHaveAttribute('dir', 'ltr');
  });

  it('lets the dir prop override the locale’s, and messages override one string of it', () => {
    renderStepUp({ locale: ar, dir: 'ltr', messages: { title: 'تأكيد' } });
    const root = group('تأكيد');
    expect(root).toHaveAttribute('dir', 'ltr');
    expect(root).toHaveAttribute('lang', 'ar');
  });

  it('keeps a tag alone as the plural rules of the built-in English', () => {
    renderStepUp({ locale: 'en-GB' });
    expect(group('Confirm it’s you')).toHaveAttribute('lang', 'en-GB');
  });
});

describe('digits of every script', () => {
  it.each([
    ['Arabic-Indic', '١٢٣٤٥٦'],
    ['Persian', '۱۲۳۴۵۶'],
    ['Devanagari', '१२३४५६'],
    ['Bengali', '১২৩৪৫৬'],
    ['Thai', '๑๒๓๔๕๖'],
    ['full-width', '１２３４５６'],
  ])('%s typed and pasted reach validate as ASCII digits', async (_script, digits) => {
    for (const how of ['typed', 'pasted'] as const) {
      const r = renderStepUp();
      await r.user.click(screen.getByRole('button', { name: 'Send code' }));
      await answer(r.lastCreate(), GRANT);
      const input = screen.getByLabelText('Verification code') as HTMLInputElement;
      await r.user.click(input);
      if (how === 'typed') await r.user.keyboard(digits);
      else await r.user.paste(digits);
      await act(async () => {});
      expect(r.validateOtp).toHaveBeenCalledTimes(1);
      expect(r.validateOtp.mock.calls[0]![0]).toMatchObject({ otp: '123456' });
      r.unmount();
    }
  });
});

describe('the pseudo-locale', () => {
  /** Text nodes the cardholder sees that did not come from the catalog: every catalog string is bracketed. */
  function foreignText(root: HTMLElement): string[] {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      if (!text) continue;
      if (node.parentElement?.closest('[data-part="live-region"]')) continue; // checked apart below
      if (node.parentElement?.closest('bdi')) continue; // the issuer's masked destination
      if (/^[\[\]·\s.,:…]*$/.test(text)) continue;
      if (/^\d$/.test(text) && node.parentElement?.closest('[data-part="code-slots"]')) continue; // the digits typed
      if (!/[\[\]]/.test(text) && !/[åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]/.test(text)) out.push(text);
    }
    return out;
  }

  it('shows only catalog text in every state a cardholder reaches', async () => {
    const r = renderStepUp({ locale: pseudo, stepUpOptions: [SMS, EMAIL] });
    const root = group(pseudo.messages.title);
    const check = () => expect(foreignText(root)).toEqual([]);
    check(); // choosing
    fireEvent.click(screen.getByRole('button', { name: pseudo.messages.sendCode }));
    check(); // the "choose a method" error
    await r.user.click(screen.getAllByRole('radio')[0]!);
    await r.user.click(screen.getByRole('button', { name: pseudo.messages.sendCode }));
    check(); // sending
    await answer(r.lastCreate(), GRANT);
    check(); // code entry
    await r.user.click(screen.getByLabelText(pseudo.messages.codeLabel));
    await r.user.keyboard('111111');
    check(); // verifying
    await fail(r.lastValidate(), wrongCodeError());
    check(); // wrong code
    expect(r.onError).toHaveBeenCalledTimes(1);
    const live = root.querySelector('[data-part="live-region"]')!.textContent ?? '';
    expect(live === '' || /\[/.test(live)).toBe(true);
  });

  it('shows only catalog text after a failed send, a failed check, the last wrong code, expiry, success and cancel', async () => {
    useFakeClock();
    try {
      const onCancel = vi.fn();
      const r = renderStepUp({ locale: pseudo, stepUpOptions: [SMS, EMAIL], onCancel });
      const root = group(pseudo.messages.title);
      const check = (status: string) => {
        expect(root).toHaveAttribute('data-status', status);
        expect(foreignText(root), status).toEqual([]);
      };
      await r.user.click(screen.getAllByRole('radio')[0]!);
      await r.user.click(screen.getByRole('button', { name: pseudo.messages.sendCode }));
      await fail(r.lastCreate(), serverError());
      check('send-failed');
      await r.user.click(screen.getByRole('button', { name: pseudo.messages.tryAgain }));
      await answer(r.lastCreate(), { ...GRANT, maxVerificationAllowed: 2 });
      await r.user.click(screen.getByLabelText(pseudo.messages.codeLabel));
      await r.user.keyboard('111111');
      await fail(r.lastValidate(), networkError());
      check('verify-failed');
      await r.user.click(screen.getByRole('button', { name: pseudo.messages.tryAgain }));
      await fail(r.lastValidate(), wrongCodeError());
      await r.user.click(screen.getByLabelText(pseudo.messages.codeLabel));
      await r.user.keyboard('222222');
      await fail(r.lastValidate(), wrongCodeError());
      check('attempts-exhausted');
      await r.user.click(screen.getByRole('button', { name: pseudo.messages.resendCode }));
      await answer(r.lastCreate(), GRANT);
      await advance(6 * 60_000);
      check('expired');
      await r.user.click(screen.getByRole('button', { name: pseudo.messages.resendCode }));
      await answer(r.lastCreate(), GRANT);
      await r.user.click(screen.getByLabelText(pseudo.messages.codeLabel));
      await r.user.keyboard('333333');
      await answer(r.lastValidate(), VERIFIED);
      check('verified');
      r.unmount();

      const c = renderStepUp({ locale: pseudo, onCancel });
      await c.user.click(screen.getByRole('button', { name: pseudo.messages.cancel }));
      expect(foreignText(group(pseudo.messages.title))).toEqual([]);
      c.unmount();

      renderStepUp({ locale: pseudo, stepUpOptions: [], onCancel });
      const none = group(pseudo.messages.title);
      expect(none).toHaveAttribute('data-status', 'no-options');
      expect(foreignText(none)).toEqual([]);
    } finally {
      restoreClock();
    }
  });

  it('has every message of the catalog bracketed', () => {
    for (const text of [pseudo.messages.title, pseudo.messages.errors.network, pseudo.messages.resendsLeft({ count: 2, locale: 'en' })]) expect(text).toMatch(/^\[.*\]$/);
  });
});

