// AR aging and open disputes at the end of periods (issue 5's finance overview): the receivables
// the DSO counts, split by how far past due they are, and the disputes holding invoices up.
// SQL: sql/queries/mining/ar/aging.sql, open-disputes.sql; filters apply through the selection.
import type { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';
import { validatePeriod } from '../periods';
import type { CaseSelection } from '../filter/selection';
import { composedQuery } from '../kpi-library/compose';
import { MiningInputError } from '../errors';
import type { AgingBucketId, ArAging, OpenDisputes, Period } from '../types';

export const AGING_BUCKETS: readonly { id: AgingBucketId; label: string; definition: string }[] = [
  { id: 'current', label: 'Current', definition: 'Not yet due at the period end: due date after the period\'s last day, or no due date known (what best-possible DSO counts).' },
  { id: 'd1_30', label: '1–30 days', definition: '1 to 30 days past the due date at the period end.' },
  { id: 'd31_60', label: '31–60 days', definition: '31 to 60 days past the due date at the period end.' },
  { id: 'd61_90', label: '61–90 days', definition: '61 to 90 days past the due date at the period end.' },
  { id: 'd90_plus', label: 'Over 90 days', definition: 'More than 90 days past the due date at the period end.' },
];

export interface ArOptions {
  logId?: string;
  periods: Period[];
  selection?: CaseSelection;
}

const json = (ps: Period[]) => JSON.stringify(ps.map((p, i) => ({ i, from: p.from, to: p.to })));

function checked(opts: ArOptions): Period[] {
  if (opts.periods.length === 0) throw new MiningInputError('give at least one period');
  return opts.periods.map((p) => {
    try {
      return validatePeriod(p);
    } catch (e) {
      throw new MiningInputError((e as Error).message);
    }
  });
}

/** Receivables open at each period's end by days past due; amounts add up to the DSO's AR. */
export async function arAging(store: Store, opts: ArOptions): Promise<ArAging[]> {
  const logId = opts.logId ?? 'o2c';
  const periods = checked(opts);
  await ensureCaseViews(store, logId);
  const rows = await composedQuery<{ i: number; bucket: AgingBucketId; amount: number; invoices: number }>(
    store,
    'mining/ar/aging',
    { log_id: logId, periods: json(periods) },
    { selection: opts.selection },
  );
  return periods.map((period, i) => {
    const buckets = AGING_BUCKETS.map((b) => {
      const r = rows.find((x) => x.i === i && x.bucket === b.id);
      return { ...b, amount: r?.amount ?? 0, invoices: r?.invoices ?? 0 };
    });
    return {
      period,
      asOf: period.to,
      buckets,
      total: buckets.reduce((s, b) => s + b.amount, 0),
      invoices: buckets.reduce((s, b) => s + b.invoices, 0),
    };
  });
}

/** Disputes opened in each period and open at its end, with their age then. */
export async function openDisputes(store: Store, opts: ArOptions): Promise<OpenDisputes[]> {
  const logId = opts.logId ?? 'o2c';
  const periods = checked(opts);
  await ensureCaseViews(store, logId);
  const rows = await composedQuery<{ i: number; opened: number; open_at_end: number; median_age_days: number | null; mean_age_days: number | null }>(
    store,
    'mining/ar/open-disputes',
    { log_id: logId, periods: json(periods) },
    { selection: opts.selection },
  );
  return periods.map((period, i) => {
    const r = rows.find((x) => x.i === i);
    return {
      period,
      opened: r?.opened ?? 0,
      openAtEnd: r?.open_at_end ?? 0,
      medianAgeDays: r?.median_age_days ?? null,
      meanAgeDays: r?.mean_age_days ?? null,
    };
  });
}
