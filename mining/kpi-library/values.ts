// kpiValues: any KPIs of the library for a list of periods, optionally per value of one dimension,
// over a case selection. Each source query runs once for all periods and groups.
import type { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';
import { daysIn, monthsBefore, validatePeriod } from '../periods';
import { dsoCountback, dsoSimple } from '../kpis';
import type { Period } from '../types';
import type { CaseSelection } from '../filter/selection';
import { composedQuery, groupColumn } from './compose';
import { KPIS, kpiDefinition, type KpiDefinition, type KpiSource } from './registry';
import { loadTargets } from './targets';

export interface KpiValuesOptions {
  logId?: string;
  /** KPI ids (registry.ts); default all. */
  kpis?: string[];
  periods: Period[];
  /** A dimension: segment, channel, order_type, warehouse, customer, payment_terms or any attribute column of `cases`. */
  groupBy?: string | null;
  selection?: CaseSelection;
  /** The ERP's time zone for calendar-date comparisons; default policies/targets.json. */
  timeZone?: string;
}

export interface KpiPoint {
  period: Period;
  /** The dimension's value (null: no value, or no grouping). */
  group: string | null;
  value: number | null;
  /** What the value is computed over (orders, invoices, lines, blocks; for the DSO family the invoices' credit sales are not counted: n is 0). */
  n: number;
}

export interface KpiSeries extends Omit<KpiDefinition, 'source' | 'additive'> {
  points: KpiPoint[];
}

export interface KpiValues {
  logId: string;
  periods: Period[];
  groupBy: string | null;
  /** Every group seen, sorted (nulls last); [null] without grouping. */
  groups: (string | null)[];
  kpis: KpiSeries[];
}

interface Row {
  kpi: string;
  i: number;
  g: string | number | null;
  value: number | null;
  n: number;
}
interface ReceivablesRow {
  i: number;
  g: string | number | null;
  ar_end: number;
  current_ar: number;
  sales: number;
  has_history: boolean | null;
}

const QUERY: Record<Exclude<KpiSource, 'receivables'>, string> = {
  orders: 'mining/kpi/lib-orders',
  credit: 'mining/kpi/lib-credit',
  invoices: 'mining/kpi/lib-invoices',
  fulfilment: 'mining/kpi/lib-fulfilment',
};
const COUNTBACK_MONTHS = 24;
const key = (g: string | number | null): string | null => (g === null || g === undefined ? null : String(g));
const json = (ps: Period[]) => JSON.stringify(ps.map((p, i) => ({ i, from: p.from, to: p.to })));

export async function kpiValues(store: Store, opts: KpiValuesOptions): Promise<KpiValues> {
  const logId = opts.logId ?? 'o2c';
  const defs = (opts.kpis ?? KPIS.map((k) => k.id)).map(kpiDefinition);
  const periods = opts.periods.map(validatePeriod);
  const group = await groupColumn(store, opts.groupBy);
  await ensureCaseViews(store, logId);
  const tz = opts.timeZone ?? loadTargets().localTimeZone;
  const params = { log_id: logId, periods: json(periods), tz };
  const compose = { group, selection: opts.selection };

  const sources = new Set(defs.map((d) => d.source));
  const rows: Row[] = [];
  for (const s of Object.keys(QUERY) as (keyof typeof QUERY)[]) {
    if (!sources.has(s)) continue;
    const q = QUERY[s];
    const withTz = s === 'invoices' || s === 'fulfilment';
    rows.push(...(await composedQuery<Row>(store, q, withTz ? params : { log_id: logId, periods: params.periods }, compose)));
  }
  const dso = sources.has('receivables')
    ? await receivableKpis(store, logId, periods, defs.some((d) => d.id === 'dsoCountback'), compose)
    : [];
  rows.push(...dso);

  const groups = group
    ? [...new Set(rows.map((r) => key(r.g)))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    : [null];
  const byKey = new Map(rows.map((r) => [`${r.kpi}\u0000${r.i}\u0000${key(r.g)}`, r]));
  return {
    logId,
    periods,
    groupBy: opts.groupBy ?? null,
    groups,
    kpis: defs.map(({ source: _s, additive, ...d }) => ({
      ...d,
      points: periods.flatMap((period, i) =>
        groups.map((g) => {
          const r = byKey.get(`${d.id}\u0000${i}\u0000${g}`);
          return { period, group: g, value: r?.value ?? (additive ? 0 : null), n: r?.n ?? 0 };
        }),
      ),
    })),
  };
}

/** dsoSimple, dsoCountback, bestPossibleDso, averageDaysDelinquent as rows like the SQL sources'. */
async function receivableKpis(
  store: Store,
  logId: string,
  periods: Period[],
  countback: boolean,
  compose: { group: string | null; selection?: CaseSelection },
): Promise<Row[]> {
  // The periods themselves, then every distinct countback month window behind them.
  const all: Period[] = [...periods];
  const index = new Map<string, number>();
  const windowsOf = periods.map((p) =>
    countback
      ? monthsBefore(p.to, COUNTBACK_MONTHS).map((w) => {
          const k = `${w.from}|${w.to}`;
          if (!index.has(k)) index.set(k, all.push(w) - 1);
          return index.get(k) as number;
        })
      : [],
  );
  const rec = await composedQuery<ReceivablesRow>(store, 'mining/kpi/lib-receivables', { log_id: logId, periods: json(all) }, compose);
  const at = new Map(rec.map((r) => [`${r.i}\u0000${key(r.g)}`, r]));
  const history = new Map<number, boolean>();
  for (const r of rec) if (r.has_history) history.set(r.i, true);
  const groups = [...new Set(rec.filter((r) => r.i < periods.length).map((r) => key(r.g)))];
  const out: Row[] = [];
  periods.forEach((p, i) => {
    for (const g of groups) {
      const r = at.get(`${i}\u0000${g}`);
      if (!r) continue;
      const days = daysIn(p);
      const simple = dsoSimple(r.ar_end, r.sales, days);
      const best = dsoSimple(r.current_ar, r.sales, days);
      out.push({ kpi: 'dsoSimple', i, g, value: simple, n: 0 });
      out.push({ kpi: 'bestPossibleDso', i, g, value: best, n: 0 });
      out.push({ kpi: 'averageDaysDelinquent', i, g, value: simple !== null && best !== null ? simple - best : null, n: 0 });
      if (countback) {
        const months = windowsOf[i].map((w) => ({
          sales: at.get(`${w}\u0000${g}`)?.sales ?? 0,
          days: daysIn(all[w]),
          hasHistory: history.get(w) ?? false,
        }));
        out.push({ kpi: 'dsoCountback', i, g, value: dsoCountback(r.ar_end, months), n: 0 });
      }
    }
  });
  return out;
}
