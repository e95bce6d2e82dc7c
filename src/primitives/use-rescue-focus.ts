import { useEffect, type RefObject } from 'react';
import { useStepUpContext } from './context.js';

/**
 * Takes focus when this element appears and the cardholder's focus was lost inside the step-up — the
 * control they used (Send, Verify, Cancel, the code field) was replaced or disabled — so keyboard and
 * screen-reader users are not thrown back to the top of the page. It never takes focus from anything
 * outside the step-up, nor after the cardholder clicked or tabbed elsewhere.
 */
export function useRescueFocus(ref: RefObject<HTMLElement | null>, active = true): void {
  const { focusInside, rootElement } = useStepUpContext();
  useEffect(() => {
    if (!active || !focusInside.current) return;
    const root = rootElement.current;
    const current = root?.ownerDocument.activeElement as HTMLElement | null | undefined;
    // a disabled control (or one in a disabled fieldset) keeps focus in some browsers but takes no keys:
    // that focus is lost too
    const lost = !current || current === root?.ownerDocument.body || (root!.contains(current) && current.matches(':disabled'));
    if (lost) ref.current?.focus();
  }, [active, ref, focusInside, rootElement]);
}
