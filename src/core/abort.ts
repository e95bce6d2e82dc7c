/**
 * The promise's value, or a rejection with the signal's reason as soon as `signal` aborts. The promise
 * itself cannot be stopped; this only stops waiting for it, so work that ignores the signal (a merchant's
 * backend, a `headers()` function) never holds up what comes next.
 */
export function untilAborted<T>(promise: T | Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
