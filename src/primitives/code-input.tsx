import { OTPInput } from 'input-otp';
import { forwardRef, useEffect, useLayoutEffect, useRef, type ClipboardEvent, type ComponentPropsWithoutRef, type Ref, type RefObject } from 'react';
import { Controller } from 'react-hook-form';
import { extractCode, offers, sanitizeCode, toAsciiDigits } from '../core/index.js';
import { useComposedRefs } from './compose.js';
import { useStepUpContext } from './context.js';

export interface CodeInputProps extends ComponentPropsWithoutRef<'div'> {
  /** Passed to input-otp for the one `<style>` it injects, for pages with a strict CSP. */
  nonce?: string;
  /** Extra class on the slots' container. */
  slotsClassName?: string;
  /** The real `<input>` (the part's own ref is its wrapper). */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The code field: one real `<input>` (input-otp) with `autocomplete="one-time-code"` and a numeric
 * keyboard, drawn as slots. Typed, pasted or autofilled text keeps only its digits; the last digit
 * submits the code. The field has no `name`, so the code never travels with the merchant's form.
 */
export const CodeInput = forwardRef<HTMLDivElement, CodeInputProps>(function CodeInput(
  { nonce, slotsClassName, inputRef, ...props },
  ref,
) {
  const { form, codeLength, ids, messages, state, submitCode, validateCode, focusKey } =
    useStepUpContext();
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = useComposedRefs(input, inputRef);
  const editable = offers(state, 'submit');
  const error = form.formState.errors.code?.message;

  useEffect(() => {
    if (focusKey > 0) input.current?.focus();
  }, [focusKey]);

  // the wrong code's alert, so a screen reader back in the field hears why it is invalid
  const wrongCode = state.status === 'code-entry' && state.error !== undefined;
  const checking = state.status === 'verifying';
  // the parts that describe the field, as far as this layout renders them (a layout of the merchant's
  // own may leave out the attempts or the alert): read from the page once it is drawn
  const describedBy = [ids.codeHint, ids.countdown, ids.attempts, ids.codeError, wrongCode ? ids.error : ''];
  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    const scope = element.getRootNode() as Document | ShadowRoot;
    const present = describedBy.filter((id) => id && scope.getElementById(id));
    if (present.length > 0) element.setAttribute('aria-describedby', present.join(' '));
    else element.removeAttribute('aria-describedby');
  });

  return (
    <div data-part="code-field" {...props} ref={ref}>
      <label htmlFor={ids.code} data-part="code-label">
        {messages.codeLabel}
      </label>
      <p id={ids.codeHint} data-part="code-hint">
        {messages.codeHint({ length: codeLength })}
      </p>
      <Controller
        name="code"
        control={form.control}
        rules={{ validate: validateCode }}
        render={({ field }) => {
          const setCode = (next: string) => {
            const complete = next.length === codeLength && next !== field.value;
            field.onChange(next);
            if (form.formState.errors.code) form.clearErrors('code');
            if (complete) submitCode(next);
          };
          const onPasteCapture = (event: ClipboardEvent<HTMLInputElement>) => {
            // handled here, before input-otp, so a pasted full code replaces what was typed
            event.preventDefault();
            event.stopPropagation();
            if (!editable) return;
            const pasted = extractCode(event.clipboardData.getData('text/plain'), codeLength);
            setCode(pasted.length === codeLength ? pasted : sanitizeCode(field.value + pasted, codeLength));
          };
          return (
            <div
              dir="ltr"
              data-part="code-slots-wrapper"
              data-state={checking ? 'checking' : editable ? 'editable' : 'locked'}
              data-invalid={error || wrongCode ? '' : undefined}
            >
              <ScrubValueAttribute input={input} value={field.value} />
              <OTPInput
                ref={(el) => {
                  setInput(el);
                  field.ref(el);
                }}
                id={ids.code}
                // belongs to no form: the code never travels with the merchant's form
                form={`${ids.code}-no-form`}
                value={field.value}
                onChange={(raw: string) => {
                  // read-only while checked, yet a password manager or an extension may still set the
                  // value: the code being checked is the one kept (React puts it back)
                  if (!editable) return;
                  const code = readTypedCode(raw, codeLength, field.value);
                  // a letter typed over a selected digit would erase the digit: the edit is refused,
                  // and React puts the field back as it was
                  if (code === undefined) return;
                  const longer = code.length > field.value.length;
                  setCode(code);
                  // input-otp mirrors the caret from the browser's selectionchange, a task after this
                  // event: a second render per keystroke. Telling it now puts both in one commit. Only
                  // for a digit added to the field that has focus, shown as typed (input-otp already
                  // does this itself for a deletion).
                  if (longer && code === raw && document.activeElement === input.current) {
                    document.dispatchEvent(new Event('selectionchange'));
                  }
                }}
                onPasteCapture={onPasteCapture}
                onBlur={field.onBlur}
                maxLength={codeLength}
                inputMode="numeric"
                autoComplete="one-time-code"
                // read-only, not disabled, while the code is checked: focus stays in the field
                disabled={!editable && !checking}
                readOnly={checking || undefined}
                aria-invalid={error || wrongCode ? true : undefined}
                data-part="code-input"
                nonce={nonce}
                containerClassName={slotsClassName}
                render={({ slots }) => (
                  <div data-part="code-slots">
                    {slots.map((slot, index) => (
                      <div
                        key={index}
                        data-part="code-slot"
                        data-active={slot.isActive ? '' : undefined}
                        data-filled={slot.char ? '' : undefined}
                      >
                        {slot.char ? <span data-part="code-char">{slot.char}</span> : null}
                        {slot.hasFakeCaret ? <div data-part="code-caret" /> : null}
                      </div>
                    ))}
                  </div>
                )}
              />
            </div>
          );
        }}
      />
      {error ? (
        <p id={ids.codeError} role="alert" data-part="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
});

/**
 * The digits of an edit of the field. Digits (local ones too) are kept. An edit with anything else in it
 * is taken when it holds a whole code (autofill), or keeps at least as many digits as the field had; a
 * letter typed over a selected digit, which would erase the digit, is refused (`undefined`).
 */
function readTypedCode(raw: string, length: number, current: string): string | undefined {
  const ascii = toAsciiDigits(raw);
  if (/^\d*$/.test(ascii)) return ascii.slice(0, length);
  const code = extractCode(ascii, length);
  return code.length === length || code.length >= current.length ? code : undefined;
}

/**
 * React mirrors a controlled input's value into its `value` attribute (on each render of the input, and
 * input-otp renders it twice per keystroke), where DOM snapshots and `outerHTML` would read the code. The
 * attribute is removed after our own renders and, through an observer, after input-otp's.
 */
function ScrubValueAttribute({ input, value }: { input: RefObject<HTMLInputElement | null>; value: string }) {
  useLayoutEffect(() => {
    input.current?.removeAttribute('value');
  }, [input, value]);
  useEffect(() => {
    const element = input.current;
    if (!element || typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => {
      if (element.hasAttribute('value')) element.removeAttribute('value');
    });
    observer.observe(element, { attributes: true, attributeFilter: ['value'] });
    return () => observer.disconnect();
  }, [input]);
  return null;
}
