// API tokens for scripts and the command line: `tl_` + 32 random bytes (base64url), sent as
// `Authorization: Bearer tl_…`. Stored as sha256 (random secrets need no slow hash), named,
// revocable, listed without the secret (only its first characters, so an owner recognises it).
import { randomBytes } from 'node:crypto';
import type { Store } from '../../sql';
import type { User } from '../auth';
import { sha256 } from './sessions';
import { toUser, type UserRow } from './users';

export const TOKEN_PREFIX = 'tl_';

export interface TokenSummary {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** ISO UTC; null = never expires. */
  expiresAt: string | null;
}

/** The longest life a token may be given (a year); "never" is asked for explicitly with null. */
export const MAX_TOKEN_DAYS = 366;

/** A new token; `expiresInDays` null or absent = never expires. The secret is only in this answer. */
export async function createToken(
  store: Store,
  userId: string,
  name: string,
  expiresInDays: number | null = null,
): Promise<{ id: string; token: string; prefix: string; expiresAt: string | null }> {
  if (expiresInDays !== null && !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= MAX_TOKEN_DAYS)) {
    throw new RangeError(`a token expires after 1 to ${MAX_TOKEN_DAYS} whole days (got ${expiresInDays})`);
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = randomBytes(6).toString('base64url');
  const prefix = token.slice(0, 8);
  const [row] = await store.transaction((tx) =>
    tx.query<{ expires_at: string | null }>('accounts/token-insert', { id, user_id: userId, name, token_hash: sha256(token), prefix, expires_days: expiresInDays }),
  );
  return { id, token, prefix, expiresAt: row?.expires_at ?? null };
}

export async function userForToken(store: Store, token: string): Promise<User | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length !== TOKEN_PREFIX.length + 43) return null;
  const [row] = await store.query<UserRow & { token_id: string; idle_seconds: number }>('accounts/token-user', { token_hash: sha256(token) });
  if (!row) return null;
  if (row.idle_seconds >= 60) void store.transaction((tx) => tx.query('accounts/token-touch', { id: row.token_id })).catch(() => undefined);
  return toUser(row, 'token');
}

export async function listTokens(store: Pick<Store, 'query'>, userId: string | null): Promise<TokenSummary[]> {
  const rows = await store.query<{
    id: string;
    user_id: string;
    name: string;
    prefix: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
    expires_at: string | null;
  }>(
    'accounts/tokens-list',
    { user_id: userId },
  );
  return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at, expiresAt: r.expires_at }));
}

export async function tokenOwner(store: Pick<Store, 'query'>, id: string): Promise<{ userId: string; name: string; revoked: boolean } | null> {
  const [r] = await store.query<{ user_id: string; name: string; revoked: boolean }>('accounts/token-get', { id });
  return r ? { userId: r.user_id, name: r.name, revoked: r.revoked } : null;
}

export async function revokeToken(store: Store, id: string): Promise<void> {
  await store.transaction((tx) => tx.query('accounts/token-revoke', { id }));
}
