// Accounts on a real (in-memory) store: scrypt hashes, sign-in and its limits with a fake clock,
// the first-start admin and the demo users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import * as audit from '../../audit';
import { createUser, ensureDemoUsers, ensureFirstAdmin, FailureLimiter, hashPassword, signIn, SignInError, verifyPassword, DEMO_USERS } from '.';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store.close());

describe('passwords', () => {
  it('hash with scrypt N=2^15 and a salt of their own, and verify only the same password', async () => {
    const a = await hashPassword('a long enough password');
    const b = await hashPassword('a long enough password');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b); // per-hash salt
    expect(await verifyPassword('a long enough password', a)).toBe(true);
    expect(await verifyPassword('a long enough passwore', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('the failure limiter', () => {
  it('refuses after 5 failures within 15 minutes and lets the key try again when the oldest leaves the window', () => {
    let now = 0;
    const l = new FailureLimiter({ max: 5, windowMs: 15 * 60_000, now: () => now });
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfterMs('k')).toBe(0);
      l.fail('k');
      now += 60_000;
    }
    expect(l.retryAfterMs('k')).toBe(10 * 60_000); // the first failure (t=0) leaves at 15 min; now is 5 min
    now = 15 * 60_000 + 1;
    expect(l.retryAfterMs('k')).toBe(0);
  });
});

describe('sign-in', () => {
  beforeAll(() => createUser(store, { id: 'olga', roles: ['process_owner'], scope: { warehouses: ['DC-EAST'] }, password: 'olga-password-1' }));

  it('gives the user with roles and scope, and a 43-character session value', async () => {
    const r = await signIn(store, { username: ' OLGA ', password: 'olga-password-1', ip: '1.2.3.4' }, new FailureLimiter({ max: 5, windowMs: 1000 }));
    expect(r.user).toEqual({ id: 'olga', roles: ['process_owner'], scope: { warehouses: ['DC-EAST'] }, via: 'session' });
    expect(r.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a wrong password and an unknown user with the same message, without the password', async () => {
    const limiter = new FailureLimiter({ max: 5, windowMs: 60_000 });
    const wrong = await signIn(store, { username: 'olga', password: 'hunter2-secret', ip: '1.2.3.4' }, limiter).catch((e: unknown) => e);
    const unknown = await signIn(store, { username: 'nobody', password: 'hunter2-secret', ip: '1.2.3.5' }, limiter).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(SignInError);
    expect((wrong as Error).message).toBe((unknown as Error).message);
    expect((wrong as Error).message).not.toContain('hunter2');
  });

  it('refuses a duplicate user, a bad name, a short password and a scope on a non-owner', async () => {
    await expect(createUser(store, { id: 'olga', roles: ['analyst'], password: 'another-password' })).rejects.toThrow('exists already');
    await expect(createUser(store, { id: 'x', roles: ['analyst'], password: 'another-password' })).rejects.toThrow('user name');
    await expect(createUser(store, { id: 'short', roles: ['analyst'], password: 'short' })).rejects.toThrow('at least 12');
    await expect(createUser(store, { id: 'scoped', roles: ['analyst'], scope: { segments: ['SM'] }, password: 'long-enough-pw' })).rejects.toThrow('process owner');
  });
});

describe('first start and demo', () => {
  it('creates one admin with a random password only while no account exists, and the demo users once', async () => {
    const empty = await Store.open(':memory:');
    try {
      const first = await ensureFirstAdmin(empty);
      expect(first?.username).toBe('admin');
      expect(first?.password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(await ensureFirstAdmin(empty)).toBeNull();
      expect((await signIn(empty, { username: 'admin', password: first!.password, ip: 'x' })).user.roles).toEqual(['admin']);
      expect(await ensureDemoUsers(empty)).toEqual(DEMO_USERS.map((u) => u.id));
      expect(await ensureDemoUsers(empty)).toEqual([]);
      for (const u of DEMO_USERS) expect((await signIn(empty, { username: u.id, password: u.password, ip: 'x' })).user.roles).toEqual(u.roles);
      const trail = JSON.stringify((await audit.list(empty, { limit: 100 })).entries);
      expect(trail).not.toContain(first!.password);
      expect(await audit.verify(empty)).toMatchObject({ ok: true });
    } finally {
      empty.close();
    }
  });
});

describe('account administration', () => {
  it('disables an account (its session and token stop at once), changes roles and scope, resets a password', async () => {
    const { callerFor } = await import('../caller');
    const { userFromHeaders, createToken } = await import('.');
    const admin = callerFor(store, { id: 'root', roles: ['admin'] });
    await admin.auth.users.create({ id: 'petra', roles: ['process_owner'], scope: { segments: ['SM'] }, password: 'petra-password-1' });
    const { session } = await signIn(store, { username: 'petra', password: 'petra-password-1', ip: 'x' });
    const { token } = await createToken(store, 'petra', 'script');
    const bySession = () => userFromHeaders(() => Promise.resolve(store), new Headers({ cookie: `tl_session=${session}` }));
    const byToken = () => userFromHeaders(() => Promise.resolve(store), new Headers({ authorization: `Bearer ${token}` }));
    expect(await bySession()).toMatchObject({ id: 'petra', scope: { segments: ['SM'] } });
    await admin.auth.users.update({ id: 'petra', disabled: true });
    expect(await bySession()).toBeNull();
    expect(await byToken()).toBeNull();
    await expect(signIn(store, { username: 'petra', password: 'petra-password-1', ip: 'y' }, new FailureLimiter({ max: 5, windowMs: 1000 }))).rejects.toThrow(SignInError);
    await admin.auth.users.update({ id: 'petra', disabled: false, roles: ['process_owner', 'finance_leader'], scope: null });
    expect(await byToken()).toEqual({ id: 'petra', roles: ['process_owner', 'finance_leader'], via: 'token' });
    await expect(admin.auth.users.update({ id: 'petra', roles: ['analyst'], scope: { warehouses: ['W1'] } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await admin.auth.users.resetPassword({ id: 'petra', password: 'petra-password-2' });
    expect((await signIn(store, { username: 'petra', password: 'petra-password-2', ip: 'z' })).user.id).toBe('petra');
    // An admin cannot lock themselves out.
    await admin.auth.users.create({ id: 'root', roles: ['admin'], password: 'root-password-12' });
    await expect(admin.auth.users.update({ id: 'root', disabled: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const trail = await audit.list(store, { action: 'account.' });
    expect(trail.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['account.create', 'account.update', 'account.password_reset']));
  });
});
