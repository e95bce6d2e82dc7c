import { useEffect, useRef } from 'react';
import type { StepUpMessages, StepUpState, StepUpStatus } from '../core/index.js';
import type { Announcer } from './announcer.js';

/**
 * What the polite live region says when the status changes. It speaks after the change is on screen, so
 * the live region can tell that the success or cancelled message which just took focus says it already.
 */
export function useAnnouncements(state: StepUpState, announcer: Announcer, messages: StepUpMessages, locale: string): void {
  const previousStatus = useRef<StepUpStatus | null>(null);
  useEffect(() => {
    const previous = previousStatus.current;
    previousStatus.current = state.status;
    if (previous === state.status) return;
    const sentence = announcement(state, previous, messages, locale);
    if (sentence) announcer.announce(sentence);
    // a failure is said by its alert: "Sending…" or "Checking…" must not linger as the current status
    else if ('error' in state && state.error) announcer.clear();
  }, [announcer, locale, messages, state]);
}

/** The statuses said by a sentence of their own. */
const SAID: Partial<Record<StepUpStatus, 'announceSending' | 'announceVerifying' | 'verified' | 'cancelled'>> = {
  sending: 'announceSending',
  verifying: 'announceVerifying',
  verified: 'verified',
  cancelled: 'cancelled',
};

function announcement(state: StepUpState, previous: StepUpStatus | null, messages: StepUpMessages, locale: string): string | undefined {
  const said = SAID[state.status];
  if (said) return messages[said];
  if (state.status === 'expired') {
    // by the clock: the countdown's last milestone; by the backend's word: the sentence; a code the
    // backend could not confirm is said by its alert
    if (!state.error) return messages.announceTimeLeft({ seconds: 0, locale });
    return state.error.kind === 'expired' ? messages.expired : undefined;
  }
  if (state.status === 'code-entry' && previous === 'sending')
    return messages.codeSent({ destination: messages.destination(state.code.option), method: state.code.option.method });
  return undefined;
}
