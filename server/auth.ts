// Who the caller is (authentication) and what a role may do (authorisation table).
// The one place that *enforces* it is the `authorize` middleware in trpc.ts; this file only answers.
// Sign-in comes later: it will resolve a session into a `User` in `userFromRequest`, nothing else moves.
import { createHash, timingSafeEqual } from 'node:crypto';

export type Role = 'viewer' | 'admin';
// 'notebook': write and run SQL notebooks (issue 7's analyst role will narrow it).
export type Permission = 'read' | 'ingest' | 'notebook';

export interface User {
  id: string;
  roles: readonly Role[];
}

/** What each role may do. A procedure names one permission; a caller needs a role granting it. */
export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['read', 'notebook'],
  admin: ['read', 'ingest', 'notebook'],
};

/** Until sign-in exists every caller without a token is an anonymous viewer. */
export const ANONYMOUS_ROLES: readonly Role[] = ['viewer'];

export const LOCAL_ADMIN: User = { id: 'local-admin', roles: ['admin'] };

export function rolesOf(user: User | null): readonly Role[] {
  return user ? user.roles : ANONYMOUS_ROLES;
}

export function can(user: User | null, permission: Permission): boolean {
  return rolesOf(user).some((role) => GRANTS[role].includes(permission));
}

/**
 * Compares a presented token with THROUGHLINE_ADMIN_TOKEN in constant time (both sides hashed first,
 * so neither the length nor a common prefix leaks). No token configured means no admin over HTTP.
 */
export function isAdminToken(presented: string | null | undefined, expected = process.env.THROUGHLINE_ADMIN_TOKEN): boolean {
  if (!expected || !presented) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Reads `Authorization: Bearer <token>`; the local CLI sends the admin token this way. */
export function userFromRequest(headers: Headers): User | null {
  const header = headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match && isAdminToken(match[1]) ? LOCAL_ADMIN : null;
}
