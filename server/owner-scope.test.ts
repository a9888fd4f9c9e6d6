// A process owner scoped to warehouses or segments sees only their exceptions: the scope is added
// to whatever filters they send, on a real store loaded from the simulator, and the counts equal an
// analyst's with the same filter spelled out (and an independent SQL count of the queue's rows).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-scope-'));
  await simulate({ orders: 400, seed: 3, outDir: join(dir, 'sim') });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  const [w] = await store.sql<{ w: string }>("SELECT warehouse AS w FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND warehouse NOT LIKE '%,%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  warehouse = w.w;
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
