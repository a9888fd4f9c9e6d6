// Lays a process map out with dagre: layered, top to bottom, deterministic (nodes and edges are
// inserted in a fixed order, so the same map always gets the same picture). Pure; no DOM.
import { Graph, layout, type GraphLabel } from '@dagrejs/dagre';
import type { MapEdge, MapNode, ProcessMap } from '../mining/types';

export const START = '__start__';
export const END = '__end__';

export type NodeKind = 'start' | 'end' | 'activity';

export interface PlacedNode extends MapNode {
  kind: NodeKind;
  x: number; // centre
  y: number; // centre
  width: number;
  height: number;
  /** 0..1 share of the busiest activity's events (log scale), drives the fill. */
  weight: number;
}

export interface PlacedEdge extends MapEdge {
  id: string;
  d: string; // SVG path
  strokeWidth: number;
  /** 0..1 share of the busiest edge. */
  weight: number;
  labelX: number;
  labelY: number;
  selfLoop: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const NODE_HEIGHT = 46;
const TERMINAL = 30;
const CHAR_WIDTH = 7.4; // 12.5px semibold sans, average
const LABEL_HEIGHT = 16;
const SELF_LOOP = 30; // room for a loop drawn beside its node

const kindOf = (id: string): NodeKind => (id === START ? 'start' : id === END ? 'end' : 'activity');

/** Labels longer than this are cut on the map (the full name is in the node's title). */
export const MAX_LABEL_CHARS = 32;

export function nodeWidth(node: MapNode): number {
  if (kindOf(node.id) !== 'activity') return TERMINAL;
  return Math.max(128, Math.round(Math.min(node.label.length, MAX_LABEL_CHARS) * CHAR_WIDTH + 34));
}

function nodeOrder(a: MapNode, b: MapNode): number {
  const rank = (n: MapNode) => (n.id === START ? 0 : n.id === END ? 2 : 1);
  return rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A smooth path through dagre's points (Catmull–Rom turned into cubic Béziers). */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const r = (v: number) => Math.round(v * 10) / 10;
  let d = `M${r(points[0].x)},${r(points[0].y)}`;
  if (points.length === 2) return `${d}L${r(points[1].x)},${r(points[1].y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    const c1x = p1.x + (p2.x - p0.x) / 6;
    const c1y = p1.y + (p2.y - p0.y) / 6;
    const c2x = p2.x - (p3.x - p1.x) / 6;
    const c2y = p2.y - (p3.y - p1.y) / 6;
    d += `C${r(c1x)},${r(c1y)} ${r(c2x)},${r(c2y)} ${r(p2.x)},${r(p2.y)}`;
  }
  return d;
}

interface NodeLabel {
  width: number;
  height: number;
  x?: number;
  y?: number;
}
interface EdgeLabel {
  width: number;
  height: number;
  weight: number;
  minlen: number;
  labelpos: 'c';
  x?: number;
  y?: number;
  points?: { x: number; y: number }[];
}

export interface LayoutOptions {
  /** Room for an edge label, in drawing units; fixed, so switching what the labels show does not move anything. Default: the count's width. */
  edgeLabelWidth?: number;
}

/**
 * How far to move the new picture so the nodes both pictures hold stay where they were on screen
 * (the median of their moves, so one node that jumped rank does not drag the rest). dagre cannot pin
 * nodes; the layout itself stays a function of the map alone (a link shows the same picture), and
 * the viewer shifts its view by this instead.
 */
export function anchorShift(previous: readonly Pick<PlacedNode, 'id' | 'x' | 'y'>[], next: readonly Pick<PlacedNode, 'id' | 'x' | 'y'>[]): { dx: number; dy: number } {
  const old = new Map(previous.map((n) => [n.id, n]));
  const dxs: number[] = [];
  const dys: number[] = [];
  for (const n of next) {
    const o = old.get(n.id);
    if (!o || n.id === END) continue; // the end node moves with the map's depth, not with its neighbours
    dxs.push(o.x - n.x);
    dys.push(o.y - n.y);
  }
  const median = (v: number[]) => {
    if (v.length === 0) return 0;
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  return { dx: median(dxs), dy: median(dys) };
}

export function layoutProcessMap(map: Pick<ProcessMap, 'nodes' | 'edges'>, opts: LayoutOptions = {}): MapLayout {
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 22, ranksep: 30, edgesep: 10, marginx: 20, marginy: 16, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({ width: 0, height: 0, weight: 1, minlen: 1, labelpos: 'c' }));

  const nodes = [...map.nodes].sort(nodeOrder);
  const known = new Set(nodes.map((n) => n.id));
  for (const n of nodes) g.setNode(n.id, { width: nodeWidth(n), height: kindOf(n.id) === 'activity' ? NODE_HEIGHT : TERMINAL });

  const edges = map.edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .sort((a, b) => (a.source + '\u0000' + a.target < b.source + '\u0000' + b.target ? -1 : 1));
  const maxEdge = Math.max(1, ...edges.map((e) => e.count));
  for (const e of edges) {
    const label = String(e.count.toLocaleString('en-US'));
    g.setEdge(e.source, e.target, {
      width: (opts.edgeLabelWidth ?? label.length * 7 + 10) + (e.source === e.target ? SELF_LOOP : 0),
      height: LABEL_HEIGHT,
      // Heavy edges pull harder, so the main flow runs straight down the middle.
      weight: 1 + Math.round((e.count / maxEdge) * 20),
      minlen: 1,
      labelpos: 'c',
    });
  }

  layout(g);

  const activityEvents = nodes.filter((n) => kindOf(n.id) === 'activity').map((n) => n.events);
  const maxEvents = Math.max(1, ...activityEvents);
  const logMax = Math.log1p(maxEvents);
  const placedNodes: PlacedNode[] = nodes.map((n) => {
    const l = g.node(n.id);
    return {
      ...n,
      kind: kindOf(n.id),
      x: l.x ?? 0,
      y: l.y ?? 0,
      width: l.width,
      height: l.height,
      weight: logMax > 0 ? Math.log1p(n.events) / logMax : 0,
    };
  });

  const byId = new Map(placedNodes.map((n) => [n.id, n]));
  const placedEdges: PlacedEdge[] = edges.map((e) => {
    const l = g.edge(e.source, e.target);
    const points = l.points ?? [];
    const share = e.count / maxEdge;
    const strokeWidth = Math.round((1.2 + Math.sqrt(share) * 7) * 10) / 10;
    const common = { ...e, id: `${e.source}→${e.target}`, strokeWidth, weight: share };
    const node = byId.get(e.source);
    if (e.source === e.target && node) {
      // A loop on the right side of the node, in the room dagre keeps beside it for the label.
      const x0 = node.x + node.width / 2;
      const r = (v: number) => Math.round(v * 10) / 10;
      return {
        ...common,
        d: `M${r(x0)},${r(node.y - 9)}C${r(x0 + 30)},${r(node.y - 24)} ${r(x0 + 30)},${r(node.y + 24)} ${r(x0 + 1)},${r(node.y + 9)}`,
        labelX: r(x0 + SELF_LOOP - 4 + (l.width - SELF_LOOP) / 2),
        labelY: r(node.y),
        selfLoop: true,
      };
    }
    return {
      ...common,
      d: smoothPath(points),
      labelX: l.x ?? points[Math.floor(points.length / 2)]?.x ?? 0,
      labelY: l.y ?? points[Math.floor(points.length / 2)]?.y ?? 0,
      selfLoop: false,
    };
  });

  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes: placedNodes,
    edges: placedEdges,
  };
}
