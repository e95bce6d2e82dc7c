/**
 * What `start()` gives, or a rejection with the signal's reason as soon as `signal` aborts; `start` may
 * also throw. The work itself cannot be stopped: this only stops waiting for it, so work that ignores the
 * signal (a merchant's backend, a `headers()` function) never holds up what comes next.
 */
export function untilAborted<T>(start: () => T | Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    new Promise<T>((started) => started(start())).then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error)),
    );
  });
}
