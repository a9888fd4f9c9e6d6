import { describe, expect, it } from 'vitest';
import type { Filter } from '../../mining/types';
import { filter as serverFilter } from '../../server/schemas';
import { filtersParam, isFilter, readFilters } from './filters-url';

const search = (f: string | null) => ({ get: (k: string) => (k === 'f' ? f : null) });

const EVERY_KIND: Filter[] = [
  { kind: 'timeframe', from: '2025-03-01', to: '2025-04-01', mode: 'started' },
  { kind: 'attribute', attribute: 'segment', values: ['SM', 'MM'], exclude: true },
  { kind: 'activity', activity: 'Set Credit Block' },
  { kind: 'follows', from: 'Post Goods Issue', to: 'Create Invoice', directly: false, absent: true },
  { kind: 'variant', variants: [['Create Sales Order', 'Cancel Order']] },
  { kind: 'duration', minSeconds: 3600 },
  { kind: 'endpoints', end: ['Apply Cash'] },
  { kind: 'follows', from: 'Pack', to: 'Post Goods Issue', directly: true, among: ['Pack', 'Post Goods Issue', 'Create Invoice'] },
  { kind: 'endpoints', start: ['Pack'], among: ['Pack', 'Create Invoice'] },
  { kind: 'sla', ruleId: 'ship-within-72h', statuses: ['breached'] },
  { kind: 'deviation', deviation: 'skipped' },
  { kind: 'stage', stage: 'creditHold', from: '2025-11-01', to: '2025-12-01' },
  { kind: 'cases', caseIds: ['sales_order:10000001'] },
];

describe('filters in the URL', () => {
  it('round-trips every filter kind through the f parameter, through URL encoding too', () => {
    const p = filtersParam(EVERY_KIND);
    expect(p).not.toBeNull();
    const qs = new URLSearchParams({ f: p as string }).toString();
    const back = readFilters(search(new URLSearchParams(qs).get('f')));
    expect(back).toEqual({ filters: EVERY_KIND, problem: null });
    expect(filtersParam([])).toBeNull();
  });

  it('opens unfiltered with a message when the link is broken, and keeps the filters it can read', () => {
    expect(readFilters(search(null))).toEqual({ filters: [], problem: null });
    expect(readFilters(search('{not json')).problem).toMatch(/could not be read/);
    expect(readFilters(search('{"kind":"activity"}')).problem).toMatch(/could not be read/);
    const mixed = readFilters(search(JSON.stringify([EVERY_KIND[2], { kind: 'activity' }, { kind: 'nope' }])));
    expect(mixed.filters).toEqual([EVERY_KIND[2]]);
    expect(mixed.problem).toBe('2 filters in this link could not be read and were left out.');
  });

  it('refuses shapes the server would refuse', () => {
    expect(isFilter({ kind: 'duration' })).toBe(false);
    expect(isFilter({ kind: 'duration', minSeconds: -5 })).toBe(false);
    expect(isFilter({ kind: 'timeframe', from: '2025-01-01', to: '2025-02-01', mode: 'sometime' })).toBe(false);
    expect(isFilter({ kind: 'attribute', attribute: 'segment', values: [] })).toBe(false);
    expect(isFilter({ kind: 'endpoints' })).toBe(false);
    expect(isFilter({ kind: 'follows', from: 'A', to: 'B', directly: true, among: [] })).toBe(false);
    expect(isFilter({ kind: 'endpoints', end: ['A'], among: 'A' })).toBe(false);
    expect(isFilter(null)).toBe(false);
  });

  it('agrees with the server: what the URL reader keeps, the API accepts, and what it drops, the API refuses', () => {
    for (const f of EVERY_KIND) expect(serverFilter.safeParse(f).success, f.kind).toBe(true);
    for (const bad of [
      { kind: 'duration', minSeconds: -5 },
      { kind: 'attribute', attribute: 'segment', values: [] },
      { kind: 'activity' },
      { kind: 'stage', stage: 'lunch', from: '2025-11-01', to: '2025-12-01' },
      { kind: 'stage', stage: 'dispute', from: 'November', to: '2025-12-01' },
      { kind: 'stage', stage: 'dispute', from: '2025-11-01' },
    ]) {
      expect(isFilter(bad)).toBe(false);
      expect(serverFilter.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
