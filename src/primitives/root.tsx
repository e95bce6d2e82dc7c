import { forwardRef, useEffect, useId, useMemo, useRef, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { UseStepUpOtpResult } from '../react/use-step-up-otp.js';
import { composeEventHandlers, useComposedRefs } from './compose.js';
import { StepUpContext, type StepUpContextValue, type StepUpIds } from './context.js';
import { LiveRegion } from './live-region.js';

/** The ids that tie labels, descriptions and alerts together, each `{useId}-{name}`. */
const ID_NAMES: Array<keyof StepUpIds> = ['title', 'code', 'codeHint', 'countdown', 'attempts', 'codeError', 'error', 'optionError'];

export interface RootProps extends ComponentPropsWithoutRef<'div'> {
  /** The result of `useStepUpOtp`. */
  stepUp: UseStepUpOtpResult;
  /**
   * Focus the first enabled field when mounted.
   * @defaultValue false
   */
  autoFocus?: boolean;
}

/**
 * The step-up's container: a labelled group carrying `data-status`, with the one polite live region.
 * It is a `div`, never a `form`, because it sits inside the merchant's checkout form; Enter inside it
 * acts on the step-up instead of submitting that form.
 */
export const Root = forwardRef<HTMLDivElement, RootProps>(function Root({ stepUp, children, onKeyDown, autoFocus, ...props }, ref) {
  const base = useId();
  const element = useRef<HTMLDivElement>(null);
  const composedRef = useComposedRefs(ref, element);
  const focusInside = useRef(false);
  useEffect(() => {
    const root = element.current;
    if (!root) return;
    const doc = root.ownerDocument;
    focusInside.current = root.contains(doc.activeElement);
    const onFocusIn = (event: FocusEvent) => {
      focusInside.current = root.contains(event.target as Node);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!root.contains(event.target as Node)) focusInside.current = false;
    };
    doc.addEventListener('focusin', onFocusIn, true);
    doc.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
  useEffect(() => {
    if (autoFocus) element.current?.querySelector<HTMLElement>('input:not([disabled])')?.focus();
    // only on mount: later focus moves are the step-up's own
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const ids = useMemo(
    () => Object.fromEntries(ID_NAMES.map((name) => [name, `${base}-${name}`])) as unknown as StepUpIds,
    [base],
  );
  // a new value with each render of the step-up: the parts follow its state (the countdown ticks on its own)
  const value: StepUpContextValue = { ...stepUp, ids, focusInside, rootElement: element };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    if (target.tagName !== 'INPUT') return;
    event.preventDefault();
    if ((target as HTMLInputElement).type === 'radio') stepUp.send();
    else if (target.id === ids.code) stepUp.submitCode();
  };

  return (
    <StepUpContext.Provider value={value}>
      <div
        ref={composedRef}
        role="group"
        aria-labelledby={ids.title}
        data-status={stepUp.status}
        data-part="root"
        lang={stepUp.locale}
        dir={stepUp.dir}
        {...props}
        onKeyDown={composeEventHandlers(onKeyDown, handleKeyDown)}
      >
        {children}
        <LiveRegion announcer={stepUp.announcer} />
      </div>
    </StepUpContext.Provider>
  );
});
