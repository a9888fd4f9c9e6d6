// The `stage` filter ("the cases behind a cause" of the DSO impact): the orders with an invoice of
// [from, to) over a stage's target. Its SQL is the DSO impact's own per-invoice stage excess
// (sql/queries/mining/dso/invoice-stages.sql), its parameters renamed to the filter's (spliced.ts):
// the selection is spliced into queries that do not bind $tz or targets.
import { factsText } from '../kpi-library/compose';
import { renameParams } from './spliced';
import { loadTargets } from '../kpi-library/targets';
import type { StageId } from '../kpi-library/targets';

type Bind = (v: string | number) => string;

/** invoice-stages.sql parameter → targets.json stage (the rest: $log_id kept, $tz, $from, $to). */
const TARGET_PARAMS: Record<string, StageId> = {
  t_credit: 'creditHold',
  t_price: 'pricingApproval',
  t_wh: 'warehouse',
  t_inv: 'invoiceLatency',
  t_dispute: 'dispute',
  t_late: 'latePayment',
};

/**
 * `(SELECT case_no …)`: the order cases with an invoice created in [from, to) whose `stage` excess
 * is > 0. `from` / `to` are checked timestamps; `bind` makes a filter parameter.
 */
export function stageCases(stage: StageId, from: string, to: string, bind: Bind): string {
  const targets = loadTargets();
  const values: Record<string, string | number> = { tz: targets.localTimeZone, from, to };
  for (const [param, s] of Object.entries(TARGET_PARAMS)) values[param] = targets.stages[s].targetHours;
  const names: Record<string, string> = {};
  const text = renameParams('invoice-stages.sql', factsText('mining/dso/invoice-stages'), (name) =>
    name in values ? (names[name] ??= bind(values[name])) : undefined,
  );
  return `(SELECT s.case_no FROM ${text} s WHERE s."s_${stage}" > 0)`;
}
