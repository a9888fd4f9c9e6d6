// One QueryClient factory for the server render (prefetch + dehydrate) and the browser.
import { defaultShouldDehydrateQuery, QueryCache, QueryClient } from '@tanstack/react-query';

/** In the browser, a call refused because nobody is signed in (expired session) leads to /signin. */
function toSignInWhenSignedOut(error: unknown): void {
  if (typeof window === 'undefined' || window.location.pathname === '/signin') return;
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  if (code !== 'UNAUTHORIZED') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/signin${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`);
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: toSignInWhenSignedOut }),
    defaultOptions: {
      queries: {
        // The data changes only when an ingest runs; no refetch storm on focus.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => (error as { data?: { code?: string } }).data?.code !== 'UNAUTHORIZED' && count < 1,
      },
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}
