import { OTPInput } from 'input-otp';
import { useEffect, useLayoutEffect, useRef, type ClipboardEvent, type RefObject } from 'react';
import { Controller } from 'react-hook-form';
import { extractCode, isCodeEditable, sanitizeCode } from '../core/index.js';
import { useStepUpContext } from './context.js';
import { showsAttempts, showsCountdown } from './visibility.js';

export interface CodeInputProps {
  /** Passed to input-otp for the one `<style>` it injects, for pages with a strict CSP. */
  nonce?: string;
  /** Extra class on the slots' container. */
  className?: string;
}

/**
 * The code field: one real `<input>` (input-otp) with `autocomplete="one-time-code"` and a numeric
 * keyboard, drawn as slots. Typed, pasted or autofilled text keeps only its digits; the last digit
 * submits the code. The field has no `name`, so the code never travels with the merchant's form.
 */
export function CodeInput({ nonce, className }: CodeInputProps) {
  const { form, codeLength, ids, messages, state, submitCode, validateCode, focusKey } =
    useStepUpContext('StepUp.CodeInput');
  const input = useRef<HTMLInputElement | null>(null);
  const editable = isCodeEditable(state);
  const error = form.formState.errors.code?.message;

  useEffect(() => {
    if (focusKey > 0) input.current?.focus();
  }, [focusKey]);

  const describedBy = [
    ids.codeHint,
    showsCountdown(state) ? ids.countdown : null,
    showsAttempts(state) ? ids.attempts : null,
    error ? ids.codeError : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div data-part="code-field">
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
            const pasted = extractCode(event.clipboardData.getData('text/plain'), codeLength);
            setCode(pasted.length === codeLength ? pasted : sanitizeCode(field.value + pasted, codeLength));
          };
          return (
            <div dir="ltr" data-part="code-slots-wrapper">
              <ScrubValueAttribute input={input} value={field.value} />
              <OTPInput
                ref={(el) => {
                  input.current = el;
                  field.ref(el);
                }}
                id={ids.code}
                // belongs to no form: the code never travels with the merchant's form
                form={`${ids.code}-no-form`}
                value={field.value}
                onChange={(raw: string) => {
                  const code = sanitizeCode(raw, codeLength);
                  setCode(code);
                  // input-otp mirrors the caret from the browser's selectionchange, a task after this
                  // event: a second render per keystroke. Telling it now puts both in one commit. (Not
                  // when a letter was dropped: the caret is only right once React has put the digits back.)
                  if (code === raw) document.dispatchEvent(new Event('selectionchange'));
                }}
                onPasteCapture={onPasteCapture}
                onBlur={field.onBlur}
                maxLength={codeLength}
                inputMode="numeric"
                autoComplete="one-time-code"
                disabled={!editable}
                aria-describedby={describedBy}
                aria-invalid={error || state.status === 'code-entry' && state.error ? true : undefined}
                data-part="code-input"
                nonce={nonce}
                containerClassName={className}
                render={({ slots }) => (
                  <div data-part="code-slots">
                    {slots.map((slot, index) => (
                      <div
                        key={index}
                        data-part="code-slot"
                        data-active={slot.isActive ? '' : undefined}
                        data-filled={slot.char ? '' : undefined}
                      >
                        {slot.char}
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
