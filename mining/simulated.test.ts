// End to end on simulated data: the simulator writes source extracts, the real ingestors load
// them, and the case view must give back what the simulator planted (ground-truth.json).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Store } from '../sql';
import { overviewKpis, processMap, logSummaries } from './index';
import { simulatedStore, type SimulatedStore } from './testing/simulated-store';

interface TruthTrace {
  order: string;
  events: { activity: string; time: string; system: string }[];
}
interface Truth {
  counts: Record<string, number>;
  effects: { wh1MedianPickToShipHours: number; wh2MedianPickToShipHours: number };
  sampleTraces: TruthTrace[];
}

const ORDERS = 2_000;
let sim: SimulatedStore;
let store: Store;
let truth: Truth;

beforeAll(async () => {
  sim = await simulatedStore({ orders: ORDERS, seed: 11 }, 'tl-mining-sim-');
  store = sim.store;
  truth = sim.truth as unknown as Truth;
});
afterAll(() => sim?.close());

describe('mining simulated order-to-cash data', () => {
  it('has one case per simulated order', async () => {
    const [o2c] = (await logSummaries(store)).filter((l) => l.logId === 'o2c');
    expect(o2c.cases).toBe(truth.counts.orders);
    expect(o2c.cases).toBe(ORDERS);
  });

  async function sampledTraces(): Promise<{ want: Map<string, string[]>; got: Map<string, string[]> }> {
    const ids = truth.sampleTraces.map((t) => `sales_order:${t.order}`);
    const rows = await store.sql<{ case_id: string; activity: string; time: string }>(
      `SELECT case_id, activity, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS time
       FROM case_events WHERE log_id = 'o2c' AND list_contains($ids::VARCHAR[], case_id) ORDER BY case_id, seq`,
      { ids: JSON.stringify(ids) },
    );
    const got = new Map<string, string[]>();
    for (const r of rows) got.set(r.case_id, [...(got.get(r.case_id) ?? []), `${r.time} ${r.activity}`]);
    // The simulator sorts equal times by activity, the case view by load order: compare sorted.
    const want = new Map(truth.sampleTraces.map((t) => [`sales_order:${t.order}`, t.events.map((e) => `${e.time.replace(/\.\d+Z$/, 'Z')} ${e.activity}`).sort()]));
    for (const [k, v] of got) got.set(k, [...v].sort());
    return { want, got };
  }

  it('puts every loaded event into some order trace', async () => {
    const [r] = await store.sql<{ traced: number; loaded: number }>(
      `SELECT (SELECT count(DISTINCT event_seq) FROM case_trace WHERE log_id = 'o2c') AS traced,
              (SELECT count(*) FROM events WHERE log_id = 'o2c') AS loaded`,
    );
    expect(r.traced).toBe(r.loaded);
  });

  it('puts every loaded event of a sampled order into its trace', async () => {
    const { want, got } = await sampledTraces();
    const loaded = await store.sql<{ k: string }>(
      `SELECT strftime(ts, '%Y-%m-%dT%H:%M:%SZ') || ' ' || activity AS k FROM events WHERE log_id = 'o2c'`,
    );
    const inStore = new Set(loaded.map((r) => r.k));
    const lost: string[] = [];
    for (const [order, events] of want) {
      const mine = new Set(got.get(order) ?? []);
      for (const e of events) if (inStore.has(e) && !mine.has(e)) lost.push(`${order}: ${e}`);
    }
    expect(truth.sampleTraces.length).toBeGreaterThanOrEqual(20);
    expect(lost).toEqual([]);
  });

  it("gives sampled orders exactly the simulator's traces (needs every source record loaded)", async () => {
    const { want, got } = await sampledTraces();
    const mismatches = [...want].filter(([order, events]) => JSON.stringify(events) !== JSON.stringify(got.get(order) ?? []));
    expect(mismatches.map(([order, events]) => `${order}: ${events.filter((e) => !(got.get(order) ?? []).includes(e)).join(', ')} not loaded`)).toEqual([]);
  });

  it("gives each sampled order its true duration and order-to-ship time, to the second", async () => {
    const rows = await store.sql<{ case_id: string; secs: number; ship_secs: number | null }>(
      `SELECT case_id, epoch(end_ts) - epoch(start_ts) AS secs, epoch(first_pgi_ts) - epoch(created_ts) AS ship_secs
       FROM cases WHERE log_id = 'o2c' AND perspective = 'order'`,
    );
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    let checked = 0;
    for (const t of truth.sampleTraces) {
      const times = t.events.map((e) => Date.parse(e.time));
      const first = (a: string) => t.events.find((e) => e.activity === a);
      const got = byId.get(`sales_order:${Number(t.order)}`);
      expect(got, t.order).toBeDefined();
      expect(got?.secs, `${t.order} duration`).toBe((Math.max(...times) - Math.min(...times)) / 1000);
      const cso = first('Create Sales Order');
      const pgi = first('Post Goods Issue');
      expect(got?.ship_secs ?? null, `${t.order} order-to-ship`).toBe(cso && pgi ? (Date.parse(pgi.time) - Date.parse(cso.time)) / 1000 : null);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('keeps each trace in time order', async () => {
    const [bad] = await store.sql<{ n: number }>(
      `SELECT count(*) AS n FROM (
         SELECT ts < lag(ts) OVER (PARTITION BY case_id ORDER BY seq) AS back FROM case_events WHERE log_id = 'o2c'
       ) WHERE back`,
    );
    expect(bad.n).toBe(0);
  });

  it('recovers the planted warehouse difference: WH1 takes longer from first pick to shipment', async () => {
    const rows = await store.sql<{ warehouse: string; hours: number }>(
      `WITH d AS (
         SELECT eo.object_id AS delivery,
                min(e.ts) FILTER (WHERE e.activity = 'Confirm Pick') AS pick,
                min(e.ts) FILTER (WHERE e.activity = 'Confirm Shipment') AS ship
         FROM events e JOIN event_object eo USING (log_id, event_id)
         WHERE e.log_id = 'o2c' AND eo.object_id LIKE 'delivery:%'
         GROUP BY 1
       )
       SELECT o.attrs->>'warehouse' AS warehouse, median(epoch(ship) - epoch(pick)) / 3600 AS hours
       FROM d JOIN objects o ON o.log_id = 'o2c' AND o.object_id = d.delivery
       WHERE ship >= pick GROUP BY 1 ORDER BY 1`,
    );
    const h = Object.fromEntries(rows.map((r) => [r.warehouse, r.hours]));
    expect(h.WH1).toBeGreaterThan(2 * h.WH2);
    // The simulator measures to the minute and rounds to 0.01 h.
    expect(Math.abs(h.WH1 - truth.effects.wh1MedianPickToShipHours)).toBeLessThan(0.05);
    expect(Math.abs(h.WH2 - truth.effects.wh2MedianPickToShipHours)).toBeLessThan(0.05);
  });

  it('gives case attributes the segments, channels and warehouses of the sources', async () => {
    const rows = await store.sql<{ k: string; n: number }>(
      `SELECT 'segment ' || coalesce(segment, '?') AS k, count(*) AS n FROM cases GROUP BY 1
       UNION ALL SELECT 'channel ' || coalesce(channel, '?'), count(*) FROM cases GROUP BY 1
       UNION ALL SELECT 'warehouse ' || coalesce(warehouse, '?'), count(*) FROM cases GROUP BY 1`,
    );
    const keys = rows.map((r) => r.k);
    for (const k of ['segment KA', 'segment MM', 'segment SM', 'channel eCommerce', 'channel EDI', 'channel sales portal', 'channel customer service', 'warehouse WH1', 'warehouse WH2']) {
      expect(keys).toContain(k);
    }
    expect(keys).not.toContain('segment ?');
    expect(keys).not.toContain('channel ?');
  });

  it('computes the overview and the map over the whole log', async () => {
    const o = await overviewKpis(store, { logId: 'o2c' });
    expect(o.period).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    for (const k of o.kpis) expect(k.value, k.id).not.toBeNull();
    const dso = o.kpis.find((k) => k.id === 'dsoSimple')?.value as number;
    expect(dso).toBeGreaterThan(10);
    expect(dso).toBeLessThan(120);
    const map = await processMap(store, { logId: 'o2c', perspective: 'order' });
    expect(map.totalCases).toBe(ORDERS);
    const starts = map.edges.filter((e) => e.source === '__start__').reduce((s, e) => s + e.count, 0);
    const ends = map.edges.filter((e) => e.target === '__end__').reduce((s, e) => s + e.count, 0);
    expect([starts, ends]).toEqual([ORDERS, ORDERS]);
  });
});
