// A process owner scoped to warehouses or segments sees only their slice: the scope is added to
// whatever filters they send, on a real store loaded from the simulator, and the counts equal an
// analyst's with the same filter spelled out (and an independent SQL count). A case outside the
// scope is NOT_FOUND, the CSV export holds only in-scope rows, the answer cache never hands an
// owner's answer to anyone else, and what cannot be narrowed is refused. Every procedure is walked
// in owner-scope-procedures.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../fixtures/sim/simulate';
import { ingestDirectory } from '../ingest';
import { refreshCaseViews } from '../mining';
import { Store } from '../sql';
import { scopeFilters, type User } from './auth';
import { callerFor } from './caller';

let dir: string;
let store: Store;
let warehouse: string;
const analyst: User = { id: 'ana', roles: ['analyst'] };
const admin: User = { id: 'adm', roles: ['admin'] };
let owner: User;
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof TRPCError ? { code: e.code, message: e.message } : { code: 'not a TRPCError', message: String(e) }));
const inWarehouse = (w: string) => `list_contains(string_split(warehouse, ','), '${w.replaceAll("'", "''")}')`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-scope-'));
  await simulate({ orders: 400, seed: 3, outDir: join(dir, 'sim') });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  const [w] = await store.sql<{ w: string }>("SELECT warehouse AS w FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND warehouse NOT LIKE '%,%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  warehouse = w.w;
  owner = { id: 'olga', roles: ['process_owner'], scope: { warehouses: [warehouse] } };
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a scoped process owner's exceptions", () => {
  it('are the exceptions of their warehouse only, whatever filters they send', async () => {
    const owner: User = { id: 'olga', roles: ['process_owner'], scope: { warehouses: [warehouse] } };
    const mine = await callerFor(store, owner).exceptions.summary({ logId: 'o2c', filters: [] });
    const spelled = await callerFor(store, analyst).exceptions.summary({ logId: 'o2c', filters: [{ kind: 'attribute', attribute: 'warehouse', values: [warehouse] }] });
    const all = await callerFor(store, analyst).exceptions.summary({ logId: 'o2c', filters: [] });
    expect(mine.queues.map((q) => q.count)).toEqual(spelled.queues.map((q) => q.count));
    const total = (s: typeof all) => s.queues.reduce((n, q) => n + q.count, 0);
    expect(total(mine)).toBeGreaterThan(0);
    expect(total(mine)).toBeLessThan(total(all));
    // Asking for everything (an empty filter, or a filter on another warehouse) does not widen it.
    const other = await callerFor(store, owner).exceptions.summary({ logId: 'o2c', filters: [{ kind: 'attribute', attribute: 'warehouse', values: ['NOT-' + warehouse] }] });
    expect(total(other)).toBe(0);
    const busiest = mine.queues.reduce((a, b) => (b.count > a.count ? b : a));
    const page = await callerFor(store, owner).exceptions.queue({ logId: 'o2c', filters: [], queue: busiest.id, limit: 1000 });
    expect(page.total).toBe(busiest.count);
    for (const r of page.rows) expect(r.warehouse?.split(',')).toContain(warehouse);
  });

  it('are not narrowed for an unscoped owner, and the scope gives no filters to other roles', () => {
    expect(scopeFilters({ id: 'o', roles: ['process_owner'] })).toEqual([]);
    expect(scopeFilters({ id: 'a', roles: ['analyst'], scope: { segments: ['SM'] } })).toEqual([]);
    expect(scopeFilters({ id: 'o', roles: ['process_owner'], scope: { warehouses: ['W1'], segments: ['SM', 'MM'] } })).toEqual([
      { kind: 'attribute', attribute: 'warehouse', values: ['W1'] },
      { kind: 'attribute', attribute: 'segment', values: ['SM', 'MM'] },
    ]);
  });
});

describe("a scoped process owner's cases", () => {
  it('open on the case page when in scope, and are NOT_FOUND with the words of a missing case when not', async () => {
    const [mine] = await store.sql<{ id: string }>(`SELECT min(case_id) AS id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND ${inWarehouse(warehouse)}`);
    const [theirs] = await store.sql<{ id: string }>(`SELECT min(case_id) AS id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND NOT coalesce(${inWarehouse(warehouse)}, false)`);
    expect(mine.id && theirs.id).toBeTruthy();
    const o = callerFor(store, owner);
    const a = callerFor(store, admin);
    expect(await o.cases.detail({ logId: 'o2c', caseId: mine.id })).toEqual(await a.cases.detail({ logId: 'o2c', caseId: mine.id }));
    expect(await o.process.caseConformance({ logId: 'o2c', caseId: mine.id })).toEqual(await a.process.caseConformance({ logId: 'o2c', caseId: mine.id }));
    // Out of scope: exactly what the admin gets for an id that does not exist, so nothing leaks.
    const hidden = await refusal(o.cases.detail({ logId: 'o2c', caseId: theirs.id }));
    expect(hidden).toEqual({ code: 'NOT_FOUND', message: `No case "${theirs.id}" in log "o2c" (perspective order).` });
    expect(await refusal(a.cases.detail({ logId: 'o2c', caseId: theirs.id }))).toBeNull();
    expect(await refusal(a.cases.detail({ logId: 'o2c', caseId: 'no-such-order' }))).toEqual({ ...hidden, message: hidden!.message.replace(theirs.id, 'no-such-order') });
    const conf = await refusal(o.process.caseConformance({ logId: 'o2c', caseId: theirs.id }));
    expect(conf).toEqual({ code: 'NOT_FOUND', message: `No case "${theirs.id}" in log "o2c".` });
    expect(await refusal(a.process.caseConformance({ logId: 'o2c', caseId: 'no-such-order' }))).toEqual({ ...conf, message: conf!.message.replace(theirs.id, 'no-such-order') });
  });

  it('export to CSV with every row in scope, as many as an independent count', async () => {
    const out = await callerFor(store, owner).cases.exportCsv({ logId: 'o2c', filters: [], columns: ['case_id', 'warehouse'] });
    let text = '';
    for await (const chunk of out.chunks) text += chunk;
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('case_id,warehouse');
    const [n] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND ${inWarehouse(warehouse)}`);
    expect(rows).toHaveLength(n.n);
    for (const r of rows) expect(r.replace(/^[^,]*,/, '').replaceAll('"', '').split(',')).toContain(warehouse);
  });

  it('are offered only their own values in the filter bar, with the scope to show as fixed chips', async () => {
    const mine = await callerFor(store, owner).logs.filterOptions({ logId: 'o2c' });
    expect(mine.scope).toEqual([{ kind: 'attribute', attribute: 'warehouse', values: [warehouse] }]);
    expect(mine.attributes.find((a) => a.attribute === 'warehouse')!.values.map((v) => v.value)).toContain(warehouse);
    const [n] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND ${inWarehouse(warehouse)}`);
    expect(mine.attributes.find((a) => a.attribute === 'warehouse')!.values.find((v) => v.value === warehouse)!.cases).toBe(n.n);
    // Multi-warehouse orders bring their other warehouse along; no value is counted beyond the scope's cases.
    for (const a of mine.attributes) for (const v of a.values) expect(v.cases).toBeLessThanOrEqual(n.n);
    const all = await callerFor(store, admin).logs.filterOptions({ logId: 'o2c' });
    expect(all.scope).toEqual([]);
    expect(all.attributes.find((a) => a.attribute === 'segment')!.values.reduce((s, v) => s + v.cases, 0)).toBeGreaterThan(
      mine.attributes.find((a) => a.attribute === 'segment')!.values.reduce((s, v) => s + v.cases, 0),
    );
  });

  it('never share an answer with another caller through the answer cache', async () => {
    const input = { logId: 'o2c', filters: [], activityPct: 100, pathPct: 100 };
    const starts = (m: { edges: { source: string; cases: number }[] }) => m.edges.filter((e) => e.source === '__start__').reduce((s, e) => s + e.cases, 0);
    const [n] = await store.sql<{ n: number; all: number }>(
      `SELECT count(*) FILTER (WHERE ${inWarehouse(warehouse)})::INTEGER AS n, count(*)::INTEGER AS all FROM cases WHERE log_id = 'o2c' AND perspective = 'order'`,
    );
    // Owner first, then the admin with the same input; then the other way round on another input.
    expect(starts(await callerFor(store, owner).map.process(input))).toBe(n.n);
    expect(starts(await callerFor(store, admin).map.process(input))).toBe(n.all);
    const v = { logId: 'o2c', filters: [], limit: 10_000 };
    const total = (r: { variants: { cases: number }[] }) => r.variants.reduce((s, x) => s + x.cases, 0);
    expect(total(await callerFor(store, admin).views.variants(v))).toBe(n.all);
    expect(total(await callerFor(store, owner).views.variants(v))).toBe(n.n);
  });

  it('are refused, not widened, where the scope cannot be checked', async () => {
    const o = callerFor(store, owner);
    // The scope is a set of sales orders: a delivery perspective cannot be narrowed to it.
    const d = await refusal(o.cases.list({ logId: 'o2c', perspective: 'delivery', filters: [] }));
    expect(d?.code).toBe('FORBIDDEN');
    expect(d?.message).toMatch(/^Your scope \(warehouse .+\) is a set of sales orders; cases\.list cannot be narrowed to it on log "o2c", whose cases here are "delivery", not sales orders\./);
    expect((await refusal(o.runs.rejects({ runId: '00000000-0000-0000-0000-000000000000' })))?.message).toMatch(/runs\.rejects is not available within an owner scope/);
    expect((await refusal(o.views.durations({ logId: 'o2c', perspective: 'order', filters: [] })))).toBeNull();
    // So the page offers them the order perspective only, and lists only logs with orders.
    expect(await o.logs.perspectives({ logId: 'o2c' })).toEqual(['order']);
    expect((await callerFor(store, admin).logs.perspectives({ logId: 'o2c' })).length).toBeGreaterThan(1);
    await callerFor(store, admin).ingest.importFile({ path: join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes'), logId: 'rx' });
    expect((await callerFor(store, admin).logs.list()).map((l) => l.logId)).toEqual(['o2c', 'rx']);
    const listed = await o.logs.list();
    expect(listed.map((l) => l.logId)).toEqual(['o2c']);
    const [n] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND ${inWarehouse(warehouse)}`);
    expect(listed[0].cases).toBe(n.n);
    const xes = await refusal(o.views.variants({ logId: 'rx', filters: [] }));
    expect(xes).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/views\.variants cannot be narrowed to it on log "rx", whose cases here are "case"/) });
    // A scope with an empty list holds nothing: refused with words, not a schema error.
    const empty = await refusal(callerFor(store, { id: 'ed', roles: ['process_owner'], scope: { warehouses: [] } }).cases.list({ logId: 'o2c', filters: [] }));
    expect(empty).toEqual({ code: 'FORBIDDEN', message: 'Your scope lists no warehouse, so it holds no cases: ask an admin to set your warehouses.' });
    // An unscoped owner and the admin are not narrowed.
    const plain = await callerFor(store, { id: 'otto', roles: ['process_owner'] }).cases.list({ logId: 'o2c', filters: [], limit: 1 });
    expect(plain.total).toBe((await callerFor(store, admin).cases.list({ logId: 'o2c', filters: [], limit: 1 })).total);
  });
});
