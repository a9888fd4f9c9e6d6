import { describe, it, expect } from 'vitest';
import { buckets, daysIn, lastFullMonth, monthsBefore, previousPeriod, validatePeriod } from './periods';

describe('periods', () => {
  it('takes the last calendar month that ended by the given time', () => {
    expect(lastFullMonth(new Date('2026-01-01T05:59:59Z'))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(lastFullMonth(new Date('2025-03-30T12:00:00Z'))).toEqual({ from: '2025-02-01', to: '2025-03-01' });
    expect(lastFullMonth(new Date('2025-03-01T00:00:00Z'))).toEqual({ from: '2025-02-01', to: '2025-03-01' });
  });

  it('compares a month with the month before and any other period with as many days before it', () => {
    expect(previousPeriod({ from: '2025-03-01', to: '2025-04-01' })).toEqual({ from: '2025-02-01', to: '2025-03-01' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-02-01' })).toEqual({ from: '2024-12-01', to: '2025-01-01' });
    expect(previousPeriod({ from: '2025-03-10', to: '2025-03-17' })).toEqual({ from: '2025-03-03', to: '2025-03-10' });
    expect(daysIn({ from: '2025-02-01', to: '2025-03-01' })).toBe(28);
  });

  it('lists the calendar months before a period end, newest first', () => {
    expect(monthsBefore('2025-04-01', 3)).toEqual([
      { from: '2025-03-01', to: '2025-04-01' },
      { from: '2025-02-01', to: '2025-03-01' },
      { from: '2025-01-01', to: '2025-02-01' },
    ]);
  });

  it('cuts a range into Monday weeks or calendar months', () => {
    expect(buckets('2025-03-05', '2025-03-18', 'week').map((b) => b.from)).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(buckets('2025-01-15', '2025-03-01', 'month')).toEqual([
      { from: '2025-01-01', to: '2025-02-01' },
      { from: '2025-02-01', to: '2025-03-01' },
    ]);
  });

  it('refuses an empty or reversed period and a malformed date', () => {
    expect(() => validatePeriod({ from: '2025-03-01', to: '2025-03-01' })).toThrow(/"to" must be after "from"/);
    expect(() => validatePeriod({ from: '2025-31-01', to: '2025-04-01' })).toThrow(/invalid date "2025-31-01"/);
  });
});
