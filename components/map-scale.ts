// What the process map shows on its edges and how a value becomes a width and a colour. Pure.
// Colours are CSS (color-mix of two theme variables), so the scale follows light and dark.
import type { MapEdge, MapNode } from '../mining/types';

export type MapMode = 'freq' | 'perf';
export type FreqMetric = 'cases' | 'events';
export type PerfMetric = 'median' | 'mean' | 'p90' | 'total';
export type MapMetric = FreqMetric | PerfMetric;

export const FREQ_METRICS: readonly FreqMetric[] = ['cases', 'events'];
export const PERF_METRICS: readonly PerfMetric[] = ['median', 'mean', 'p90', 'total'];

export const METRIC_LABEL: Record<MapMetric, string> = {
  cases: 'Case count',
  events: 'Event count',
  median: 'Median',
  mean: 'Mean',
  p90: '90th percentile',
  total: 'Total',
};

export const isPerf = (m: MapMetric): m is PerfMetric => (PERF_METRICS as readonly string[]).includes(m);

/** The value an edge shows for a metric (null: no duration known, e.g. to the end node). */
export function edgeValue(e: MapEdge, metric: MapMetric): number | null {
  switch (metric) {
    case 'cases':
      return e.cases;
    case 'events':
      return e.count;
    case 'median':
      return e.medianSeconds;
    case 'mean':
      return e.meanSeconds;
    case 'p90':
      return e.p90Seconds;
    case 'total':
      return e.totalSeconds ?? null;
  }
}

/** Nodes are coloured by frequency in both modes: cases for the case count, events otherwise. */
export const nodeValue = (n: MapNode, metric: MapMetric): number => (metric === 'cases' ? n.cases : n.events);

export interface Scale {
  /** The smallest and largest value present (null when there is none). */
  domain: [number, number] | null;
  /** 0..1 for a value, by its square root within the domain (null for null). */
  t(v: number | null): number | null;
}

/**
 * A sequential scale over the values present. Counts on a square root, so a few huge values do not
 * wash every other edge out; durations on a log scale, since they span minutes to months. A single
 * value (or all equal) sits at the top.
 */
export function sequentialScale(values: readonly (number | null | undefined)[], kind: 'sqrt' | 'log' = 'sqrt'): Scale {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0);
  if (known.length === 0) return { domain: null, t: () => null };
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const f = kind === 'log' ? Math.log1p : Math.sqrt;
  const fLo = f(lo);
  const span = f(hi) - fLo;
  return {
    domain: [lo, hi],
    t: (v) => {
      if (v === null || !Number.isFinite(v)) return null;
      if (span <= 0) return 1;
      return Math.max(0, Math.min(1, (f(Math.max(0, v)) - fLo) / span));
    },
  };
}

/** The scale kind for a metric: log for durations, square root for counts. */
export const scaleKind = (metric: MapMetric): 'sqrt' | 'log' => (isPerf(metric) ? 'log' : 'sqrt');

/** Edge stroke width in drawing units for a scale position. */
export const edgeWidth = (t: number | null): number => (t === null ? 1.2 : Math.round((1.4 + t * 8.6) * 10) / 10);

/**
 * A CSS colour between the low and high ends of a ramp (CSS custom properties the page's theme
 * sets), for `style={{ stroke }}`. 8 %..100 % so the lowest value is still visible.
 */
export function rampColour(t: number | null, mode: MapMode): string {
  const hi = mode === 'perf' ? 'var(--map-perf-high, var(--bad))' : 'var(--map-freq-high, var(--accent))';
  const lo = 'var(--map-low, var(--faint))';
  if (t === null) return lo;
  const pct = Math.round(8 + t * 92);
  return `color-mix(in oklab, ${hi} ${pct}%, ${lo})`;
}

/** A node fill: the surface tinted towards the frequency colour. */
export function nodeFillCss(t: number): string {
  const pct = Math.round(6 + Math.max(0, Math.min(1, t)) * 84);
  return `color-mix(in oklab, var(--map-freq-high, var(--accent)) ${pct}%, var(--surface))`;
}

/** Whether text on a node of this weight reads better light (on the dark end of the ramp). */
export const nodeInkLight = (t: number): boolean => t > 0.55;

/** A label cut to `max` characters with an ellipsis (the full text goes in a title). */
export const truncate = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`);
