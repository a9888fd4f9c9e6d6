import { describe, it, expect } from 'vitest';
import { simplifyMap, selectActivities, START, END, type Graph } from './simplify';
import type { MapEdge, MapNode } from './types';

const node = (id: string, events: number): MapNode => ({ id, label: id, events, cases: events });
const e = (source: string, target: string, count: number): MapEdge => ({
  source, target, count, cases: count, medianSeconds: null, meanSeconds: null, p90Seconds: null,
});

function graph(nodes: [string, number][], edges: [string, string, number][]): Graph {
  return {
    nodes: [node(START, 100), ...nodes.map(([id, n]) => node(id, n)), node(END, 100)],
    edges: edges.map(([s, t, c]) => e(s, t, c)),
  };
}

/** Whether every node is reachable from start and reaches end over the given edges. */
function connected(g: Graph): { unreachable: string[]; deadEnds: string[] } {
  const closure = (from: string, fwd: boolean) => {
    const seen = new Set([from]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const x of g.edges) {
        const [a, b] = fwd ? [x.source, x.target] : [x.target, x.source];
        if (seen.has(a) && !seen.has(b)) seen.add(b), (changed = true);
      }
    }
    return seen;
  };
  const f = closure(START, true);
  const b = closure(END, false);
  return { unreachable: g.nodes.filter((n) => !f.has(n.id)).map((n) => n.id), deadEnds: g.nodes.filter((n) => !b.has(n.id)).map((n) => n.id) };
}

const names = (g: Graph) => g.edges.map((x) => `${x.source}>${x.target}`).sort();

// A main line S→a→b→c→E (100 cases) with a rare detour b→d→c (5 cases) and a rare loop c→b (3).
const main = graph(
  [['a', 100], ['b', 108], ['c', 108], ['d', 5]],
  [
    [START, 'a', 100], ['a', 'b', 100], ['b', 'c', 103], ['c', END, 100],
    ['b', 'd', 5], ['d', 'c', 5], ['c', 'b', 8],
  ],
);

describe('map simplification', () => {
  it('keeps everything at 100 % activities and 100 % paths', () => {
    const s = simplifyMap(main, { activityPct: 100, pathPct: 100 });
    expect(s.nodes).toHaveLength(6);
    expect(s.edges).toHaveLength(7);
    expect([s.activityPct, s.pathPct]).toEqual([100, 100]);
  });

  it('keeps the most frequent share of paths, rounding up', () => {
    // 7 edges, 50 % → 4: the main line (100, 100, 103, 100); the rare ones go, and every
    // activity but d is still connected, while d gets its most frequent edges in and out back.
    const s = simplifyMap(main, { pathPct: 50 });
    expect(names(s)).toEqual([`${START}>a`, 'a>b', 'b>c', 'b>d', `c>${END}`, 'd>c']);
    expect(s.pathPct).toBeCloseTo((6 / 7) * 100, 9);
    expect(connected(s)).toEqual({ unreachable: [], deadEnds: [] });
  });

  it('drops rare activities first and reports the share kept', () => {
    expect([...selectActivities(main.nodes, 75)].sort()).toEqual(['a', 'b', 'c']);
    expect([...selectActivities(main.nodes, 0)]).toEqual(['b']);
    const s = simplifyMap(main, { activityPct: 75, pathPct: 100 });
    expect(s.nodes.map((n) => n.id)).toEqual([START, 'a', 'b', 'c', END]);
    expect(names(s)).toEqual([`${START}>a`, 'a>b', 'b>c', `c>${END}`, 'c>b']);
    expect(s.activityPct).toBe(75);
  });

  it('never disconnects a kept activity at 0 % paths', () => {
    const s = simplifyMap(main, { pathPct: 0 });
    expect(connected(s)).toEqual({ unreachable: [], deadEnds: [] });
    // Only what connectivity needs: each activity's most frequent edge in from the connected part
    // and out towards the end.
    expect(names(s)).toEqual([`${START}>a`, 'a>b', 'b>c', 'b>d', `c>${END}`, 'd>c']);
  });

  it('connects an activity through its most frequent incoming path from the connected part', () => {
    // x is entered from y (40) more often than from a (10), but y is only reachable through x.
    const g = graph(
      [['a', 100], ['x', 50], ['y', 40]],
      [[START, 'a', 100], ['a', END, 90], ['a', 'x', 10], ['y', 'x', 40], ['x', 'y', 40], ['x', END, 10]],
    );
    const s = simplifyMap(g, { pathPct: 0 });
    expect(names(s)).toEqual([`${START}>a`, `a>${END}`, 'a>x', `x>${END}`, 'x>y', 'y>x']);
    expect(connected(s)).toEqual({ unreachable: [], deadEnds: [] });
  });

  it('brings back a dropped activity when a kept one is linked only through it', () => {
    // k is reached only via the rare r; dropping r by activity share would cut k off.
    const g = graph(
      [['a', 100], ['k', 60], ['r', 1]],
      [[START, 'a', 100], ['a', END, 40], ['a', 'r', 60], ['r', 'k', 60], ['k', END, 60]],
    );
    const s = simplifyMap(g, { activityPct: 60, pathPct: 100 });
    expect(s.nodes.map((n) => n.id)).toEqual([START, 'a', 'k', 'r', END]);
    expect(connected(s)).toEqual({ unreachable: [], deadEnds: [] });
  });

  it('handles an empty map', () => {
    const s = simplifyMap(graph([], [[START, END, 0]]), { activityPct: 10, pathPct: 10 });
    expect(s.nodes.map((n) => n.id)).toEqual([START, END]);
    expect(connected(s)).toEqual({ unreachable: [], deadEnds: [] });
  });

  it('respects the requested percentages on a larger random map, adding only connecting edges', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const acts = Array.from({ length: 30 }, (_, i) => `act${i}`);
    const edges: [string, string, number][] = [];
    for (const a of acts) {
      edges.push([START, a, 1 + Math.floor(rnd() * 50)], [a, END, 1 + Math.floor(rnd() * 50)]);
      for (const b of acts) if (a !== b && rnd() < 0.15) edges.push([a, b, 1 + Math.floor(rnd() * 500)]);
    }
    const g = graph(acts.map((a) => [a, 1 + Math.floor(rnd() * 1000)]), edges);
    for (const pct of [0, 5, 20, 50, 80]) {
      const s = simplifyMap(g, { activityPct: 100, pathPct: pct });
      const wanted = Math.ceil((pct / 100) * g.edges.length);
      const top = [...g.edges].sort((x, y) => y.count - x.count).slice(0, wanted);
      for (const t of top) expect(s.edges).toContainEqual(t);
      expect(s.edges.length).toBeGreaterThanOrEqual(wanted);
      // Each extra edge is one activity's link in or out: at most two per activity.
      expect(s.edges.length - wanted).toBeLessThanOrEqual(2 * (acts.length + 1));
      expect(connected(s)).toEqual({ unreachable: [], deadEnds: [] });
    }
  });
});
