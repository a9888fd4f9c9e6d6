import { describe, expect, it } from 'vitest';
import { filter as serverFilter } from '../../server/schemas';
import { driverFilters, readDimension, readOutcome, transitionFilters, wipWindow } from './inputs';

const row = { source: 'Create Sales Order', target: 'Set Credit Block', value: 'KA', transitions: 1, cases: 1, medianSeconds: 1, meanSeconds: 1, p90Seconds: 1, totalSeconds: 1 };

describe('the bottlenecks page inputs', () => {
  it('read the dimension from the URL, only those the log offers', () => {
    expect(readDimension('segment', true)).toBe('segment');
    expect(readDimension('segment', false)).toBe('none');
    expect(readDimension('resource', false)).toBe('resource');
    expect(readDimension('nonsense', true)).toBe('none');
    expect(readDimension(null, true)).toBe('none');
  });

  it('read the outcome, falling back to late payment for an unknown one', () => {
    const known = [{ id: 'dispute' }, { id: 'latePayment' }];
    expect(readOutcome('dispute', known)).toBe('dispute');
    expect(readOutcome('nope', known)).toBe('latePayment');
    expect(readOutcome(null, undefined)).toBe('latePayment');
  });

  it('link a transition to its cases, with the value of a case attribute but not of a resource', () => {
    expect(transitionFilters(row, 'segment')).toEqual([
      { kind: 'follows', from: 'Create Sales Order', to: 'Set Credit Block', directly: true },
      { kind: 'attribute', attribute: 'segment', values: ['KA'] },
    ]);
    expect(transitionFilters(row, 'resource')).toHaveLength(1);
    expect(transitionFilters({ ...row, value: null }, 'segment')).toHaveLength(1);
    for (const f of [...transitionFilters(row, 'customer_name'), ...driverFilters({ conditions: [{ attribute: 'warehouse', value: 'WH1' }, { attribute: 'segment', value: 'SM' }], cases: 1, outcomeCases: 1, rate: 1, rateWithout: 0, lift: null, excessCases: null })]) {
      expect(serverFilter.safeParse(f).success).toBe(true);
    }
  });

  it('take 13 weeks of whole days up to the newest event', () => {
    expect(wipWindow('2025-12-31T18:00:00Z')).toEqual({ from: '2025-10-02', to: '2026-01-01' });
    expect(wipWindow(null)).toBeNull();
  });
});
