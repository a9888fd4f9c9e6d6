// Who the caller is (authentication: a session cookie, an API token or the server's admin token,
// resolved in server/accounts) and what a role may do (the GRANTS table). The one place that
// *enforces* it is the `authorize` middleware in trpc.ts; this file only answers.
import { createHash, timingSafeEqual } from 'node:crypto';

/** The roles of issue 7. `process_owner` may be narrowed by a scope (warehouses, segments). */
export const ROLES = ['admin', 'finance_leader', 'process_owner', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a procedure may declare:
 * - `public`   anyone, signed in or not (sign-in, "who am I");
 * - `account`  any signed-in user (sign-out, their own API tokens);
 * - `read`     the process views (maps, variants, cases, exceptions, SLA, runs, headline KPIs);
 * - `finance`  the finance library (DSO, AR aging, disputes, root cause on money outcomes);
 * - `ingest`   load and import data;
 * - `notebook` write and run SQL notebooks (the sandbox sees every case: no owner scope applies);
 * - `workflow:request` / `workflow:approve` remediation runs (workflows/);
 * - `admin`    accounts, every token, the audit trail.
 */
export const PERMISSIONS = ['public', 'account', 'read', 'finance', 'ingest', 'notebook', 'workflow:request', 'workflow:approve', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A process owner's slice of the business; absent lists mean "all". */
export interface OwnerScope {
  warehouses?: readonly string[];
  segments?: readonly string[];
}

export interface User {
  id: string;
  roles: readonly Role[];
  /** Set for scoped process owners: exceptions and runs must be narrowed to it (see README). */
  scope?: OwnerScope;
  /** How the caller proved who they are (audit entries say it). */
  via?: 'session' | 'token' | 'admin-token' | 'local';
}

/** What each role may do. A procedure names one permission; a caller needs a role granting it. */
export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['account', 'read', 'finance', 'ingest', 'notebook', 'workflow:request', 'workflow:approve', 'admin'],
  finance_leader: ['account', 'read', 'finance', 'workflow:request', 'workflow:approve'],
  process_owner: ['account', 'read', 'workflow:request', 'workflow:approve'],
  analyst: ['account', 'read', 'finance', 'notebook'],
};

/** Anonymous callers hold no role: they reach only `public` procedures (sign-in). */
export const ANONYMOUS_ROLES: readonly Role[] = [];

/** The caller holding THROUGHLINE_ADMIN_TOKEN (the local CLI). */
export const LOCAL_ADMIN: User = { id: 'local-admin', roles: ['admin'], via: 'admin-token' };

export function rolesOf(user: User | null): readonly Role[] {
  return user ? user.roles : ANONYMOUS_ROLES;
}

export function can(user: User | null, permission: Permission): boolean {
  if (permission === 'public') return true;
  return rolesOf(user).some((role) => GRANTS[role]?.includes(permission));
}

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

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

/** The bearer token of `Authorization: Bearer <token>`, if any. */
export function bearerOf(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec((headers.get('authorization') ?? '').trim());
  return match ? match[1] : null;
}

/** The admin token alone (no store needed): the local CLI sends it as a bearer token. */
export function userFromRequest(headers: Headers): User | null {
  return isAdminToken(bearerOf(headers)) ? LOCAL_ADMIN : null;
}

export const SESSION_COOKIE = 'tl_session';

/** The value of one cookie of a Cookie header (no decoding: our values are base64url). */
export function cookieOf(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * The filter-bar filters that narrow a scoped process owner to their warehouses and segments
 * (none for everyone else). Procedures listing exceptions add them to the caller's own filters,
 * so an owner sees only their exceptions however they filter.
 */
export function scopeFilters(user: User | null): { kind: 'attribute'; attribute: 'warehouse' | 'segment'; values: string[] }[] {
  const scope = user?.scope;
  if (!scope || !user.roles.includes('process_owner') || user.roles.includes('admin')) return [];
  const out: { kind: 'attribute'; attribute: 'warehouse' | 'segment'; values: string[] }[] = [];
  if (scope.warehouses) out.push({ kind: 'attribute', attribute: 'warehouse', values: [...scope.warehouses] });
  if (scope.segments) out.push({ kind: 'attribute', attribute: 'segment', values: [...scope.segments] });
  return out;
}
