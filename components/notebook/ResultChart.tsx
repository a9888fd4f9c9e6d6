'use client';
// A SQL cell's chart: the stored ChartSpec drawn over the cell's result with Observable Plot.
// Without y the chart counts rows. Lines and areas sum y per x (and colour, and facet), bars sum
// per category or per bin of a number or time, so the chart reads the same whatever the result's
// grain (several rows for one x draw one point, not a zigzag).
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { useMemo } from 'react';
import type { ChartSpec } from '../../notebooks/types';
import { categorical, palette } from '../palette';
import { PlotFigure } from '../PlotFigure';
import { describeChart, facetValues, missingColumns } from './chart-spec';
import styles from './ResultChart.module.css';
import { isNumericKind, isTimeKind, plotRows, type PlotRow, type ResultColumn } from './result-values';

export interface ResultChartProps {
  spec: ChartSpec;
  table: Table;
  columns: readonly ResultColumn[];
}

const PANEL_HEIGHT = 200;
const SINGLE_HEIGHT = 300;

export function ResultChart({ spec, table, columns }: ResultChartProps) {
  const missing = missingColumns(spec, columns);
  const drawing = useMemo(() => (missing.length ? null : build(spec, table, columns)), [spec, table, columns, missing.length]);
  if (missing.length) {
    return (
      <p className={styles.note} data-testid="chart-missing">
        The result has no column {missing.map((m) => `“${m}”`).join(', ')}; choose another above.
      </p>
    );
  }
  if (!drawing) return null;
  return (
    <div className={styles.wrap}>
      {drawing.note && <p className={styles.note}>{drawing.note}</p>}
      <PlotFigure make={drawing.make} label={describeChart(spec)} height={drawing.height} testId="cell-chart" />
    </div>
  );
}

function build(spec: ChartSpec, table: Table, columns: readonly ResultColumn[]) {
  const kindOf = (name: string | undefined) => columns.find((c) => c.name === name)?.kind;
  const names = [spec.x, spec.y, spec.color, spec.facet].filter((n): n is string => !!n);
  let rows: PlotRow[] = plotRows(table, columns, names);
  let note: string | null = null;
  let panels = 1;
  if (spec.facet) {
    const f = spec.facet;
    const { shown, total } = facetValues(rows.map((r) => r[f]));
    const keep = new Set(shown);
    rows = rows.filter((r) => keep.has(r[f] === null ? 'null' : r[f] instanceof Date ? (r[f] as Date).toISOString() : String(r[f])));
    panels = shown.length;
    if (total > shown.length) note = `${total} values of ${f}: showing the ${shown.length} with the most rows.`;
  }
  const xKind = kindOf(spec.x) ?? 'other';
  const yKind = kindOf(spec.y);
  const colorKind = kindOf(spec.color);
  const continuousX = isNumericKind(xKind) || isTimeKind(xKind);
  const ordinalX = !continuousX || spec.mark === 'cell';
  const height = spec.facet ? Math.max(SINGLE_HEIGHT, panels * PANEL_HEIGHT) : SINGLE_HEIGHT;
  const xCount = ordinalX ? new Set(rows.map((r) => String(r[spec.x]))).size : 0;
  const rotate = ordinalX && xCount > 10;

  const make = (width: number): SVGSVGElement | HTMLElement => {
    try {
      return Plot.plot({
        width,
        height,
        marginLeft: 64,
        marginRight: spec.facet ? 90 : 16,
        marginTop: 28,
        marginBottom: rotate ? 70 : 36,
        style: 'background: transparent; font-size: 11px; color: var(--muted); --plot-background: var(--surface); overflow: visible;',
        x: { label: spec.x, ...(isTimeKind(xKind) && !ordinalX ? { type: 'utc' as const } : {}), ...(rotate ? { tickRotate: -35 } : {}) },
        y: { label: spec.y ?? 'rows', labelAnchor: 'center', grid: true, ...(spec.mark === 'cell' ? {} : { nice: true }) },
        fy: spec.facet ? { label: spec.facet } : undefined,
        color: colorScale(spec, colorKind, rows),
        marks: marks(spec, rows, { continuousX, yKind: yKind ?? null }),
      });
    } catch (err) {
      const p = document.createElement('p');
      p.className = styles.note;
      p.textContent = `Cannot draw this chart: ${err instanceof Error ? err.message : String(err)}`;
      return p;
    }
  };
  return { make, height, note };
}

function colorScale(spec: ChartSpec, kind: string | undefined, rows: PlotRow[]): Plot.ScaleOptions | undefined {
  if (!spec.color) return spec.mark === 'cell' ? { scheme: 'blues', legend: true, label: 'rows' } : undefined;
  if (kind && (kind === 'integer' || kind === 'number')) return { type: 'linear', scheme: 'blues', legend: true, label: spec.color };
  const c = spec.color;
  // Sorted, so the same values get the same colours in every chart of the notebook.
  const domain = [...new Set(rows.map((r) => (r[c] === null ? 'null' : String(r[c]))))].sort(collator.compare);
  return { type: 'ordinal', domain, range: domain.map((_, i) => categorical[i % categorical.length]), legend: domain.length <= 30, label: spec.color };
}

const collator = new Intl.Collator('en-US', { numeric: true });

/** Rows in x order (nulls last): a line or area joins its points in data order. */
function byX(rows: PlotRow[], x: string): PlotRow[] {
  const key = (v: PlotRow[string]) => (v instanceof Date ? v.getTime() : v);
  return [...rows].sort((a, b) => {
    const p = key(a[x]);
    const q = key(b[x]);
    if (p === null || p === undefined) return q === null || q === undefined ? 0 : 1;
    if (q === null || q === undefined) return -1;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return collator.compare(String(p), String(q));
  });
}

function marks(spec: ChartSpec, rows: PlotRow[], { continuousX }: { continuousX: boolean; yKind: string | null }): Plot.Markish[] {
  const { x, y, color, facet } = spec;
  const fy = facet ? facet : undefined;
  const colourOf = (r: PlotRow) => (color ? (r[color] === null ? 'null' : r[color]) : undefined);
  const colour = color ? (colourOf as (r: PlotRow) => unknown) : palette.chartStrong;
  const base = { x, fy, tip: true } as const;
  const reduce = y ? 'sum' : 'count';
  switch (spec.mark) {
    case 'line':
      return [
        y
          ? Plot.lineY(byX(rows, x), Plot.groupX({ y: 'sum' }, { ...base, y, stroke: colour, z: color ? colourOf : undefined, strokeWidth: 1.8 }))
          : Plot.lineY(rows, (continuousX ? Plot.binX : Plot.groupX)({ y: 'count' }, { ...base, stroke: colour, strokeWidth: 1.8 })),
        Plot.ruleY([0], { stroke: palette.border }),
      ];
    case 'area':
      return [
        y
          ? Plot.areaY(byX(rows, x), Plot.groupX({ y: 'sum' }, { ...base, y, fill: colour, z: color ? colourOf : undefined, fillOpacity: 0.8 }))
          : Plot.areaY(rows, (continuousX ? Plot.binX : Plot.groupX)({ y: 'count' }, { ...base, fill: colour, fillOpacity: 0.8 })),
        Plot.ruleY([0], { stroke: palette.border }),
      ];
    case 'bar':
      return [
        continuousX
          ? Plot.rectY(rows, Plot.binX<Plot.RectYOptions>({ y: reduce }, { ...base, y, fill: colour, inset: 0.5 }))
          : Plot.barY(rows, Plot.groupX({ y: reduce }, { ...base, y, fill: colour })),
        Plot.ruleY([0], { stroke: palette.border }),
      ];
    case 'dot':
      return [y ? Plot.dot(rows, { ...base, y, fill: colour, r: 2.5, fillOpacity: 0.8 }) : Plot.dotX(rows, { ...base, fill: colour, r: 2.5 })];
    case 'cell':
      return [
        color
          ? Plot.cell(rows, { ...base, y, fill: colourOf, inset: 0.5 })
          : Plot.cell(rows, Plot.group({ fill: 'count' }, { ...base, y, inset: 0.5 })),
      ];
  }
}
