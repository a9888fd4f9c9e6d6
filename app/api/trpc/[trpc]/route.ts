// The tRPC HTTP endpoint (fetch adapter). Every request gets its own context: the server's store
// and the caller identified from its headers (server/auth.ts).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { contextFromRequest } from '../../../../server/context';
import { appRouter } from '../../../../server/router';

export const dynamic = 'force-dynamic';

function handler(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => contextFromRequest(req),
    onError: ({ path, error }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
