import type { ReactNode } from 'react';

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
      {/* isolated: a masked number or address keeps its order inside right-to-left text (a <bdi> with no
          letter of its own reads left to right), an issuer's value in Arabic or Hebrew its own */}
      <span data-part="destination">
        <bdi>{destination}</bdi>
        {text.slice(at + destination.length, end)}
      </span>
      {text.slice(end)}
    </>
  );
}
