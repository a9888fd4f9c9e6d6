'use client';
// The interactive process map: a dagre layout drawn in a zoomable canvas, edges as thick and as
// dark as the chosen value (a frequency or a duration), nodes tinted by frequency with a stripe in
// the activity's colour. Hover or focus shows the numbers; click or Enter on an activity or a path
// reports the filter that selects those cases. Pure: props in, filters out.
import { forwardRef, memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Filter, MapEdge, ProcessMap } from '../mining/types';
import { activityColour } from './activity-colour';
import { formatCount, formatSeconds } from './format';
import { edgeValue, edgeWidth, isPerf, METRIC_LABEL, nodeFillCss, nodeInkLight, nodeValue, rampColour, scaleKind, sequentialScale, truncate, type MapMetric } from './map-scale';
import { ProcessMapCanvas, type ProcessMapCanvasHandle } from './ProcessMapCanvas';
import { anchorShift, END, layoutProcessMap, MAX_LABEL_CHARS, START, type MapLayout, type PlacedEdge, type PlacedNode } from './process-map-layout';
import styles from './ProcessMapExplorer.module.css';

export interface ProcessMapExplorerProps {
  map: ProcessMap;
  metric: MapMetric;
  /** What a case is called on this perspective ("orders", "cases"…), plural. */
  caseNoun: string;
  height: string;
  /** The user asked for the cases through an activity, a path or an endpoint. */
  onFilter: (filter: Filter) => void;
}

/** Room for an edge label whatever it shows ("12,345" or "18.5 h"), so switching modes moves nothing. */
const EDGE_LABEL_WIDTH = 58;

/** Arrowheads in three sizes (userSpaceOnUse), so thin paths get small heads and thick ones big. */
const ARROWS = [
  { id: 'tl-map-arrow-s', size: 9, upTo: 3 },
  { id: 'tl-map-arrow-m', size: 13, upTo: 6.5 },
  { id: 'tl-map-arrow-l', size: 17, upTo: Infinity },
] as const;
const arrowFor = (width: number) => ARROWS.find((a) => width <= a.upTo)!.id;

interface Tip {
  id: string;
  x: number;
  y: number;
  flip: string;
}

/** Puts the tooltip on the side of the pointer where it has room (the viewport clips it). */
const tipFlip = (x: number, y: number, width: number, height: number) =>
  `translate(${x > width - 360 ? 'calc(-100% - 14px)' : '14px'}, ${y > height - 220 ? 'calc(-100% - 14px)' : '14px'})`;

const durationText = (s: number | null | undefined) => (s === null || s === undefined ? '—' : formatSeconds(s));

/**
 * What a path's click filters to: endpoints for the start/end pseudo-nodes, else directly-follows.
 * `among`: the activities a map with hidden activities shows; its paths join them across the hidden
 * ones, so the filter judges the traces the same way and keeps exactly the cases the path counted.
 */
export function edgeFilter(e: Pick<MapEdge, 'source' | 'target'>, among?: string[]): Filter | null {
  const only = among ? { among } : {};
  if (e.source === START && e.target === END) return null;
  if (e.source === START) return { kind: 'endpoints', start: [e.target], ...only };
  if (e.target === END) return { kind: 'endpoints', end: [e.source], ...only };
  return { kind: 'follows', from: e.source, to: e.target, directly: true, ...only };
}

/** The shown activities when the map hides some (edgeFilter's `among`), else undefined. */
export function shownActivities(map: Pick<ProcessMap, 'nodes' | 'activityPct'>): string[] | undefined {
  return map.activityPct < 100 ? map.nodes.filter((n) => n.id !== START && n.id !== END).map((n) => n.id) : undefined;
}

export const ProcessMapExplorer = memo(function ProcessMapExplorer({ map, metric, caseNoun, height, onFilter }: ProcessMapExplorerProps) {
  const layout = useMemo(() => layoutProcessMap(map, { edgeLabelWidth: EDGE_LABEL_WIDTH }), [map]);
  const canvas = useRef<ProcessMapCanvasHandle>(null);
  const fitKey = `${map.logId}|${map.perspective}`;
  // When the sliders or filters change the map, move the view so the nodes that stay stay put.
  const shown = useRef<{ key: string; layout: MapLayout } | null>(null);
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { key: fitKey, layout };
    if (!before || before.key !== fitKey || before.layout === layout) return;
    const { dx, dy } = anchorShift(before.layout.nodes, layout.nodes);
    if (dx || dy) canvas.current?.shift(dx, dy);
  }, [fitKey, layout]);
  const frameRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const perf = isPerf(metric);
  const mode = perf ? 'perf' : 'freq';

  const edgeScale = useMemo(() => sequentialScale(layout.edges.map((e) => edgeValue(e, metric)), scaleKind(metric)), [layout, metric]);
  const activities = layout.nodes.filter((n) => n.kind === 'activity');
  const nodeScale = useMemo(() => sequentialScale(activities.map((n) => nodeValue(n, metric))), [activities, metric]);
  const among = useMemo(() => shownActivities(map), [map]);
  const labels = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n.label])), [layout]);
  const name = (id: string) => labels.get(id) ?? id;
  const byId = useMemo(() => new Map<string, PlacedNode | PlacedEdge>([...layout.nodes.map((n) => [n.id, n] as const), ...layout.edges.map((e) => [e.id, e] as const)]), [layout]);

  const lit = useMemo(() => {
    if (!focus) return null;
    const nodes = new Set<string>([focus]);
    const edges = new Set<string>();
    for (const e of layout.edges)
      if (e.id === focus || e.source === focus || e.target === focus) {
        edges.add(e.id);
        nodes.add(e.source);
        nodes.add(e.target);
      }
    return { nodes, edges };
  }, [focus, layout.edges]);

  const edgeText = (e: PlacedEdge) => {
    const v = edgeValue(e, metric);
    return v === null ? '' : perf ? formatSeconds(v) : formatCount(v);
  };

  const tipEl = useRef<HTMLDivElement>(null);
  const tipId = useRef<string | null>(null);
  // The tooltip follows the pointer by style, not by render: React renders only when the item under
  // the pointer changes.
  const show = useCallback((id: string, clientX: number, clientY: number) => {
    const r = frameRef.current?.getBoundingClientRect();
    if (!r) return;
    const x = clientX - r.left;
    const y = clientY - r.top;
    const flip = tipFlip(x, y, r.width, r.height);
    if (tipId.current === id && tipEl.current) {
      tipEl.current.style.left = `${x}px`;
      tipEl.current.style.top = `${y}px`;
      tipEl.current.style.transform = flip;
      return;
    }
    tipId.current = id;
    setFocus(id);
    setTip({ id, x, y, flip });
  }, []);
  const hide = useCallback(() => {
    tipId.current = null;
    setFocus(null);
    setTip(null);
  }, []);
  const onHover = (id: string) => (ev: MouseEvent) => show(id, ev.clientX, ev.clientY);
  const onFocusItem = (id: string, box: { x: number; y: number; width: number; height: number }) => (ev: FocusEvent<SVGGElement>) => {
    canvas.current?.reveal(box);
    // After the pan is painted, place the tip by where the element now is.
    requestAnimationFrame(() => {
      const r = ev.target.getBoundingClientRect();
      show(id, r.left + r.width / 2, r.top + r.height);
    });
  };
  const activate = (f: Filter | null) => (ev: MouseEvent | KeyboardEvent) => {
    if (!f) return;
    if ('key' in ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
    } else if (canvas.current?.dragged()) return;
    onFilter(f);
  };

  const tipItem = tip ? byId.get(tip.id) : undefined;
  const sortedEdges = useMemo(
    () => [...layout.edges].sort((a, b) => (edgeValue(a, metric) ?? -1) - (edgeValue(b, metric) ?? -1) || (a.id < b.id ? -1 : 1)),
    [layout.edges, metric],
  );

  return (
    <div ref={frameRef} className={styles.root} onMouseLeave={hide}>
      <ProcessMapCanvas
        ref={canvas}
        content={{ width: layout.width, height: layout.height }}
        fitKey={fitKey}
        ariaLabel={`Process map: ${activities.length} activities, ${layout.edges.length} paths, ${METRIC_LABEL[metric].toLowerCase()} on the paths`}
        height={height}
        defs={ARROWS.map((a) => (
          <marker key={a.id} id={a.id} viewBox="0 0 10 10" refX="7" refY="5" markerWidth={a.size} markerHeight={a.size} markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className={styles.arrow} />
          </marker>
        ))}
        overlay={tip && tipItem ? <Tooltip ref={tipEl} x={tip.x} y={tip.y} flip={tip.flip} item={tipItem} name={name} caseNoun={caseNoun} totalCases={map.totalCases} /> : null}
      >
        <g>
          {sortedEdges.map((e) => {
            const t = edgeScale.t(edgeValue(e, metric));
            const f = edgeFilter(e, among);
            const v = edgeValue(e, metric);
            return (
              <g
                key={e.id}
                className={`${styles.edge} ${lit && !lit.edges.has(e.id) ? styles.dim : ''}`}
                data-testid="map-edge"
                data-source={e.source}
                data-target={e.target}
                data-value={v ?? ''}
                role={f ? 'button' : undefined}
                tabIndex={f ? 0 : undefined}
                aria-label={`Path ${name(e.source)} to ${name(e.target)}: ${formatCount(e.cases)} ${caseNoun}, ${formatCount(e.count)} times${e.medianSeconds !== null ? `, median ${formatSeconds(e.medianSeconds)}` : ''}${f ? '. Enter filters to these cases.' : ''}`}
                onMouseMove={onHover(e.id)}
                onFocus={onFocusItem(e.id, { x: e.labelX - 30, y: e.labelY - 10, width: 60, height: 20 })}
                onBlur={hide}
                onClick={activate(f)}
                onKeyDown={activate(f)}
              >
                <path d={e.d} className={styles.hit} />
                <path d={e.d} className={styles.line} style={{ stroke: rampColour(t, mode), strokeWidth: edgeWidth(t) }} markerEnd={`url(#${arrowFor(edgeWidth(t))})`} />
                <text x={e.labelX} y={e.labelY} dy="0.35em" textAnchor="middle" className={styles.edgeLabel}>
                  {edgeText(e)}
                </text>
              </g>
            );
          })}
        </g>
        <g>
          {layout.nodes.map((n) =>
            n.kind === 'activity' ? (
              <ActivityNode
                key={n.id}
                node={n}
                t={nodeScale.t(nodeValue(n, metric)) ?? 0}
                value={nodeValue(n, metric)}
                unit={metric === 'cases' ? caseNoun : 'events'}
                caseNoun={caseNoun}
                dim={!!lit && !lit.nodes.has(n.id)}
                onHover={onHover(n.id)}
                onFocus={onFocusItem(n.id, { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height })}
                onBlur={hide}
                onActivate={activate({ kind: 'activity', activity: n.id })}
              />
            ) : (
              <Terminal key={n.id} node={n} caseNoun={caseNoun} dim={!!lit && !lit.nodes.has(n.id)} onHover={onHover(n.id)} />
            ),
          )}
        </g>
      </ProcessMapCanvas>
    </div>
  );
});

interface NodeProps {
  node: PlacedNode;
  t: number;
  value: number;
  unit: string;
  caseNoun: string;
  dim: boolean;
  onHover: (e: MouseEvent) => void;
  onFocus: (e: FocusEvent<SVGGElement>) => void;
  onBlur: () => void;
  onActivate: (e: MouseEvent | KeyboardEvent) => void;
}

function ActivityNode({ node: n, t, value, unit, caseNoun, dim, onHover, onFocus, onBlur, onActivate }: NodeProps) {
  const light = nodeInkLight(t);
  return (
    <g
      className={`${styles.node} ${dim ? styles.dim : ''} ${light ? styles.inkLight : ''}`}
      transform={`translate(${n.x - n.width / 2},${n.y - n.height / 2})`}
      data-testid="map-node"
      data-activity={n.id}
      data-kind="activity"
      data-cases={n.cases}
      data-events={n.events}
      role="button"
      tabIndex={0}
      aria-label={`Activity ${n.label}: ${formatCount(n.cases)} ${caseNoun}, ${formatCount(n.events)} events. Enter filters to ${caseNoun} with it.`}
      onMouseMove={onHover}
      onFocus={onFocus}
      onBlur={onBlur}
      onClick={onActivate}
      onKeyDown={onActivate}
    >
      {n.label.length > MAX_LABEL_CHARS && <title>{n.label}</title>}
      <rect width={n.width} height={n.height} rx={9} className={styles.box} style={{ fill: nodeFillCss(t) }} />
      <rect x={0} y={0} width={6} height={n.height} rx={3} className={styles.stripe} style={{ fill: activityColour(n.id) }} />
      <text x={n.width / 2 + 3} y={19} textAnchor="middle" className={styles.nodeLabel}>
        {truncate(n.label, MAX_LABEL_CHARS)}
      </text>
      <text x={n.width / 2 + 3} y={35} textAnchor="middle" className={styles.nodeCount}>
        {formatCount(value)} {unit}
      </text>
    </g>
  );
}

function Terminal({ node: n, caseNoun, dim, onHover }: { node: PlacedNode; caseNoun: string; dim: boolean; onHover: (e: MouseEvent) => void }) {
  const start = n.kind === 'start';
  const r = n.width / 2;
  return (
    <g
      className={`${styles.terminal} ${dim ? styles.dim : ''}`}
      transform={`translate(${n.x},${n.y})`}
      data-testid="map-node"
      data-activity={n.id}
      data-kind={n.kind}
      data-cases={n.cases}
      data-events={n.events}
      onMouseMove={onHover}
    >
      <circle r={r} className={start ? styles.start : styles.end} />
      {start ? <path d="M-4,-6.5 L7,0 L-4,6.5 z" className={styles.glyph} /> : <rect x={-5.5} y={-5.5} width={11} height={11} rx={1.5} className={styles.glyph} />}
      <text x={r + 8} dy="0.35em" className={styles.terminalLabel}>
        {start ? 'Start' : 'End'} · {formatCount(n.cases)} {caseNoun}
      </text>
    </g>
  );
}

interface TooltipProps {
  flip: string;
  x: number;
  y: number;
  item: PlacedNode | PlacedEdge;
  name: (id: string) => string;
  caseNoun: string;
  totalCases: number;
}

const Tooltip = forwardRef<HTMLDivElement, TooltipProps>(function Tooltip({ flip, x, y, item, name, caseNoun, totalCases }, ref) {
  const share = (n: number) => (totalCases ? ` (${Math.round((1000 * n) / totalCases) / 10} %)` : '');
  let title: string;
  let rows: [string, string][];
  let hint: string | null;
  if ('kind' in item) {
    title = item.kind === 'activity' ? item.label : item.kind === 'start' ? 'Start' : 'End';
    rows = [[caseNoun[0].toUpperCase() + caseNoun.slice(1), `${formatCount(item.cases)}${share(item.cases)}`]];
    if (item.kind === 'activity') rows.push(['Events', formatCount(item.events)]);
    hint = item.kind === 'activity' ? `Click to keep only ${caseNoun} with this activity` : 'Click a path from here to filter by how cases start or end';
  } else {
    title = `${name(item.source)} → ${name(item.target)}`;
    rows = [
      [caseNoun[0].toUpperCase() + caseNoun.slice(1), `${formatCount(item.cases)}${share(item.cases)}`],
      ['Times', formatCount(item.count)],
    ];
    if (item.medianSeconds !== null || item.meanSeconds !== null) {
      rows.push(['Median', durationText(item.medianSeconds)], ['Mean', durationText(item.meanSeconds)], ['90th percentile', durationText(item.p90Seconds)], ['Total', durationText(item.totalSeconds)]);
    }
    hint = edgeFilter(item) ? (item.source === START ? `Click to keep ${caseNoun} that start here` : item.target === END ? `Click to keep ${caseNoun} that end here` : `Click to keep ${caseNoun} with this step`) : null;
  }
  return (
    <div ref={ref} className={styles.tip} style={{ left: x, top: y, transform: flip }} role="tooltip" data-testid="map-tooltip">
      <p className={styles.tipTitle}>{title}</p>
      <dl className={styles.tipRows}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {hint && <p className={styles.tipHint}>{hint}</p>}
    </div>
  );
});

/** The keys under the map: what the edge colour and width and the node tint mean, with their ranges. */
export function ProcessMapKey({ map, metric }: { map: ProcessMap; metric: MapMetric }) {
  const perf = isPerf(metric);
  const edges = sequentialScale(map.edges.map((e) => edgeValue(e, metric)), scaleKind(metric));
  const nodes = sequentialScale(map.nodes.filter((n) => n.id !== START && n.id !== END).map((n) => nodeValue(n, metric)));
  const fmt = (v: number) => (perf ? formatSeconds(v) : formatCount(v));
  return (
    <div className={styles.key} data-testid="map-key">
      <span className={styles.keyItem}>
        <span className={styles.keyRamp} style={{ background: `linear-gradient(90deg, ${rampColour(0, perf ? 'perf' : 'freq')}, ${rampColour(1, perf ? 'perf' : 'freq')})` }} />
        Paths: {METRIC_LABEL[metric].toLowerCase()}
        {perf ? ' time between the two activities' : ''}
        {edges.domain && ` (${fmt(edges.domain[0])} – ${fmt(edges.domain[1])})`}
      </span>
      <span className={styles.keyItem}>
        <span className={styles.keyRamp} style={{ background: `linear-gradient(90deg, ${nodeFillCss(0)}, ${nodeFillCss(1)})` }} />
        Activities: {metric === 'cases' ? 'cases' : 'events'}
        {nodes.domain && ` (${formatCount(nodes.domain[0])} – ${formatCount(nodes.domain[1])})`}
      </span>
    </div>
  );
}
