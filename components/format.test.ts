import { describe, expect, it } from 'vitest';
import { compare, formatAsOf, formatHours, formatKpi, formatKpiText, formatPeriod } from './format';

describe('formatting for people', () => {
  it('writes durations in the unit a person would use', () => {
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(18.46)).toBe('18.5 h');
    expect(formatHours(77)).toBe('3.2 d');
  });

  it('splits KPI values from their units', () => {
    expect(formatKpi(1234, 'count')).toEqual({ value: '1,234', unit: '' });
    expect(formatKpi(31.7, 'hours')).toEqual({ value: '31.7', unit: 'hours' });
    expect(formatKpi(50.4, 'hours')).toEqual({ value: '2.1', unit: 'days' });
    expect(formatKpi(48.26, 'days')).toEqual({ value: '48.3', unit: 'days' });
    expect(formatKpi(1_250_000, 'usd')).toEqual({ value: '$1.3M', unit: '' });
    expect(formatKpiText(null, 'days')).toBe('—');
    expect(formatKpiText(45.8, 'hours', 50.4)).toBe('1.9 days'); // the previous period in the current one's scale
  });

  it('shows dates in UTC whatever the local time zone', () => {
    expect(formatAsOf('2026-01-01T05:59:00Z')).toBe('1 Jan 2026, 05:59 UTC');
    expect(formatPeriod({ from: '2025-11-01', to: '2025-12-01' })).toBe('1–30 Nov 2025');
    expect(formatPeriod({ from: '2025-12-15', to: '2026-01-15' })).toBe('15 Dec 2025 – 14 Jan 2026');
  });

  it('colours a change by whether higher is better', () => {
    expect(compare(110, 100, true)).toMatchObject({ trend: 'better', direction: 'up' });
    expect(compare(110, 100, false)).toMatchObject({ trend: 'worse', direction: 'up' });
    expect(compare(90, 100, false)).toMatchObject({ trend: 'better', direction: 'down' });
    expect(compare(100, 100, true)).toMatchObject({ trend: 'same' });
    expect(compare(5, null, true)).toMatchObject({ trend: 'none' });
    expect(compare(5, 0, true)).toMatchObject({ trend: 'better', pct: null });
  });
});
