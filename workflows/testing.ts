// Helpers for the workflow tests: a store file in a fresh temp folder, users with roles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../sql';
import type { User } from '../server/auth';
import type { Playbook } from './playbook';

export function tempStorePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tl-workflows-')), 'store.duckdb');
}

export function openStore(path: string): Promise<Store> {
  return Store.open(path, { threads: 1, memoryLimit: '512MB' });
}

/** A user with any role names (the sign-in module's roles are wider than `Role` was before it). */
export const user = (id: string, ...roles: string[]): User => ({ id, roles: roles as unknown as User['roles'] });

/** The shipped playbooks with test limits (short timeouts, few attempts). */
export function tuned(playbooks: readonly Playbook[], limits: Partial<Playbook['limits']>): Playbook[] {
  return playbooks.map((p) => ({ ...p, limits: { ...p.limits, ...limits } }));
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
