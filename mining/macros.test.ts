// The SQL process operators (sql/schema/016_process_macros.sql) give what the TypeScript views give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importXes } from '../ingest/xes';
import { Store } from '../sql';
import { processMap } from './process-map';
import { refreshCaseViews } from './refresh';
import { variants } from './views';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
  await importXes(store, join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes'), { logId: 'rx' });
  await refreshCaseViews(store, 'rx');
});
afterAll(() => store?.close());

describe('the process operators in SQL', () => {
  it('tl_dfg equals the process map, edge for edge', async () => {
    const sql = await store.sql<{ source: string; target: string; pairs: number; cases: number; median_seconds: number | null }>(
      "SELECT source, target, pairs::INTEGER AS pairs, cases::INTEGER AS cases, median_seconds FROM tl_dfg('rx', 'case')",
    );
    const map = await processMap(store, { logId: 'rx' });
    const key = (s: string, t: string) => `${s}>${t}`;
    const want = new Map(map.edges.map((e) => [key(e.source, e.target), e]));
    expect(sql).toHaveLength(map.edges.length);
    for (const r of sql) {
      const e = want.get(key(r.source, r.target));
      expect(e, key(r.source, r.target)).toBeDefined();
      expect(r.pairs).toBe(e?.count);
      expect(r.cases).toBe(e?.cases);
      expect(r.median_seconds).toBe(e?.medianSeconds);
    }
  });

  it('tl_variants, tl_cases and tl_case_durations agree with the views and the published figures', async () => {
    const v = await store.sql<{ variant_no: number; activities: string[]; cases: number; share: number }>(
      "SELECT variant_no, activities, cases::INTEGER AS cases, share FROM tl_variants('rx', 'case') ORDER BY variant_no",
    );
    const views = await variants(store, { logId: 'rx' });
    expect(v).toHaveLength(6);
    expect(v.map((r) => [...r.activities])).toEqual(views.variants.map((x) => x.activities));
    expect(v.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1, 10);
    const [c] = await store.sql<{ n: number; events: number }>("SELECT count(*)::INTEGER AS n, sum(n_events)::INTEGER AS events FROM tl_cases('rx', 'case')");
    expect(c).toEqual({ n: 6, events: 42 });
    const d = await store.sql<{ duration_seconds: number }>("SELECT duration_seconds FROM tl_case_durations('rx', 'case')");
    expect(d).toHaveLength(6);
    for (const r of d) expect(r.duration_seconds).toBeGreaterThan(0);
    const [t] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM tl_trace('rx', 'case')");
    expect(t.n).toBe(42);
  });
});
