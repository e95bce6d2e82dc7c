import {
  forwardRef,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type ComponentPropsWithoutRef,
  type CSSProperties,
  type MouseEvent,
  type Ref,
} from 'react';
import { useController } from 'react-hook-form';
import { offers } from '../core/index.js';
import { isActiveSlot, pastedCode, readTypedCode, slotSelection, wholeCodeIn, type Selection } from './code-edits.js';
import { useComposedRefs } from './compose.js';
import { useStepUpContext } from './context.js';

export interface CodeInputProps extends ComponentPropsWithoutRef<'div'> {
  /** Extra class on the element that holds the slots and the real `<input>` over them. */
  slotsClassName?: string;
  /** The real `<input>` (the part's own ref is its wrapper). */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The code field: one real `<input>` with `autocomplete="one-time-code"` and a numeric keyboard, laid
 * transparent over slots that draw its digits and its selection (so SMS autofill, paste and password
 * managers meet a plain input). Typed, pasted or autofilled text keeps only its digits, and text holding a
 * whole code replaces what was typed; the last digit submits the code. The field has no `name`, so the code
 * never travels with the merchant's form, and it is not a controlled input, so React never writes the code
 * into a `value` attribute.
 */
export const CodeInput = forwardRef<HTMLDivElement, CodeInputProps>(function CodeInput(
  { slotsClassName, inputRef, ...props },
  ref,
) {
  const { form, codeLength, ids, messages, state, submitCode, validateCode, focusKey } =
    useStepUpContext();
  const { field } = useController({ name: 'code', control: form.control, rules: { validate: validateCode } });
  const code: string = field.value;
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = useComposedRefs(input, inputRef, field.ref);
  const editable = offers(state, 'submit');
  const error = form.formState.errors.code?.message;
  // the selection drawn on the slots, or none while the field has no focus; kept in a ref too, so an
  // unchanged selection (the browser's selectionchange after a keystroke) renders nothing
  const [shown, setShown] = useState<Selection | null>(null);
  const selection = useRef<Selection | null>(null);
  const show = (next: Selection | null) => {
    const now = selection.current;
    if (next?.[0] === now?.[0] && next?.[1] === now?.[1]) return;
    selection.current = next;
    setShown(next);
  };
  /** Reads the browser's selection, puts it on a digit where it should be, and draws it. */
  const mirror = () => {
    const element = input.current;
    if (!element || element !== (element.getRootNode() as Document | ShadowRoot).activeElement) return show(null);
    const from: Selection = [element.selectionStart ?? 0, element.selectionEnd ?? 0];
    const next = slotSelection(from, element.value.length, codeLength, selection.current ?? from);
    if (next[0] !== from[0] || next[1] !== from[1]) element.setSelectionRange(next[0], next[1]);
    show(next);
  };
  const setCode = (next: string) => {
    const complete = next.length === codeLength && next !== code;
    field.onChange(next);
    if (form.formState.errors.code) form.clearErrors('code');
    if (complete) submitCode(next);
  };
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const element = event.currentTarget;
    // read-only while checked, yet a password manager or an extension may still set the value; and a
    // letter typed over a selected digit would erase the digit: either edit is undone
    const next = editable ? readTypedCode(element.value, codeLength, code) : undefined;
    if (next === undefined) {
      element.value = code;
      return;
    }
    if (element.value !== next) element.value = next;
    setCode(next);
    // the digit and the slots' new selection in one render
    mirror();
  };
  /**
   * Text about to go in that holds a whole code (a keyboard's code suggestion, an autofill, iOS inserting
   * the code twice) replaces what was typed, before `maxlength` cuts it and it is added to the digits there.
   */
  const onBeforeInput = (event: InputEvent) => {
    if (!editable || !/^insert(Text|ReplacementText|FromDrop)$/.test(event.inputType)) return;
    const whole = wholeCodeIn(event.data ?? event.dataTransfer?.getData('text/plain') ?? '', codeLength);
    if (whole === undefined) return;
    event.preventDefault();
    setCode(whole);
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const text = event.clipboardData.getData('text/plain');
    if (editable) setCode(pastedCode(code, text, [element.selectionStart ?? code.length, element.selectionEnd ?? code.length], codeLength));
  };
  /** A tap or click on a slot with a digit selects that digit, so the next one typed replaces it. */
  const pick = (event: MouseEvent<HTMLInputElement>) => {
    const element = event.currentTarget;
    const slots = Array.from(element.parentElement?.querySelectorAll('[data-part="code-slot"]') ?? []);
    const index = slots.findIndex((slot) => {
      const box = slot.getBoundingClientRect();
      return box.left <= event.clientX && event.clientX < box.right;
    });
    if (index >= 0 && index < element.value.length) element.setSelectionRange(index, index + 1);
    mirror();
  };

  // the browser's own events, to the latest handlers: the selection moved with no key or pointer event
  // (a space-bar trackpad, selection handles, a screen reader), and text about to be inserted
  const latest = useRef({ mirror, onBeforeInput });
  latest.current = { mirror, onBeforeInput };
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onSelection = () => latest.current.mirror();
    const beforeInput = (event: Event) => latest.current.onBeforeInput(event as InputEvent);
    const document = element.ownerDocument;
    element.addEventListener('selectionchange', onSelection);
    document.addEventListener('selectionchange', onSelection);
    element.addEventListener('beforeinput', beforeInput);
    return () => {
      element.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('selectionchange', onSelection);
      element.removeEventListener('beforeinput', beforeInput);
    };
  }, []);

  // a code set from outside the field (pasted, read by WebOTP, cleared after a new code is sent) goes
  // into the input, and its selection is drawn again
  useLayoutEffect(() => {
    const element = input.current;
    if (!element || element.value === code) return;
    element.value = code;
    mirror();
  });

  useEffect(() => {
    if (focusKey > 0) input.current?.focus();
  }, [focusKey]);

  // the wrong code's alert, so a screen reader back in the field hears why it is invalid
  const wrongCode = state.status === 'code-entry' && state.error !== undefined;
  const checking = state.status === 'verifying';
  // the parts that describe the field, as far as this layout renders them (a layout of the merchant's
  // own may leave out the attempts or the alert): read from the page once it is drawn, written on change
  const describedBy = [ids.codeHint, ids.countdown, ids.attempts, ids.codeError, wrongCode ? ids.error : ''];
  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    const scope = element.getRootNode() as Document | ShadowRoot;
    const present = describedBy.filter((id) => id && scope.getElementById(id)).join(' ');
    if (present === (element.getAttribute('aria-describedby') ?? '')) return;
    if (present) element.setAttribute('aria-describedby', present);
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
      <div
        dir="ltr"
        data-part="code-slots-wrapper"
        data-state={checking ? 'checking' : editable ? 'editable' : 'locked'}
        data-invalid={error || wrongCode ? '' : undefined}
        // the input's extra width (see `overlay`) never scrolls a narrow page sideways
        style={{ overflowX: 'clip' }}
      >
        <div data-part="code-box" className={slotsClassName} style={container} translate="no" {...replayMasked}>
          <div data-part="code-slots" aria-hidden>
            {Array.from({ length: codeLength }, (_, index) => {
              const char = code[index];
              const active = shown !== null && isActiveSlot(index, shown);
              return (
                <div key={index} data-part="code-slot" data-active={active ? '' : undefined} data-filled={char ? '' : undefined}>
                  {char ? <span data-part="code-char">{char}</span> : null}
                  {active && !char ? <div data-part="code-caret" /> : null}
                </div>
              );
            })}
          </div>
          <input
            ref={setInput}
            id={ids.code}
            // belongs to no form: the code never travels with the merchant's form
            form={`${ids.code}-no-form`}
            onChange={onInput}
            onPaste={onPaste}
            onKeyUp={mirror}
            onMouseUp={pick}
            onFocus={(event) => {
              // back in the field, the caret goes after the digits, as a typed digit expects; the
              // browser would select them all, and the next digit would replace them
              const end = event.currentTarget.value.length;
              event.currentTarget.setSelectionRange(end, end);
              mirror();
            }}
            onBlur={() => {
              show(null);
              field.onBlur();
            }}
            maxLength={codeLength}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            // read-only, not disabled, while the code is checked: focus stays in the field
            disabled={!editable && !checking}
            readOnly={checking || undefined}
            aria-invalid={error || wrongCode ? true : undefined}
            data-part="code-input"
            style={overlay}
          />
        </div>
      </div>
      {error ? (
        <p id={ids.codeError} role="alert" data-part="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
});

/** Holds the slots and the input over them. */
const container: CSSProperties = { position: 'relative', cursor: 'text', userSelect: 'none', WebkitUserSelect: 'none' };

/**
 * The slots draw the code as text, which session-replay tools record unless told not to (they mask the
 * input's own value): the markers of Sentry, Datadog, Hotjar, LogRocket and Microsoft Clarity.
 */
const replayMasked = {
  'data-sentry-mask': '',
  'data-dd-privacy': 'mask',
  'data-hj-suppress': '',
  'data-private': '',
  'data-clarity-mask': 'true',
};

/**
 * The real input, laid over the slots with its text, caret and frame transparent (the slots draw them),
 * 16px or larger so iOS does not zoom on focus. It is 40px wider than the slots, that width clipped
 * away, so a password manager's badge at its end sits past the last slot instead of over it.
 */
const overlay: CSSProperties = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: 'calc(100% + 40px)',
  height: '100%',
  clipPath: 'inset(0 40px 0 0)',
  margin: 0,
  padding: 0,
  border: 0,
  outline: 0,
  boxShadow: 'none',
  background: 'transparent',
  color: 'transparent',
  WebkitTextFillColor: 'transparent',
  caretColor: 'transparent',
  // Windows high contrast would paint its text and frame over the slots
  forcedColorAdjust: 'none',
  fontSize: 16,
  fontFamily: 'monospace',
  letterSpacing: '-.5em',
  lineHeight: 1,
};
