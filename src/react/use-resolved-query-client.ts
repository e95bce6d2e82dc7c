import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useRef } from 'react';

/**
 * The QueryClient to run the step-up's mutations on: the `queryClient` prop, else the nearest
 * `QueryClientProvider`, else a private client, so the kit works in apps that do not use TanStack Query.
 */
export function useResolvedQueryClient(explicit?: QueryClient): QueryClient {
  const fromContext = useContext(QueryClientContext);
  const own = useRef<QueryClient | null>(null);
  if (explicit) return explicit;
  if (fromContext) return fromContext;
  own.current ??= new QueryClient({ defaultOptions: { mutations: { retry: 0 } } });
  return own.current;
}
