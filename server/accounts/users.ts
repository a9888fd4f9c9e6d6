// Accounts: create, read, list. SQL in sql/queries/accounts/.
import type { Store, Tx } from '../../sql';
import { isRole, type OwnerScope, type Role, type User } from '../auth';
import { hashPassword } from './passwords';

export interface UserRow {
  id: string;
  roles: string;
  scope: string | null;
}

export interface NewUser {
  id: string;
  displayName?: string;
  roles: readonly Role[];
  scope?: OwnerScope;
  password: string;
}

export interface AccountSummary {
  id: string;
  displayName: string;
  roles: Role[];
  scope: OwnerScope | null;
  disabled: boolean;
  createdAt: string;
  /** ISO UTC of the last password sign-in; null = never signed in. */
  lastSignInAt: string | null;
  /** API tokens neither revoked nor expired. */
  liveTokens: number;
}

export class AccountError extends Error {}

export const USER_ID = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

/**
 * Why a password may not be used for this account, or null. The rules are few on purpose (length
 * beats composition rules): long enough, not the user name, not one character repeated.
 */
export function passwordProblem(password: string, userId: string): string | null {
  if (password.length < MIN_PASSWORD) return `a password has at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `a password has at most ${MAX_PASSWORD} characters`;
  if (password.trim().toLowerCase() === userId.toLowerCase()) return 'a password may not be the user name';
  if (new Set(password).size < 4) return 'a password needs at least 4 different characters';
  return null;
}

function checkPassword(password: string, userId: string): void {
  const problem = passwordProblem(password, userId);
  if (problem) throw new AccountError(problem);
}

/** A stored row → the `User` procedures see (roles the code does not know are dropped). */
export function toUser(row: UserRow, via: User['via']): User {
  const roles = row.roles.split(',').filter(isRole);
  const scope = row.scope ? (JSON.parse(row.scope) as OwnerScope) : undefined;
  return scope ? { id: row.id, roles, scope, via } : { id: row.id, roles, via };
}

export async function createUser(w: Store | Tx, u: NewUser): Promise<void> {
  if (!USER_ID.test(u.id)) throw new AccountError(`a user name is 2–64 lower-case letters, digits, ".", "_" or "-" (got "${u.id}")`);
  if (u.roles.length === 0 || !u.roles.every(isRole)) throw new AccountError(`give one or more roles of admin, finance_leader, process_owner, analyst`);
  checkPassword(u.password, u.id);
  if (u.scope && !u.roles.includes('process_owner')) throw new AccountError('only a process owner can be scoped to warehouses or segments');
  const row = {
    id: u.id,
    display_name: u.displayName ?? u.id,
    roles: u.roles.join(','),
    scope: u.scope ? JSON.stringify(u.scope) : null,
    password_hash: await hashPassword(u.password),
  };
  const insert = async (tx: Pick<Tx, 'query'>) => {
    if ((await tx.query('accounts/user-get', { id: u.id })).length) throw new AccountError(`the user ${u.id} exists already`);
    await tx.query('accounts/user-insert', row);
  };
  await ('transaction' in w ? w.transaction(insert) : insert(w));
}

export async function userRow(store: Pick<Store, 'query'>, id: string): Promise<(UserRow & { password_hash: string; disabled: boolean }) | null> {
  const [row] = await store.query<UserRow & { password_hash: string; disabled: boolean }>('accounts/user-get', { id });
  return row ?? null;
}

/** Records a password sign-in (shown to admins as "last sign-in"). */
export async function markSignedIn(store: Store, id: string): Promise<void> {
  await store.transaction((tx) => tx.query('accounts/user-signed-in', { id }));
}

export async function countUsers(store: Pick<Store, 'query'>): Promise<number> {
  const [r] = await store.query<{ n: number }>('accounts/users-count');
  return r.n;
}

export async function listUsers(store: Pick<Store, 'query'>): Promise<AccountSummary[]> {
  const rows = await store.query<{
    id: string;
    display_name: string;
    roles: string;
    scope: string | null;
    disabled: boolean;
    created_at: string;
    last_signin_at: string | null;
    live_tokens: number;
  }>('accounts/users-list');
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    roles: r.roles.split(',').filter(isRole),
    scope: r.scope ? (JSON.parse(r.scope) as OwnerScope) : null,
    disabled: r.disabled,
    createdAt: r.created_at,
    lastSignInAt: r.last_signin_at,
    liveTokens: r.live_tokens,
  }));
}

/** Replaces a password (the caller checked the old one); the user's other sessions end. */
export async function setPassword(store: Store, id: string, password: string): Promise<void> {
  checkPassword(password, id);
  const hash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.query('accounts/user-set-password', { id, password_hash: hash });
    await tx.query('accounts/sessions-delete-user', { user_id: id });
  });
}

export interface AccountChange {
  roles?: readonly Role[];
  /** null = unscoped. */
  scope?: OwnerScope | null;
  disabled?: boolean;
}

/**
 * Changes roles, scope or the disabled flag; a disabled account's sessions end at once. Refuses a
 * change that would leave no enabled admin (checked inside the write, so two admins demoting each
 * other at once cannot both succeed).
 */
export async function updateUser(store: Store, id: string, c: AccountChange): Promise<void> {
  if (c.roles && (c.roles.length === 0 || !c.roles.every(isRole))) throw new AccountError('give one or more roles of admin, finance_leader, process_owner, analyst');
  await store.transaction(async (tx) => {
    const [now] = await tx.query<UserRow & { disabled: boolean }>('accounts/user-get', { id });
    if (!now) throw new AccountError(`there is no user ${id}`);
    const roles = c.roles ?? now.roles.split(',');
    const scope = c.scope === undefined ? now.scope : c.scope;
    if (scope && !roles.includes('process_owner')) throw new AccountError('only a process owner can be scoped to warehouses or segments');
    const wasAdmin = now.roles.split(',').includes('admin') && !now.disabled;
    const staysAdmin = roles.includes('admin') && !(c.disabled ?? now.disabled);
    if (wasAdmin && !staysAdmin) {
      const [others] = await tx.query<{ n: number }>('accounts/admins-other', { id });
      if (others.n === 0) throw new AccountError(`${id} is the last admin: make another account an admin before ${c.disabled ? 'disabling' : 'demoting'} this one`);
    }
    await tx.query('accounts/user-update', {
      id,
      roles: c.roles ? c.roles.join(',') : null,
      set_scope: c.scope !== undefined,
      scope: c.scope ? JSON.stringify(c.scope) : null,
      disabled: c.disabled ?? null,
    });
    if (c.disabled) await tx.query('accounts/sessions-delete-user', { user_id: id });
  });
}
