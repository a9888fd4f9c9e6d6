// What each dashboard page asks the API for (bench/dashboard-bench.ts times these). Inputs mirror
// the pages' defaults: the O2C log, order perspective, the default month (app/_overview/inputs.ts),
// the map's default sliders 60/30. `filtered` is the same call with the benchmark's filter
// (segment KA and the activity Set Credit Block), for procedures that take filters.
import type { Period } from '../mining/types';

export interface BenchContext {
  logId: string;
  /** The default month of the overview. */
  month: Period;
  /** The last 13 months of the data, oldest first. */
  last13: Period[];
  /** The trailing year ending with `month`. */
  year: Period;
  firstDay: string;
  /** An order case for the case page. */
  caseId: string | null;
  filters: unknown[];
}

export interface Endpoint {
  label: string;
  /** 'router.procedure'; skipped with a note when the router lacks it. */
  proc: string;
  /** The input (undefined for procedures without one; null = cannot be asked). */
  input: (c: BenchContext) => unknown;
  filtered?: (c: BenchContext) => unknown;
  /** Leave out of the page's "all at once" row (a second setting of a procedure already in it). */
  together?: false;
  /** The answer holds `chunks` (an async generator of text) to read to the end, as the export route does. */
  drain?: true;
}

export interface Page {
  id: string;
  title: string;
  endpoints: Endpoint[];
}

const order = (c: BenchContext) => ({ logId: c.logId, perspective: 'order' });
const withF = (c: BenchContext, extra: Record<string, unknown> = {}) => ({ ...order(c), filters: c.filters, ...extra });
const FINANCE_KPIS = ['dsoSimple', 'dsoCountback', 'bestPossibleDso', 'averageDaysDelinquent', 'latePaymentRate', 'disputeRate', 'disputeResolutionDays', 'invoiceLatencyHours'];
const trendFrom = (c: BenchContext) => (c.year.from < c.firstDay ? c.firstDay : c.year.from);

export const pages: Page[] = [
  {
    id: 'shell',
    title: 'Shell (every page)',
    endpoints: [
      { label: 'logs.list', proc: 'logs.list', input: () => undefined },
      { label: 'logs.dataRange', proc: 'logs.dataRange', input: (c) => ({ logId: c.logId }) },
      { label: 'logs.filterOptions', proc: 'logs.filterOptions', input: order },
    ],
  },
  {
    id: 'overview',
    title: 'Overview',
    endpoints: [
      { label: 'kpi.overview (month)', proc: 'kpi.overview', input: (c) => ({ logId: c.logId, period: c.month }) },
      { label: 'kpi.trend (year, weekly)', proc: 'kpi.trend', input: (c) => ({ logId: c.logId, from: trendFrom(c), to: c.year.to, grain: 'week' }) },
      {
        label: 'finance.kpis (8 KPIs × 13 months)',
        proc: 'finance.kpis',
        input: (c) => ({ logId: c.logId, periods: c.last13, kpis: FINANCE_KPIS }),
        filtered: (c) => ({ logId: c.logId, periods: c.last13, kpis: FINANCE_KPIS, filters: c.filters }),
      },
      { label: 'finance.dsoImpact (month)', proc: 'finance.dsoImpact', input: (c) => ({ logId: c.logId, period: c.month }), filtered: (c) => ({ logId: c.logId, period: c.month, filters: c.filters }) },
      { label: 'finance.kpiDefinitions', proc: 'finance.kpiDefinitions', input: () => undefined },
      { label: 'finance.arAging (13 months)', proc: 'finance.arAging', input: (c) => ({ logId: c.logId, periods: c.last13 }), filtered: (c) => ({ logId: c.logId, periods: c.last13, filters: c.filters }) },
      { label: 'finance.openDisputes (13 months)', proc: 'finance.openDisputes', input: (c) => ({ logId: c.logId, periods: c.last13 }), filtered: (c) => ({ logId: c.logId, periods: c.last13, filters: c.filters }) },
      { label: 'map.process (month, 60/30)', proc: 'map.process', input: (c) => ({ ...order(c), period: c.month, activityPct: 60, pathPct: 30 }) },
      { label: 'exceptions.summary', proc: 'exceptions.summary', input: (c) => ({ logId: c.logId }), filtered: (c) => ({ logId: c.logId, filters: c.filters }) },
    ],
  },
  {
    id: 'map',
    title: 'Process map',
    endpoints: [
      { label: 'map.process 60/30', proc: 'map.process', input: (c) => ({ ...order(c), activityPct: 60, pathPct: 30 }), filtered: (c) => withF(c, { activityPct: 60, pathPct: 30 }) },
      { label: 'map.process 100/100', proc: 'map.process', input: (c) => ({ ...order(c), activityPct: 100, pathPct: 100 }), filtered: (c) => withF(c, { activityPct: 100, pathPct: 100 }), together: false },
    ],
  },
  {
    id: 'variants',
    title: 'Variants',
    endpoints: [{ label: 'views.variants (top 100)', proc: 'views.variants', input: (c) => ({ ...order(c), limit: 100 }), filtered: (c) => withF(c, { limit: 100 }) }],
  },
  {
    id: 'cases',
    title: 'Cases',
    endpoints: [
      { label: 'cases.columns', proc: 'cases.columns', input: order },
      {
        label: 'cases.list (200 rows, by duration desc)',
        proc: 'cases.list',
        input: (c) => ({ ...order(c), sort: { column: 'duration', dir: 'desc' }, offset: 0, limit: 200 }),
        filtered: (c) => withF(c, { sort: { column: 'duration', dir: 'desc' }, offset: 0, limit: 200 }),
      },
      {
        label: 'cases.exportCsv (all rows, drained)',
        proc: 'cases.exportCsv',
        input: (c) => ({ ...order(c), sort: { column: 'duration', dir: 'desc' } }),
        filtered: (c) => withF(c, { sort: { column: 'duration', dir: 'desc' } }),
        drain: true,
        together: false,
      },
      { label: 'cases.detail (one order)', proc: 'cases.detail', input: (c) => (c.caseId ? { ...order(c), caseId: c.caseId } : null) },
    ],
  },
  {
    id: 'exceptions',
    title: 'Exceptions',
    endpoints: [
      { label: 'exceptions.summary', proc: 'exceptions.summary', input: (c) => ({ logId: c.logId }), filtered: (c) => ({ logId: c.logId, filters: c.filters }) },
      { label: 'exceptions.queue sla (50 by age)', proc: 'exceptions.queue', input: (c) => ({ logId: c.logId, queue: 'sla' }), filtered: (c) => ({ logId: c.logId, queue: 'sla', filters: c.filters }) },
      {
        label: 'exceptions.queue latePayments (50 by amount)',
        proc: 'exceptions.queue',
        input: (c) => ({ logId: c.logId, queue: 'latePayments', sort: 'amount', dir: 'desc' }),
        filtered: (c) => ({ logId: c.logId, queue: 'latePayments', sort: 'amount', dir: 'desc', filters: c.filters }),
      },
    ],
  },
  {
    id: 'bottlenecks',
    title: 'Bottlenecks',
    endpoints: [
      { label: 'views.transitions (none)', proc: 'views.transitions', input: (c) => ({ ...order(c), dimension: 'none' }), filtered: (c) => withF(c, { dimension: 'none' }) },
      { label: 'views.transitions (warehouse)', proc: 'views.transitions', input: (c) => ({ ...order(c), dimension: 'warehouse' }), filtered: (c) => withF(c, { dimension: 'warehouse' }) },
      { label: 'views.wip (year)', proc: 'views.wip', input: (c) => ({ ...order(c), from: c.year.from, to: c.year.to }), filtered: (c) => withF(c, { from: c.year.from, to: c.year.to }) },
      { label: 'finance.rootCause (latePayment)', proc: 'finance.rootCause', input: (c) => ({ logId: c.logId, outcome: 'latePayment' }), filtered: (c) => ({ logId: c.logId, outcome: 'latePayment', filters: c.filters }) },
    ],
  },
];
