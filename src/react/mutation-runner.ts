import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import type { BackendCall, CallRunner } from '../controller/options.js';

const MUTATION_DEFAULTS = {
  // each call spends a send or an attempt: never repeated on its own, whatever the client's defaults say
  retry: 0,
  // a merchant client with throwOnError would tear the step-up down to an error boundary; failures are ours to show
  throwOnError: false,
  // offline must fail with a sentence, not wait silently until the browser is back online
  networkMode: 'always',
  // nothing of a step-up outlives it in a shared cache
  gcTime: 0,
} as const;

/**
 * Runs the controller's calls as TanStack Query mutations on `client`, so a merchant's `MutationCache`
 * callbacks and the devtools see them. The calls of one step-up share a scope and so run one after
 * another; a call the controller abandons rejects at once, so it never holds the scope. The variables
 * are the request without the code.
 */
export function mutationRunner(client: QueryClient): CallRunner {
  return (call) => {
    const observer = new MutationObserver<unknown, unknown, BackendCall['variables']>(client, {
      ...MUTATION_DEFAULTS,
      mutationKey: ['stepup-kit', call.operation],
      scope: { id: `stepup-kit:${call.stepUpId}` },
      mutationFn: () => call.run(),
    });
    const settled = observer.mutate(call.variables);
    // once settled nothing observes the mutation, so the cache lets it go (gcTime 0)
    settled.then(observer.reset, observer.reset);
    return settled;
  };
}
