import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, ProcessMap } from '../mining/types';
import { anchorShift, END, layoutProcessMap, MAX_LABEL_CHARS, nodeWidth, START } from './process-map-layout';

const node = (id: string, events: number): MapNode => ({ id, label: id === START ? 'Start' : id === END ? 'End' : id, events, cases: events });
const edge = (source: string, target: string, count: number): MapEdge => ({
  source, target, count, cases: count, medianSeconds: 3600, meanSeconds: 3600, p90Seconds: 7200,
});

const map: Pick<ProcessMap, 'nodes' | 'edges'> = {
  nodes: [node('Create Invoice', 90), node(START, 100), node('Create Sales Order', 100), node('Post Goods Issue', 95), node(END, 100), node('Change Price', 12)],
  edges: [
    edge(START, 'Create Sales Order', 100),
    edge('Create Sales Order', 'Post Goods Issue', 88),
    edge('Create Sales Order', 'Change Price', 12),
    edge('Change Price', 'Post Goods Issue', 7),
    edge('Change Price', 'Change Price', 3),
    edge('Post Goods Issue', 'Create Invoice', 90),
    edge('Create Invoice', END, 90),
    edge('Post Goods Issue', END, 5),
    edge('Create Invoice', 'Ghost', 1),
  ],
};

describe('the process map layout', () => {
  it('places every node, start on top and end at the bottom', () => {
    const l = layoutProcessMap(map);
    expect(l.nodes.map((n) => n.id).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    const y = Object.fromEntries(l.nodes.map((n) => [n.id, n.y]));
    for (const n of l.nodes) if (n.id !== START) expect(n.y).toBeGreaterThan(y[START]);
    for (const n of l.nodes) if (n.id !== END) expect(n.y).toBeLessThan(y[END]);
    expect(l.width).toBeGreaterThan(0);
    expect(l.height).toBeGreaterThan(0);
  });

  it('gives the same picture for the same map whatever the input order', () => {
    const a = layoutProcessMap(map);
    const b = layoutProcessMap({ nodes: [...map.nodes].reverse(), edges: [...map.edges].reverse() });
    expect(b).toEqual(a);
  });

  it('draws edges thicker for more frequent paths and drops edges to unknown nodes', () => {
    const l = layoutProcessMap(map);
    expect(l.edges.some((e) => e.target === 'Ghost')).toBe(false);
    const w = Object.fromEntries(l.edges.map((e) => [e.id, e.strokeWidth]));
    expect(w[`${START}→Create Sales Order`]).toBeGreaterThan(w['Change Price→Post Goods Issue']);
    for (const e of l.edges) expect(e.d).toMatch(/^M[\d.-]+,[\d.-]+/);
  });

  it('does not overlap nodes', () => {
    const l = layoutProcessMap(map);
    for (const a of l.nodes)
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
  });
});

describe('the layout across slider moves and modes', () => {
  it('does not move anything when only the edge labels change (fixed label room)', () => {
    const a = layoutProcessMap(map, { edgeLabelWidth: 58 });
    const relabelled = { nodes: map.nodes, edges: map.edges.map((e) => ({ ...e, medianSeconds: 999_999, meanSeconds: 1 })) };
    const b = layoutProcessMap(relabelled, { edgeLabelWidth: 58 });
    expect(b.nodes.map((n) => [n.id, n.x, n.y])).toEqual(a.nodes.map((n) => [n.id, n.x, n.y]));
    expect(b.edges.map((e) => e.d)).toEqual(a.edges.map((e) => e.d));
  });

  it('caps a node at the width of its truncated label', () => {
    const long = 'An activity with a remarkably long name from an imported XES log';
    const l = layoutProcessMap({ nodes: [node(START, 1), node(long, 1), node(END, 1)], edges: [edge(START, long, 1), edge(long, END, 1)] });
    const n = l.nodes.find((x) => x.id === long)!;
    expect(n.width).toBe(nodeWidth({ id: long, label: long.slice(0, MAX_LABEL_CHARS), events: 1, cases: 1 }));
    expect(n.width).toBeLessThan(long.length * 7);
  });

  it('shifts the view by the median move of the nodes both pictures hold', () => {
    const before = layoutProcessMap(map);
    const smaller = {
      nodes: map.nodes.filter((n) => n.id !== 'Change Price'),
      edges: map.edges.filter((e) => e.source !== 'Change Price' && e.target !== 'Change Price'),
    };
    const after = layoutProcessMap(smaller);
    const { dx, dy } = anchorShift(before.nodes, after.nodes);
    // After the shift, the kept nodes sit closer to where they were than without it.
    const old = new Map(before.nodes.map((n) => [n.id, n]));
    const drift = (sx: number, sy: number) => after.nodes.reduce((s, n) => s + Math.hypot(n.x + sx - old.get(n.id)!.x, n.y + sy - old.get(n.id)!.y), 0);
    expect(drift(dx, dy)).toBeLessThanOrEqual(drift(0, 0));
    // A pure translation is undone exactly, and the end node (which follows the depth) is ignored.
    const moved = before.nodes.map((n) => ({ ...n, x: n.x + 40, y: n.id === END ? n.y + 500 : n.y - 10 }));
    expect(anchorShift(before.nodes, moved)).toEqual({ dx: -40, dy: 10 });
    expect(anchorShift([], after.nodes)).toEqual({ dx: 0, dy: 0 });
  });
});
