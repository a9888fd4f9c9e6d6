import { describe, it, expect, beforeAll } from 'vitest';
import { Store } from '../sql';
import { processMap } from './process-map';
import { o2cFixture } from './testing/o2c-fixture';
import type { MapEdge, ProcessMap } from './types';

// Traces of the fixture (testing/o2c-fixture.ts), activities abbreviated:
//   A  CSO SCB RCB CD CP CP Pack PGI CI RP AC
//   B  CSO CD PGI CI CCM OD AC
//   C  CSO SCB
//   D  CSO
//   E  CSO CD PGI CI CD PGI CI
//   F  CSO CD PGI CS
const edge = (m: ProcessMap, s: string, t: string) => m.edges.find((e) => e.source === s && e.target === t) as MapEdge;
const pairs = (m: ProcessMap) => Object.fromEntries(m.edges.map((e) => [`${e.source} > ${e.target}`, [e.count, e.cases]]));

describe('the process map of the hand-made log', () => {
  let store: Store;
  let map: ProcessMap;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await o2cFixture().write(store);
    map = await processMap(store, { logId: 'o2c', perspective: 'order' });
  });

  it('has every directly-follows pair with its count and distinct cases, from start to end', () => {
    expect(map.totalCases).toBe(6);
    expect(map.totalEvents).toBe(32);
    expect(pairs(map)).toEqual({
      '__start__ > Create Sales Order': [6, 6],
      'Create Sales Order > Create Delivery': [3, 3],
      'Create Sales Order > Set Credit Block': [2, 2],
      'Create Sales Order > __end__': [1, 1],
      'Set Credit Block > Release Credit Block': [1, 1],
      'Set Credit Block > __end__': [1, 1],
      'Release Credit Block > Create Delivery': [1, 1],
      'Create Delivery > Confirm Pick': [1, 1],
      'Confirm Pick > Confirm Pick': [1, 1],
      'Confirm Pick > Pack': [1, 1],
      'Pack > Post Goods Issue': [1, 1],
      'Create Delivery > Post Goods Issue': [4, 3],
      'Post Goods Issue > Create Invoice': [4, 3],
      'Post Goods Issue > Confirm Shipment': [1, 1],
      'Confirm Shipment > __end__': [1, 1],
      'Create Invoice > Receive Payment': [1, 1],
      'Receive Payment > Apply Cash': [1, 1],
      'Create Invoice > Create Credit Memo': [1, 1],
      'Create Credit Memo > Open Dispute': [1, 1],
      'Open Dispute > Apply Cash': [1, 1],
      'Apply Cash > __end__': [2, 2],
      'Create Invoice > Create Delivery': [1, 1],
      'Create Invoice > __end__': [1, 1],
    });
  });

  it('gives each edge the median, mean and p90 of the time between its events', () => {
    // PGI → Create Invoice: 12 h (A), 24 h (B), 6 h and 24 h (E).
    expect(edge(map, 'Post Goods Issue', 'Create Invoice')).toMatchObject({
      medianSeconds: 64_800,
      meanSeconds: 59_400,
      p90Seconds: 86_400,
    });
    // Create Delivery → PGI: 69 h (B), 20 h and 24 h (E), 20 h (F); p90 interpolates 24 h…69 h at 0.7.
    const cd = edge(map, 'Create Delivery', 'Post Goods Issue');
    expect([cd.medianSeconds, cd.meanSeconds]).toEqual([79_200, 119_700]);
    expect(cd.p90Seconds).toBeCloseTo(86_400 + 0.7 * (248_400 - 86_400), 6);
    expect(edge(map, '__start__', 'Create Sales Order').medianSeconds).toBeNull();
    expect(edge(map, 'Apply Cash', '__end__').medianSeconds).toBeNull();
  });

  it('has artificial start and end nodes and counts events and cases per activity', () => {
    const nodes = Object.fromEntries(map.nodes.map((n) => [n.id, [n.events, n.cases]]));
    expect(nodes).toMatchObject({
      __start__: [6, 6],
      __end__: [6, 6],
      'Create Sales Order': [6, 6],
      'Post Goods Issue': [5, 4],
      'Create Invoice': [4, 3],
      'Confirm Pick': [2, 1],
    });
    expect(map.nodes).toHaveLength(15);
    expect([map.activityPct, map.pathPct]).toEqual([100, 100]);
  });

  it('keeps only the cases that started in the period', async () => {
    const m = await processMap(store, { logId: 'o2c', perspective: 'order', period: { from: '2025-03-01', to: '2025-04-01' } });
    expect([m.totalCases, m.totalEvents]).toEqual([5, 25]);
    expect(edge(m, 'Create Delivery', 'Post Goods Issue')).toMatchObject({ count: 2, cases: 2 });
    expect(edge(m, 'Create Invoice', 'Create Delivery')).toBeUndefined();
  });

  it('projects the traces onto the kept activities when activities are filtered', async () => {
    // 13 activities; 40 % keeps 6: CSO 6, CD 5, PGI 5, CI 4, then of those with 2 events the ones
    // in more cases, by name: Apply Cash and Set Credit Block (Confirm Pick is in one case only).
    const m = await processMap(store, { logId: 'o2c', perspective: 'order', activityPct: 40 });
    expect(m.nodes.map((n) => n.id).sort()).toEqual(
      ['Apply Cash', 'Create Delivery', 'Create Invoice', 'Create Sales Order', 'Post Goods Issue', 'Set Credit Block', '__end__', '__start__'],
    );
    expect(m.activityPct).toBeCloseTo((6 / 13) * 100, 9);
    expect(pairs(m)).toEqual({
      '__start__ > Create Sales Order': [6, 6],
      'Create Sales Order > Set Credit Block': [2, 2],
      'Set Credit Block > Create Delivery': [1, 1],
      'Set Credit Block > __end__': [1, 1],
      'Create Sales Order > Create Delivery': [3, 3],
      'Create Sales Order > __end__': [1, 1],
      'Create Delivery > Post Goods Issue': [5, 4],
      'Post Goods Issue > Create Invoice': [4, 3],
      'Post Goods Issue > __end__': [1, 1],
      'Create Invoice > Apply Cash': [2, 2],
      'Create Invoice > Create Delivery': [1, 1],
      'Create Invoice > __end__': [1, 1],
      'Apply Cash > __end__': [2, 2],
    });
    // A: Set Credit Block 03-03 08:00:01 → Create Delivery 03-04 08:00:00.
    expect(edge(m, 'Set Credit Block', 'Create Delivery').medianSeconds).toBe(86_399);
  });

  it('keeps the most frequent paths and still connects every activity to start and end', async () => {
    const m = await processMap(store, { logId: 'o2c', perspective: 'order', pathPct: 10 });
    expect(m.nodes).toHaveLength(15);
    expect(m.edges.length).toBeLessThan(23);
    expect(m.pathPct).toBeCloseTo((100 * m.edges.length) / 23, 9);
    const from = new Set(['__start__']);
    const to = new Set(['__end__']);
    for (let i = 0; i < 20; i++) {
      for (const e of m.edges) {
        if (from.has(e.source)) from.add(e.target);
        if (to.has(e.target)) to.add(e.source);
      }
    }
    for (const n of m.nodes) expect([n.id, from.has(n.id), to.has(n.id)]).toEqual([n.id, true, true]);
  });
});
