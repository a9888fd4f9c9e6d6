// Formatting for people. Everything is shown in UTC and en-US, so the server render and the
// browser render produce the same text whatever the machine's time zone.
import { format as formatDate } from 'date-fns';
import type { KpiUnit, Period } from '../mining/types';

/** date-fns formats in local time; shift the instant so its UTC wall clock becomes local. */
function utcWallClock(iso: string): Date {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

export const formatUtc = (iso: string, pattern: string): string => formatDate(utcWallClock(iso), pattern);

/** "1 Jan 2026, 06:00 UTC" */
export const formatAsOf = (iso: string): string => `${formatUtc(iso, 'd MMM yyyy, HH:mm')} UTC`;

/** "November 2025" from "2025-11". */
export const formatMonth = (id: string): string => formatUtc(`${id}-01`, 'MMMM yyyy');
export const formatMonthShort = (id: string): string => formatUtc(`${id}-01`, 'MMM yyyy');

/** "1–30 Nov 2025" for the half-open period [2025-11-01, 2025-12-01). */
export function formatPeriod(p: Period): string {
  const from = utcWallClock(p.from);
  const last = new Date(Date.parse(`${p.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const to = utcWallClock(last);
  if (from.getFullYear() !== to.getFullYear()) return `${formatDate(from, 'd MMM yyyy')} – ${formatDate(to, 'd MMM yyyy')}`;
  if (from.getMonth() !== to.getMonth()) return `${formatDate(from, 'd MMM')} – ${formatDate(to, 'd MMM yyyy')}`;
  return `${formatDate(from, 'd')}–${formatDate(to, 'd MMM yyyy')}`;
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (n: number): string => int.format(n);
export const formatCompact = (n: number): string => (Math.abs(n) < 10_000 ? int.format(n) : compact.format(n));

type HourScale = 'min' | 'h' | 'd';
const scaleOf = (h: number): HourScale => (Math.abs(h) < 1 ? 'min' : Math.abs(h) < 48 ? 'h' : 'd');

/** Hours as a person reads them: "45 min", "18.5 h", "3.2 d"; `like` picks the scale of another value. */
export function formatHours(h: number, like: number = h): string {
  const scale = scaleOf(like);
  if (scale === 'min') return `${int.format(h * 60)} min`;
  if (scale === 'h') return `${one.format(h)} h`;
  return `${one.format(h / 24)} d`;
}

export const formatSeconds = (s: number): string => formatHours(s / 3600);

/**
 * A KPI value with its unit, split so the unit can be set smaller. `like` makes a duration use the
 * same scale as another value (the previous period in the scale of the current one).
 */
export function formatKpi(value: number | null, unit: KpiUnit, like?: number | null): { value: string; unit: string } {
  if (value === null || !Number.isFinite(value)) return { value: '—', unit: '' };
  switch (unit) {
    case 'count':
      return { value: formatCount(value), unit: '' };
    case 'hours': {
      const text = formatHours(value, like ?? value);
      const i = text.lastIndexOf(' ');
      const words: Record<string, string> = { h: 'hours', d: 'days', min: 'min' };
      return { value: text.slice(0, i), unit: words[text.slice(i + 1)] ?? text.slice(i + 1) };
    }
    case 'days':
      return { value: one.format(value), unit: 'days' };
    case 'usd':
      return { value: usd.format(value), unit: '' };
    case 'percent':
      return { value: one.format(value), unit: '%' };
    default:
      return { value: one.format(value), unit };
  }
}

export const formatKpiText = (value: number | null, unit: KpiUnit, like?: number | null): string => {
  const f = formatKpi(value, unit, like);
  return f.unit ? `${f.value} ${f.unit}` : f.value;
};

export type Trend = 'better' | 'worse' | 'same' | 'none';

/** The change against the previous period and whether it is good news. */
export function compare(value: number | null, previous: number | null, higherIsBetter: boolean): { trend: Trend; direction: 'up' | 'down' | 'flat'; pct: number | null } {
  if (value === null || previous === null) return { trend: 'none', direction: 'flat', pct: null };
  const diff = value - previous;
  const pct = previous === 0 ? null : (diff / Math.abs(previous)) * 100;
  if (Math.abs(diff) < 1e-9 || (pct !== null && Math.abs(pct) < 0.05)) return { trend: 'same', direction: 'flat', pct: 0 };
  const direction = diff > 0 ? 'up' : 'down';
  return { trend: (diff > 0) === higherIsBetter ? 'better' : 'worse', direction, pct };
}

export const formatPct = (pct: number): string => `${one.format(Math.abs(pct))} %`;
