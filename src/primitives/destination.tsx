import type { ReactNode } from 'react';

/** Letters of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N’Ko. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff]/;

/**
 * Renders `text` with its `destination` (a masked phone number or address) in a span that keeps it on
 * one line when it fits, so "***-***-1234" never breaks at a hyphen. Works with translated messages as
 * long as they contain the destination verbatim; otherwise the text is returned as it is.
 */
export function withDestination(text: string, destination: string | undefined): ReactNode {
  if (!destination) return text;
  const at = text.indexOf(destination);
  if (at < 0) return text;
  // trailing punctuation stays with the destination, so a full stop never starts a line of its own
  const end = at + destination.length + (/^[.,;:!?)\]»”’。、]*/.exec(text.slice(at + destination.length))?.[0].length ?? 0);
  return (
    <>
      {text.slice(0, at)}
      {/* isolated, left to right unless it is written in a right-to-left script: a masked number or address
          (no strong letter of its own) keeps its order inside Arabic or Hebrew text */}
      <span data-part="destination">
        <bdi dir={RIGHT_TO_LEFT.test(destination) ? undefined : 'ltr'}>{destination}</bdi>
        {text.slice(at + destination.length, end)}
      </span>
      {text.slice(end)}
    </>
  );
}
