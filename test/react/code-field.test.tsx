/**
 * The code field itself: one transparent `<input>` over slots that draw its digits and selection. What
 * a cardholder sees in the slots must always be what the input holds, whatever they type, select or
 * paste, and the digit they are about to change must be the one drawn as active.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fc, it as property } from '@fast-check/vitest';
import { StepUp, useStepUpOtp } from '../../src';
import { GRANT, SMS, answer, codeInput, createMockBackend, focusCode, renderStepUp, sendCode, settle, type Rendered } from './helpers';

function slots(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-part="code-slot"]'));
}

/** The slots as the eye reads them: digits, `|` for the caret, `_` for an empty slot, `[d]` when active. */
function drawn(): string {
  return slots()
    .map((slot) => {
      const char = slot.querySelector('[data-part="code-char"]')?.textContent ?? '';
      const caret = slot.querySelector('[data-part="code-caret"]') ? '|' : '';
      const text = char || caret || '_';
      return slot.hasAttribute('data-active') ? `[${text}]` : text;
    })
    .join('');
}

async function focusedField(r: Rendered) {
  await sendCode(r, GRANT);
  return focusCode(r);
}

describe('the code field', () => {
  it('draws the typed digits and a caret in the next slot, and no active slot once focus leaves', async () => {
    const r = renderStepUp();
    await focusedField(r);
    await r.user.keyboard('12');

    expect(drawn()).toBe('12[|]___');
    await r.user.tab();
    expect(drawn()).toBe('12____');
  });

  it('selects the last digit of a full code when focus comes back, so a digit typed replaces it', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('12345');
    act(() => input.blur());
    act(() => input.focus());

    // five digits: the caret waits after them
    expect(drawn()).toBe('12345[|]');
    await r.user.keyboard('{ArrowLeft}');
    expect(drawn()).toBe('1234[5]_');
    await r.user.keyboard('{ArrowLeft}');
    expect(drawn()).toBe('123[4]5_');
    await r.user.keyboard('9');
    await settle();

    expect(input).toHaveValue('12395');
    expect(drawn()).toBe('1239[5]_');
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it('selects the previous digit after Backspace removes a selected one', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('1234');
    await r.user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(drawn()).toBe('12[3]4__');

    await r.user.keyboard('{Backspace}');
    expect(input).toHaveValue('124');
    expect(drawn()).toBe('1[2]4___');
  });

  it('needs no stylesheet to hide the real input, and adds no <style> to the page (strict CSP)', async () => {
    const before = document.querySelectorAll('style').length;
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('12');

    expect(input.style.color).toBe('transparent');
    expect(input.style.caretColor).toBe('transparent');
    expect(input.style.position).toBe('absolute');
    expect(document.querySelectorAll('style').length).toBe(before);
    // the slots repeat what the input holds: hidden from screen readers, which read the input
    expect(document.querySelector('[data-part="code-slots"]')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getAllByRole('textbox')).toEqual([input]);
  });

  /** Text the browser is about to insert, as a keyboard's suggestion or an autofill sends it. */
  function insert(input: HTMLInputElement, data: string, inputType = 'insertText') {
    act(() => {
      const event = new InputEvent('beforeinput', { inputType, data, bubbles: true, cancelable: true });
      // what the browser does when nothing stops it: the text goes in at the caret, cut at maxlength
      if (input.dispatchEvent(event)) {
        const next = (input.value + data).slice(0, input.maxLength);
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, next);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
  }

  it.each([
    ['a keyboard’s code suggestion after two typed digits', '12', '482913', 'insertText'],
    ['an autofill of the whole code into a partly typed field', '7', '482913', 'insertReplacementText'],
    ['iOS inserting the code twice', '', '482913482913', 'insertText'],
    ['a dropped message with the code', '55', 'Your code is 482 913', 'insertFromDrop'],
  ])('takes %s as the code, instead of adding it to the digits there', async (_, typed, data, inputType) => {
    const r = renderStepUp();
    const input = await focusedField(r);
    if (typed) await r.user.keyboard(typed);
    insert(input, data, inputType);
    await settle();

    expect(input).toHaveValue('482913');
    expect(r.validateOtp).toHaveBeenCalledTimes(1);
    expect(r.validateOtp.mock.calls[0]![0].otp).toBe('482913');
  });

  it('adds a single typed digit where the caret is, as before', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('12');
    insert(input, '3');
    await settle();

    expect(input).toHaveValue('123');
    expect(r.validateOtp).not.toHaveBeenCalled();
  });

  it('puts the caret after the digits when focus comes back, though the browser selected them all', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('123');
    await r.user.tab();
    // a browser selects an input's whole text when it is tabbed into, before the focus event
    input.setSelectionRange(0, 3);
    act(() => input.focus());
    await r.user.keyboard('4');

    expect(input).toHaveValue('1234');
    expect(drawn()).toBe('1234[|]_');
  });

  it('draws a selection the browser moved with no key or pointer (a space-bar trackpad, a screen reader)', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('1234');
    act(() => {
      input.setSelectionRange(1, 1);
      // as browsers fire it at a text field (it bubbles)
      input.dispatchEvent(new Event('selectionchange', { bubbles: true }));
    });

    expect(drawn()).toBe('1[2]34__');
    await r.user.keyboard('9');
    expect(input).toHaveValue('1934');
  });

  it('pastes part of a code where the selection is', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    await r.user.keyboard('1234{ArrowLeft}{ArrowLeft}');
    expect(drawn()).toBe('12[3]4__');
    await r.user.paste('9');

    expect(input).toHaveValue('1294');
  });

  it('gives the merchant’s inputRef the field once, not again on every keystroke', async () => {
    const backend = createMockBackend();
    const user = userEvent.setup({ delay: null });
    const inputRef = vi.fn();
    function Layout() {
      const stepUp = useStepUpOtp({ stepUpOptions: [SMS], backend: backend.backend });
      return (
        <StepUp.Root stepUp={stepUp}>
          {stepUp.status === 'choosing' ? <StepUp.SendButton /> : <StepUp.CodeInput inputRef={inputRef} />}
        </StepUp.Root>
      );
    }
    render(<Layout />);
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await settle();
    await answer(backend.lastCreate(), GRANT);
    await user.click(codeInput());
    await user.keyboard('123');

    expect(inputRef.mock.calls).toEqual([[codeInput()]]);
  });

  it('leaves aria-describedby alone while typing, so a screen reader does not read the description again', async () => {
    const r = renderStepUp();
    const input = await focusedField(r);
    const writes: string[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => writes.push(String(record.attributeName))));
    observer.observe(input, { attributes: true, attributeFilter: ['aria-describedby'] });
    await r.user.keyboard('123');
    await settle();
    observer.disconnect();

    expect(writes).toEqual([]);
    expect(input.getAttribute('aria-describedby')).toContain(input.id.replace(/code$/, ''));
  });

  it('marks the drawn digits for session-replay tools to mask (they mask only the input’s own value)', async () => {
    const r = renderStepUp();
    await focusedField(r);
    await r.user.keyboard('12');
    const char = document.querySelector('[data-part="code-char"]')!;

    for (const marker of ['data-sentry-mask', 'data-dd-privacy', 'data-hj-suppress', 'data-private', 'data-clarity-mask']) {
      expect(char.closest(`[${marker}]`), marker).not.toBeNull();
    }
  });

  const key = fc.oneof(
    fc.constantFrom('0', '4', '7', '9', 'a', ' ', '-', '٣'),
    fc.constantFrom('{Backspace}', '{Delete}', '{ArrowLeft}', '{ArrowRight}', '{Home}', '{End}'),
    fc.record({ paste: fc.stringMatching(/^[0-9a-z -]{0,10}$/) }),
    fc.record({ insert: fc.stringMatching(/^[0-9 ]{1,13}$/) }),
  );

  property.prop([fc.array(key, { maxLength: 14 })], { numRuns: 40 })(
    'whatever is typed, moved or pasted, the slots show exactly the input’s digits, at most one caret, and a full code is checked once',
    async (keys) => {
      const r = renderStepUp();
      try {
        const input = await focusedField(r);
        const completed: string[] = [];
        for (const next of keys) {
          const before = input.value;
          if (typeof next === 'string') await r.user.keyboard(next);
          else if ('paste' in next) await r.user.paste(next.paste);
          else insert(input, next.insert);
          await settle();
          if (input.value.length === 6 && before !== input.value) completed.push(input.value);
          // once a code is being checked the field is read-only: nothing more can change it
          if (r.validateOtp.mock.calls.length > 0) break;
          expect(input.value).toMatch(/^\d{0,6}$/);
          const shown = slots().map((slot) => slot.querySelector('[data-part="code-char"]')?.textContent ?? '');
          expect(shown.join('')).toBe(input.value);
          expect(shown.slice(0, input.value.length).every((char) => char !== '')).toBe(true);
          expect(document.querySelectorAll('[data-part="code-caret"]').length).toBeLessThanOrEqual(1);
          expect(slots().filter((slot) => slot.hasAttribute('data-active')).length).toBeLessThanOrEqual(1);
        }
        expect(r.validateOtp.mock.calls.map(([request]) => request.otp)).toEqual(completed.slice(0, 1));
      } finally {
        cleanup();
      }
    },
    // 40 renders of the whole step-up, typed key by key: about 5 s in jsdom
    30_000,
  );
});
