// Request contexts. HTTP requests may carry the admin token; server components are anonymous.
import type { Store } from '../sql';
import { userFromRequest, type User } from './auth';
import { getStore } from './store';
import type { Context } from './trpc';

export function contextFromRequest(req: Request): Context {
  return { store: getStore, user: userFromRequest(req.headers) };
}

/** For server-side rendering: an anonymous viewer on the server's own store. */
export function serverContext(): Context {
  return { store: getStore, user: null };
}

/** For tests and tools: a given store and user. */
export function contextFor(store: Store, user: User | null): Context {
  return { store: () => Promise.resolve(store), user };
}
