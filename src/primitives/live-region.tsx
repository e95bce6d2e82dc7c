import { useEffect, useRef } from 'react';
import type { Announcer } from '../react/announcer.js';
import { visuallyHidden } from './compose.js';

/**
 * The one polite live region: status changes and the 60/30/10/0-second milestones, never every second.
 * Announcements are written straight into its text, so speaking costs no React render at all: the
 * "Checking your code…" of the last digit does not add a commit before the code is sent.
 */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const write = () => {
      const element = region.current;
      if (!element) return;
      const message = announcer.getSnapshot();
      // a region shown again (after <Activity> hid it) already holds the message: not said twice
      if (element.textContent === message) return;
      // the success or cancelled message that just took focus is read out as it is focused: not twice
      const focused = element.ownerDocument.activeElement;
      if (message && focused && element.parentElement?.contains(focused) && focused.textContent === message) {
        element.textContent = '';
        return;
      }
      element.textContent = message;
    };
    write();
    return announcer.subscribe(write);
  }, [announcer]);
  return <div ref={region} role="status" aria-live="polite" aria-atomic="true" data-part="live-region" style={visuallyHidden} />;
}
