// Process-map simplification in plain TypeScript (no database): keep the most frequent activities
// and paths, and never leave a kept activity cut off from start or end.
//
// Activities: the top activityPct % of activities by event count are kept. The facade projects
// the traces onto them in SQL before building the DFG, so in that graph every kept activity has
// a path from __start__ and to __end__. (Given an unprojected graph, an activity whose only links
// run through dropped ones gets the dropped activity on its most frequent route back.)
// Paths: the top pathPct % of edges by count are kept; then, until nothing changes, each kept
// activity not reachable from __start__ gets its most frequent incoming edge from a node that is,
// and each one that cannot reach __end__ gets its most frequent outgoing edge to a node that can.
import type { MapEdge, MapNode } from './types';

export const START = '__start__';
export const END = '__end__';

export interface Graph {
  nodes: MapNode[];
  edges: MapEdge[];
}

export interface Simplified extends Graph {
  /** Kept activities in percent of all activities (artificial start/end excluded). */
  activityPct: number;
  /** Kept edges in percent of all edges of the (projected) graph. */
  pathPct: number;
}

const isActivity = (id: string) => id !== START && id !== END;
const clampPct = (p: number) => (Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 100);
const key = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;

const byFrequency = (a: MapNode, b: MapNode) => b.events - a.events || b.cases - a.cases || a.id.localeCompare(b.id);
const edgeOrder = (a: MapEdge, b: MapEdge) =>
  b.count - a.count || b.cases - a.cases || a.source.localeCompare(b.source) || a.target.localeCompare(b.target);

/** The ids of the top `pct` % of activities by event count (at least one when there are any). */
export function selectActivities(nodes: readonly MapNode[], pct: number): Set<string> {
  const acts = nodes.filter((n) => isActivity(n.id)).sort(byFrequency);
  if (acts.length === 0) return new Set();
  const n = Math.max(1, Math.ceil((clampPct(pct) / 100) * acts.length - 1e-9));
  return new Set(acts.slice(0, n).map((a) => a.id));
}

function reach(from: string, edges: Iterable<MapEdge>, forward: boolean): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = forward ? [e.source, e.target] : [e.target, e.source];
    let l = adj.get(a);
    if (!l) adj.set(a, (l = []));
    l.push(b);
  }
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    for (const b of adj.get(stack.pop() as string) ?? []) {
      if (!seen.has(b)) {
        seen.add(b);
        stack.push(b);
      }
    }
  }
  return seen;
}

/**
 * Adds edges from `all` to `kept` until every visible node is reachable from the anchor (forward:
 * from __start__; backward: to __end__). May make dropped activities visible when nothing else
 * connects a node. Returns whether anything was added.
 */
function repair(all: readonly MapEdge[], kept: Map<string, MapEdge>, visible: Set<string>, rank: Map<string, number>, forward: boolean): boolean {
  const anchor = forward ? START : END;
  const near = (e: MapEdge) => (forward ? e.source : e.target); // the side that must already be connected
  const far = (e: MapEdge) => (forward ? e.target : e.source);
  let changed = false;
  for (;;) {
    let connected = reach(anchor, kept.values(), forward);
    const missing = [...visible].filter((v) => !connected.has(v)).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    if (missing.length === 0) return changed;
    let progress = false;
    for (const v of missing) {
      if (connected.has(v)) continue;
      const best = all.find((e) => far(e) === v && visible.has(near(e)) && connected.has(near(e)) && !kept.has(key(e)));
      if (best) {
        kept.set(key(best), best);
        connected = reach(anchor, kept.values(), forward);
        progress = changed = true;
      }
    }
    if (progress) continue;
    // Nothing visible connects what is missing: bring back the dropped activity on the most
    // frequent edge leaving the connected part towards a missing node.
    const leadsToMissing = (x: string) => {
      const r = reach(x, all, forward);
      return missing.some((v) => r.has(v));
    };
    const via = all.find((e) => connected.has(near(e)) && visible.has(near(e)) && !visible.has(far(e)) && leadsToMissing(far(e)));
    if (!via) return changed; // cannot happen for a DFG built from traces
    visible.add(far(via));
    kept.set(key(via), via);
    changed = true;
  }
}

/** Keeps the top `pathPct` % of edges and repairs connectivity (see the file comment). */
export function simplifyMap(graph: Graph, opts: { activityPct?: number; pathPct?: number } = {}): Simplified {
  const activityPct = clampPct(opts.activityPct ?? 100);
  const pathPct = clampPct(opts.pathPct ?? 100);
  const allActivities = graph.nodes.filter((n) => isActivity(n.id));
  const visible = selectActivities(graph.nodes, activityPct);
  visible.add(START).add(END);
  const all = [...graph.edges].sort(edgeOrder);
  const candidates = all.filter((e) => visible.has(e.source) && visible.has(e.target));
  const nKeep = Math.ceil((pathPct / 100) * candidates.length - 1e-9);
  const kept = new Map(candidates.slice(0, nKeep).map((e) => [key(e), e]));
  // Most frequent activities are connected first; start and end last.
  const rank = new Map(allActivities.sort(byFrequency).map((n, i) => [n.id, i]));
  rank.set(START, allActivities.length).set(END, allActivities.length);
  let changed = true;
  while (changed) {
    const f = repair(all, kept, visible, rank, true);
    const b = repair(all, kept, visible, rank, false);
    changed = f || b;
  }
  const edges = all.filter((e) => kept.has(key(e)));
  const nodes = graph.nodes.filter((n) => visible.has(n.id));
  const keptActivities = nodes.filter((n) => isActivity(n.id)).length;
  return {
    nodes,
    edges,
    activityPct: allActivities.length ? (100 * keptActivities) / allActivities.length : 100,
    pathPct: candidates.length ? (100 * edges.length) / candidates.length : 100,
  };
}
