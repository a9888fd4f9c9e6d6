// The tRPC HTTP endpoint's work (fetch adapter), kept out of app/ so the route stays one line.
// Every request gets its own context: the server's store and the caller identified from its
// headers (auth.ts). Its reads stop when the browser abandons the request (the user moved on to
// another view): sql/cancel.ts interrupts them, so they stop using the cores others need.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { cancellable } from '../sql';
import { contextFromRequest } from './context';
import { appRouter } from './router';

export function handleTrpcRequest(req: Request, endpoint = '/api/trpc'): Promise<Response> {
  return cancellable(req.signal, () =>
    fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: ({ resHeaders }) => contextFromRequest(req, resHeaders),
      onError: ({ path, error }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
      },
    }),
  );
}
