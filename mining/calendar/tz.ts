// IANA time zones without a library: UTC offsets come from Intl.DateTimeFormat, once per (zone,
// year) to find that year's transitions (binary search to the second); later look-ups are
// arithmetic. All instants are epoch seconds (UTC); a "day" is a day number (days since
// 1970-01-01) of the local calendar date.
export const DAY = 86_400;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Throws when `tz` is not an IANA zone this runtime knows. */
export function checkTimeZone(tz: string): void {
  formatter(tz);
}

/** Local-minus-UTC offset in seconds at instant t, straight from Intl (slow). */
function intlOffset(tz: string, t: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(t * 1000))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - Math.floor(t);
}

interface YearZone {
  from: number;
  to: number;
  offsetAtStart: number;
  transitions: { at: number; offset: number }[];
}
const zones = new Map<string, YearZone>();

function yearZone(tz: string, year: number): YearZone {
  const key = `${tz}|${year}`;
  let z = zones.get(key);
  if (z) return z;
  const from = Date.UTC(year, 0, 1) / 1000;
  const to = Date.UTC(year + 1, 0, 1) / 1000;
  const transitions: YearZone['transitions'] = [];
  const offsetAtStart = intlOffset(tz, from);
  let prevT = from;
  let prevOff = offsetAtStart;
  for (let t = Math.min(from + DAY / 2, to); ; t = Math.min(t + DAY / 2, to)) {
    const off = intlOffset(tz, t);
    if (off !== prevOff) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(tz, mid) === prevOff) lo = mid;
        else hi = mid;
      }
      // A transition exactly at the year's end belongs to the next year.
      if (hi < to) transitions.push({ at: hi, offset: off });
      prevOff = off;
    }
    prevT = t;
    if (t >= to) break;
  }
  z = { from, to, offsetAtStart, transitions };
  zones.set(key, z);
  return z;
}

/** Local-minus-UTC offset in seconds (e.g. −21600 for CST) at instant t (epoch seconds). */
export function offsetAt(tz: string, t: number): number {
  if (tz === 'UTC') return 0;
  const year = new Date(Math.floor(t) * 1000).getUTCFullYear();
  const z = yearZone(tz, year);
  let off = z.offsetAtStart;
  for (const tr of z.transitions) {
    if (t >= tr.at) off = tr.offset;
    else break;
  }
  return off;
}

/** Local day number of instant t. */
export function localDay(tz: string, t: number): number {
  return Math.floor((t + offsetAt(tz, t)) / DAY);
}

/**
 * The instant of local wall time (day, secondOfDay); secondOfDay may be 86400 (the next midnight).
 * Like Temporal's 'compatible': a time repeated when clocks go back is its earlier instant; a time
 * skipped when clocks go forward is moved forward by the gap (02:30 → 03:30).
 */
export function localToUtc(tz: string, day: number, secondOfDay: number): number {
  const wall = day * DAY + secondOfDay;
  const before = offsetAt(tz, wall - DAY);
  const after = offsetAt(tz, wall + DAY);
  const a = wall - before;
  const b = wall - after;
  const okA = offsetAt(tz, a) === before;
  const okB = offsetAt(tz, b) === after;
  if (okA && okB) return Math.min(a, b);
  if (okA) return a;
  if (okB) return b;
  return a; // in the gap: the offset before the jump puts it after the transition
}

/** Day of week of a day number, 0 = Sunday. */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of an ISO date `YYYY-MM-DD`. */
export function dayOfIso(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  return ms / 1000 / DAY;
}

/** ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}
