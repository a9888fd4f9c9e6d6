// Server-side tRPC for server components: the same routers, called in-process as an anonymous
// viewer, with a QueryClient per request whose results are handed to the browser (hydration).
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cache } from 'react';
import { serverContext } from '../../server/context';
import { appRouter } from '../../server/router';
import { makeQueryClient } from './query-client';

export const getQueryClient = cache(makeQueryClient);

export const trpcServer = createTRPCOptionsProxy({
  ctx: serverContext,
  router: appRouter,
  queryClient: getQueryClient,
});
