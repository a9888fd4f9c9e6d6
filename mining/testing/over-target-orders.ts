// Tests' own account of "the cases behind a DSO-impact cause": the invoices of a period over a
// stage's target and their orders, for the stage filter's tests (mining/filter/stage.test.ts) and
// the overview's browser test. Credit holds, pricing approvals, warehouse and invoice latency are
// written here from the stored tables (invoice_facts, case_trace, cases), apart from the facts
// files; disputes and late payment (AR ledger clearing, dispute objects) run the shared
// per-invoice SQL, whose invoice counts the tests compare with dsoImpact's.
import type { Store } from '../../sql';
import { factsText } from '../kpi-library/compose';
import { loadTargets, type StageId } from '../kpi-library/targets';
import type { Period } from '../types';

const hours = (s: StageId) => loadTargets().stages[s].targetHours;

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
export async function overTargetOrders(store: Store, stage: StageId, period: Period): Promise<{ invoices: number; orders: string[] }> {
  const base = `WITH inv AS (
      SELECT f.invoice_id, f.created_ts, f.pgi_ts, c.case_no, c.case_id, c.created_ts AS order_created, c.first_pgi_ts
      FROM invoice_facts f
      JOIN cases c ON c.log_id = f.log_id AND c.perspective = 'order' AND c.case_id = f.order_id
      WHERE f.log_id = 'o2c' AND f.created_ts >= $from::TIMESTAMP AND f.created_ts < $to::TIMESTAMP
        AND f.cancelled_ts IS NULL AND f.gross_amount IS NOT NULL)`;
  const cond = INDEPENDENT[stage];
  const rows = cond
    ? await store.sql<{ invoice_id: string; case_id: string }>(`${base} SELECT i.invoice_id, i.case_id FROM inv i WHERE ${cond}`, { from: period.from, to: period.to, t: hours(stage) })
    : // Disputes and late payment need the AR ledger's clearing and the dispute objects: the shared
      // per-invoice SQL run on its own (its count is checked against dsoImpact's below).
      await store.sql<{ invoice_id: string; case_id: string }>(
        `SELECT s.invoice_id, c.case_id FROM ${factsText('mining/dso/invoice-stages')} s
         JOIN cases c ON c.log_id = 'o2c' AND c.perspective = 'order' AND c.case_no = s.case_no WHERE s."s_${stage}" > 0`,
        {
          log_id: 'o2c', tz: loadTargets().localTimeZone, from: period.from, to: period.to,
          t_credit: hours('creditHold'), t_price: hours('pricingApproval'), t_wh: hours('warehouse'),
          t_inv: hours('invoiceLatency'), t_dispute: hours('dispute'), t_late: hours('latePayment'),
        },
      );
  return { invoices: rows.length, orders: [...new Set(rows.map((r) => r.case_id))].sort() };
}

