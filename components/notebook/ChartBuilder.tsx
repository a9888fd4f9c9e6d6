'use client';
// The controls of a SQL cell's chart: the mark and which result columns go on x, y, colour and
// facet. Reports a new ChartSpec (or null to remove the chart); the columns come from the cell's
// last result, so before a run only the stored choices are shown.
import { useId } from 'react';
import { CHART_MARKS, type ChartSpec } from '../../notebooks/types';
import styles from './ChartBuilder.module.css';
import { MARK_LABEL } from './chart-spec';
import type { ResultColumn } from './result-values';

export interface ChartBuilderProps {
  spec: ChartSpec;
  /** The columns of the cell's last result; null before the cell ran in this page. */
  columns: readonly ResultColumn[] | null;
  onChange(spec: ChartSpec | null): void;
}

type Channel = 'x' | 'y' | 'color' | 'facet';
const CHANNELS: { key: Channel; label: string; none?: string }[] = [
  { key: 'x', label: 'X' },
  { key: 'y', label: 'Y', none: 'Row count' },
  { key: 'color', label: 'Colour', none: 'None' },
  { key: 'facet', label: 'Facet', none: 'None' },
];

export function ChartBuilder({ spec, columns, onChange }: ChartBuilderProps) {
  const id = useId();
  const names = columns ? columns.map((c) => c.name) : [spec.x, spec.y, spec.color, spec.facet].filter((n): n is string => !!n);
  const options = [...new Set(names)];
  const set = (key: Channel, value: string) => {
    const next: ChartSpec = { ...spec };
    if (value) next[key] = value;
    else if (key !== 'x') delete next[key];
    onChange(next);
  };
  return (
    <div className={styles.builder} role="group" aria-label="Chart settings" data-testid="chart-builder">
      <label className={styles.field} htmlFor={`${id}-mark`}>
        <span>Mark</span>
        <select id={`${id}-mark`} value={spec.mark} onChange={(e) => onChange({ ...spec, mark: e.target.value as ChartSpec['mark'] })} data-testid="chart-mark">
          {CHART_MARKS.map((m) => (
            <option key={m} value={m}>
              {MARK_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
      {CHANNELS.map((ch) => {
        const typeOf = (n: string) => columns?.find((c) => c.name === n)?.type.toLowerCase();
        return (
          <label key={ch.key} className={styles.field} htmlFor={`${id}-${ch.key}`}>
            <span>{ch.label}</span>
            <select id={`${id}-${ch.key}`} value={spec[ch.key] ?? ''} disabled={!columns} onChange={(e) => set(ch.key, e.target.value)} data-testid={`chart-${ch.key}`}>
              {ch.none !== undefined && <option value="">{ch.none}</option>}
              {options.map((n) => (
                <option key={n} value={n}>
                  {n}
                  {typeOf(n) ? ` · ${typeOf(n)}` : ''}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {!columns && <span className={styles.hint}>Run the cell to draw the chart and change its columns.</span>}
      <button type="button" className={styles.remove} onClick={() => onChange(null)} aria-label="Remove the chart">
        Remove chart
      </button>
    </div>
  );
}
