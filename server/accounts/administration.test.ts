// Account administration through the API on a real store loaded from the simulator: the last admin
// cannot be demoted or disabled, password rules hold on every path, generated passwords are
// answered once and work, last sign-in is recorded, tokens expire and an admin lists and revokes a
// user's tokens, and the scope choices are the store's own warehouses and segments.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../audit';
import { simulate } from '../../fixtures/sim/simulate';
import { ingestDirectory } from '../../ingest';
import { refreshCaseViews } from '../../mining';
import { Store } from '../../sql';
import { callerFor } from '../caller';
import { FailureLimiter, signIn, userFromHeaders } from '.';

let dir: string;
let store: Store;
const root = () => callerFor(store, { id: 'root', roles: ['admin'], via: 'session' });
const limiter = () => new FailureLimiter({ max: 50, windowMs: 1000 });
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-accounts-admin-'));
  await simulate({ orders: 60, seed: 5, outDir: join(dir, 'sim') });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  await root().auth.users.create({ id: 'root', roles: ['admin'], password: 'root-password-12' });
}, 120_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the last admin', () => {
  it('cannot be demoted or disabled by another caller while no other enabled admin exists', async () => {
    // The server's admin token (local-admin) is no account: root is the only admin account.
    const local = callerFor(store, { id: 'local-admin', roles: ['admin'], via: 'admin-token' });
    expect(await code(local.auth.users.update({ id: 'root', roles: ['analyst'] }))).toBe(
      'BAD_REQUEST: root is the last admin: make another account an admin before demoting this one',
    );
    expect(await code(local.auth.users.update({ id: 'root', disabled: true }))).toBe(
      'BAD_REQUEST: root is the last admin: make another account an admin before disabling this one',
    );
    // A disabled admin does not count: a second admin who is disabled still leaves root the last.
    await local.auth.users.create({ id: 'second', roles: ['admin'], password: 'second-password-1' });
    await local.auth.users.update({ id: 'second', disabled: true });
    expect(await code(local.auth.users.update({ id: 'root', roles: ['finance_leader'] }))).toMatch(/root is the last admin/);
    // Once the second admin is enabled, root may be demoted, and then second is the last one.
    await local.auth.users.update({ id: 'second', disabled: false });
    expect(await code(local.auth.users.update({ id: 'root', roles: ['finance_leader'] }))).toBe('ok');
    expect(await code(local.auth.users.update({ id: 'second', disabled: true }))).toMatch(/second is the last admin/);
    await local.auth.users.update({ id: 'root', roles: ['admin'] });
    const admins = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM users WHERE NOT disabled AND list_contains(string_split(roles, ','), 'admin')");
    expect(admins[0].n).toBe(2);
  });
});

describe('passwords', () => {
  it('follow the same rules when created, reset and changed, and a changed one must differ', async () => {
    const admin = root();
    expect(await code(admin.auth.users.create({ id: 'shorty', roles: ['analyst'], password: 'short' }))).toBe('BAD_REQUEST: a password has at least 12 characters');
    expect(await code(admin.auth.users.create({ id: 'samename-user', roles: ['analyst'], password: 'SameName-User' }))).toBe('BAD_REQUEST: a password may not be the user name');
    expect(await code(admin.auth.users.create({ id: 'repeat', roles: ['analyst'], password: 'aaaaaaaaaaaaaaab' }))).toBe(
      'BAD_REQUEST: a password needs at least 4 different characters',
    );
    await admin.auth.users.create({ id: 'carol', roles: ['analyst'], password: 'carol-password-1' });
    expect(await code(admin.auth.users.resetPassword({ id: 'carol', password: 'too-short' }))).toBe('BAD_REQUEST: a password has at least 12 characters');
    const carol = callerFor(store, { id: 'carol', roles: ['analyst'], via: 'session' });
    expect(await code(carol.auth.changePassword({ current: 'carol-password-1', next: 'carol-password-1' }))).toBe(
      'BAD_REQUEST: The new password must differ from the current one.',
    );
    expect(await code(carol.auth.changePassword({ current: 'wrong-password-1', next: 'carol-password-2' }))).toBe('BAD_REQUEST: The current password is not right.');
    expect(await code(carol.auth.changePassword({ current: 'carol-password-1', next: 'cccccccccccccc' }))).toMatch(/at least 4 different characters/);
    expect(await code(carol.auth.changePassword({ current: 'carol-password-1', next: 'carol-password-2' }))).toBe('ok');
    await expect(signIn(store, { username: 'carol', password: 'carol-password-1', ip: 'a' }, limiter())).rejects.toThrow('not right');
    expect((await signIn(store, { username: 'carol', password: 'carol-password-2', ip: 'a' }, limiter())).user.id).toBe('carol');
  });

  it('are generated when the admin gives none, answered once, and sign the user in', async () => {
    const made = await root().auth.users.create({ id: 'dora', roles: ['process_owner'], scope: { segments: ['SM'] } });
    expect(made.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await signIn(store, { username: 'dora', password: made.password!, ip: 'b' }, limiter())).user).toMatchObject({ id: 'dora', scope: { segments: ['SM'] } });
    const reset = await root().auth.users.resetPassword({ id: 'dora' });
    expect(reset.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(reset.password).not.toBe(made.password);
    await expect(signIn(store, { username: 'dora', password: made.password!, ip: 'b' }, limiter())).rejects.toThrow('not right');
    expect((await signIn(store, { username: 'dora', password: reset.password!, ip: 'b' }, limiter())).user.id).toBe('dora');
    // Given by the admin, nothing comes back; the trail says which it was and never the password.
    expect((await root().auth.users.create({ id: 'ed', roles: ['analyst'], password: 'ed-password-123' })).password).toBeNull();
    const trail = (await audit.list(store, { action: 'account.', limit: 100 })).entries;
    const text = JSON.stringify(trail);
    expect(text).not.toContain(made.password);
    expect(text).not.toContain(reset.password);
    expect(trail.find((e) => e.action === 'account.create' && e.target === 'dora')?.detail).toMatchObject({ password: 'generated' });
    expect(trail.find((e) => e.action === 'account.create' && e.target === 'ed')?.detail).toMatchObject({ password: 'set by admin' });
  });
});

describe('the account list', () => {
  it('shows last sign-in (null until the first) and live tokens per user', async () => {
    await root().auth.users.create({ id: 'fred', roles: ['analyst'], password: 'fred-password-1' });
    const before = (await root().auth.users.list()).find((u) => u.id === 'fred')!;
    expect(before).toMatchObject({ lastSignInAt: null, liveTokens: 0, disabled: false });
    const t0 = Date.now();
    await signIn(store, { username: 'fred', password: 'fred-password-1', ip: 'c' }, limiter());
    const fred = callerFor(store, { id: 'fred', roles: ['analyst'], via: 'session' });
    await fred.auth.tokens.create({ name: 'one', expiresInDays: 30 });
    const two = await fred.auth.tokens.create({ name: 'two' });
    await fred.auth.tokens.revoke({ id: two.id });
    const after = (await root().auth.users.list()).find((u) => u.id === 'fred')!;
    expect(Math.abs(Date.parse(after.lastSignInAt!) - t0)).toBeLessThan(5_000);
    expect(after.liveTokens).toBe(1);
  });
});

describe('tokens', () => {
  it('expire: an expired token answers as no token, a live one as its owner', async () => {
    await root().auth.users.create({ id: 'gina', roles: ['analyst'], password: 'gina-password-1' });
    const gina = callerFor(store, { id: 'gina', roles: ['analyst'], via: 'session' });
    const t = await gina.auth.tokens.create({ name: 'nightly', expiresInDays: 7 });
    expect(Date.parse(t.expiresAt!) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(Date.parse(t.expiresAt!) - Date.now()).toBeLessThan(7 * 86_400_000 + 60_000);
    const byToken = () => userFromHeaders(() => Promise.resolve(store), new Headers({ authorization: `Bearer ${t.token}` }));
    expect(await byToken()).toMatchObject({ id: 'gina', via: 'token' });
    await store.transaction((tx) => tx.sql("UPDATE api_tokens SET expires_at = now()::TIMESTAMP - INTERVAL 1 SECOND WHERE id = $id", { id: t.id }));
    expect(await byToken()).toBeNull();
    expect((await gina.auth.tokens.list()).find((x) => x.id === t.id)?.expiresAt).not.toBeNull();
    expect(await code(gina.auth.tokens.create({ name: 'too long', expiresInDays: 400 }))).toMatch(/^BAD_REQUEST/);
    expect((await gina.auth.tokens.create({ name: 'forever', expiresInDays: null })).expiresAt).toBeNull();
  });

  it("are listed for one user to an admin, who may revoke them; nobody else lists another's", async () => {
    await root().auth.users.create({ id: 'hank', roles: ['finance_leader'], password: 'hank-password-1' });
    const hank = callerFor(store, { id: 'hank', roles: ['finance_leader'], via: 'session' });
    const t = await hank.auth.tokens.create({ name: 'cli', expiresInDays: 90 });
    expect(await code(hank.auth.tokens.list({ userId: 'gina' }))).toMatch(/^FORBIDDEN/);
    expect((await hank.auth.tokens.list({ userId: 'hank' })).map((x) => x.name)).toEqual(['cli']);
    const listed = await root().auth.tokens.list({ userId: 'hank' });
    expect(listed.map((x) => ({ id: x.id, userId: x.userId, prefix: x.prefix }))).toEqual([{ id: t.id, userId: 'hank', prefix: t.token.slice(0, 8) }]);
    expect(JSON.stringify(listed)).not.toContain(t.token);
    await root().auth.tokens.revoke({ id: t.id });
    expect(await userFromHeaders(() => Promise.resolve(store), new Headers({ authorization: `Bearer ${t.token}` }))).toBeNull();
    expect((await root().auth.tokens.list({ userId: 'hank' }))[0].revokedAt).not.toBeNull();
  });
});

describe('scope options', () => {
  it("are the warehouses and segments of the store's orders, with each value's order count", async () => {
    const o = await root().auth.users.scopeOptions();
    const wh = await store.sql<{ value: string; cases: number }>(
      `SELECT w AS value, count(*)::INTEGER AS cases FROM (SELECT unnest(string_split(warehouse, ',')) AS w FROM cases WHERE log_id = 'o2c' AND perspective = 'order') GROUP BY w ORDER BY w`,
    );
    const seg = await store.sql<{ value: string; cases: number }>(
      `SELECT segment AS value, count(*)::INTEGER AS cases FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment IS NOT NULL GROUP BY segment ORDER BY segment`,
    );
    expect(wh.length).toBeGreaterThan(1);
    expect(seg.length).toBeGreaterThan(1);
    expect(o.warehouses).toEqual(wh);
    expect(o.segments).toEqual(seg);
  });
});
