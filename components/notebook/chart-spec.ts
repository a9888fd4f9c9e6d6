// Which chart to offer for a result and whether a stored chart still fits it. Pure: the columns
// of the result in, a ChartSpec (notebooks/types.ts) or the problems out.
import type { ChartMark, ChartSpec } from '../../notebooks/types';
import { isNumericKind, isTimeKind, type ResultColumn } from './result-values';

export const MARK_LABEL: Record<ChartMark, string> = { line: 'Line', bar: 'Bar', dot: 'Dot', area: 'Area', cell: 'Cell (heatmap)' };

/**
 * A first chart for a result: a time column (else text, else the first column) on x, the first
 * number that is not x on y; a line over time, bars over categories, dots for number against
 * number. Null when the result has no columns.
 */
export function defaultChart(columns: readonly ResultColumn[]): ChartSpec | null {
  if (columns.length === 0) return null;
  const x = columns.find((c) => isTimeKind(c.kind)) ?? columns.find((c) => c.kind === 'text') ?? columns[0];
  const y = columns.find((c) => c !== x && isNumericKind(c.kind));
  const mark: ChartMark = isTimeKind(x.kind) ? 'line' : isNumericKind(x.kind) ? (y ? 'dot' : 'bar') : 'bar';
  const spec: ChartSpec = { mark, x: x.name };
  if (y) spec.y = y.name;
  // A second text column reads well as the colour of a line or the stack of a bar.
  const other = columns.find((c) => c !== x && c.kind === 'text');
  if (other && y && mark !== 'dot') spec.color = other.name;
  return spec;
}

/** Column names the spec uses that the result does not have (a stored chart after the SQL changed). */
export function missingColumns(spec: ChartSpec, columns: readonly ResultColumn[]): string[] {
  const names = new Set(columns.map((c) => c.name));
  return [spec.x, spec.y, spec.color, spec.facet].filter((n): n is string => !!n && !names.has(n));
}

/** "Line of revenue by month, colour segment, one panel per region" — the chart's accessible name. */
export function describeChart(spec: ChartSpec): string {
  const what = spec.y ? `${spec.y} by ${spec.x}` : `row count by ${spec.x}`;
  const parts = [`${MARK_LABEL[spec.mark].replace(/ \(.*\)$/, '')} chart of ${what}`];
  if (spec.color) parts.push(`coloured by ${spec.color}`);
  if (spec.facet) parts.push(`one panel per ${spec.facet}`);
  return parts.join(', ');
}

/** A facet column with this many values or more shows only the most frequent ones. */
export const MAX_FACETS = 12;

/** The facet values to draw, most frequent first, at most MAX_FACETS. */
export function facetValues(values: readonly unknown[]): { shown: string[]; total: number } {
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = v === null || v === undefined ? 'null' : v instanceof Date ? v.toISOString() : String(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return { shown: ranked.slice(0, MAX_FACETS), total: ranked.length };
}
