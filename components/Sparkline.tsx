'use client';
// A small monthly trend (one or two lines) for a KPI tile; the last point is the selected month.
import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import { formatMonthShort } from './format';
import { palette } from './palette';
import { PlotFigure } from './PlotFigure';

export interface SparkSeries {
  name: string;
  /** Oldest first; month ids YYYY-MM. */
  points: { month: string; value: number | null }[];
}

const COLOURS = [palette.chartStrong, palette.chartLine];

export function Sparkline({ series, label, format, height = 46 }: { series: readonly SparkSeries[]; label: string; format: (v: number) => string; height?: number }) {
  const make = useMemo(() => {
    const rows = series.flatMap((s, i) => s.points.map((p) => ({ name: s.name, i, x: new Date(`${p.month}-01T00:00:00Z`), month: p.month, y: p.value ?? NaN })));
    return (width: number) =>
      Plot.plot({
        width,
        height,
        margin: 4,
        marginLeft: 4,
        marginRight: 4,
        x: { type: 'utc', axis: null },
        y: { axis: null, zero: false, nice: true },
        style: { background: 'transparent', overflow: 'visible', fontSize: '11px' },
        marks: [
          Plot.lineY(rows, { x: 'x', y: 'y', z: 'name', stroke: (d: (typeof rows)[number]) => COLOURS[d.i % 2], strokeWidth: 1.8, curve: 'monotone-x' }),
          Plot.dot(
            rows.filter((r) => r.month === series[0]?.points.at(-1)?.month),
            { x: 'x', y: 'y', fill: (d: (typeof rows)[number]) => COLOURS[d.i % 2], r: 2.5 },
          ),
          Plot.tip(rows, Plot.pointerX({ x: 'x', y: 'y', z: 'name', title: (d: (typeof rows)[number]) => `${formatMonthShort(d.month)} · ${d.name}: ${Number.isNaN(d.y) ? '—' : format(d.y)}` })),
        ],
      });
  }, [series, height, format]);
  return <PlotFigure make={make} label={label} height={height} testId="sparkline" />;
}
