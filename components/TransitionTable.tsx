'use client';
// Where time goes: transitions (and, split by a dimension, their values) ranked by the total time
// spent in them, as a bar chart of the top rows over the full ranked table. Each row links to the
// cases with that transition.
import * as Plot from '@observablehq/plot';
import Link from 'next/link';
import { useMemo } from 'react';
import type { TransitionTime } from '../mining/types';
import { formatCount, formatSeconds } from './format';
import { palette } from './palette';
import { PlotFigure } from './PlotFigure';
import styles from './TransitionTable.module.css';

export interface TransitionTableProps {
  rows: readonly TransitionTime[];
  /** The dimension's name for the value column (null: not split). */
  dimensionLabel: string | null;
  hrefFor?: (row: TransitionTime) => string;
  /** Bars drawn for the first rows. */
  chartRows?: number;
}

const name = (r: TransitionTime) => `${r.source} → ${r.target}${r.value !== null ? ` · ${r.value}` : ''}`;
const days = (s: number | null) => (s === null ? '—' : formatSeconds(s));

export function TransitionTable({ rows, dimensionLabel, hrefFor, chartRows = 12 }: TransitionTableProps) {
  const top = rows.slice(0, chartRows);
  const height = 30 + top.length * 24;
  const make = useMemo(
    () => (width: number) =>
      Plot.plot({
        width,
        height,
        marginLeft: Math.min(340, Math.max(160, width * 0.42)),
        marginRight: 70,
        marginTop: 4,
        marginBottom: 24,
        x: { label: 'total days', grid: true, nice: true, transform: (s: number) => s / 86_400 },
        y: { label: null, domain: top.map(name), tickFormat: (t: string) => (t.length > 52 ? `${t.slice(0, 50)}…` : t) },
        style: { background: 'transparent', fontSize: '11px', color: 'var(--muted)' },
        marks: [
          Plot.barX(top, { x: (r: TransitionTime) => r.totalSeconds ?? 0, y: name, fill: palette.chartStrong, insetTop: 3, insetBottom: 3 }),
          Plot.text(top, { x: (r: TransitionTime) => r.totalSeconds ?? 0, y: name, text: (r: TransitionTime) => `med ${days(r.medianSeconds)}`, dx: 4, textAnchor: 'start', fill: 'currentColor' }),
          Plot.tip(top, Plot.pointerY({ x: (r: TransitionTime) => r.totalSeconds ?? 0, y: name, title: (r: TransitionTime) => `${name(r)}\n${formatCount(r.transitions)} transitions in ${formatCount(r.cases)} cases\nmedian ${days(r.medianSeconds)}, p90 ${days(r.p90Seconds)}` })),
        ],
      }),
    [top, height],
  );
  if (rows.length === 0) return <p className={styles.empty}>No transitions in the selected cases. Loosen the filters to see where time goes.</p>;
  return (
    <div className={styles.wrap}>
      <PlotFigure make={make} label={`Total time per transition, top ${top.length}`} height={height} testId="transition-chart" />
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="transition-table">
          <thead>
            <tr>
              <th scope="col" className={styles.num}>#</th>
              <th scope="col">Transition</th>
              {dimensionLabel && <th scope="col">{dimensionLabel}</th>}
              <th scope="col" className={styles.num}>Transitions</th>
              <th scope="col" className={styles.num}>Cases</th>
              <th scope="col" className={styles.num}>Median</th>
              <th scope="col" className={styles.num}>Mean</th>
              <th scope="col" className={styles.num}>p90</th>
              <th scope="col" className={styles.num}>Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.source}\u0000${r.target}\u0000${r.value}`} data-testid="transition-row" data-source={r.source} data-target={r.target} data-value={r.value ?? ''} data-transitions={r.transitions} data-cases={r.cases}>
                <td className={styles.num}>{i + 1}</td>
                <th scope="row">
                  {hrefFor ? (
                    <Link prefetch={false} href={hrefFor(r)} className={styles.link} aria-label={`Cases with ${name(r)}`}>
                      {r.source} <span aria-hidden>→</span> {r.target}
                    </Link>
                  ) : (
                    <>
                      {r.source} → {r.target}
                    </>
                  )}
                </th>
                {dimensionLabel && <td>{r.value ?? <span className={styles.muted}>none</span>}</td>}
                <td className={styles.num}>{formatCount(r.transitions)}</td>
                <td className={styles.num}>{formatCount(r.cases)}</td>
                <td className={styles.num}>{days(r.medianSeconds)}</td>
                <td className={styles.num}>{days(r.meanSeconds)}</td>
                <td className={styles.num}>{days(r.p90Seconds)}</td>
                <td className={styles.num}>{days(r.totalSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
