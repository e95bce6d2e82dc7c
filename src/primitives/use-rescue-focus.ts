import { useEffect, type RefObject } from 'react';

/**
 * Takes focus when this element appears and focus was lost — the control the cardholder used (Send,
 * Verify, the code field) was replaced or disabled — so keyboard and screen-reader users are not thrown
 * back to the top of the page. It never steals focus from another element.
 */
export function useRescueFocus(ref: RefObject<HTMLElement | null>, active = true): void {
  useEffect(() => {
    if (!active) return;
    const current = document.activeElement as HTMLElement | null;
    // a disabled control (or one in a disabled fieldset) keeps focus in some browsers but takes no keys:
    // that focus is lost too
    const lost = !current || current === document.body || current.matches(':disabled');
    if (lost) ref.current?.focus();
  }, [active, ref]);
}
