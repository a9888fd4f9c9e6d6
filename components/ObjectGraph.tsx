// The objects related to a case (order, lines, deliveries, invoices, payments, disputes, customer)
// as a small SVG graph; each node names its type and key, and its tooltip the attributes and the
// source record. Laid out by object-graph-layout.ts (dagre).
import { useMemo } from 'react';
import type { CaseObjectEdge, CaseObjectNode } from '../mining/types';
import { layoutObjectGraph, OBJ_HEIGHT, OBJ_WIDTH } from './object-graph-layout';
import { categorical, palette } from './palette';
import styles from './ObjectGraph.module.css';

const TYPE_ORDER = ['customer', 'sales_order', 'order_line', 'delivery', 'invoice', 'payment', 'dispute', 'credit_memo'];
const colourOf = (type: string, types: string[]) => categorical[(TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length + types.indexOf(type)) % categorical.length];
const keyOf = (id: string) => (id.includes(':') ? id.slice(id.indexOf(':') + 1) : id);
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ObjectGraph({ nodes, edges, truncated }: { nodes: CaseObjectNode[]; edges: CaseObjectEdge[]; truncated?: boolean }) {
  const g = useMemo(() => layoutObjectGraph(nodes, edges), [nodes, edges]);
  const types = [...new Set(nodes.map((n) => n.type))].sort();
  const counts = types.map((t) => `${nodes.filter((n) => n.type === t).length} ${t.replaceAll('_', ' ')}`).join(', ');
  return (
    <figure className={styles.figure}>
      <div className={styles.scroll}>
        <svg width={g.width} height={g.height} viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={`Related objects: ${counts}`} data-testid="object-graph">
          <defs>
            <marker id="obj-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0L10,5L0,10z" fill={palette.edge} />
            </marker>
          </defs>
          {g.edges.map((e) => (
            <g key={`${e.source}|${e.target}|${e.qualifier}`}>
              <path d={e.d} fill="none" stroke={palette.edge} strokeWidth="1.4" markerEnd="url(#obj-arrow)" />
              <title>{`${e.source} ${e.qualifier} ${e.target}`}</title>
            </g>
          ))}
          {g.nodes.map((n) => {
            const x = n.x - OBJ_WIDTH / 2;
            const y = n.y - OBJ_HEIGHT / 2;
            const tip = [`${n.id}`, ...n.summary.map((s) => `${s.key}: ${s.value}`), n.sourceKey ? `source: ${n.sourceSystem ?? ''} · ${n.sourceKey}` : ''].filter(Boolean).join('\n');
            return (
              <g key={n.id} data-testid="object-node">
                <rect x={x} y={y} width={OBJ_WIDTH} height={OBJ_HEIGHT} rx="8" fill={palette.highlight} stroke={n.isCase ? palette.chartStrong : palette.border} strokeWidth={n.isCase ? 2 : 1} />
                <rect x={x} y={y} width="5" height={OBJ_HEIGHT} rx="2" fill={colourOf(n.type, types)} />
                <text x={x + 13} y={y + 18} fontSize="11" fill={palette.muted}>
                  {n.type.replaceAll('_', ' ')}
                </text>
                <text x={x + 13} y={y + 35} fontSize="12.5" fontWeight="600" fill={palette.text}>
                  {cut(keyOf(n.id), 22)}
                </text>
                <title>{tip}</title>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className={styles.caption}>
        {counts}
        {truncated && ' (the first objects only: this case touches more than the graph shows)'}. Hover an object for its attributes and source record.
      </figcaption>
    </figure>
  );
}
