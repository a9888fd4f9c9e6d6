import { describe, expect, it } from 'vitest';
import { defaultMonth, monthPeriod, monthsCovered, trailingYear } from './periods';

describe('the months a log covers', () => {
  it('runs from the month of the first event to the month of the last, in UTC', () => {
    const months = monthsCovered('2025-01-01T06:10:00Z', '2026-01-01T06:00:00Z');
    expect(months.map((m) => m.id)).toEqual([
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01',
    ]);
    expect(months[0]).toEqual({ id: '2025-01', period: { from: '2025-01-01', to: '2025-02-01' }, partial: false });
    expect(months.at(-1)?.partial).toBe(true); // six hours of January
  });

  it('opens with the newest complete month', () => {
    expect(defaultMonth(monthsCovered('2025-01-01T06:10:00Z', '2026-01-01T06:00:00Z'))).toBe('2025-12');
    expect(defaultMonth(monthsCovered('2025-03-10T00:00:00Z', '2025-03-20T00:00:00Z'))).toBe('2025-03');
    expect(defaultMonth([])).toBeNull();
  });

  it('has no months without events', () => {
    expect(monthsCovered(null, null)).toEqual([]);
  });

  it('turns a month into a half-open period and a trailing year, across year ends', () => {
    expect(monthPeriod('2025-12')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(trailingYear('2025-12')).toEqual({ from: '2025-01-01', to: '2026-01-01' });
    expect(trailingYear('2025-03')).toEqual({ from: '2024-04-01', to: '2025-04-01' });
  });
});
