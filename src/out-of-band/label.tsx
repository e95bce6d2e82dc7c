import type { OutOfBandCatalog } from '../core/out-of-band-catalog.js';
import type { StepUpOption } from '../core/types.js';
import { withDestination } from '../primitives/destination.js';
import { wayOf, type OutOfBandWay } from './way.js';
import { optionLine } from './words.js';

const PATHS: Record<OutOfBandWay, string> = {
  // a phone with a check mark
  app: 'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5H7zm1.8 6.6 1.4-1.4 1.6 1.6 3.4-3.4 1.4 1.4-4.8 4.8-3-3z',
  // a browser window
  page: 'M3 4h18a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 5v9h16V9H4zm1-3v1.5h2V6H5zm3 0v1.5h2V6H8z',
  // a handset with an arrow going out
  callBank: 'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1zM15 3h6v6h-2V6.4l-4.3 4.3-1.4-1.4L17.6 5H15z',
  // a handset with an arrow coming in
  bankCalls: 'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1zM21 4.4 16.4 9H19v2h-6V5h2v2.6L19.6 3z',
};

/** An option that completes outside the page, in the channel choice: its icon and its line, the value isolated. */
export function OutOfBandLabel({ option, words }: { option: StepUpOption; words: OutOfBandCatalog }) {
  const way = wayOf(option);
  const line = optionLine(option, words);
  return (
    <>
      {way ? (
        <svg data-part="channel-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d={PATHS[way]} fill="currentColor" fillRule="evenodd" />
        </svg>
      ) : null}
      <span data-part="channel-label">{withDestination(line, option.value)}</span>
    </>
  );
}
