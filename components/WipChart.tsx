'use client';
// Work in progress over time: for the top activities, the cases queued before each at the end of
// every day (Observable Plot lines). Days without a change keep the previous count.
import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { WipPoint } from '../mining/types';
import { formatCount, formatUtc } from './format';
import { categorical, palette } from './palette';
import { PlotFigure } from './PlotFigure';
import styles from './WipChart.module.css';

export interface WipChartProps {
  points: readonly WipPoint[];
  /** Activities drawn: the ones with the highest average queue. */
  top?: number;
  height?: number;
}

/** The top activities by mean queue, each as a daily step series. */
export function topWip(points: readonly WipPoint[], top: number): { activity: string; mean: number; peak: number }[] {
  const by = new Map<string, number[]>();
  for (const p of points) {
    const list = by.get(p.activity) ?? [];
    list.push(p.wip);
    by.set(p.activity, list);
  }
  return [...by.entries()]
    .map(([activity, w]) => ({ activity, mean: w.reduce((s, x) => s + x, 0) / w.length, peak: Math.max(...w) }))
    .filter((a) => a.peak > 0)
    .sort((a, b) => b.mean - a.mean || a.activity.localeCompare(b.activity))
    .slice(0, top);
}

export function WipChart({ points, top = 6, height = 280 }: WipChartProps) {
  const chosen = useMemo(() => topWip(points, top), [points, top]);
  const make = useMemo(() => {
    const names = chosen.map((c) => c.activity);
    const rows = points.filter((p) => names.includes(p.activity)).map((p) => ({ ...p, x: new Date(`${p.day}T00:00:00Z`) }));
    return (width: number) =>
      Plot.plot({
        width,
        height,
        marginLeft: 44,
        marginRight: 12,
        marginTop: 8,
        marginBottom: 34,
        x: { type: 'utc', label: null, ticks: 6 },
        y: { grid: true, label: null, nice: true, zero: true, tickFormat: (v: number) => formatCount(v) },
        color: { domain: names, range: names.map((_, i) => categorical[i % categorical.length]) },
        style: { background: 'transparent', fontSize: '11px', color: 'var(--muted)' },
        marks: [
          Plot.lineY(rows, { x: 'x', y: 'wip', stroke: 'activity', strokeWidth: 1.8, curve: 'step-after' }),
          Plot.ruleY([0], { stroke: palette.border }),
          Plot.tip(rows, Plot.pointer({ x: 'x', y: 'wip', stroke: 'activity', title: (d: (typeof rows)[number]) => `${formatUtc(d.day, 'EEE d MMM yyyy')}\n${formatCount(d.wip)} cases waiting for ${d.activity}` })),
        ],
      });
  }, [points, chosen, height]);
  if (chosen.length === 0) return <p className={styles.empty}>No cases were waiting in this window. Pick a longer window or loosen the filters.</p>;
  return (
    <div className={styles.wrap}>
      <ul className={styles.legend} aria-label="Activities shown">
        {chosen.map((c, i) => (
          <li key={c.activity} data-testid="wip-activity" data-activity={c.activity}>
            <i style={{ background: categorical[i % categorical.length] }} aria-hidden /> {c.activity}{' '}
            <span className={styles.muted}>
              avg {formatCount(Math.round(c.mean))}, peak {formatCount(c.peak)}
            </span>
          </li>
        ))}
      </ul>
      <PlotFigure make={make} label={`Cases waiting before ${chosen.map((c) => c.activity).join(', ')}, per day`} height={height} testId="wip-chart" />
    </div>
  );
}
