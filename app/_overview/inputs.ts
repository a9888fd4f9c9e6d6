// What the overview asks the API for, derived from the URL and the log's data range. Pure, and
// used both by the server render (prefetch) and the browser, so both ask for exactly the same
// thing and the prefetched answers are reused.
import type { LogSummary, Period } from '../../mining/types';
import type { MonthOption } from '../../server/periods';
import { trailingYear } from '../../server/periods';
import type { Search } from '../_shared/url-state';

export { searchOf, type Search } from '../_shared/url-state';

/** The five headline KPIs, in this order; DSO by the countback method is shown inside the DSO card. */
export const HEADLINE = ['orders', 'medianOrderToShipHours', 'medianInvoiceLatencyHours', 'dsoSimple', 'openSlaBreaches'] as const;

/** The map opens on the main flow: the more frequent activities and paths (sliders go to 100 %). */
export const DEFAULT_ACTIVITY_PCT = 60;
export const DEFAULT_PATH_PCT = 30;

/** The log to show: the one in the URL, else the O2C log, else the first. */
export function chooseLog(logs: readonly LogSummary[] | undefined, wanted: string | null): LogSummary | null {
  if (!logs || logs.length === 0) return null;
  return logs.find((l) => l.logId === wanted) ?? logs.find((l) => l.logId === 'o2c') ?? logs[0];
}

function pct(raw: string | null, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : fallback;
}

export interface RangeInfo {
  months: MonthOption[];
  defaultMonth: string | null;
}

export interface OverviewInputs {
  month: MonthOption;
  /** The month asked for in the URL when it is not in the data (shown as a notice). */
  unknownMonth: string | null;
  overview: { logId: string; period: Period };
  trend: { logId: string; from: string; to: string; grain: 'week' };
  map: { logId: string; perspective: 'order'; period: Period; activityPct: number; pathPct: number };
}

export function resolveInputs(logId: string, range: RangeInfo, search: Search): OverviewInputs | null {
  if (range.months.length === 0) return null;
  const asked = search.get('period');
  const month =
    range.months.find((m) => m.id === asked) ??
    range.months.find((m) => m.id === range.defaultMonth) ??
    range.months[range.months.length - 1];
  const year = trailingYear(month.id);
  const firstDay = range.months[0].period.from; // no empty weeks before the data starts
  const trendFrom = year.from < firstDay ? firstDay : year.from;
  return {
    month,
    unknownMonth: asked !== null && asked !== month.id ? asked : null,
    overview: { logId, period: month.period },
    trend: { logId, from: trendFrom, to: year.to, grain: 'week' },
    map: {
      logId,
      perspective: 'order',
      period: month.period,
      activityPct: pct(search.get('activities'), DEFAULT_ACTIVITY_PCT),
      pathPct: pct(search.get('paths'), DEFAULT_PATH_PCT),
    },
  };
}
