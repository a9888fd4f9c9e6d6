// Server-side tRPC for server components: the same routers, called in-process as the caller of
// the page request (its session cookie), with a QueryClient per request whose results are handed
// to the browser (hydration).
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { contextFromSession } from '../../server/context';
import { appRouter } from '../../server/router';
import { makeQueryClient } from './query-client';

export const getQueryClient = cache(makeQueryClient);

export const trpcServer = createTRPCOptionsProxy({
  ctx: async () => contextFromSession((await cookies()).get('tl_session')?.value),
  router: appRouter,
  queryClient: getQueryClient,
});
