import { describe, expect, it } from 'vitest';
import { describeFilter } from './filter-text';

describe('describeFilter', () => {
  it('says each kind in words', () => {
    expect(describeFilter({ kind: 'attribute', attribute: 'segment', values: ['KA', 'MM', 'SM'] })).toBe('Segment is KA, MM +1');
    expect(describeFilter({ kind: 'attribute', attribute: 'warehouse', values: ['WH1'], exclude: true })).toBe('Warehouse is not WH1');
    expect(describeFilter({ kind: 'activity', activity: 'Set Credit Block' })).toBe('With Set Credit Block');
    expect(describeFilter({ kind: 'activity', activity: 'Pack', absent: true })).toBe('Without Pack');
    expect(describeFilter({ kind: 'follows', from: 'A', to: 'B', directly: true })).toBe('A → B');
    expect(describeFilter({ kind: 'variant', variants: [['A'], ['B']] })).toBe('In 2 variants');
    expect(describeFilter({ kind: 'duration', minSeconds: 2 * 86400 })).toBe('Duration over 2.0 d');
    expect(describeFilter({ kind: 'timeframe', from: '2025-03-01', to: '2025-04-01', mode: 'started' })).toBe('Cases started in 1 Mar 2025 – 1 Apr 2025');
    expect(describeFilter({ kind: 'sla', ruleId: 'invoice', statuses: ['open_breached'] })).toBe('SLA invoice: open breached');
    expect(describeFilter({ kind: 'cases', caseIds: ['sales_order:1'] })).toBe('Case sales_order:1');
  });
});
