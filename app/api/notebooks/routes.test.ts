// The notebook routes as the browser calls them (Request in, Response out, as server/http.test.ts
// does for /api/trpc) on a real store loaded from the simulator: Arrow bytes that apache-arrow
// reads back with the right rows, the x-tl-* headers, refused and failing statements, the time
// limit, an abandoned request interrupted, and the export of a saved cell.
import { tableFromIPC } from 'apache-arrow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../fixtures/sim/simulate';
import { ingestDirectory } from '../../../ingest';
import { refreshCaseViews } from '../../../mining';
import { parseCsv } from '../../../mining/testing/parse-csv';
import type { RunErrorBody } from '../../../notebooks/types';
import { sandboxFor, Store } from '../../../sql';
import { createToken, createUser } from '../../../server/accounts';

const dir = mkdtempSync(join(tmpdir(), 'tl-nb-routes-'));
process.env.THROUGHLINE_STORE = join(dir, 'store.duckdb');
const TIMEOUT_MS = 4000;
process.env.THROUGHLINE_SQL_TIMEOUT_MS = String(TIMEOUT_MS);

let store: Store;
let run: (req: Request) => Promise<Response>;
let exportGet: (req: Request) => Promise<Response>;
/** An analyst's API token: the routes check the caller through the router (anonymous: 401). */
let auth: Record<string, string>;
const analyst = { id: 'ana', roles: ['analyst' as const] };

beforeAll(async () => {
  await simulate({ orders: 300, seed: 5, outDir: join(dir, 'sim') });
  store = await Store.open(process.env.THROUGHLINE_STORE!); // the same instance the routes' getStore() opens
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  await createUser(store, { ...analyst, password: 'analyst-password-1' });
  auth = { authorization: `Bearer ${(await createToken(store, analyst.id, 'routes test')).token}` };
  ({ POST: run } = await import('./run/route'));
  ({ GET: exportGet } = await import('./export/route'));
});
afterAll(async () => {
  await sandboxFor(store).close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown, signal?: AbortSignal) =>
  run(new Request('http://127.0.0.1/api/notebooks/run', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: typeof body === 'string' ? body : JSON.stringify(body), signal }));
const errorOf = async (res: Response) => ((await res.json()) as RunErrorBody).error;
// Far past any time limit on any machine (a count over 10^10 rows finished within 4 s on a quiet one): a sum of a function over 10^13 rows.
const SLOW = 'SELECT sum(hash(range)) AS n FROM range(10000000000000)';

describe('POST /api/notebooks/run', () => {
  it('answers Arrow IPC that apache-arrow reads back with the rows the store holds, composing named results', async () => {
    const cells = [
      { id: 'orders', name: 'orders', sql: "SELECT segment, net_value FROM cases WHERE log_id = 'o2c' AND perspective = 'order'" },
      { id: 'note', kind: 'markdown' },
      { id: 'by', sql: 'SELECT segment, count(*) AS n, sum(net_value) AS value FROM orders GROUP BY segment ORDER BY segment;' },
    ];
    const res = await post({ cells, cellId: 'by' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const want = await store.sql<{ segment: string; n: number; value: number }>(
      "SELECT segment, count(*)::INTEGER AS n, sum(net_value) AS value FROM cases WHERE log_id = 'o2c' AND perspective = 'order' GROUP BY segment ORDER BY segment",
    );
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const rows = table.toArray().map((r) => r.toJSON() as { segment: string; n: bigint | number; value: number });
    expect(rows.map((r) => [r.segment, Number(r.n)])).toEqual(want.map((w) => [w.segment, w.n]));
    rows.forEach((r, i) => expect(r.value).toBeCloseTo(want[i].value, 6));
    expect(res.headers.get('x-tl-rows')).toBe(String(want.length));
    expect(res.headers.get('x-tl-capped')).toBe('0');
    expect(Number(res.headers.get('x-tl-elapsed-ms'))).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(decodeURIComponent(res.headers.get('x-tl-columns')!))).toEqual([
      { name: 'segment', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
      { name: 'value', type: 'DOUBLE' },
    ]);
    expect(Number(res.headers.get('x-tl-snapshot'))).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(decodeURIComponent(res.headers.get('x-tl-uses')!))).toEqual(['orders']);
  });

  it('caps the rows at maxRows and says so', async () => {
    const res = await post({ cells: [{ id: 'a', sql: 'SELECT range AS i FROM range(250)' }], cellId: 'a', maxRows: 100 });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-tl-capped')).toBe('1');
    expect(res.headers.get('x-tl-rows')).toBe('100');
    expect(tableFromIPC(new Uint8Array(await res.arrayBuffer())).numRows).toBe(100);
  });

  it('answers 400 REFUSED for what the gate refuses, with its reason', async () => {
    for (const sql of ["SELECT * FROM read_csv('/etc/passwd')", 'DROP TABLE cases', "SELECT 1; ATTACH '/tmp/x.duckdb'"]) {
      const res = await post({ cells: [{ id: 'a', sql }], cellId: 'a' });
      expect(res.status, sql).toBe(400);
      const e = await errorOf(res);
      expect(e.code, sql).toBe('REFUSED');
      expect(e.message.length).toBeGreaterThan(10);
    }
    // The table is still there.
    const [n] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c'");
    expect(n.n).toBeGreaterThan(0);
  });

  it('answers 400 SQL_ERROR with DuckDB\'s message and no server paths, and 400 BAD_REQUEST for the notebook\'s own mistakes', async () => {
    const res = await post({ cells: [{ id: 'a', sql: "SELECT no_such_column FROM cases WHERE log_id = 'o2c'" }], cellId: 'a' });
    expect(res.status).toBe(400);
    const e = await errorOf(res);
    expect(e.code).toBe('SQL_ERROR');
    expect(e.message).toMatch(/^Binder Error: .*no_such_column/);
    expect(e.message).not.toContain(dir);
    expect(e.message).not.toMatch(/\n\s+at /); // no stack
    const later = await post({ cells: [{ id: 'a', sql: 'SELECT * FROM totals' }, { id: 'b', name: 'totals', sql: 'SELECT 1' }], cellId: 'a' });
    expect(later.status).toBe(400);
    expect(await errorOf(later)).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Cell 1 uses totals, the result of cell 2 \(totals\) below it/) });
    const notJson = await post('{ cells: ');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe('BAD_REQUEST');
    const noCell = await post({ cells: [{ id: 'a', sql: 'SELECT 1' }] });
    expect(noCell.status).toBe(400);
    expect(await errorOf(noCell)).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/cellId/) });
  });

  it('cuts a query off at the time limit with 408 TIMEOUT', async () => {
    const t0 = Date.now();
    const res = await post({ cells: [{ id: 'a', sql: SLOW }], cellId: 'a' });
    expect(res.status).toBe(408);
    expect(await errorOf(res)).toEqual({ code: 'TIMEOUT', message: expect.stringContaining('4 s') });
    expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it('interrupts the query of an abandoned request (499) long before the time limit, and keeps serving', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    const pending = post({ cells: [{ id: 'a', sql: SLOW }], cellId: 'a' }, ac.signal);
    setTimeout(() => ac.abort(), 400);
    const res = await pending;
    const took = Date.now() - t0;
    expect(res.status).toBe(499);
    expect((await errorOf(res)).code).toBe('CANCELLED');
    expect(took).toBeLessThan(TIMEOUT_MS - 1000);
    const next = await post({ cells: [{ id: 'a', sql: 'SELECT 42 AS answer' }], cellId: 'a' });
    expect(next.status).toBe(200);
    expect(tableFromIPC(new Uint8Array(await next.arrayBuffer())).get(0)!.toJSON().answer).toBe(42);
  });
});

describe('GET /api/notebooks/export', () => {
  it('streams the saved cell\'s full result as CSV or Parquet, named after the notebook and cell', async () => {
    const { callerFor } = await import('../../../server/caller');
    const nb = await callerFor(store, analyst).notebooks.create({
      title: 'Orders by segment',
      cells: [
        { id: 'base', kind: 'sql', name: 'orders', sql: "SELECT case_id, segment FROM cases WHERE log_id = 'o2c' AND perspective = 'order'" },
        { id: 'all', kind: 'sql', sql: 'SELECT * FROM orders ORDER BY case_id' },
      ],
    });
    const get = (cell: string, format: string) => exportGet(new Request(`http://127.0.0.1/api/notebooks/export?notebook=${nb.id}&cell=${cell}&format=${format}`, { headers: auth }));
    const csv = await get('all', 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="orders-by-segment-cell-2.csv"');
    const parsed = parseCsv(await csv.text());
    const want = await store.sql<{ case_id: string }>("SELECT case_id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' ORDER BY case_id");
    expect(parsed[0]).toEqual(['case_id', 'segment']);
    expect(parsed.slice(1).filter((r) => r.length > 1).map((r) => r[0])).toEqual(want.map((w) => w.case_id));
    const pq = await get('base', 'parquet');
    expect(pq.status).toBe(200);
    expect(pq.headers.get('content-disposition')).toBe('attachment; filename="orders-by-segment-orders.parquet"');
    const bytes = Buffer.from(await pq.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect(bytes.subarray(-4).toString()).toBe('PAR1');
    const missing = await get('nope', 'csv');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('NOT_FOUND');
    const refused = await callerFor(store, analyst).notebooks.create({ cells: [{ id: 'x', kind: 'sql', sql: "COPY cases TO '/tmp/out.csv'" }] });
    const r = await exportGet(new Request(`http://127.0.0.1/api/notebooks/export?notebook=${refused.id}&cell=x&format=csv`, { headers: auth }));
    expect(r.status).toBe(400);
    expect((await errorOf(r)).code).toBe('REFUSED');
  });
});

describe('the caller of the notebook routes', () => {
  it('refuses an anonymous request before running anything (401), through the same authorize middleware', async () => {
    const res = await run(new Request('http://127.0.0.1/api/notebooks/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cells: [{ id: 'a', sql: 'SELECT 1' }], cellId: 'a' }) }));
    expect(res.status).toBe(401);
    const get = await exportGet(new Request('http://127.0.0.1/api/notebooks/export?notebook=x&cell=a&format=csv'));
    expect(get.status).toBe(401);
  });
});
