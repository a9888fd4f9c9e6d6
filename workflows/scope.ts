// A process owner may be scoped to warehouses and/or segments (server/auth.ts `User.scope`): they
// request, approve and see only runs whose exception row is inside it. No scope = everything.
import type { User } from '../server/auth';

interface Scope {
  warehouses?: readonly string[];
  segments?: readonly string[];
}

// Read structurally: `scope` is optional on User.
const scopeOf = (u: User): Scope | undefined => (u as User & { scope?: Scope }).scope;

/** Why `user` may not act on a row of this warehouse and segment, or null when they may. */
export function outOfScope(user: User, row: { warehouse?: string | null; segment?: string | null }): string | null {
  const s = scopeOf(user);
  if (!s) return null;
  // A multi-warehouse row's warehouse reads "A, B": in scope when one of them is.
  const whs = (row.warehouse ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  if (s.warehouses && !whs.some((w) => s.warehouses!.includes(w))) {
    return `${user.id} is scoped to warehouse ${s.warehouses.join(', ')}; this row is ${row.warehouse ?? 'without a warehouse'}`;
  }
  if (s.segments && !(row.segment && s.segments.includes(row.segment))) {
    return `${user.id} is scoped to segment ${s.segments.join(', ')}; this row is ${row.segment ?? 'without a segment'}`;
  }
  return null;
}

/** The SQL-side filter values for listing runs: null = no restriction. */
export function scopeFilter(user: User | null): { warehouses: string[] | null; segments: string[] | null } {
  const s = user ? scopeOf(user) : undefined;
  return { warehouses: s?.warehouses ? [...s.warehouses] : null, segments: s?.segments ? [...s.segments] : null };
}
