// Accounts a new store starts with: the first start creates one admin with a random password
// (printed once by `serve`, never stored in clear); the demo adds one user per role with known,
// demo-only passwords (README "Demo accounts").
import type { Store } from '../../sql';
import * as audit from '../../audit';
import type { Role } from '../auth';
import { randomPassword } from './passwords';
import { countUsers, createUser, userRow } from './users';

/** When no account exists: creates `admin` and answers its password (once); otherwise null. */
export async function ensureFirstAdmin(store: Store): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(store)) > 0) return null;
  const password = randomPassword();
  await createUser(store, { id: 'admin', displayName: 'Administrator', roles: ['admin'], password });
  await audit.append(store, { actor: 'system', action: 'account.create', target: 'admin', detail: { roles: ['admin'], reason: 'first start' } });
  return { username: 'admin', password };
}

/** The demo's accounts; the passwords are public (README), so never use them on real data. */
export const DEMO_USERS: readonly { id: string; displayName: string; roles: Role[]; password: string; scope?: { warehouses?: string[]; segments?: string[] } }[] = [
  { id: 'demo-admin', displayName: 'Demo admin', roles: ['admin'], password: 'demo-admin-pass' },
  { id: 'demo-finance', displayName: 'Demo finance leader', roles: ['finance_leader'], password: 'demo-finance-pass' },
  { id: 'demo-owner', displayName: 'Demo process owner', roles: ['process_owner'], password: 'demo-owner-pass' },
  { id: 'demo-analyst', displayName: 'Demo analyst', roles: ['analyst'], password: 'demo-analyst-pass' },
];

/** Creates the demo accounts that do not exist yet; answers the ones it created. */
export async function ensureDemoUsers(store: Store): Promise<string[]> {
  const made: string[] = [];
  for (const u of DEMO_USERS) {
    if (await userRow(store, u.id)) continue;
    await createUser(store, u);
    await audit.append(store, { actor: 'system', action: 'account.create', target: u.id, detail: { roles: u.roles, reason: 'demo' } });
    made.push(u.id);
  }
  return made;
}
