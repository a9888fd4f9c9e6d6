'use client';
// The process map as SVG from a dagre layout: nodes coloured by event count, edges as thick as
// their frequency with the count on them, start and end markers. Hover a node or an edge to
// follow it; the rest fades.
import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ProcessMap } from '../mining/types';
import { formatCount, formatSeconds } from './format';
import { palette, nodeFill, nodeText } from './palette';
import { layoutProcessMap, type PlacedEdge, type PlacedNode } from './process-map-layout';
import styles from './ProcessMapView.module.css';

export interface ProcessMapViewProps {
  map: ProcessMap;
  /** Height of the scrolling viewport (CSS length). */
  height: string;
}

const ZOOM_STEPS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2];

function useSize(ref: RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

function edgeColour(weight: number): string {
  // slate-300 → slate-700 along the square root of the share
  const t = Math.sqrt(Math.max(0, Math.min(1, weight)));
  const a = [176, 186, 201];
  const b = [51, 65, 85];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

function edgeTitle(e: PlacedEdge, label: (id: string) => string): string {
  const lines = [`${label(e.source)} → ${label(e.target)}`, `${formatCount(e.count)} times in ${formatCount(e.cases)} orders`];
  if (e.medianSeconds !== null) lines.push(`median ${formatSeconds(e.medianSeconds)}${e.p90Seconds !== null ? `, 90th percentile ${formatSeconds(e.p90Seconds)}` : ''}`);
  return lines.join('\n');
}

export const ProcessMapView = memo(function ProcessMapView({ map, height }: ProcessMapViewProps) {
  const layout = useMemo(() => layoutProcessMap(map), [map]);
  const [focus, setFocus] = useState<string | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const size = useSize(viewport);
  // null = fit the width (never enlarge); a number = the user's zoom.
  const [zoom, setZoom] = useState<number | null>(null);
  const pad = 24;
  const fitWidth = size.width ? Math.min(1, (size.width - pad) / layout.width) : 1;
  const fitAll = size.width ? Math.min(1, (size.width - pad) / layout.width, (size.height - pad) / layout.height) : 1;
  const scale = zoom ?? fitWidth;
  const step = (dir: 1 | -1) => {
    const next = dir > 0 ? ZOOM_STEPS.find((z) => z > scale + 0.001) : [...ZOOM_STEPS].reverse().find((z) => z < scale - 0.001);
    setZoom(next ?? scale);
  };
  const labels = useMemo(() => new Map(map.nodes.map((n) => [n.id, n.label])), [map.nodes]);
  const label = (id: string) => labels.get(id) ?? id;

  const lit = useMemo(() => {
    if (!focus) return null;
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const e of layout.edges) {
      if (e.id === focus || e.source === focus || e.target === focus) {
        edges.add(e.id);
        nodes.add(e.source);
        nodes.add(e.target);
      }
    }
    nodes.add(focus);
    return { nodes, edges };
  }, [focus, layout.edges]);

  return (
    <div className={styles.frame}>
      <div ref={viewport} className={styles.viewport} style={{ height }} data-testid="map-viewport">
        <svg
          className={styles.svg}
          width={Math.round(layout.width * scale)}
          height={Math.round(layout.height * scale)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          // Drawn once the viewport is measured, so the first paint does not jump in size.
          style={{ visibility: size.width ? 'visible' : 'hidden' }}
          role="img"
          aria-label={`Process map: ${map.nodes.length} nodes, ${map.edges.length} paths`}
          data-testid="process-map"
          onMouseLeave={() => setFocus(null)}
        >
          <defs>
            <marker id="tl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={palette.edgeHot} />
            </marker>
          </defs>
          <g>
            {[...layout.edges]
              .sort((a, b) => a.count - b.count)
              .map((e) => (
                <g
                  key={e.id}
                  className={styles.edge}
                  data-testid="map-edge"
                  data-source={e.source}
                  data-target={e.target}
                  data-count={e.count}
                  opacity={lit && !lit.edges.has(e.id) ? 0.12 : 1}
                  onMouseEnter={() => setFocus(e.id)}
                >
                  <title>{edgeTitle(e, label)}</title>
                  <path d={e.d} className={styles.hit} />
                  <path d={e.d} fill="none" stroke={edgeColour(e.weight)} strokeWidth={e.strokeWidth} markerEnd="url(#tl-arrow)" strokeLinecap="round" />
                  <text x={e.labelX} y={e.labelY} dy="0.35em" textAnchor="middle" className={styles.edgeLabel}>
                    {formatCount(e.count)}
                  </text>
                </g>
              ))}
          </g>
          <g>
            {layout.nodes.map((n) => (
              <MapNodeShape key={n.id} node={n} dim={!!lit && !lit.nodes.has(n.id)} onEnter={() => setFocus(n.id)} />
            ))}
          </g>
        </svg>
      </div>
      <div className={styles.zoom} role="group" aria-label="Zoom">
        <button type="button" onClick={() => step(-1)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => setZoom(null)} title="Fit the width" className={styles.zoomValue}>
          {Math.round(scale * 100)} %
        </button>
        <button type="button" onClick={() => step(1)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => setZoom(fitAll)} title="Show the whole map">
          Whole map
        </button>
      </div>
    </div>
  );
});

function MapNodeShape({ node: n, dim, onEnter }: { node: PlacedNode; dim: boolean; onEnter: () => void }) {
  const common = {
    'data-testid': 'map-node',
    'data-activity': n.id,
    'data-kind': n.kind,
    'data-events': n.events,
    opacity: dim ? 0.25 : 1,
    onMouseEnter: onEnter,
  };
  if (n.kind !== 'activity') {
    const r = n.width / 2;
    const start = n.kind === 'start';
    return (
      <g {...common} className={styles.terminal} transform={`translate(${n.x},${n.y})`}>
        <title>{`${start ? 'Start' : 'End'}: ${formatCount(n.cases)} orders`}</title>
        <circle r={r} fill={start ? palette.start : palette.end} />
        {start ? <path d="M-4,-6.5 L7,0 L-4,6.5 z" fill="#fff" /> : <rect x={-5.5} y={-5.5} width={11} height={11} rx={1.5} fill="#fff" />}
        <text x={r + 8} dy="0.35em" className={styles.terminalLabel}>
          {start ? 'Start' : 'End'} · {formatCount(n.cases)}
        </text>
      </g>
    );
  }
  const fill = nodeFill(n.weight);
  const ink = nodeText(n.weight);
  return (
    <g {...common} className={styles.node} transform={`translate(${n.x - n.width / 2},${n.y - n.height / 2})`}>
      <title>{`${n.label}\n${formatCount(n.events)} events in ${formatCount(n.cases)} orders`}</title>
      <rect width={n.width} height={n.height} rx={9} fill={fill} stroke={n.weight > 0.55 ? 'none' : '#aebfe0'} />
      <text x={n.width / 2} y={19} textAnchor="middle" fill={ink} className={styles.nodeLabel}>
        {n.label}
      </text>
      <text x={n.width / 2} y={35} textAnchor="middle" fill={ink} className={styles.nodeCount}>
        {formatCount(n.events)}
      </text>
    </g>
  );
}

/** The colour and width keys under the map. */
export function ProcessMapLegend({ map }: { map: ProcessMap }) {
  const activities = map.nodes.filter((n) => n.id !== '__start__' && n.id !== '__end__');
  const maxEvents = Math.max(0, ...activities.map((n) => n.events));
  const maxEdge = Math.max(0, ...map.edges.map((e) => e.count));
  return (
    <div className={styles.legend}>
      <span className={styles.legendItem}>
        <span className={styles.ramp} style={{ background: `linear-gradient(90deg, ${nodeFill(0.05)}, ${nodeFill(1)})` }} />
        Activity: events (up to {formatCount(maxEvents)})
      </span>
      <span className={styles.legendItem}>
        <svg width="44" height="12" aria-hidden>
          <path d="M2,6 H16" stroke={edgeColour(0.05)} strokeWidth={1.5} />
          <path d="M24,6 H42" stroke={edgeColour(1)} strokeWidth={7} />
        </svg>
        Path: times directly followed (up to {formatCount(maxEdge)})
      </span>
    </div>
  );
}
