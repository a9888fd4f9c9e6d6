// Calendar arithmetic on half-open UTC periods [from, to) of ISO dates. Pure functions.
import type { Period } from './types';

const DAY_MS = 86_400_000;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parse(date: string): Date {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`invalid date "${date}": expected YYYY-MM-DD`);
  return d;
}

function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

export function startOfMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** Monday 00:00 UTC of the ISO week holding d. */
export function startOfWeek(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

export function daysIn(p: Period): number {
  return (parse(p.to).getTime() - parse(p.from).getTime()) / DAY_MS;
}

export function validatePeriod(p: Period): Period {
  if (daysIn(p) <= 0) throw new Error(`invalid period ${p.from}…${p.to}: "to" must be after "from"`);
  return { from: p.from.slice(0, 10), to: p.to.slice(0, 10) };
}

/** The last calendar month that ended at or before `asOf`. */
export function lastFullMonth(asOf: Date): Period {
  const to = startOfMonth(asOf);
  return { from: isoDate(addMonths(to, -1)), to: isoDate(to) };
}

function isCalendarMonth(p: Period): boolean {
  const from = parse(p.from);
  return from.getUTCDate() === 1 && isoDate(addMonths(from, 1)) === p.to.slice(0, 10);
}

/** The period before `p`: the previous calendar month for a month, else as many days just before. */
export function previousPeriod(p: Period): Period {
  const from = parse(p.from);
  if (isCalendarMonth(p)) return { from: isoDate(addMonths(from, -1)), to: p.from };
  return { from: isoDate(new Date(from.getTime() - daysIn(p) * DAY_MS)), to: p.from };
}

/** The `n` calendar-month windows ending at `end` (newest first), for the DSO countback. */
export function monthsBefore(end: string, n: number): Period[] {
  const to = parse(end);
  const out: Period[] = [];
  for (let k = 0; k < n; k++) {
    const a = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - k - 1, to.getUTCDate()));
    const b = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - k, to.getUTCDate()));
    out.push({ from: isoDate(a), to: isoDate(b) });
  }
  return out;
}

/** Consecutive week (Monday) or month buckets covering [from, to). */
export function buckets(from: string, to: string, grain: 'week' | 'month'): Period[] {
  const end = parse(to).getTime();
  let cur = grain === 'week' ? startOfWeek(parse(from)) : startOfMonth(parse(from));
  const out: Period[] = [];
  while (cur.getTime() < end) {
    const next = grain === 'week' ? new Date(cur.getTime() + 7 * DAY_MS) : addMonths(cur, 1);
    out.push({ from: isoDate(cur), to: isoDate(next) });
    cur = next;
  }
  return out;
}
