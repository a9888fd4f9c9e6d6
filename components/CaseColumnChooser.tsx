'use client';
// Which columns the case table shows: a disclosure with one checkbox per column (the case id
// always stays), and a reset to the defaults.
import type { CaseColumnInfo } from '../mining/types';
import styles from './CaseColumnChooser.module.css';

export interface CaseColumnChooserProps {
  available: CaseColumnInfo[];
  chosen: string[];
  onChange(ids: string[]): void;
}

export function CaseColumnChooser({ available, chosen, onChange }: CaseColumnChooserProps) {
  const set = new Set(chosen);
  const toggle = (id: string) => {
    // Keep the catalogue's order, whatever order the boxes were ticked in.
    const next = available.map((c) => c.id).filter((x) => (x === id ? !set.has(id) : set.has(x)));
    onChange(next);
  };
  return (
    <details className={styles.chooser} data-testid="column-chooser">
      <summary className={styles.summary}>Columns ({chosen.length})</summary>
      <div className={styles.popover}>
        <fieldset className={styles.list}>
          <legend className="sr-only">Columns to show</legend>
          {available.map((c) => (
            <label key={c.id} className={styles.item}>
              <input type="checkbox" checked={c.id === 'case_id' || set.has(c.id)} disabled={c.id === 'case_id'} onChange={() => toggle(c.id)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <button type="button" className={styles.reset} onClick={() => onChange(available.filter((c) => c.default).map((c) => c.id))}>
          Default columns
        </button>
      </div>
    </details>
  );
}
