import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localToUtc, zoneOffsetMinutes } from './time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('local Chicago time to UTC', () => {
  it('uses UTC-6 in winter and UTC-5 in summer', () => {
    expect(iso(localToUtc(2025, 1, 15, 8, 0, 0))).toBe('2025-01-15T14:00:00.000Z');
    expect(iso(localToUtc(2025, 7, 1, 8, 0, 0))).toBe('2025-07-01T13:00:00.000Z');
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 15))).toBe(-360);
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 1))).toBe(-300);
  });

  it('switches on the DST days themselves (9 March and 2 November 2025)', () => {
    expect(iso(localToUtc(2025, 3, 9, 1, 59, 59))).toBe('2025-03-09T07:59:59.000Z');
    expect(iso(localToUtc(2025, 3, 9, 3, 0, 0))).toBe('2025-03-09T08:00:00.000Z');
    expect(iso(localToUtc(2025, 3, 9, 9, 30, 15))).toBe('2025-03-09T14:30:15.000Z');
    expect(iso(localToUtc(2025, 11, 2, 0, 59, 59))).toBe('2025-11-02T05:59:59.000Z');
    expect(iso(localToUtc(2025, 11, 2, 2, 0, 0))).toBe('2025-11-02T08:00:00.000Z');
  });

  it('moves a skipped time forward and takes the earlier of a repeated time', () => {
    // 02:30 does not exist on 9 March: read with the old offset, it is 03:30 CDT.
    expect(iso(localToUtc(2025, 3, 9, 2, 30, 0))).toBe('2025-03-09T08:30:00.000Z');
    // 01:30 happens twice on 2 November: the first one (CDT).
    expect(iso(localToUtc(2025, 11, 2, 1, 30, 0))).toBe('2025-11-02T06:30:00.000Z');
  });

  it('places a date-only fact at 23:59:59 local time', () => {
    expect(iso(endOfLocalDay(2025, 1, 31))).toBe('2025-02-01T05:59:59.000Z');
    expect(iso(endOfLocalDay(2025, 3, 9))).toBe('2025-03-10T04:59:59.000Z');
    expect(iso(endOfLocalDay(2025, 11, 2))).toBe('2025-11-03T05:59:59.000Z');
  });

  it('works for other zones too', () => {
    expect(iso(localToUtc(2025, 3, 30, 12, 0, 0, 'Europe/Berlin'))).toBe('2025-03-30T10:00:00.000Z');
    expect(iso(localToUtc(2025, 6, 1, 12, 0, 0, 'Asia/Kolkata'))).toBe('2025-06-01T06:30:00.000Z');
  });
});
