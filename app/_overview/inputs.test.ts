import { describe, expect, it } from 'vitest';
import { monthsCovered } from '../../server/periods';
import { filter as serverFilter } from '../../server/schemas';
import type { Filter } from '../../mining/types';
import { STAGE_IDS } from '../../mining/kpi-library/targets';
import { causeFilters, resolveMonth, withFilters } from './inputs';

const months = monthsCovered('2025-01-01T06:00:00Z', '2026-01-01T06:00:00Z');
const range = { months, defaultMonth: '2025-12' };

describe('the finance overview inputs', () => {
  it('open the default month, with the month before and the trailing year', () => {
    const i = resolveMonth(range, null)!;
    expect(i.month.id).toBe('2025-12');
    expect(i.previous).toEqual({ id: '2025-11', period: { from: '2025-11-01', to: '2025-12-01' } });
    expect(i.year).toHaveLength(12);
    expect(i.year[0]).toEqual({ id: '2025-01', period: { from: '2025-01-01', to: '2025-02-01' } });
    expect(i.year[11].id).toBe('2025-12');
    expect(i.unknownMonth).toBeNull();
  });

  it('follow the URL across a year boundary', () => {
    const i = resolveMonth(range, '2025-01')!;
    expect(i.previous.id).toBe('2024-12');
    expect(i.year[0].id).toBe('2024-02');
  });

  it('fall back to the default month for a month outside the data, and say so', () => {
    const i = resolveMonth(range, '2019-01')!;
    expect(i.month.id).toBe('2025-12');
    expect(i.unknownMonth).toBe('2019-01');
    expect(resolveMonth({ months: [], defaultMonth: null }, null)).toBeNull();
  });

  it('give every cause one stage filter over the month, which the server accepts', () => {
    for (const stage of STAGE_IDS) {
      const f = causeFilters(stage, { from: '2025-03-01', to: '2025-04-01' });
      expect(f).toEqual([{ kind: 'stage', stage, from: '2025-03-01', to: '2025-04-01' }]);
      expect(serverFilter.safeParse(f[0]).success).toBe(true);
    }
  });

  it('add filters without repeating one already set', () => {
    const a: Filter = { kind: 'activity', activity: 'Open Dispute' };
    const b: Filter = { kind: 'attribute', attribute: 'segment', values: ['KA'] };
    expect(withFilters([a], [a, b])).toEqual([a, b]);
  });
});
