'use client';
// Frequency or performance, and which number the paths show: two segmented controls (radio
// groups, so arrow keys move within each).
import { FREQ_METRICS, isPerf, METRIC_LABEL, PERF_METRICS, type MapMetric, type MapMode } from './map-scale';
import styles from './MapModeControl.module.css';

export interface MapModeControlProps {
  metric: MapMetric;
  onChange: (metric: MapMetric) => void;
}

const SHORT: Record<MapMetric, string> = { cases: 'Cases', events: 'Events', median: 'Median', mean: 'Mean', p90: 'P90', total: 'Total' };
const DEFAULT: Record<MapMode, MapMetric> = { freq: 'cases', perf: 'median' };

export function MapModeControl({ metric, onChange }: MapModeControlProps) {
  const mode: MapMode = isPerf(metric) ? 'perf' : 'freq';
  return (
    <div className={styles.controls}>
      <Segmented
        name="map-mode"
        label="View"
        options={[
          { value: 'freq', label: 'Frequency', title: 'How often: cases or events per activity and path' },
          { value: 'perf', label: 'Performance', title: 'How long: time between activities on each path' },
        ]}
        value={mode}
        onChange={(m) => onChange(DEFAULT[m as MapMode])}
      />
      <Segmented
        name="map-metric"
        label={mode === 'perf' ? 'Duration' : 'Count'}
        options={(mode === 'perf' ? PERF_METRICS : FREQ_METRICS).map((m) => ({ value: m, label: SHORT[m], title: METRIC_LABEL[m] }))}
        value={metric}
        onChange={(m) => onChange(m as MapMetric)}
      />
    </div>
  );
}

interface Option {
  value: string;
  label: string;
  title: string;
}

function Segmented({ name, label, options, value, onChange }: { name: string; label: string; options: Option[]; value: string; onChange: (v: string) => void }) {
  return (
    <div className={styles.segmented} role="radiogroup" aria-label={label} data-testid={name}>
      {options.map((o) => (
        <label key={o.value} className={`${styles.option} ${o.value === value ? styles.on : ''}`} title={o.title}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} data-testid={`${name}-${o.value}`} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
