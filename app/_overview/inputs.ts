// What the finance overview asks the API for, derived from the URL's month and the log's data
// range, and which filters select the cases behind each number. Pure, so the browser test and the
// unit test read the same rules the page uses.
import type { Filter, Period, StageId } from '../../mining/types';
import type { MonthOption } from '../../server/periods';
import { monthPeriod } from '../../server/periods';

/** The KPIs of the library the tiles show (finance.kpis), for the trailing year. */
export const TILE_KPIS = [
  'dsoSimple',
  'dsoCountback',
  'bestPossibleDso',
  'averageDaysDelinquent',
  'invoiceLatencyHours',
  'latePaymentRate',
  'disputeRate',
  'disputeResolutionDays',
] as const;

export interface RangeInfo {
  months: MonthOption[];
  defaultMonth: string | null;
}

export interface MonthInputs {
  month: MonthOption;
  previous: { id: string; period: Period };
  /** The twelve months ending with the selected one, oldest first (the trend; last two = previous, month). */
  year: { id: string; period: Period }[];
  /** The month asked for in the URL when it is not in the data (shown as a notice). */
  unknownMonth: string | null;
}

const shift = (id: string, n: number): string => {
  const [y, m] = id.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export function resolveMonth(range: RangeInfo, asked: string | null): MonthInputs | null {
  if (range.months.length === 0) return null;
  const month =
    range.months.find((m) => m.id === asked) ?? range.months.find((m) => m.id === range.defaultMonth) ?? range.months[range.months.length - 1];
  const year = Array.from({ length: 12 }, (_, i) => shift(month.id, i - 11)).map((id) => ({ id, period: monthPeriod(id) }));
  return { month, previous: year[10], year, unknownMonth: asked !== null && asked !== month.id ? asked : null };
}

/**
 * The filter that selects exactly the orders behind a cost cause (mining/dso-impact stage): those
 * with an invoice of the period over the stage's target, by the DSO impact's own rule (the `stage`
 * filter shares its SQL). The period is the invoices' creation month, so no timeframe filter joins it.
 */
export function causeFilters(stage: StageId, period: Period): Filter[] {
  return [{ kind: 'stage', stage, from: period.from, to: period.to }];
}

/** Filters added to the current ones (without repeating one already set). */
export function withFilters(current: readonly Filter[], more: readonly Filter[]): Filter[] {
  const seen = new Set(current.map((f) => JSON.stringify(f)));
  return [...current, ...more.filter((f) => !seen.has(JSON.stringify(f)))];
}
