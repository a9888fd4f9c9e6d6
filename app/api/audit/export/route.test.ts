// The audit export route as the browser calls it (Request in, Response out) on a real store: the
// admin gets the CSV (oldest first, every entry), anyone else is refused by the router.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../../../audit';
import { createToken, createUser } from '../../../../server/accounts';
import { Store } from '../../../../sql';

const dir = mkdtempSync(join(tmpdir(), 'tl-audit-route-'));
process.env.THROUGHLINE_STORE = join(dir, 'store.duckdb');

let store: Store;
let GET: (req: Request) => Promise<Response>;
let adminAuth: Record<string, string>;
let analystAuth: Record<string, string>;

beforeAll(async () => {
  store = await Store.open(process.env.THROUGHLINE_STORE!); // the instance the route's getStore() opens
  await createUser(store, { id: 'root', roles: ['admin'], password: 'root-password-1' });
  await createUser(store, { id: 'ana', roles: ['analyst'], password: 'ana-password-12' });
  adminAuth = { authorization: `Bearer ${(await createToken(store, 'root', 'export')).token}` };
  analystAuth = { authorization: `Bearer ${(await createToken(store, 'ana', 'export')).token}` };
  for (let i = 0; i < 3; i++) await audit.append(store, { actor: 'root', action: 'test.entry', target: `t${i}`, detail: { i } });
  ({ GET } = await import('./route'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/audit/export', () => {
  it('gives the admin every entry as CSV, oldest first', async () => {
    const res = await GET(new Request('http://127.0.0.1/api/audit/export', { headers: adminAuth }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\n');
    const [db] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM audit_log');
    expect(lines).toHaveLength(db.n + 1);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: db.n }, (_, i) => i + 1));
    const only = await GET(new Request('http://127.0.0.1/api/audit/export?action=test.', { headers: adminAuth }));
    expect((await only.text()).trim().split('\n')).toHaveLength(4);
  });

  it('refuses an analyst (403) and an anonymous caller (401)', async () => {
    expect((await GET(new Request('http://127.0.0.1/api/audit/export', { headers: analystAuth }))).status).toBe(403);
    expect((await GET(new Request('http://127.0.0.1/api/audit/export'))).status).toBe(401);
  });
});
