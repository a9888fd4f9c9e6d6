import { describe, it, expect } from 'vitest';
import {
  ALWAYS_OPEN, addBusinessSeconds, addBusinessSecondsAt, businessSeconds, businessSecondsBetween,
  calendarWindows, compileCalendar, dayOfIso, localDay, localToUtc, offsetAt, windowsOfDay,
} from './index';

const H = 3600;
const s = (iso: string): number => Date.parse(iso) / 1000;
const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
const CHI = 'America/Chicago';

// Mon–Fri 08:00–17:00 Chicago (9 h a day); 2025-07-04 (Friday) and 2025-12-25 (Thursday) closed.
// Chicago is UTC−6 (CST) until 2025-03-09 02:00 local and from 2025-11-02 02:00 local (CDT −5 between).
const office = compileCalendar({
  id: 'office',
  timeZone: CHI,
  week: { mon: ['08:00-17:00'], tue: ['08:00-17:00'], wed: ['08:00-17:00'], thu: ['08:00-17:00'], fri: ['08:00-17:00'] },
  holidays: ['2025-07-04', '2025-12-25'],
});
// Split shifts: Mon–Fri 08:00–12:00 and 13:00–17:00 (8 h), Saturday 09:00–12:00.
const split = compileCalendar({
  id: 'split',
  timeZone: CHI,
  week: {
    mon: ['13:00-17:00', '08:00-12:00'], tue: ['08:00-12:00', '13:00-17:00'], wed: ['08:00-12:00', '13:00-17:00'],
    thu: ['08:00-12:00', '13:00-17:00'], fri: ['08:00-12:00', '13:00-17:00'], sat: ['09:00-12:00'],
  },
});
// Every day, the whole local day: business time = elapsed time except for the DST days themselves.
const allDay = ['00:00-24:00'];
const localClock = compileCalendar({
  id: 'local-24',
  timeZone: CHI,
  week: { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay },
});
// A Sunday shift across the DST hour: 01:00–04:00 local.
const night = compileCalendar({ id: 'night', timeZone: CHI, week: { sun: ['01:00-04:00'] } });

describe('time zone offsets (Intl)', () => {
  it('knows Chicago standard and daylight time and the transition instants', () => {
    expect(offsetAt(CHI, s('2025-01-15T12:00:00Z'))).toBe(-6 * H);
    expect(offsetAt(CHI, s('2025-07-15T12:00:00Z'))).toBe(-5 * H);
    // 2025-03-09 02:00 CST = 08:00Z: the second before is CST, from it on CDT.
    expect(offsetAt(CHI, s('2025-03-09T07:59:59Z'))).toBe(-6 * H);
    expect(offsetAt(CHI, s('2025-03-09T08:00:00Z'))).toBe(-5 * H);
    // 2025-11-02 02:00 CDT = 07:00Z.
    expect(offsetAt(CHI, s('2025-11-02T06:59:59Z'))).toBe(-5 * H);
    expect(offsetAt(CHI, s('2025-11-02T07:00:00Z'))).toBe(-6 * H);
    expect(offsetAt('UTC', s('2025-07-15T12:00:00Z'))).toBe(0);
    expect(offsetAt('Asia/Kolkata', s('2025-07-15T12:00:00Z'))).toBe(5.5 * H);
  });

  it('turns local wall time into instants, earlier instant when repeated, forward when skipped', () => {
    expect(iso(localToUtc(CHI, dayOfIso('2025-03-07'), 8 * H))).toBe('2025-03-07T14:00:00Z');
    expect(iso(localToUtc(CHI, dayOfIso('2025-03-10'), 8 * H))).toBe('2025-03-10T13:00:00Z');
    // 02:30 does not exist on 2025-03-09: 03:30 CDT.
    expect(iso(localToUtc(CHI, dayOfIso('2025-03-09'), 2.5 * H))).toBe('2025-03-09T08:30:00Z');
    // 01:30 happens twice on 2025-11-02: the first (CDT) one.
    expect(iso(localToUtc(CHI, dayOfIso('2025-11-02'), 1.5 * H))).toBe('2025-11-02T06:30:00Z');
    expect(iso(localToUtc(CHI, dayOfIso('2025-11-02'), 24 * H))).toBe('2025-11-03T06:00:00Z');
    expect(localDay(CHI, s('2025-03-08T05:59:59Z'))).toBe(dayOfIso('2025-03-07'));
    expect(localDay(CHI, s('2025-03-08T06:00:00Z'))).toBe(dayOfIso('2025-03-08'));
  });
});

describe('business seconds on an office calendar', () => {
  it('counts only working hours inside the interval', () => {
    // Monday 2025-03-03 09:00–15:00 CST = 15:00Z–21:00Z: 6 h.
    expect(businessSeconds(office, '2025-03-03T15:00:00Z', '2025-03-03T21:00:00Z')).toBe(6 * H);
    // Monday 07:00 → Tuesday 10:00 local: 9 h Monday + 2 h Tuesday.
    expect(businessSeconds(office, '2025-03-03T13:00:00Z', '2025-03-04T16:00:00Z')).toBe(11 * H);
    // A whole week Monday 00:00 → next Monday 00:00 local: 5 × 9 h.
    expect(businessSeconds(office, '2025-03-03T06:00:00Z', '2025-03-10T05:00:00Z')).toBe(45 * H);
  });

  it('starts and ends outside working hours', () => {
    // Friday 2025-02-28 18:00 CST → Monday 03-03 07:30 CST: nothing.
    expect(businessSeconds(office, '2025-03-01T00:00:00Z', '2025-03-03T13:30:00Z')).toBe(0);
    // Friday 18:00 → Monday 08:30: half an hour.
    expect(businessSeconds(office, '2025-03-01T00:00:00Z', '2025-03-03T14:30:00Z')).toBe(0.5 * H);
    // Saturday noon → Sunday noon: weekend.
    expect(businessSeconds(office, '2025-03-01T18:00:00Z', '2025-03-02T18:00:00Z')).toBe(0);
    // Friday 16:00 → Saturday 10:00: 1 h.
    expect(businessSeconds(office, '2025-02-28T22:00:00Z', '2025-03-01T16:00:00Z')).toBe(1 * H);
  });

  it('is zero for an empty interval and negative when the end is before the start', () => {
    expect(businessSeconds(office, '2025-03-03T15:00:00Z', '2025-03-03T15:00:00Z')).toBe(0);
    expect(businessSeconds(office, '2025-03-03T21:00:00Z', '2025-03-03T15:00:00Z')).toBe(-6 * H);
    expect(addBusinessSeconds(office, '2025-03-01T12:00:00Z', 0).toISOString()).toBe('2025-03-01T12:00:00.000Z');
  });

  it('skips holidays', () => {
    // Thursday 2025-07-03 16:00 CDT → Monday 07-07 09:00 CDT: 1 h Thu + (Fri holiday) + 1 h Mon.
    expect(businessSeconds(office, '2025-07-03T21:00:00Z', '2025-07-07T14:00:00Z')).toBe(2 * H);
    // Christmas Thursday: Wednesday 12-24 08:00 CST → Friday 12-26 17:00 CST = 9 + 0 + 9.
    expect(businessSeconds(office, '2025-12-24T14:00:00Z', '2025-12-26T23:00:00Z')).toBe(18 * H);
  });

  it('follows the clocks over the DST weeks', () => {
    // Friday 2025-03-07 16:00 CST (22:00Z) → Monday 03-10 09:00 CDT (14:00Z): 1 h + 1 h; Monday
    // opens at 13:00Z now, an hour earlier in UTC than the Monday before.
    expect(businessSeconds(office, '2025-03-07T22:00:00Z', '2025-03-10T14:00:00Z')).toBe(2 * H);
    expect(businessSeconds(office, '2025-03-10T13:00:00Z', '2025-03-10T14:00:00Z')).toBe(1 * H);
    expect(businessSeconds(office, '2025-03-03T13:00:00Z', '2025-03-03T14:00:00Z')).toBe(0);
    // The whole DST weeks still hold 45 working hours.
    expect(businessSeconds(office, '2025-03-09T06:00:00Z', '2025-03-16T05:00:00Z')).toBe(45 * H);
    expect(businessSeconds(office, '2025-11-02T05:00:00Z', '2025-11-09T06:00:00Z')).toBe(45 * H);
    // Friday 10-31 16:00 CDT (21:00Z) → Monday 11-03 09:00 CST (15:00Z): 2 h.
    expect(businessSeconds(office, '2025-10-31T21:00:00Z', '2025-11-03T15:00:00Z')).toBe(2 * H);
  });

  it('gives the DST Sundays 23 and 25 hours on a whole-day calendar', () => {
    expect(businessSeconds(localClock, '2025-03-09T06:00:00Z', '2025-03-10T05:00:00Z')).toBe(23 * H);
    expect(businessSeconds(localClock, '2025-11-02T05:00:00Z', '2025-11-03T06:00:00Z')).toBe(25 * H);
    expect(businessSeconds(localClock, '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z')).toBe(31 * 24 * H);
    // A night shift 01:00–04:00 local: 2 real hours when clocks spring forward, 4 when they fall back.
    expect(windowsOfDay(night, dayOfIso('2025-03-09')).map(([a, b]) => [iso(a), iso(b)])).toEqual([['2025-03-09T07:00:00Z', '2025-03-09T09:00:00Z']]);
    expect(windowsOfDay(night, dayOfIso('2025-11-02')).map(([a, b]) => [iso(a), iso(b)])).toEqual([['2025-11-02T06:00:00Z', '2025-11-02T10:00:00Z']]);
    expect(windowsOfDay(night, dayOfIso('2025-03-16')).map(([a, b]) => (b - a) / H)).toEqual([3]);
  });

  it('handles split shifts and Saturday hours', () => {
    // Monday 2025-03-03 11:00 → 14:00 CST: 11–12 and 13–14.
    expect(businessSeconds(split, '2025-03-03T17:00:00Z', '2025-03-03T20:00:00Z')).toBe(2 * H);
    // Lunch only: 12:10 → 12:50.
    expect(businessSeconds(split, '2025-03-03T18:10:00Z', '2025-03-03T18:50:00Z')).toBe(0);
    // Friday 16:00 → Monday 09:00: 1 h + Saturday 3 h + 1 h.
    expect(businessSeconds(split, '2025-03-07T22:00:00Z', '2025-03-10T14:00:00Z')).toBe(5 * H);
    expect(split.businessDayHours).toBe(8);
  });

  it('is elapsed time around the clock', () => {
    expect(businessSeconds(ALWAYS_OPEN, '2025-03-01T10:00:00Z', '2025-03-04T10:00:01Z')).toBe(72 * H + 1);
    expect(addBusinessSeconds(ALWAYS_OPEN, '2025-03-01T10:00:00Z', 72 * H).toISOString()).toBe('2025-03-04T10:00:00.000Z');
  });
});

describe('due times', () => {
  it('adds business time from inside and outside working hours', () => {
    // Monday 2025-03-03 15:00 CST + 9 h: 2 h Monday, 7 h Tuesday → Tuesday 15:00 CST.
    expect(addBusinessSeconds(office, '2025-03-03T21:00:00Z', 9 * H).toISOString()).toBe('2025-03-04T21:00:00.000Z');
    // Saturday + 1 h → Monday 09:00.
    expect(addBusinessSeconds(office, '2025-03-01T18:00:00Z', 1 * H).toISOString()).toBe('2025-03-03T15:00:00.000Z');
    // Monday 15:00 + 2 h = Monday 17:00 exactly (the earliest instant, a closing time).
    expect(addBusinessSeconds(office, '2025-03-03T21:00:00Z', 2 * H).toISOString()).toBe('2025-03-03T23:00:00.000Z');
    // Thursday 07-03 16:00 CDT + 2 h: Friday is July 4th → Monday 09:00 CDT.
    expect(addBusinessSeconds(office, '2025-07-03T21:00:00Z', 2 * H).toISOString()).toBe('2025-07-07T14:00:00.000Z');
    // Over the spring change: Friday 03-07 16:00 CST + 2 h → Monday 03-10 09:00 CDT = 14:00Z.
    expect(addBusinessSeconds(office, '2025-03-07T22:00:00Z', 2 * H).toISOString()).toBe('2025-03-10T14:00:00.000Z');
    // 45 h from Wednesday 2025-12-24 10:00 CST: Wed 7 h, Christmas closed, Fri 9, Mon 9, Tue 9,
    // Wed 9, then 2 h on Thursday 2026-01-01 (not a holiday of this test calendar) → 10:00 CST.
    expect(addBusinessSeconds(office, '2025-12-24T16:00:00Z', 45 * H).toISOString()).toBe('2026-01-01T16:00:00.000Z');
  });

  it('goes back for negative amounts', () => {
    // Tuesday 09:00 CST − 2 h → Monday 16:00.
    expect(addBusinessSeconds(office, '2025-03-04T15:00:00Z', -2 * H).toISOString()).toBe('2025-03-03T22:00:00.000Z');
    // Monday 09:00 − 1 h → Monday 08:00 (the latest such instant).
    expect(addBusinessSeconds(office, '2025-03-03T15:00:00Z', -1 * H).toISOString()).toBe('2025-03-03T14:00:00.000Z');
  });

  it('inverts business seconds on random intervals (round trips)', () => {
    let x = 12345;
    const rnd = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const cal of [office, split, localClock, night, ALWAYS_OPEN]) {
      for (let k = 0; k < 400; k++) {
        const a = Math.round(s('2025-01-01T00:00:00Z') + rnd() * 360 * 86400);
        const secs = Math.round(rnd() * 80 * H) + 1;
        const due = addBusinessSecondsAt(cal, a, secs);
        expect(businessSecondsBetween(cal, a, due)).toBe(secs);
        expect(businessSecondsBetween(cal, a, due - 1)).toBeLessThan(secs);
        const back = addBusinessSecondsAt(cal, due, -secs);
        expect(businessSecondsBetween(cal, back, due)).toBe(secs);
        expect(back).toBeGreaterThanOrEqual(a);
        const b = Math.round(a + rnd() * 20 * 86400);
        expect(businessSecondsBetween(cal, a, b) + businessSecondsBetween(cal, b, b + 7200)).toBe(businessSecondsBetween(cal, a, b + 7200));
      }
    }
  });
});

describe('working windows with running totals (the SQL table)', () => {
  it('gives business seconds as a look-up and two clips', () => {
    const from = dayOfIso('2025-03-01');
    const ws = calendarWindows(split, from, dayOfIso('2025-03-31'));
    expect(ws[0]).toMatchObject({ day: '2025-03-01', open: s('2025-03-01T15:00:00Z'), close: s('2025-03-01T18:00:00Z'), cumBefore: 0 });
    const at = (t: number): number => {
      let w = null;
      for (const x of ws) if (x.open <= t) w = x;
      return w ? w.cumBefore + Math.min(Math.max(t - w.open, 0), w.close - w.open) : 0;
    };
    for (let t = s('2025-03-01T00:00:00Z'); t < s('2025-03-31T00:00:00Z'); t += 1789) {
      expect(at(t + 86400) - at(t)).toBe(businessSecondsBetween(split, t, t + 86400));
    }
  });

  it('rejects bad calendars, naming the calendar and the field', () => {
    expect(() => compileCalendar({ id: 'x', timeZone: 'Mars/Olympus', week: { mon: ['08:00-17:00'] } })).toThrow(/calendar "x": timeZone "Mars\/Olympus"/);
    expect(() => compileCalendar({ id: 'x', timeZone: CHI, week: { mon: ['17:00-08:00'] } })).toThrow(/calendar "x": week.mon\[0\]/);
    expect(() => compileCalendar({ id: 'x', timeZone: CHI, week: { mon: ['08:00-12:00', '11:00-13:00'] } })).toThrow(/overlapping/);
    expect(() => compileCalendar({ id: 'x', timeZone: CHI, week: { mon: ['8-17'] } })).toThrow(/week.mon\[0\]/);
    expect(() => compileCalendar({ id: 'x', timeZone: CHI, week: {} })).toThrow(/no working hours/);
    expect(() => compileCalendar({ id: 'x', timeZone: CHI, week: { mon: ['08:00-17:00'] }, holidays: ['2025-02-30'] })).toThrow(/holidays\[0\]/);
  });
});
