import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { compileFilters } from '../filter/compile';
import { kpiValues } from '../kpi-library/values';
import { arAging, openDisputes } from './aging';

// 700 simulated orders; the aging and the open disputes recomputed here in TypeScript from the raw
// ledger, invoice objects and events (independent of the SQL under test).
let sim: SimulatedStore;
let months: { from: string; to: string }[];
interface Ledger { invoice_id: string; day: string; amount: number }
let ledger: Ledger[];
let due: Map<string, string | null>;
let segmentOf: Map<string, string | null>;

const DAY = 86_400_000;
const bucketOf = (dueDate: string | null, end: string) => {
  if (!dueDate || dueDate >= end) return 'current';
  const d = (Date.parse(end) - Date.parse(dueDate)) / DAY;
  return d <= 30 ? 'd1_30' : d <= 60 ? 'd31_60' : d <= 90 ? 'd61_90' : 'd90_plus';
};

function expected(end: string, keep: (invoice: string) => boolean) {
  const bal = new Map<string, number>();
  for (const l of ledger) if (l.day < end && keep(l.invoice_id)) bal.set(l.invoice_id, (bal.get(l.invoice_id) ?? 0) + l.amount);
  const out: Record<string, { amount: number; invoices: number }> = {};
  for (const [inv, b] of bal) {
    const k = bucketOf(due.get(inv) ?? null, end);
    out[k] ??= { amount: 0, invoices: 0 };
    out[k].amount += b;
    if (b > 0.01) out[k].invoices += 1;
  }
  return out;
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: 700, seed: 31 }, 'tl-aging-');
  const s = sim.store;
  ledger = await s.sql<Ledger>(`SELECT invoice_id, strftime(ts::DATE, '%Y-%m-%d') AS day, amount FROM ar_ledger WHERE log_id = 'o2c'`);
  const objs = await s.sql<{ object_id: string; due: string | null }>(
    `SELECT object_id, strftime(try_cast(coalesce(attrs->>'due_date', attrs->>'platform_due_date') AS DATE), '%Y-%m-%d') AS due FROM objects WHERE log_id = 'o2c' AND object_type = 'invoice'`,
  );
  due = new Map(objs.map((o) => [o.object_id, o.due]));
  const segs = await s.sql<{ invoice_id: string; segment: string | null }>(
    `SELECT f.invoice_id, c.segment FROM invoice_facts f LEFT JOIN cases c ON c.log_id = f.log_id AND c.perspective = 'order' AND c.case_id = f.order_id WHERE f.log_id = 'o2c'`,
  );
  segmentOf = new Map(segs.map((r) => [r.invoice_id, r.segment]));
  const range = await s.sql<{ first: string; last: string }>(`SELECT strftime(min(ts), '%Y-%m-%d') AS first, strftime(max(ts), '%Y-%m-%d') AS last FROM ar_ledger WHERE log_id = 'o2c'`);
  // Three whole months well inside the ledger's span.
  const start = new Date(`${range[0].first.slice(0, 7)}-01T00:00:00Z`);
  months = [3, 4, 5].map((k) => {
    const a = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1));
    const b = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k + 1, 1));
    return { from: a.toISOString().slice(0, 10), to: b.toISOString().slice(0, 10) };
  });
  expect(months[2].to <= range[0].last).toBe(true);
}, 180_000);
afterAll(() => sim?.close());

describe('AR aging', () => {
  it('equals an independent sum over ar_ledger per bucket, amounts and counts, at each period end', async () => {
    const got = await arAging(sim.store, { periods: months });
    for (const [i, m] of months.entries()) {
      const want = expected(m.to, () => true);
      expect(got[i].asOf).toBe(m.to);
      for (const b of got[i].buckets) {
        expect(b.amount).toBeCloseTo(want[b.id]?.amount ?? 0, 4);
        expect(b.invoices).toBe(want[b.id]?.invoices ?? 0);
      }
      // Something is both current and past due in a lived-in month.
      expect(got[i].buckets.find((b) => b.id === 'current')!.amount).toBeGreaterThan(0);
      expect(got[i].buckets.filter((b) => b.id !== 'current').reduce((s, b) => s + b.amount, 0)).toBeGreaterThan(0);
    }
  });

  it('adds up to the AR that DSO divides: total ÷ current = DSO ÷ best-possible DSO', async () => {
    const [got, k] = await Promise.all([
      arAging(sim.store, { periods: months }),
      kpiValues(sim.store, { periods: months, kpis: ['dsoSimple', 'bestPossibleDso'] }),
    ]);
    const sales = await sim.store.sql<{ i: number; sales: number }>(
      `SELECT p.i, sum(l.amount) AS sales FROM (SELECT unnest([0,1,2]) AS i) p, ar_ledger l
       WHERE l.log_id = 'o2c' AND l.kind IN ('invoice', 'cancellation')
         AND l.ts::DATE >= ([${months.map((m) => `DATE '${m.from}'`).join(',')}])[p.i + 1]
         AND l.ts::DATE < ([${months.map((m) => `DATE '${m.to}'`).join(',')}])[p.i + 1]
       GROUP BY p.i ORDER BY p.i`,
    );
    for (const [i, m] of months.entries()) {
      const days = (Date.parse(m.to) - Date.parse(m.from)) / DAY;
      const dso = k.kpis.find((x) => x.id === 'dsoSimple')!.points[i].value!;
      const best = k.kpis.find((x) => x.id === 'bestPossibleDso')!.points[i].value!;
      expect(got[i].total).toBeCloseTo(got[i].buckets.reduce((s, b) => s + b.amount, 0), 6);
      expect((got[i].total / sales[i].sales) * days).toBeCloseTo(dso, 6);
      expect((got[i].buckets[0].amount / sales[i].sales) * days).toBeCloseTo(best, 6);
    }
  });

  it('applies filters: a segment filter keeps the invoices of that segment’s orders', async () => {
    const segment = [...segmentOf.values()].find((v) => v !== null)!;
    const got = await arAging(sim.store, { periods: [months[1]], selection: compileFilters([{ kind: 'attribute', attribute: 'segment', values: [segment] }]) });
    const want = expected(months[1].to, (inv) => segmentOf.get(inv) === segment);
    for (const b of got[0].buckets) {
      expect(b.amount).toBeCloseTo(want[b.id]?.amount ?? 0, 4);
      expect(b.invoices).toBe(want[b.id]?.invoices ?? 0);
    }
    const all = await arAging(sim.store, { periods: [months[1]] });
    expect(got[0].total).toBeLessThan(all[0].total);
  });

  it('refuses an empty or backwards period list', async () => {
    await expect(arAging(sim.store, { periods: [] })).rejects.toThrow(/at least one period/);
    await expect(arAging(sim.store, { periods: [{ from: '2025-02-01', to: '2025-01-01' }] })).rejects.toThrow(/must be after/);
  });
});

describe('open disputes', () => {
  it('counts disputes opened in the period and open at its end, with their age, as the events say', async () => {
    const ev = await sim.store.sql<{ dispute: string; activity: string; ts: string }>(
      `SELECT eo.object_id AS dispute, e.activity, strftime(e.ts, '%Y-%m-%dT%H:%M:%S.%fZ') AS ts FROM events e
       JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
       WHERE e.log_id = 'o2c' AND e.activity IN ('Open Dispute', 'Resolve Dispute') AND eo.object_id LIKE 'dispute:%'`,
    );
    const disputes = new Map<string, { opened?: number; resolved?: number }>();
    for (const e of ev) {
      const d = disputes.get(e.dispute) ?? {};
      const t = Date.parse(e.ts);
      if (e.activity === 'Open Dispute') d.opened = Math.min(d.opened ?? Infinity, t);
      else d.resolved = Math.max(d.resolved ?? -Infinity, t);
      disputes.set(e.dispute, d);
    }
    const got = await openDisputes(sim.store, { periods: months });
    let sawOpen = false;
    for (const [i, m] of months.entries()) {
      const t0 = Date.parse(`${m.from}T00:00:00Z`);
      const t1 = Date.parse(`${m.to}T00:00:00Z`);
      const list = [...disputes.values()].filter((d) => d.opened !== undefined);
      const opened = list.filter((d) => d.opened! >= t0 && d.opened! < t1).length;
      const open = list.filter((d) => d.opened! < t1 && (d.resolved === undefined || d.resolved >= t1));
      expect(got[i].opened).toBe(opened);
      expect(got[i].openAtEnd).toBe(open.length);
      if (open.length) {
        sawOpen = true;
        const mean = open.reduce((s, d) => s + (t1 - d.opened!) / DAY, 0) / open.length;
        expect(got[i].meanAgeDays!).toBeCloseTo(mean, 4);
      } else expect(got[i].meanAgeDays).toBeNull();
    }
    expect(sawOpen).toBe(true);
  });
});
