// The `stage` filter ("the cases behind a cause" on the finance overview) selects exactly the
// orders of the invoices the DSO impact counts over a stage's target: checked per stage on a
// simulated store against SQL written from the stored tables (testing/over-target-orders.ts), and
// against dsoImpact's own invoice counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dsoImpact, type DsoImpact } from '../dso-impact';
import { caseList } from '../cases/list';
import { STAGE_IDS, type StageId } from '../kpi-library/targets';
import { overTargetOrders } from '../testing/over-target-orders';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { FilterError, compileFilters } from './compile';
import { FILTER_STAGES, type Filter } from './types';

let sim: SimulatedStore;
let period: { from: string; to: string };
let impact: DsoImpact;
let periods: { from: string; to: string }[] = [];

async function selected(filters: Filter[], perspective?: string): Promise<string[]> {
  const page = await caseList(sim.store, { logId: 'o2c', perspective, filters, limit: 5000, columns: ['case_id'] });
  expect(page.rows.length).toBe(page.total);
  return page.rows.map((r) => String(r.case_id)).sort();
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: 300, seed: 11 });
  // The month where the most stages have invoices over target (then the most invoices over target),
  // so that the comparisons below are of non-empty sets.
  const months = await sim.store.sql<{ month: string }>(
    `SELECT DISTINCT strftime(date_trunc('month', created_ts), '%Y-%m-%d') AS month FROM invoice_facts
     WHERE log_id = 'o2c' AND cancelled_ts IS NULL AND gross_amount IS NOT NULL ORDER BY month`,
  );
  let best = -1;
  for (const { month } of months) {
    const from = new Date(`${month}T00:00:00Z`);
    const p = { from: month, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)).toISOString().slice(0, 10) };
    periods.push(p);
    const d = await dsoImpact(sim.store, { period: p });
    const score = d.stages.filter((x) => x.invoicesOverTarget > 0).length * 1e6 + d.stages.reduce((n, x) => n + x.invoicesOverTarget, 0);
    if (score > best) [best, period, impact] = [score, p, d];
  }
}, 120_000);
afterAll(() => sim?.close());

describe('the stage filter: the cases behind a DSO-impact cause', () => {
  it('names every stage the DSO impact has', () => {
    expect([...FILTER_STAGES]).toEqual([...STAGE_IDS]);
  });

  it.each(STAGE_IDS)('%s: exactly the distinct orders of the invoices over target', async (stage) => {
    const want = await overTargetOrders(sim.store, stage, period);
    const s = impact.stages.find((x) => x.stage === stage)!;
    expect(want.invoices).toBe(s.invoicesOverTarget);
    expect(want.orders.length).toBeLessThanOrEqual(want.invoices);
    const got = await selected([{ kind: 'stage', stage, from: period.from, to: period.to }]);
    expect(got).toEqual(want.orders);
  });

  it('finds delays on this store (the comparisons above are not of empty sets)', async () => {
    expect(impact.stages.filter((s) => s.invoicesOverTarget === 0).map((s) => s.stage)).toEqual([]);
  });

  it('selects an order once when two of its invoices are over a target (the first month and stage where that happens)', async () => {
    let found: { stage: StageId; p: { from: string; to: string }; orders: string[]; invoices: number } | null = null;
    for (const p of periods) {
      for (const stage of STAGE_IDS) {
        const want = await overTargetOrders(sim.store, stage, p);
        if (want.orders.length < want.invoices) found ??= { stage, p, ...want };
      }
      if (found) break;
    }
    expect(found).not.toBeNull();
    expect(await selected([{ kind: 'stage', stage: found!.stage, from: found!.p.from, to: found!.p.to }])).toEqual(found!.orders);
  });

  it('AND-combines with other filters', async () => {
    const stage: Filter = { kind: 'stage', stage: 'creditHold', from: period.from, to: period.to };
    const seg = await sim.store.sql<{ segment: string }>(
      `SELECT segment FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND case_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))
       GROUP BY segment ORDER BY count(*) DESC, segment LIMIT 1`,
      { ids: JSON.stringify((await overTargetOrders(sim.store, 'creditHold', period)).orders) },
    );
    const attr: Filter = { kind: 'attribute', attribute: 'segment', values: [seg[0].segment] };
    const a = await selected([stage]);
    const b = new Set(await selected([attr]));
    const both = await selected([stage, attr]);
    expect(both).toEqual(a.filter((id) => b.has(id)));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThanOrEqual(a.length);
    // And the DSO impact over the stage's own cases still counts the same invoices over target.
    const { compileFilters: compile } = await import('./compile');
    const again = await dsoImpact(sim.store, { period, selection: compile([stage], 'order') });
    expect(again.stages.find((s) => s.stage === 'creditHold')!.invoicesOverTarget).toBe(impact.stages.find((s) => s.stage === 'creditHold')!.invoicesOverTarget);
  });

  it('is refused on other perspectives and with bad dates, with a clear message', async () => {
    const f: Filter = { kind: 'stage', stage: 'dispute', from: period.from, to: period.to };
    await expect(selected([f], 'delivery')).rejects.toThrow(FilterError);
    await expect(selected([f], 'delivery')).rejects.toThrow(/needs the order perspective.*delivery cases/);
    expect(() => compileFilters([{ ...f, from: 'November' }])).toThrow(/filter 1 \(stage\) from/);
    expect(() => compileFilters([{ ...f, stage: 'lunch' as StageId }])).toThrow(/stage must be one of creditHold/);
  });
});
