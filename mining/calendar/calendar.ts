// Business calendars: when a site works (weekly hours in its own time zone, minus holidays), and
// business time measured on them. Pure TypeScript, no database; the SQL path (mining/sla) reads
// the working windows this module generates (calendarWindows) into the store.
//
// A day's working windows are local wall-clock ranges turned into UTC instants on that date, so a
// DST change moves them with the clocks: 08:00–17:00 is 9 h of work on every working day, and a
// window spanning the change (00:00–24:00 on a fall-back Sunday) gets the real 25 h.
import { DAY, checkTimeZone, dayOfIso, dayOfWeek, isoOfDay, localDay, localToUtc } from './tz';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A calendar as written in policies/calendars.json. */
export interface CalendarSpec {
  id: string;
  label?: string;
  /** IANA zone, e.g. America/Chicago. */
  timeZone: string;
  /** Open around the clock (24×7): business time equals elapsed time; week and holidays unused. */
  alwaysOpen?: boolean;
  /** Working windows per weekday, local time, "HH:MM-HH:MM" (end may be 24:00); missing = closed. */
  week?: Partial<Record<Weekday, string[]>>;
  /** Closed dates, YYYY-MM-DD (local). */
  holidays?: string[];
  /** Hours in one business day (for "within N business days"); default: the longest weekday. */
  businessDayHours?: number;
}

/** A checked calendar, ready to compute with. */
export interface Calendar {
  id: string;
  label: string;
  timeZone: string;
  alwaysOpen: boolean;
  /** Per weekday (0 = Sunday): sorted, non-overlapping [start, end) seconds of the local day. */
  week: [number, number][][];
  holidays: Set<number>;
  businessDayHours: number;
  /** Working windows by local day number (a cache). */
  cache: Map<number, [number, number][]>;
}

/** Open around the clock in UTC: business time = elapsed time (rules given in plain hours). */
export const ALWAYS_OPEN_ID = '24x7';

function parseClock(s: string, where: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  const v = m ? Number(m[1]) * 3600 + Number(m[2]) * 60 : Number.NaN;
  if (!m || Number(m[2]) > 59 || v > DAY) throw new Error(`${where}: "${s}" is not a time HH:MM between 00:00 and 24:00`);
  return v;
}

/** Checks a spec and compiles it; errors name the calendar and the field. */
export function compileCalendar(spec: CalendarSpec): Calendar {
  const where = `calendar "${spec.id}"`;
  try {
    checkTimeZone(spec.timeZone);
  } catch {
    throw new Error(`${where}: timeZone "${spec.timeZone}" is not a known IANA time zone`);
  }
  const week: [number, number][][] = WEEKDAYS.map(() => []);
  const alwaysOpen = !!spec.alwaysOpen;
  if (!alwaysOpen) {
    for (const [k, ranges] of Object.entries(spec.week ?? {})) {
      const i = WEEKDAYS.indexOf(k as Weekday);
      if (i < 0) throw new Error(`${where}: week.${k} is not a weekday (${WEEKDAYS.join(', ')})`);
      const ws = (ranges ?? []).map((r, j) => {
        const m = /^([^-]+)-([^-]+)$/.exec(r);
        if (!m) throw new Error(`${where}: week.${k}[${j}] "${r}" is not a range HH:MM-HH:MM`);
        const a = parseClock(m[1], `${where}: week.${k}[${j}]`);
        const b = parseClock(m[2], `${where}: week.${k}[${j}]`);
        if (b <= a) throw new Error(`${where}: week.${k}[${j}] "${r}" ends before it starts (split a night shift at 24:00)`);
        return [a, b] as [number, number];
      });
      ws.sort((x, y) => x[0] - y[0]);
      for (let j = 1; j < ws.length; j++) {
        if (ws[j][0] < ws[j - 1][1]) throw new Error(`${where}: week.${k} has overlapping ranges`);
      }
      week[i] = ws;
    }
    if (week.every((w) => w.length === 0)) throw new Error(`${where}: week has no working hours (use "alwaysOpen": true for 24×7)`);
  }
  const holidays = new Set<number>();
  (spec.holidays ?? []).forEach((h, j) => {
    try {
      holidays.add(dayOfIso(h));
    } catch {
      throw new Error(`${where}: holidays[${j}] "${h}" is not a date YYYY-MM-DD`);
    }
  });
  const longest = alwaysOpen ? 24 : Math.max(...week.map((w) => w.reduce((s, [a, b]) => s + b - a, 0))) / 3600;
  const businessDayHours = spec.businessDayHours ?? longest;
  if (!(businessDayHours > 0 && businessDayHours <= 24)) throw new Error(`${where}: businessDayHours must be in (0, 24]`);
  return {
    id: spec.id,
    label: spec.label ?? spec.id,
    timeZone: alwaysOpen ? 'UTC' : spec.timeZone,
    alwaysOpen,
    week,
    holidays,
    businessDayHours,
    cache: new Map(),
  };
}

/** The built-in 24×7 calendar (elapsed time). */
export const ALWAYS_OPEN: Calendar = compileCalendar({ id: ALWAYS_OPEN_ID, label: 'Around the clock (elapsed time)', timeZone: 'UTC', alwaysOpen: true });

/** The working windows of local day `day` as [open, close) epoch seconds, in time order. */
export function windowsOfDay(cal: Calendar, day: number): [number, number][] {
  let ws = cal.cache.get(day);
  if (ws) return ws;
  if (cal.alwaysOpen) ws = [[day * DAY, (day + 1) * DAY]];
  else if (cal.holidays.has(day)) ws = [];
  else {
    ws = [];
    let last = -Infinity;
    for (const [a, b] of cal.week[dayOfWeek(day)]) {
      const open = Math.max(localToUtc(cal.timeZone, day, a), last);
      const close = localToUtc(cal.timeZone, day, b);
      if (close > open) ws.push([open, close]);
      last = Math.max(last, close);
    }
  }
  if (cal.cache.size > 50_000) cal.cache.clear();
  cal.cache.set(day, ws);
  return ws;
}

const dayOf = (cal: Calendar, t: number): number => (cal.alwaysOpen ? Math.floor(t / DAY) : localDay(cal.timeZone, t));

/** Business seconds between two instants (epoch seconds); negative when `to` is before `from`. */
export function businessSecondsBetween(cal: Calendar, from: number, to: number): number {
  if (to < from) return -businessSecondsBetween(cal, to, from);
  if (to === from) return 0;
  if (cal.alwaysOpen) return to - from;
  let sum = 0;
  const last = dayOf(cal, to);
  for (let d = dayOf(cal, from); d <= last; d++) {
    for (const [o, c] of windowsOfDay(cal, d)) {
      const a = Math.max(o, from);
      const b = Math.min(c, to);
      if (b > a) sum += b - a;
    }
  }
  return sum;
}

const MAX_DAYS = 366 * 50;

/**
 * The earliest instant t with businessSecondsBetween(from, t) = secs (epoch seconds): the due time
 * of a clock started at `from` with an allowance of `secs`. Negative `secs` go back in time (the
 * latest such t before `from`); 0 gives `from`.
 */
export function addBusinessSecondsAt(cal: Calendar, from: number, secs: number): number {
  if (secs === 0) return from;
  if (cal.alwaysOpen) return from + secs;
  const start = dayOf(cal, from);
  let remaining = Math.abs(secs);
  if (secs > 0) {
    for (let d = start; d < start + MAX_DAYS; d++) {
      for (const [o, c] of windowsOfDay(cal, d)) {
        const a = Math.max(o, from);
        if (c <= a) continue;
        if (remaining <= c - a) return a + remaining;
        remaining -= c - a;
      }
    }
  } else {
    for (let d = start; d > start - MAX_DAYS; d--) {
      const ws = windowsOfDay(cal, d);
      for (let i = ws.length - 1; i >= 0; i--) {
        const [o, c] = ws[i];
        const b = Math.min(c, from);
        if (b <= o) continue;
        if (remaining <= b - o) return b - remaining;
        remaining -= b - o;
      }
    }
  }
  throw new Error(`calendar "${cal.id}": ${secs} business seconds from ${new Date(from * 1000).toISOString()} are more than 50 years away`);
}

type Instant = Date | string;
const sec = (x: Instant): number => {
  const ms = (x instanceof Date ? x : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(x) ? x : `${x.replace(' ', 'T')}Z`)).getTime();
  if (Number.isNaN(ms)) throw new Error(`not a time: ${String(x)}`);
  return ms / 1000;
};

/** Business seconds from `fromUtc` to `toUtc` (Date or ISO string; no zone = UTC). */
export function businessSeconds(cal: Calendar, fromUtc: Instant, toUtc: Instant): number {
  return businessSecondsBetween(cal, sec(fromUtc), sec(toUtc));
}

/** The due time: `secs` business seconds after `fromUtc`. */
export function addBusinessSeconds(cal: Calendar, fromUtc: Instant, secs: number): Date {
  return new Date(addBusinessSecondsAt(cal, sec(fromUtc), secs) * 1000);
}

export interface CalendarWindow {
  day: string;
  open: number;
  close: number;
  /** Business seconds in all earlier windows of the generated range. */
  cumBefore: number;
}

/**
 * Every working window of local days [fromDay, toDay] with the running total of business seconds
 * before it: business seconds up to t = cumBefore + clip(t − open, 0, close − open) of the last
 * window opening at or before t. What the SQL path (sla_calendar_windows) is made of.
 */
export function calendarWindows(cal: Calendar, fromDay: number, toDay: number): CalendarWindow[] {
  const out: CalendarWindow[] = [];
  let cum = 0;
  for (let d = fromDay; d <= toDay; d++) {
    for (const [o, c] of windowsOfDay(cal, d)) {
      out.push({ day: isoOfDay(d), open: o, close: c, cumBefore: cum });
      cum += c - o;
    }
  }
  return out;
}

export { dayOfIso, isoOfDay, localDay, localToUtc, offsetAt, DAY } from './tz';
