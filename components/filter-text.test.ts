import { describe, expect, it } from 'vitest';
import { describeFilter } from './filter-text';

describe('describeFilter', () => {
  it('says each kind in words', () => {
    expect(describeFilter({ kind: 'attribute', attribute: 'segment', values: ['KA', 'MM', 'SM'] })).toBe('Segment is KA, MM +1');
    expect(describeFilter({ kind: 'attribute', attribute: 'warehouse', values: ['WH1'], exclude: true })).toBe('Warehouse is not WH1');
    expect(describeFilter({ kind: 'activity', activity: 'Set Credit Block' })).toBe('With Set Credit Block');
    expect(describeFilter({ kind: 'activity', activity: 'Pack', absent: true })).toBe('Without Pack');
    expect(describeFilter({ kind: 'follows', from: 'A', to: 'B', directly: true })).toBe('A → B');
    expect(describeFilter({ kind: 'follows', from: 'A', to: 'B', directly: true, among: ['A', 'B'] })).toBe('A → B (hidden activities skipped)');
    expect(describeFilter({ kind: 'endpoints', end: ['B'], among: ['A', 'B'] })).toBe('ends with B (hidden activities skipped)');
    expect(describeFilter({ kind: 'variant', variants: [['A'], ['B']] })).toBe('In 2 variants');
    expect(describeFilter({ kind: 'duration', minSeconds: 2 * 86400 })).toBe('Duration over 2.0 d');
    expect(describeFilter({ kind: 'timeframe', from: '2025-03-01', to: '2025-04-01', mode: 'started' })).toBe('Cases started in 1 Mar 2025 – 1 Apr 2025');
    expect(describeFilter({ kind: 'sla', ruleId: 'invoice', statuses: ['open_breached'] })).toBe('SLA invoice: open breached');
    expect(describeFilter({ kind: 'cases', caseIds: ['sales_order:1'] })).toBe('Case sales_order:1');
  });

  it('names a stage filter by the cause and the month of its invoices', () => {
    expect(describeFilter({ kind: 'stage', stage: 'creditHold', from: '2025-11-01', to: '2025-12-01' })).toBe('Credit holds over target, invoices of Nov 2025');
    expect(describeFilter({ kind: 'stage', stage: 'latePayment', from: '2025-12-01', to: '2026-01-01' })).toBe('Late payment over target, invoices of Dec 2025');
    expect(describeFilter({ kind: 'stage', stage: 'dispute', from: '2025-11-03', to: '2025-11-10' })).toBe('Disputes over target, invoices of 3–9 Nov 2025');
    expect(describeFilter({ kind: 'stage', stage: 'warehouse', from: '2025-11-03T06:00:00Z', to: '2025-11-04' })).toBe(
      'Warehouse (release to goods issue) over target, invoices of 3 Nov 2025 06:00 – 4 Nov 2025',
    );
  });
});
