// Local wall-clock time -> UTC, for a named IANA time zone, with Intl.DateTimeFormat only.
// Offsets are cached per UTC day, and per 15-minute bucket on the days a zone changes its offset
// (every zone changes on a quarter hour), so millions of timestamps cost a few map look-ups each.

/** The ERP's and WH1's local time zone (fixtures/FORMATS.md). */
export const ERP_TIME_ZONE = 'America/Chicago';

const BUCKET_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const HALF_DAY_MS = 12 * 3600 * 1000;

class Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();
  private readonly days = new Map<number, number | null>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local time minus UTC, in ms, at the instant `utcMs`. */
  offsetAt(utcMs: number): number {
    // A UTC day whose start and end have the same offset has it throughout (zones change at most
    // once a day); only the two transition days a year need finer buckets.
    const day = Math.floor(utcMs / DAY_MS);
    let whole = this.days.get(day);
    if (whole === undefined) {
      const a = this.compute(day * DAY_MS);
      const b = this.compute((day + 1) * DAY_MS - 1000);
      whole = a === b ? a : null;
      this.days.set(day, whole);
    }
    if (whole !== null) return whole;
    const bucket = Math.floor(utcMs / BUCKET_MS);
    let offset = this.cache.get(bucket);
    if (offset === undefined) {
      offset = this.compute(bucket * BUCKET_MS);
      this.cache.set(bucket, offset);
    }
    return offset;
  }

  private compute(utcMs: number): number {
    const p: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(utcMs))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - utcMs;
  }
}

const zones = new Map<string, Zone>();

function zone(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    z = new Zone(name);
    zones.set(name, z);
  }
  return z;
}

/** Local time minus UTC in minutes at the given instant (e.g. -300 for CDT, -360 for CST). */
export function zoneOffsetMinutes(utcMs: number, zoneName: string = ERP_TIME_ZONE): number {
  return zone(zoneName).offsetAt(utcMs) / 60000;
}

/**
 * The UTC instant (epoch ms) of a local wall-clock time. Like Temporal's 'compatible'
 * disambiguation: a time that occurs twice (the repeated hour when DST ends) is the earlier
 * instant; a time that does not exist (skipped when DST starts) is moved forward by the gap.
 * Month is 1-12.
 */
export function localToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zoneName: string = ERP_TIME_ZONE,
): number {
  const z = zone(zoneName);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = z.offsetAt(wall - HALF_DAY_MS);
  const after = z.offsetAt(wall + HALF_DAY_MS);
  if (before === after) return wall - before;
  const earlier = wall - before;
  const later = wall - after;
  const earlierOk = z.offsetAt(earlier) === before;
  const laterOk = z.offsetAt(later) === after;
  if (earlierOk && laterOk) return Math.min(earlier, later);
  if (earlierOk) return earlier;
  if (laterOk) return later;
  // In the gap: read the wall time with the offset in force before the transition.
  return wall - before;
}

/** A date-only fact placed at 23:59:59 local time of that day (docs/model.md, day precision). */
export function endOfLocalDay(year: number, month: number, day: number, zoneName: string = ERP_TIME_ZONE): number {
  return localToUtc(year, month, day, 23, 59, 59, zoneName);
}
