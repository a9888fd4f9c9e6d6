'use client';
// The typed tRPC hooks for client components (types only from the server). Every query is made
// abortable: when its key changes or its page goes away, react-query aborts the request and the
// server interrupts the DuckDB work behind it (server/http.ts, sql/cancel.ts).
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/router';

const ctx = createTRPCContext<AppRouter>();
export const TRPCProvider = ctx.TRPCProvider;

type Opts = { trpc?: Record<string, unknown> } & Record<string, unknown>;
const wrapped = new WeakMap<object, object>();

/** The options proxy with `trpc.abortOnUnmount` on by default for queries and infinite queries. */
function abortable<T extends object>(target: T): T {
  const hit = wrapped.get(target);
  if (hit) return hit as T;
  const proxy = new Proxy(target, {
    // Reflect.apply, not value.call(): tRPC's options are recursive proxies that would read
    // `.call` as one more path segment.
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if ((prop === 'queryOptions' || prop === 'infiniteQueryOptions') && typeof value === 'function') {
        return (input: unknown, opts?: Opts) => Reflect.apply(value as (i: unknown, o: Opts) => unknown, t, [input, { ...opts, trpc: { abortOnUnmount: true, ...opts?.trpc } }]);
      }
      return (typeof value === 'object' || typeof value === 'function') && value !== null ? abortable(value as object) : value;
    },
  });
  wrapped.set(target, proxy);
  return proxy;
}

export function useTRPC(): ReturnType<typeof ctx.useTRPC> {
  return abortable(ctx.useTRPC());
}
