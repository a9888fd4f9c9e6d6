// Request contexts. An HTTP request's caller comes from its admin token, API token or session
// cookie (server/accounts/resolve.ts); tests and tools name the user directly.
import type { Store } from '../sql';
import { clientIp, userFromHeaders, wantsSecureCookies } from './accounts';
import { cookieOf, SESSION_COOKIE, type User } from './auth';
import { getStore } from './store';
import type { Context } from './trpc';

/**
 * The context of an HTTP request. `resHeaders` (the fetch adapter's) receives the Set-Cookie of a
 * sign-in or sign-out; routes calling through createCaller may leave it out.
 */
export async function contextFromRequest(req: Request, resHeaders?: Headers): Promise<Context> {
  return {
    store: getStore,
    user: await userFromHeaders(getStore, req.headers),
    request: {
      ip: clientIp(req.headers),
      secure: wantsSecureCookies(req.headers, req.url),
      session: cookieOf(req.headers, SESSION_COOKIE),
      setCookie: (c) => resHeaders?.append('set-cookie', c),
    },
  };
}

/** For server components: the caller of the page request, from its session cookie. */
export async function contextFromSession(session: string | null | undefined): Promise<Context> {
  const headers = new Headers(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {});
  return { store: getStore, user: await userFromHeaders(getStore, headers) };
}

/** For tests and tools: a given store and user (null = anonymous). */
export function contextFor(store: Store, user: User | null, request?: Context['request']): Context {
  return { store: () => Promise.resolve(store), user, request };
}
