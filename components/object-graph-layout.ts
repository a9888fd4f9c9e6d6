// Lays the related objects of a case out with dagre, left to right (customer → order → lines →
// deliveries → invoices → payments follow the relations' direction). Pure and deterministic: nodes
// and edges go in sorted order.
import { Graph, layout, type GraphLabel } from '@dagrejs/dagre';
import type { CaseObjectEdge, CaseObjectNode } from '../mining/types';

export const OBJ_WIDTH = 176;
export const OBJ_HEIGHT = 46;

export interface PlacedObject extends CaseObjectNode {
  x: number;
  y: number;
}
export interface PlacedLink extends CaseObjectEdge {
  d: string;
  labelX: number;
  labelY: number;
}
export interface ObjectGraphLayout {
  width: number;
  height: number;
  nodes: PlacedObject[];
  edges: PlacedLink[];
}

const r = (v: number) => Math.round(v * 10) / 10;

export function layoutObjectGraph(nodes: readonly CaseObjectNode[], edges: readonly CaseObjectEdge[]): ObjectGraphLayout {
  const g = new Graph<GraphLabel, { width: number; height: number; x?: number; y?: number }, { width: number; height: number; labelpos: 'c'; x?: number; y?: number; points?: { x: number; y: number }[] }>({
    multigraph: true,
  });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: 12, marginy: 12 });
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const known = new Set(sorted.map((n) => n.id));
  for (const n of sorted) g.setNode(n.id, { width: OBJ_WIDTH, height: OBJ_HEIGHT });
  const links = edges
    .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
    .sort((a, b) => `${a.source}\u0000${a.target}\u0000${a.qualifier}`.localeCompare(`${b.source}\u0000${b.target}\u0000${b.qualifier}`));
  for (const e of links) g.setEdge(e.source, e.target, { width: 0, height: 0, labelpos: 'c' }, e.qualifier);
  layout(g);
  const placed = nodes.map((n) => {
    const l = g.node(n.id);
    return { ...n, x: l.x ?? 0, y: l.y ?? 0 };
  });
  const placedEdges = links.map((e) => {
    const l = g.edge({ v: e.source, w: e.target, name: e.qualifier });
    const pts = l.points ?? [];
    const mid = pts[Math.floor(pts.length / 2)] ?? { x: 0, y: 0 };
    return { ...e, d: pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(''), labelX: r(mid.x), labelY: r(mid.y) };
  });
  const graph = g.graph();
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes: placed, edges: placedEdges };
}
