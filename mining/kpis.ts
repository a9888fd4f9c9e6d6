// Overview KPIs and their trend (../shared/docs/domain.md §5). Each KPI is one named SQL file
// evaluated over a list of periods in a single query; DSO countback walks monthly sales in
// TypeScript. Reads the case views, so it makes sure they are fresh first. Over the orders the
// filters select (default: all; the server passes a scoped owner's scope this way).
import type { Params, Store } from '../sql';
import { selectionFor } from './filter/prepare';
import { selectedSql, selectedText, type CaseSelection } from './filter/selection';
import type { Filter } from './filter/types';
import { ensureCaseViews } from './refresh';
import { openBreachesAt } from './sla/read';
import type { SlaPolicy } from './sla/policy';
import { buckets, daysIn, isoDate, lastFullMonth, monthsBefore, previousPeriod, validatePeriod } from './periods';
import { dataRange } from './logs';
import type { KpiValue, OverviewKpis, Period, TrendPoint } from './types';

export const KPI_DEFINITIONS = {
  orders: {
    label: 'Orders',
    unit: 'count',
    higherIsBetter: true,
    definition: 'Sales orders created in the period (time of Create Sales Order).',
  },
  medianOrderToShipHours: {
    label: 'Order to ship (median)',
    unit: 'hours',
    higherIsBetter: false,
    definition:
      "Median time from an order's creation to its first goods issue (Post Goods Issue), over the orders whose first goods issue happened in the period.",
  },
  medianInvoiceLatencyHours: {
    label: 'Invoice latency (median)',
    unit: 'hours',
    higherIsBetter: false,
    definition:
      'Median time from the goods issue of a delivery to the creation of its invoice, over the invoices created in the period.',
  },
  dsoSimple: {
    label: 'DSO',
    unit: 'days',
    higherIsBetter: false,
    definition:
      'Days sales outstanding: receivables open at the end of the period ÷ credit sales in the period × days in the period. Receivables are gross invoices created by the period end less cash applied, deductions, credit memos and cancellations by then; credit sales are gross invoices created in the period less cancellations in it.',
  },
  dsoCountback: {
    label: 'DSO (countback)',
    unit: 'days',
    higherIsBetter: false,
    definition:
      "Days sales outstanding by the countback method: receivables open at the end of the period are matched against each month's credit sales, newest month first; every month fully covered adds all its days, the month where the receivables run out adds the share it covers.",
  },
  openSlaBreaches: {
    label: 'Open SLA breaches',
    unit: 'count',
    higherIsBetter: false,
    definition:
      'SLA clocks (policies/sla.json) still running at the end of the period and past their due time, e.g. credit blocks not released within 1 business day, orders not shipped within 72 h (blocked time excluded), deliveries not invoiced within 24 h of goods issue, disputes open more than 5 business days. Business days and hours follow the site calendar (policies/calendars.json); the breakdown lists the rules one by one.',
  },
} as const satisfies Record<string, Pick<KpiValue, 'label' | 'unit' | 'higherIsBetter' | 'definition'>>;

type KpiId = keyof typeof KPI_DEFINITIONS;

interface IndexedPeriod extends Period {
  i: number;
}
const indexed = (ps: Period[]): IndexedPeriod[] => ps.map((p, i) => ({ i, ...p }));
const json = (ps: IndexedPeriod[]) => JSON.stringify(ps);

/** A KPI query over the selection: binds $perspective (orders) and $all_cases where the text uses them. */
function kpiQuery<T>(store: Store, name: string, params: Record<string, string | number | boolean>, selection: CaseSelection): Promise<T[]> {
  const text = selectedText(`mining/kpi/${name}`, selection);
  const own: Record<string, string | number | boolean> = { ...params };
  if (text.includes('$perspective')) own.perspective = 'order';
  if (text.includes('$all_cases')) own.all_cases = selection.all;
  return selectedSql<T>(store, text, own as Params, selection);
}

/** The selected orders of a log (the KPIs are about orders whatever the filters' perspective). */
const ordersOf = (store: Store, logId: string, filters: Filter[] | undefined): Promise<CaseSelection> => selectionFor(store, logId, 'order', filters);

async function perPeriod(store: Store, name: string, logId: string, ps: IndexedPeriod[], selection: CaseSelection): Promise<(number | null)[]> {
  const rows = await kpiQuery<{ i: number; value: number | null }>(store, name, { log_id: logId, periods: json(ps) }, selection);
  const out: (number | null)[] = ps.map(() => null);
  for (const r of rows) out[r.i] = r.value ?? null;
  return out;
}

interface Receivables {
  arEnd: number;
  sales: number;
  hasHistory: boolean;
}

/** A bound at 00:00 UTC: a date, or a date-time at midnight. */
const MIDNIGHT = /^\d{4}-\d{2}-\d{2}([T ]00:00(:00(\.0+)?)?Z?)?$/;

async function receivables(store: Store, logId: string, ps: IndexedPeriod[], selection: CaseSelection): Promise<Receivables[]> {
  const rows = await kpiQuery<{ i: number; ar_end: number; sales: number; has_history: boolean | null }>(
    store,
    'receivables',
    { log_id: logId, periods: json(ps), by_day: ps.every((p) => MIDNIGHT.test(p.from) && MIDNIGHT.test(p.to)) },
    selection,
  );
  const out: Receivables[] = ps.map(() => ({ arEnd: 0, sales: 0, hasHistory: false }));
  for (const r of rows) out[r.i] = { arEnd: r.ar_end, sales: r.sales, hasHistory: !!r.has_history };
  return out;
}

/** AR at period end ÷ credit sales in the period × days; null without sales. */
export function dsoSimple(arEnd: number, sales: number, days: number): number | null {
  return sales > 0 ? (arEnd / sales) * days : null;
}

/**
 * Countback DSO: months newest first, each { sales, days, hasHistory } where hasHistory says
 * whether the ledger holds anything older than that month (else the walk stops there).
 */
export function dsoCountback(arEnd: number, months: { sales: number; days: number; hasHistory: boolean }[]): number | null {
  if (months.length === 0) return null;
  if (arEnd <= 0) return 0;
  let remaining = arEnd;
  let days = 0;
  for (const m of months) {
    if (m.sales > 0 && remaining <= m.sales) return days + (remaining / m.sales) * m.days;
    days += m.days;
    remaining -= Math.max(m.sales, 0);
    if (!m.hasHistory) break;
  }
  return days;
}

export interface SlaCount {
  ruleId: string;
  label: string;
  counts: number[];
}

/**
 * Open breaches per SLA rule as of each time (ISO date or timestamp, UTC), from the evaluated
 * clocks (mining/sla): running at that time and past their due time, not exempt.
 */
export async function openSlaBreaches(store: Store, opts: { logId: string; asOf: string[]; policy?: SlaPolicy; selection?: CaseSelection }): Promise<SlaCount[]> {
  return openBreachesAt(store, { logId: opts.logId, asOf: opts.asOf, policy: opts.policy, selection: opts.selection });
}

function kpi(id: KpiId, value: number | null, previous: number | null, extra: Partial<KpiValue> = {}): KpiValue {
  return { id, ...KPI_DEFINITIONS[id], value, previous, ...extra };
}

const COUNTBACK_MONTHS = 24;

export interface OverviewOptions {
  logId?: string;
  /** Default: the last full calendar month in the data. */
  period?: Period;
  /** Default: policies/sla.json as loaded now. */
  slaPolicy?: SlaPolicy;
  /** The orders counted (default: all). */
  filters?: Filter[];
}

export async function overviewKpis(store: Store, opts: OverviewOptions = {}): Promise<OverviewKpis> {
  const logId = opts.logId ?? 'o2c';
  await ensureCaseViews(store, logId);
  const selection = await ordersOf(store, logId, opts.filters);
  const range = await dataRange(store, logId);
  const asOf = range.lastEvent ?? new Date().toISOString();
  const period = opts.period ? validatePeriod(opts.period) : lastFullMonth(new Date(asOf));
  const prev = previousPeriod(period);
  const two = indexed([period, prev]);
  const [orders, toShip, latency, rec] = await Promise.all([
    perPeriod(store, 'orders', logId, two, selection),
    perPeriod(store, 'order-to-ship', logId, two, selection),
    perPeriod(store, 'invoice-latency', logId, two, selection),
    receivables(store, logId, indexed([period, prev, ...monthsBefore(period.to, COUNTBACK_MONTHS), ...monthsBefore(prev.to, COUNTBACK_MONTHS)]), selection),
  ]);
  const sla = await openSlaBreaches(store, { logId, asOf: [period.to, prev.to], policy: opts.slaPolicy, selection });
  const months = (offset: number, end: string) =>
    monthsBefore(end, COUNTBACK_MONTHS).map((m, k) => ({ sales: rec[offset + k].sales, days: daysIn(m), hasHistory: rec[offset + k].hasHistory }));
  const simple = (k: number, p: Period) => dsoSimple(rec[k].arEnd, rec[k].sales, daysIn(p));
  const total = (k: number) => sla.reduce((s, r) => s + r.counts[k], 0);
  return {
    logId,
    period,
    previousPeriod: prev,
    asOf,
    kpis: [
      kpi('orders', orders[0] ?? 0, orders[1] ?? 0),
      kpi('medianOrderToShipHours', toShip[0], toShip[1]),
      kpi('medianInvoiceLatencyHours', latency[0], latency[1]),
      kpi('dsoSimple', simple(0, period), simple(1, prev)),
      kpi('dsoCountback', dsoCountback(rec[0].arEnd, months(2, period.to)), dsoCountback(rec[1].arEnd, months(2 + COUNTBACK_MONTHS, prev.to))),
      kpi('openSlaBreaches', total(0), total(1), {
        breakdown: sla.map((r) => ({ id: r.ruleId, label: r.label, value: r.counts[0], previous: r.counts[1] })),
      }),
    ],
  };
}

export interface TrendOptions {
  logId?: string;
  /** ISO dates; default: the first and last event of the log. */
  from?: string;
  to?: string;
  grain?: 'week' | 'month';
  /** The orders counted (default: all). */
  filters?: Filter[];
}

export async function kpiTrend(store: Store, opts: TrendOptions = {}): Promise<TrendPoint[]> {
  const logId = opts.logId ?? 'o2c';
  await ensureCaseViews(store, logId);
  const selection = await ordersOf(store, logId, opts.filters);
  const range = await dataRange(store, logId);
  const from = opts.from ?? range.firstEvent;
  const lastDay = range.lastEvent ? isoDate(new Date(new Date(range.lastEvent).getTime() + 86_400_000)) : null;
  const to = opts.to ?? lastDay;
  if (!from || !to) return [];
  const bs = indexed(buckets(from, to, opts.grain ?? 'month'));
  if (bs.length === 0) return [];
  const [orders, toShip, latency, rec] = await Promise.all([
    perPeriod(store, 'orders', logId, bs, selection),
    perPeriod(store, 'order-to-ship', logId, bs, selection),
    perPeriod(store, 'invoice-latency', logId, bs, selection),
    receivables(store, logId, bs, selection),
  ]);
  const asOf = range.lastEvent ? new Date(range.lastEvent).getTime() : Number.POSITIVE_INFINITY;
  return bs.map((b) => {
    const partial = new Date(`${b.to}T00:00:00Z`).getTime() > asOf;
    return {
      bucket: b.from,
      orders: orders[b.i] ?? 0,
      medianOrderToShipHours: toShip[b.i],
      medianInvoiceLatencyHours: latency[b.i],
      dsoSimple: partial ? null : dsoSimple(rec[b.i].arEnd, rec[b.i].sales, daysIn(b)),
      partial,
    };
  });
}
