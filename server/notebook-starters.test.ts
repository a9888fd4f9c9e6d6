// Every starter notebook runs, cell by cell, through the real composition and the real sandbox on a
// simulated store, and its numbers agree with the product's own answers over the same store:
// DSO by segment = finance.kpis dsoSimple grouped by segment, month by month; invoice latency by
// warehouse = finance.kpis invoiceLatencyHours grouped by warehouse; the deviations = the
// conformance summary of process.conformance.
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedStore, type SimulatedStore } from '../mining/testing/simulated-store';
import { starters } from '../notebooks/starters';
import type { Cell, SqlCell } from '../notebooks/types';
import { sandboxFor } from '../sql';
import { callerFor } from './caller';
import { runCell } from './notebook-run';

let sim: SimulatedStore;
beforeAll(async () => {
  sim = await simulatedStore({ orders: 600, seed: 11 }, 'tl-starters-');
});
afterAll(async () => {
  if (sim) await sandboxFor(sim.store).close();
  sim?.close();
});

type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));

async function rowsOf(cells: Cell[], cellId: string): Promise<{ rows: Row[]; columns: string[] }> {
  const r = await runCell(sim.store, { cells, cellId, maxRows: 100_000 });
  expect(r.capped).toBe(false);
  const table = tableFromIPC(r.arrow);
  expect(table.numRows).toBe(r.rows);
  return { rows: table.toArray().map((row) => row.toJSON() as Row), columns: r.columns.map((c) => c.name) };
}

const starterCells = (id: string) => {
  const s = starters().find((x) => x.id === id);
  if (!s) throw new Error(`no starter ${id}`);
  return s.doc.cells;
};
const cellOf = (cells: Cell[], id: string) => cells.find((c) => c.id === id) as SqlCell;
const isoDay = (ms: unknown) => new Date(num(ms)).toISOString().slice(0, 10);
const nextMonth = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

describe('the starter notebooks', () => {
  for (const s of starters()) {
    it(`${s.id}: every SQL cell runs, a later cell reuses a named result, and each chart's columns exist`, async () => {
      const cells = s.doc.cells;
      expect(cells.some((c) => c.kind === 'markdown')).toBe(true);
      let reused = false;
      let charts = 0;
      for (const c of cells) {
        if (c.kind !== 'sql') continue;
        const r = await runCell(sim.store, { cells, cellId: c.id });
        expect(r.rows, `${s.id} / ${c.id}`).toBeGreaterThan(0);
        if (r.uses.length > 0) reused = true;
        if (c.chart) {
          charts++;
          const names = r.columns.map((x) => x.name);
          for (const k of ['x', 'y', 'color', 'facet'] as const) if (c.chart[k]) expect(names, `${s.id} / ${c.id} chart.${k}`).toContain(c.chart[k]);
        }
      }
      expect(reused).toBe(true);
      expect(charts).toBeGreaterThan(0);
    });
  }

  it('DSO by segment equals the KPI library\'s DSO grouped by segment, every month', async () => {
    const cells = starterCells('dso-by-segment');
    const { rows } = await rowsOf(cells, 'dso-by-segment');
    const months = [...new Set(rows.map((r) => isoDay(r.month)))].sort();
    expect(months.length).toBeGreaterThanOrEqual(6);
    const kpis = await callerFor(sim.store, { id: 'ana', roles: ['analyst'] }).finance.kpis({
      logId: 'o2c',
      filters: [],
      periods: months.map((m) => ({ from: m, to: nextMonth(m) })),
      groupBy: 'segment',
      kpis: ['dsoSimple'],
    });
    const want = new Map(kpis.kpis[0].points.filter((p) => p.group !== null).map((p) => [`${p.period.from}|${p.group}`, p.value]));
    let compared = 0;
    for (const r of rows) {
      const key = `${isoDay(r.month)}|${String(r.segment)}`;
      const expected = want.get(key);
      if (expected === null || expected === undefined) {
        expect(r.dso_days ?? null, key).toBeNull();
        continue;
      }
      // Same definition and the same ledger rows: equal up to floating-point summation order.
      expect(num(r.dso_days), key).toBeCloseTo(expected, 6);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(months.length * 3 - 3);
    // The last cell picks the last complete month out of the same result.
    const last = (await rowsOf(cells, 'last-month')).rows;
    const lastMonth = months[months.length - 2];
    for (const r of last) expect(num(r.dso_days)).toBeCloseTo(want.get(`${lastMonth}|${String(r.segment)}`)!, 1);
    expect(last.map((r) => r.segment).sort()).toEqual(['KA', 'MM', 'SM']);
  });

  it('invoice latency by warehouse equals the KPI library\'s median invoice latency per warehouse', async () => {
    const cells = starterCells('invoice-latency-by-warehouse');
    const [span] = await sim.store.sql<{ from: string; to: string }>(
      "SELECT strftime(min(created_ts), '%Y-%m-%d') AS \"from\", strftime(max(created_ts)::DATE + 1, '%Y-%m-%d') AS \"to\" FROM invoice_facts WHERE log_id = 'o2c'",
    );
    const kpis = await callerFor(sim.store, { id: 'ana', roles: ['analyst'] }).finance.kpis({ logId: 'o2c', filters: [], periods: [span], groupBy: 'warehouse', kpis: ['invoiceLatencyHours'] });
    const points = kpis.kpis[0].points;
    const { rows } = await rowsOf(cells, 'by-warehouse');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      const p = points.find((x) => (x.group ?? '(none)') === r.warehouse);
      expect(p, String(r.warehouse)).toBeDefined();
      expect(num(r.invoices)).toBe(p!.n);
      expect(num(r.median_hours)).toBeCloseTo(p!.value!, 6);
      expect(num(r.p90_hours)).toBeGreaterThanOrEqual(num(r.median_hours));
    }
    // The per-invoice rows are the invoices with a known goods issue (an independent count).
    const [n] = await sim.store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM invoice_facts WHERE log_id = 'o2c' AND pgi_ts IS NOT NULL");
    expect(rows.reduce((s, r) => s + num(r.invoices), 0)).toBe(n.n);
  });

  it('the most common deviations are the conformance summary\'s, with the same orders and units', async () => {
    const cells = starterCells('common-deviations');
    const summary = await callerFor(sim.store, { id: 'ana', roles: ['analyst'] }).process.conformance({ logId: 'o2c', filters: [] });
    expect(summary.deviations.length).toBeGreaterThan(0);
    const { rows } = await rowsOf(cells, 'deviations');
    expect(rows).toHaveLength(summary.deviations.length);
    for (const d of summary.deviations) {
      const label = `${d.kind}: ${d.activity}${d.position && d.relatedActivity ? ` (${d.position}, ${d.relatedActivity})` : ''}`;
      const r = rows.find((x) => x.deviation === label);
      expect(r, label).toBeDefined();
      expect(num(r!.orders)).toBe(d.cases);
      expect(num(r!.units)).toBe(d.units);
      expect(num(r!.share)).toBeCloseTo(d.share, 9);
    }
    // Ranked most common first.
    const orders = rows.map((r) => num(r.orders));
    expect(orders).toEqual([...orders].sort((a, b) => b - a));
    // tl_cases joined with the named result: the orders without a deviation are the fitting ones.
    const duration = (await rowsOf(cells, 'duration')).rows;
    const none = duration.find((r) => r.deviation === '(none)');
    expect(num(none!.orders)).toBe(Math.round(summary.cases * summary.shareFitting!));
    // The variants behind the most common deviation contain at least its orders.
    const variants = (await rowsOf(cells, 'variants')).rows;
    expect(variants.length).toBeGreaterThan(0);
    expect(cellOf(cells, 'variants').sql).toContain('tl_variants');
  });
});
