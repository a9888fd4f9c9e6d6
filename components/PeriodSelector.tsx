'use client';
// Month picker: previous / next buttons around a select of the months the data covers.
import { formatMonth } from './format';
import styles from './PeriodSelector.module.css';

export interface MonthChoice {
  id: string; // YYYY-MM
  partial: boolean;
}

export interface PeriodSelectorProps {
  months: readonly MonthChoice[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
}

export function PeriodSelector({ months, value, onChange, disabled }: PeriodSelectorProps) {
  const i = months.findIndex((m) => m.id === value);
  const prev = i > 0 ? months[i - 1] : null;
  const next = i >= 0 && i < months.length - 1 ? months[i + 1] : null;
  return (
    <div className={styles.selector} role="group" aria-label="Period">
      <button
        type="button"
        className={styles.step}
        onClick={() => prev && onChange(prev.id)}
        disabled={disabled || !prev}
        aria-label="Previous month"
        title={prev ? formatMonth(prev.id) : undefined}
      >
        ‹
      </button>
      <label className={styles.field}>
        <span className={styles.caption}>Period</span>
        <select
          className={styles.select}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
          data-testid="period-select"
        >
          {[...months].reverse().map((m) => (
            <option key={m.id} value={m.id}>
              {formatMonth(m.id)}
              {m.partial ? ' (partial)' : ''}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={styles.step}
        onClick={() => next && onChange(next.id)}
        disabled={disabled || !next}
        aria-label="Next month"
        title={next ? formatMonth(next.id) : undefined}
      >
        ›
      </button>
    </div>
  );
}
