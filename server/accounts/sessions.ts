// Sessions: the cookie holds 32 random bytes (base64url); the store keeps only their sha256, so a
// copy of the store signs nobody in. Expiry slides: each use pushes it SESSION_TTL further, written
// at most once a minute per session (a write per request would queue behind long ingests).
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../sql';
import { SESSION_COOKIE, type User } from '../auth';
import { toUser, type UserRow } from './users';

export const SESSION_TTL_SECONDS = (Number(process.env.THROUGHLINE_SESSION_HOURS) || 12) * 3600;
const TOUCH_AFTER_SECONDS = 60;

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export async function createSession(store: Store, userId: string): Promise<string> {
  const value = randomBytes(32).toString('base64url');
  await store.transaction(async (tx) => {
    await tx.query('accounts/sessions-prune'); // expired sessions go when new ones come
    await tx.query('accounts/session-insert', { id_hash: sha256(value), user_id: userId, ttl_seconds: SESSION_TTL_SECONDS });
  });
  return value;
}

export async function userForSession(store: Store, value: string): Promise<User | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const idHash = sha256(value);
  const [row] = await store.query<UserRow & { idle_seconds: number }>('accounts/session-user', { id_hash: idHash });
  if (!row) return null;
  if (row.idle_seconds >= TOUCH_AFTER_SECONDS) {
    // Not awaited: the request does not wait for the writer.
    void store.transaction((tx) => tx.query('accounts/session-touch', { id_hash: idHash, ttl_seconds: SESSION_TTL_SECONDS })).catch(() => undefined);
  }
  return toUser(row, 'session');
}

/** Deletes the session; answers whose it was (null when it did not exist). */
export async function deleteSession(store: Store, value: string): Promise<string | null> {
  const rows = await store.transaction((tx) => tx.query<{ user_id: string }>('accounts/session-delete', { id_hash: sha256(value) }));
  return rows[0]?.user_id ?? null;
}

/** Set-Cookie for a new session (or, with value '', one that removes it). */
export function sessionCookie(value: string, secure: boolean): string {
  const attrs = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${value ? SESSION_TTL_SECONDS : 0}`];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/** Secure cookies when the request came over https (directly or through a proxy saying so) or when told. */
export function wantsSecureCookies(headers: Headers, url: string | null): boolean {
  if (process.env.THROUGHLINE_SECURE_COOKIES === '1') return true;
  if ((headers.get('x-forwarded-proto') ?? '').split(',')[0].trim() === 'https') return true;
  return url ? url.startsWith('https:') : false;
}
