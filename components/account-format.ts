// Words for roles, owner scopes and token states on the account pages (pure, tested).
import { formatUtc } from './format';

export const ROLE_LABEL: Readonly<Record<string, string>> = {
  admin: 'Admin',
  finance_leader: 'Finance leader',
  process_owner: 'Process owner',
  analyst: 'Analyst',
};

export const ROLE_HINT: Readonly<Record<string, string>> = {
  admin: 'everything: accounts, ingest, imports, the audit trail',
  finance_leader: 'process views, finance, request and approve remediation',
  process_owner: 'process views, request and approve remediation; may be scoped',
  analyst: 'process views, finance, SQL notebooks',
};

export const roleText = (roles: readonly string[]): string => roles.map((r) => ROLE_LABEL[r] ?? r).join(', ');

export interface ScopeLike {
  warehouses?: readonly string[] | null;
  segments?: readonly string[] | null;
}

/** "All warehouses and segments" for no scope; otherwise what it narrows to. */
export function scopeText(scope: ScopeLike | null | undefined): string {
  const parts: string[] = [];
  if (scope?.warehouses?.length) parts.push(`warehouse${scope.warehouses.length > 1 ? 's' : ''} ${scope.warehouses.join(', ')}`);
  if (scope?.segments?.length) parts.push(`segment${scope.segments.length > 1 ? 's' : ''} ${scope.segments.join(', ')}`);
  return parts.length ? parts.join('; ') : 'All warehouses and segments';
}

/** An ISO UTC time for a table cell, or the words for its absence. */
export const whenText = (iso: string | null, none = 'Never'): string => (iso ? formatUtc(iso, 'd MMM yyyy, HH:mm') : none);

export interface TokenLike {
  revokedAt: string | null;
  expiresAt: string | null;
}

export type TokenState = 'live' | 'revoked' | 'expired';

export function tokenState(t: TokenLike, now: number = Date.now()): TokenState {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && Date.parse(t.expiresAt) <= now) return 'expired';
  return 'live';
}

/** The token lifetimes offered when one is made (days; null = never expires). */
export const TOKEN_LIFETIMES: readonly { days: number | null; label: string }[] = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'Never' },
];
