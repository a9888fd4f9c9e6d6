import { describe, expect, it } from 'vitest';
import type { MapEdge } from '../mining/types';
import { activityColour, nameHash } from './activity-colour';
import { edgeValue, edgeWidth, isPerf, nodeValue, rampColour, scaleKind, sequentialScale, truncate } from './map-scale';
import { categorical } from './palette';

const edge: MapEdge = { source: 'A', target: 'B', count: 12, cases: 9, medianSeconds: 3600, meanSeconds: 4000, p90Seconds: 9000, totalSeconds: 48000 };

describe('the map value scale', () => {
  it('spans the values present: the smallest at 0, the largest at 1, square root between', () => {
    const s = sequentialScale([4, 100, null, 25, undefined]);
    expect(s.domain).toEqual([4, 100]);
    expect(s.t(4)).toBe(0);
    expect(s.t(100)).toBe(1);
    expect(s.t(25)).toBeCloseTo((5 - 2) / (10 - 2));
    expect(s.t(null)).toBeNull();
    expect(s.t(1_000)).toBe(1); // outside the domain: clamped
  });

  it('spreads durations on a log scale, so minutes and months both show', () => {
    const minute = 60;
    const month = 30 * 86_400;
    const log = sequentialScale([0, minute, 3600, month], 'log');
    expect(log.t(0)).toBe(0);
    expect(log.t(month)).toBe(1);
    expect(log.t(3600)).toBeCloseTo(Math.log1p(3600) / Math.log1p(month));
    // An hour is a visible fraction on the log scale; on the square root it nearly vanishes.
    expect(log.t(3600)!).toBeGreaterThan(0.5);
    expect(sequentialScale([0, minute, 3600, month]).t(3600)!).toBeLessThan(0.05);
    expect(scaleKind('p90')).toBe('log');
    expect(scaleKind('cases')).toBe('sqrt');
  });

  it('has no domain without values, and puts a single value at the top', () => {
    expect(sequentialScale([null, undefined]).domain).toBeNull();
    expect(sequentialScale([]).t(5)).toBeNull();
    const one = sequentialScale([7, 7]);
    expect(one.domain).toEqual([7, 7]);
    expect(one.t(7)).toBe(1);
  });

  it('ignores negative and non-finite values when building the domain', () => {
    expect(sequentialScale([-3, Number.NaN, Number.POSITIVE_INFINITY, 2, 8]).domain).toEqual([2, 8]);
  });

  it('reads the chosen value off an edge and a node', () => {
    expect(['cases', 'events', 'median', 'mean', 'p90', 'total'].map((m) => edgeValue(edge, m as never))).toEqual([9, 12, 3600, 4000, 9000, 48000]);
    expect(edgeValue({ ...edge, totalSeconds: undefined }, 'total')).toBeNull();
    expect(nodeValue({ id: 'A', label: 'A', events: 20, cases: 15 }, 'cases')).toBe(15);
    expect(nodeValue({ id: 'A', label: 'A', events: 20, cases: 15 }, 'p90')).toBe(20);
    expect(isPerf('p90')).toBe(true);
    expect(isPerf('events')).toBe(false);
  });

  it('makes heavier values wider and more saturated, with theme colours', () => {
    expect(edgeWidth(1)).toBeGreaterThan(edgeWidth(0.5));
    expect(edgeWidth(0.5)).toBeGreaterThan(edgeWidth(0));
    expect(edgeWidth(null)).toBeLessThan(edgeWidth(0));
    expect(rampColour(0, 'freq')).toContain('var(--map-freq-high, var(--accent)) 8%');
    expect(rampColour(1, 'perf')).toContain('var(--map-perf-high, var(--bad)) 100%');
    expect(rampColour(null, 'freq')).toBe('var(--map-low, var(--faint))');
  });

  it('cuts long labels with an ellipsis', () => {
    expect(truncate('Short', 10)).toBe('Short');
    expect(truncate('Record Goods Receipt At Warehouse', 10)).toBe('Record Go…');
    expect(truncate('Record Goods Receipt At Warehouse', 10)).toHaveLength(10);
  });
});

describe('activity colours', () => {
  it('gives an activity the same colour every time, from the palette', () => {
    expect(activityColour('Create Sales Order')).toBe(activityColour('Create Sales Order'));
    expect(categorical).toContain(activityColour('Post Goods Issue'));
    expect(nameHash('a')).not.toBe(nameHash('b'));
  });

  it('spreads a real set of activity names over the palette', () => {
    const names = ['Create Sales Order', 'Credit Check', 'Release Credit Hold', 'Create Delivery', 'Pick', 'Pack', 'Post Goods Issue', 'Create Invoice', 'Receive Payment', 'Open Dispute', 'Change Price', 'Approve Price'];
    expect(new Set(names.map(activityColour)).size).toBeGreaterThanOrEqual(7);
  });
});
