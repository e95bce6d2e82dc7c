import { useCallback, type CSSProperties, type Ref, type RefCallback, type SyntheticEvent } from 'react';

/**
 * The merchant's handler first, then the part's own, unless the merchant's called `preventDefault()`:
 * how a custom layout takes over what a part does on a click or a key.
 */
export function composeEventHandlers<E extends SyntheticEvent>(
  theirs: ((event: E) => void) | undefined,
  ours: ((event: E) => void) | undefined,
): ((event: E) => void) | undefined {
  if (!theirs) return ours;
  return (event) => {
    theirs(event);
    if (!event.defaultPrevented) ours?.(event);
  };
}

/** One ref callback that sets every ref given (the merchant's forwarded ref and the part's own), stable while they are. */
export function useComposedRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((node: T | null) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  }, refs);
}

/** Hidden from the eye, read by screen readers, with or without the default stylesheet. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
