// What the playbooks saved, over runs found fixed after an ingest (closing the loop):
// - cases fixed: distinct cases with at least one fixed run;
// - cash released: the amount at stake of the fixed rows (each row once), per currency;
// - days removed, per fixed row (a row fixed by several runs, e.g. a notice and a release, counts
//   once, with its smallest figure): max(0, B − a) in days, where a = the row's age when the run was
//   requested and B = the median age of the rows still in the same queue at the check that found it
//   gone, both as of the log's newest event (the clock of every queue age: a log that ends in the
//   past is not compared with today). Those rows wait without the playbook and have not cleared
//   yet, so B understates how long a row waits without action: the figure is a conservative
//   estimate, not a measurement. A run without a known age or baseline counts 0.
import type { Store } from '../sql';
import type { User } from '../server/auth';
import { outOfScope } from './scope';

export const DAYS_REMOVED_DEFINITION =
  "For each exception row fixed (once, however many runs acted on it; the smallest figure of its runs): the median age of the rows still waiting in the run's queue when the check after an ingest found its row gone, minus the row's age when the run was requested, in days, at least 0 (ages as of the log's newest event). Rows still waiting have not cleared, so this understates the wait without the playbook: a conservative estimate.";

export interface SavingsLine {
  casesFixed: number;
  runsFixed: number;
  daysRemoved: number;
  cashReleased: { currency: string | null; amount: number }[];
}

export interface Savings extends SavingsLine {
  logId: string;
  from: string | null;
  to: string | null;
  byPlaybook: (SavingsLine & { playbookId: string })[];
  definitions: { casesFixed: string; daysRemoved: string; cashReleased: string };
}

export interface FixedRow {
  id: string;
  playbook_id: string;
  case_id: string;
  object_id: string | null;
  amount: number | null;
  currency: string | null;
  warehouse: string | null;
  segment: string | null;
  age_at_request_s: number | null;
  baseline_age_s: number | null;
}

const DAY_S = 86_400;
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function daysRemoved(r: Pick<FixedRow, 'age_at_request_s' | 'baseline_age_s'>): number {
  if (r.age_at_request_s == null || r.baseline_age_s == null) return 0;
  return Math.max(0, r.baseline_age_s - r.age_at_request_s) / DAY_S;
}

const rowKey = (r: FixedRow) => `${r.case_id}\u0000${r.object_id ?? ''}`;

/** The figures of a set of fixed runs (see the header for the definitions). */
export function line(rows: readonly FixedRow[]): SavingsLine {
  const cash = new Map<string | null, number>();
  const seen = new Set<string>();
  const days = new Map<string, number>();
  for (const r of rows) {
    const k = rowKey(r);
    const d = daysRemoved(r);
    days.set(k, Math.min(days.get(k) ?? d, d));
    if (seen.has(k) || r.amount == null) continue;
    seen.add(k);
    cash.set(r.currency, (cash.get(r.currency) ?? 0) + r.amount);
  }
  return {
    casesFixed: new Set(rows.map((r) => r.case_id)).size,
    runsFixed: rows.length,
    daysRemoved: round([...days.values()].reduce((s, d) => s + d, 0), 2),
    cashReleased: [...cash].map(([currency, amount]) => ({ currency, amount: round(amount, 2) })).sort((a, b) => b.amount - a.amount),
  };
}

/** `from` / `to`: YYYY-MM-DD (UTC), half-open, on the run's success time; `viewer` narrows to their scope. */
export async function savings(store: Store, opts: { logId: string; from?: string | null; to?: string | null; viewer?: User | null }): Promise<Savings> {
  const all = await store.query<FixedRow>('workflows/fixed-runs', { log_id: opts.logId, from: opts.from ?? null, to: opts.to ?? null });
  const rows = all.filter((r) => !opts.viewer || !outOfScope(opts.viewer, r));
  const playbooks = [...new Set(rows.map((r) => r.playbook_id))].sort();
  return {
    logId: opts.logId,
    from: opts.from ?? null,
    to: opts.to ?? null,
    ...line(rows),
    byPlaybook: playbooks.map((playbookId) => ({ playbookId, ...line(rows.filter((r) => r.playbook_id === playbookId)) })),
    definitions: {
      casesFixed: 'Distinct cases with a run that succeeded and whose exception row was gone from its queue at the last check after an ingest.',
      daysRemoved: DAYS_REMOVED_DEFINITION,
      cashReleased: 'The amount at stake of the fixed rows (each row once), per currency.',
    },
  };
}
