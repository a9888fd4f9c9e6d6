// The caller of a request: the admin token (the local CLI), an API token, or a session cookie, in
// that order. Anything else is anonymous. Reads only; never throws for a bad credential (the
// caller is then anonymous and `authorize` answers UNAUTHORIZED).
import type { Store } from '../../sql';
import { bearerOf, cookieOf, isAdminToken, LOCAL_ADMIN, SESSION_COOKIE, type User } from '../auth';
import { userForSession } from './sessions';
import { TOKEN_PREFIX, userForToken } from './tokens';

export async function userFromHeaders(store: () => Promise<Store>, headers: Headers): Promise<User | null> {
  const bearer = bearerOf(headers);
  if (bearer) {
    if (isAdminToken(bearer)) return LOCAL_ADMIN;
    if (bearer.startsWith(TOKEN_PREFIX)) return userForToken(await store(), bearer);
    return null;
  }
  const session = cookieOf(headers, SESSION_COOKIE);
  return session ? userForSession(await store(), session) : null;
}

/** The client's address as the server saw it (x-forwarded-for's first hop when a proxy sets it). */
export function clientIp(headers: Headers): string {
  return (headers.get('x-forwarded-for') ?? '').split(',')[0].trim() || headers.get('x-real-ip') || 'local';
}
