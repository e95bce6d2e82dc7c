/**
 * A tiny store behind the one polite live region. The countdown writes milestones into it without
 * re-rendering the form: only the live region subscribes.
 */
export interface Announcer {
  announce(message: string): void;
  /** Empties the region, so a finished status ("Checking your code…") is not read later as current. */
  clear(): void;
  getSnapshot(): string;
  subscribe(listener: () => void): () => void;
}

export function createAnnouncer(): Announcer {
  let message = '';
  let flip = false;
  const listeners = new Set<() => void>();
  return {
    announce(next) {
      if (!next) return;
      // screen readers skip a live region whose text did not change; alternate a trailing no-break space
      flip = next === message.replace(/\u00A0$/, '') ? !flip : false;
      message = flip ? `${next}\u00A0` : next;
      listeners.forEach((l) => l());
    },
    clear() {
      if (!message) return;
      message = '';
      flip = false;
      listeners.forEach((l) => l());
    },
    getSnapshot: () => message,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
