// The HTTP endpoint runs each request's reads under the request's signal: a request the browser
// has abandoned does no work on the store (sql/cancel.ts has the interrupt of a running read).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tl-http-'));
process.env.THROUGHLINE_STORE = join(dir, 'store.duckdb');
process.env.THROUGHLINE_ADMIN_TOKEN = 'http-test-admin-token';
const ADMIN = { authorization: 'Bearer http-test-admin-token' };

afterAll(async () => {
  const { getStore } = await import('./store');
  (await getStore()).close();
  rmSync(dir, { recursive: true, force: true });
});

describe('handleTrpcRequest', () => {
  let handle: (req: Request) => Promise<Response>;
  beforeAll(async () => {
    ({ handleTrpcRequest: handle } = await import('./http'));
  });

  it('answers a read', async () => {
    const res = await handle(new Request('http://127.0.0.1/api/trpc/logs.list', { headers: ADMIN }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { data: unknown[] } }).result.data).toEqual([]);
  });

  it('does not run the reads of an abandoned request', async () => {
    const ac = new AbortController();
    ac.abort();
    // dataRange reads the store on every call (logs.list is remembered between calls).
    const input = encodeURIComponent(JSON.stringify({ logId: 'o2c' }));
    const res = await handle(new Request(`http://127.0.0.1/api/trpc/logs.dataRange?input=${input}`, { signal: ac.signal, headers: ADMIN }));
    expect(res.status).toBe(499);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('CLIENT_CLOSED_REQUEST');
    // The next request is served as usual.
    expect((await handle(new Request('http://127.0.0.1/api/trpc/logs.list', { headers: ADMIN }))).status).toBe(200);
  });
});

describe('sign-in over HTTP', () => {
  let handle: (req: Request) => Promise<Response>;
  const PASSWORD = 'correct horse battery';
  beforeAll(async () => {
    ({ handleTrpcRequest: handle } = await import('./http'));
    const { getStore } = await import('./store');
    const { createUser } = await import('./accounts');
    await createUser(await getStore(), { id: 'fiona', roles: ['finance_leader'], password: PASSWORD });
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    handle(new Request(`http://127.0.0.1/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));
  const get = (path: string, headers: Record<string, string> = {}) => handle(new Request(`http://127.0.0.1/api/trpc/${path}`, { headers }));
  const data = async <T>(res: Response) => ((await res.json()) as { result: { data: T } }).result.data;
  const cookieOf = (res: Response) => /tl_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

  it('refuses an anonymous read with 401 and a message that says to sign in', async () => {
    const res = await get('logs.list');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/sign in/);
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie that the next request is known by, and signs out', async () => {
    const res = await post('auth.signIn', { username: 'Fiona', password: PASSWORD }, { 'x-forwarded-for': '10.0.0.1' });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tl_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/); // no Secure over http
    expect(JSON.stringify(await data(res))).not.toContain(cookieOf(res)!); // the id travels in the cookie only
    const cookie = { cookie: `tl_session=${cookieOf(res)}` };
    expect(await data(await get('auth.me', cookie))).toMatchObject({ id: 'fiona', roles: ['finance_leader'], via: 'session' });
    expect((await get('logs.list', cookie)).status).toBe(200);
    // The store keeps a hash of the id, never the id.
    const { getStore } = await import('./store');
    const rows = await (await getStore()).sql<{ id_hash: string }>("SELECT id_hash FROM sessions WHERE user_id = 'fiona'");
    expect(rows.map((r) => r.id_hash)).not.toContain(cookieOf(res));
    const out = await post('auth.signOut', {}, cookie);
    expect(out.headers.get('set-cookie')).toMatch(/^tl_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(await data(out)).toEqual({ signedOut: true });
    expect(await data(await get('auth.me', cookie))).toBeNull();
    expect((await get('logs.list', cookie)).status).toBe(401);
  });

  it('marks the cookie Secure behind https', async () => {
    const res = await post('auth.signIn', { username: 'fiona', password: PASSWORD }, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.0.0.2' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers a wrong password without repeating it, and limits failures per account (429 with a wait)', async () => {
    const secret = 'Wr0ng-but-s3cret-guess';
    for (let i = 0; i < 5; i++) {
      const res = await post('auth.signIn', { username: 'fiona', password: `${secret}${i}` }, { 'x-forwarded-for': `10.1.0.${i}` });
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).toContain('The user name or password is not right.');
      expect(text).not.toContain(secret);
    }
    // Five failures from five addresses: the account waits, even with the right password.
    const limited = await post('auth.signIn', { username: 'fiona', password: PASSWORD }, { 'x-forwarded-for': '10.1.0.9' });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(/Too many failed sign-ins.*Try again in 1[45] minutes/);
    const { signinLimiter } = await import('./accounts');
    signinLimiter.clear('user:fiona');
  });

  it('limits failures per address across accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await post('auth.signIn', { username: `nobody-${i}`, password: 'x' }, { 'x-forwarded-for': '10.2.0.1' })).status).toBe(401);
    expect((await post('auth.signIn', { username: 'fiona', password: PASSWORD }, { 'x-forwarded-for': '10.2.0.1' })).status).toBe(429);
    expect((await post('auth.signIn', { username: 'fiona', password: PASSWORD }, { 'x-forwarded-for': '10.2.0.2' })).status).toBe(200);
  });

  it('serves scripts an API token (listed without its secret) until it is revoked', async () => {
    const res = await post('auth.signIn', { username: 'fiona', password: PASSWORD }, { 'x-forwarded-for': '10.3.0.1' });
    const cookie = { cookie: `tl_session=${cookieOf(res)}` };
    const made = await data<{ id: string; token: string }>(await post('auth.tokens.create', { name: 'nightly export' }, cookie));
    expect(made.token).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${made.token}` };
    expect(await data(await get('auth.me', bearer))).toMatchObject({ id: 'fiona', via: 'token' });
    const list = await data<unknown[]>(await get('auth.tokens.list', cookie));
    expect(list).toEqual([expect.objectContaining({ id: made.id, name: 'nightly export', prefix: made.token.slice(0, 8), revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(made.token);
    await post('auth.tokens.revoke', { id: made.id }, cookie);
    expect((await get('logs.list', bearer)).status).toBe(401);
    // A made-up token of the right shape is nobody.
    expect((await get('logs.list', { authorization: `Bearer tl_${'A'.repeat(43)}` })).status).toBe(401);
  });

  it('changes a password given the current one: other sessions end, the new cookie works, the old password does not', async () => {
    const { getStore } = await import('./store');
    const { createUser } = await import('./accounts');
    await createUser(await getStore(), { id: 'gary', roles: ['analyst'], password: 'gary-old-password' });
    const first = await post('auth.signIn', { username: 'gary', password: 'gary-old-password' }, { 'x-forwarded-for': '10.4.0.1' });
    const cookie = { cookie: `tl_session=${cookieOf(first)}`, 'x-forwarded-for': '10.4.0.1' };
    expect((await post('auth.changePassword', { current: 'not-it', next: 'gary-new-password' }, cookie)).status).toBe(400);
    const changed = await post('auth.changePassword', { current: 'gary-old-password', next: 'gary-new-password' }, cookie);
    expect(changed.status).toBe(200);
    expect(await data(await get('auth.me', cookie))).toBeNull(); // the old session ended
    expect(await data(await get('auth.me', { cookie: `tl_session=${cookieOf(changed)}` }))).toMatchObject({ id: 'gary' });
    expect((await post('auth.signIn', { username: 'gary', password: 'gary-old-password' }, { 'x-forwarded-for': '10.4.0.2' })).status).toBe(401);
    expect((await post('auth.signIn', { username: 'gary', password: 'gary-new-password' }, { 'x-forwarded-for': '10.4.0.3' })).status).toBe(200);
  });

  it('writes sign-ins, failures, sign-outs and token changes to an audit trail that verifies', async () => {
    const { getStore } = await import('./store');
    const audit = await import('../audit');
    const store = await getStore();
    const { entries } = await audit.list(store, { limit: 1000 });
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['auth.signin', 'auth.signin_failed', 'auth.signin_limited', 'auth.signout', 'token.create', 'token.revoke', 'account.password']) expect(actions).toContain(a);
    expect(JSON.stringify(entries)).not.toMatch(/correct horse|Wr0ng-but-s3cret|gary-(old|new)-password|tl_[A-Za-z0-9_-]{43}/);
    expect(await audit.verify(store)).toEqual({ ok: true, entries: entries.length });
  });
});
