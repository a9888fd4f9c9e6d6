// The `stage` filter ("the cases behind a cause" of the DSO impact): the orders with an invoice of
// [from, to) over a stage's target. Its SQL is the DSO impact's own per-invoice stage excess
// (sql/queries/mining/dso/invoice-stages.sql), with that file's parameters renamed to the
// filter's `$f_<n>` ones: the selection is spliced into queries that do not bind $tz or targets.
import { factsText } from '../kpi-library/compose';
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
  // Comments go first: they name parameters too. The text is whole SQL otherwise (no '--' in strings).
  const text = factsText('mining/dso/invoice-stages')
    .replace(/--[^\n]*/g, '')
    .replace(/\$([a-z_]+)\b/g, (all, name: string) => {
      if (name === 'log_id') return all;
      if (!(name in values)) throw new Error(`invoice-stages.sql: unexpected parameter $${name}`);
      names[name] ??= bind(values[name]);
      return names[name];
    });
  return `(SELECT s.case_no FROM ${text.trim()} s WHERE s."s_${stage}" > 0)`;
}
