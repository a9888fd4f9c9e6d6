// The `stage` filter ("the cases behind a cause" on the finance overview) selects exactly the
// orders of the invoices the DSO impact counts over a stage's target: checked per stage on a
// simulated store against SQL written here from the stored tables (invoice_facts, case_trace,
// cases), and against dsoImpact's own invoice counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dsoImpact, type DsoImpact } from '../dso-impact';
import { caseList } from '../cases/list';
import { factsText } from '../kpi-library/compose';
import { loadTargets, STAGE_IDS, type StageId } from '../kpi-library/targets';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { FilterError, compileFilters } from './compile';
import { FILTER_STAGES, type Filter } from './types';

let sim: SimulatedStore;
let period: { from: string; to: string };
let impact: DsoImpact;
const targets = loadTargets();
const hours = (s: StageId) => targets.stages[s].targetHours;

// Per stage, the over-target condition on `inv` (the period's invoices with their order), written
// from the stored tables rather than from the facts files.
const INDEPENDENT: Partial<Record<StageId, string>> = {
  creditHold: `i.case_no IN (
      SELECT case_no FROM (
        SELECT case_no, activity, ts, lead(activity) OVER w AS next_act, lead(ts) OVER w AS next_ts
        FROM case_trace WHERE log_id = 'o2c' AND perspective = 'order' AND activity IN ('Set Credit Block', 'Release Credit Block')
        WINDOW w AS (PARTITION BY case_no ORDER BY seq))
      WHERE activity = 'Set Credit Block' AND next_act = 'Release Credit Block'
      GROUP BY case_no HAVING sum(epoch(next_ts) - epoch(ts)) / 3600.0 > $t)`,
  pricingApproval: `i.case_no IN (
      SELECT case_no FROM case_trace WHERE log_id = 'o2c' AND perspective = 'order'
      GROUP BY case_no
      HAVING (epoch(max(ts) FILTER (WHERE activity IN ('Approve Price Exception', 'Reject Price Exception')))
              - epoch(min(ts) FILTER (WHERE activity = 'Request Price Approval'))) / 3600.0 > $t)`,
  warehouse: `(epoch(i.pgi_ts) - epoch(greatest(i.order_created, (
      SELECT max(t.ts) FROM case_trace t WHERE t.log_id = 'o2c' AND t.perspective = 'order' AND t.case_no = i.case_no
        AND t.activity IN ('Release Credit Block', 'Approve Price Exception', 'Reject Price Exception', 'Remove Delivery Block')
        AND (i.first_pgi_ts IS NULL OR t.ts <= i.first_pgi_ts))))) / 3600.0 > $t`,
  invoiceLatency: `(epoch(i.created_ts) - epoch(i.pgi_ts)) / 3600.0 > $t`,
};

/** The over-target invoices of a stage and their orders' case ids. */
async function behind(stage: StageId): Promise<{ invoices: number; orders: string[] }> {
  const base = `WITH inv AS (
      SELECT f.invoice_id, f.created_ts, f.pgi_ts, c.case_no, c.case_id, c.created_ts AS order_created, c.first_pgi_ts
      FROM invoice_facts f
      JOIN cases c ON c.log_id = f.log_id AND c.perspective = 'order' AND c.case_id = f.order_id
      WHERE f.log_id = 'o2c' AND f.created_ts >= $from::TIMESTAMP AND f.created_ts < $to::TIMESTAMP
        AND f.cancelled_ts IS NULL AND f.gross_amount IS NOT NULL)`;
  const cond = INDEPENDENT[stage];
  const rows = cond
    ? await sim.store.sql<{ invoice_id: string; case_id: string }>(`${base} SELECT i.invoice_id, i.case_id FROM inv i WHERE ${cond}`, { from: period.from, to: period.to, t: hours(stage) })
    : // Disputes and late payment need the AR ledger's clearing and the dispute objects: the shared
      // per-invoice SQL run on its own (its count is checked against dsoImpact's below).
      await sim.store.sql<{ invoice_id: string; case_id: string }>(
        `SELECT s.invoice_id, c.case_id FROM ${factsText('mining/dso/invoice-stages')} s
         JOIN cases c ON c.log_id = 'o2c' AND c.perspective = 'order' AND c.case_no = s.case_no WHERE s."s_${stage}" > 0`,
        {
          log_id: 'o2c', tz: targets.localTimeZone, from: period.from, to: period.to,
          t_credit: hours('creditHold'), t_price: hours('pricingApproval'), t_wh: hours('warehouse'),
          t_inv: hours('invoiceLatency'), t_dispute: hours('dispute'), t_late: hours('latePayment'),
        },
      );
  return { invoices: rows.length, orders: [...new Set(rows.map((r) => r.case_id))].sort() };
}

async function selected(filters: Filter[], perspective?: string): Promise<string[]> {
  const page = await caseList(sim.store, { logId: 'o2c', perspective, filters, limit: 5000, columns: ['case_id'] });
  expect(page.rows.length).toBe(page.total);
  return page.rows.map((r) => String(r.case_id)).sort();
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: 300, seed: 11 });
  // The month with the most invoices (not cancelled, with an amount).
  const [m] = await sim.store.sql<{ month: string }>(
    `SELECT strftime(date_trunc('month', created_ts), '%Y-%m-%d') AS month FROM invoice_facts
     WHERE log_id = 'o2c' AND cancelled_ts IS NULL AND gross_amount IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const from = new Date(`${m.month}T00:00:00Z`);
  period = { from: m.month, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)).toISOString().slice(0, 10) };
  impact = await dsoImpact(sim.store, { period });
}, 120_000);
afterAll(() => sim?.close());

describe('the stage filter: the cases behind a DSO-impact cause', () => {
  it('names every stage the DSO impact has', () => {
    expect([...FILTER_STAGES]).toEqual([...STAGE_IDS]);
  });

  it.each(STAGE_IDS)('%s: exactly the distinct orders of the invoices over target', async (stage) => {
    const want = await behind(stage);
    const s = impact.stages.find((x) => x.stage === stage)!;
    expect(want.invoices).toBe(s.invoicesOverTarget);
    expect(want.orders.length).toBeLessThanOrEqual(want.invoices);
    const got = await selected([{ kind: 'stage', stage, from: period.from, to: period.to }]);
    expect(got).toEqual(want.orders);
  });

  it('finds delays on this store (the comparisons above are not all of empty sets)', () => {
    const over = impact.stages.filter((s) => s.invoicesOverTarget > 0).map((s) => s.stage);
    expect(over.length).toBeGreaterThanOrEqual(3);
    expect(over).toContain('creditHold');
  });

  it('AND-combines with other filters', async () => {
    const stage: Filter = { kind: 'stage', stage: 'creditHold', from: period.from, to: period.to };
    const seg = await sim.store.sql<{ segment: string }>(
      `SELECT segment FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND case_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))
       GROUP BY segment ORDER BY count(*) DESC, segment LIMIT 1`,
      { ids: JSON.stringify((await behind('creditHold')).orders) },
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
