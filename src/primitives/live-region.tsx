import { useSyncExternalStore } from 'react';
import type { Announcer } from '../react/announcer.js';

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/**
 * The one polite live region: status changes and the 60/30/10/0-second milestones, never every second.
 * It subscribes to the announcer alone, so an announcement re-renders nothing else.
 */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const message = useSyncExternalStore(announcer.subscribe, announcer.getSnapshot, announcer.getSnapshot);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-part="live-region" style={visuallyHidden}>
      {message}
    </div>
  );
}
