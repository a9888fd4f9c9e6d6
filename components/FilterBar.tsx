'use client';
// The one filter bar: the filters that apply to every page, as chips that say what they do, and
// an "Add filter" panel for attributes, activities, time frames and durations. Pure: the filters
// come in, the new list goes out through onChange.
import { useEffect, useId, useRef, useState } from 'react';
import type { Filter, FilterOptions } from '../mining/types';
import { formatCount } from './format';
import { attributeLabel, describeFilter } from './filter-text';
import styles from './FilterBar.module.css';

export interface FilterBarProps {
  filters: readonly Filter[];
  onChange: (filters: Filter[]) => void;
  /** What can be picked; undefined while loading. */
  options: FilterOptions | undefined;
  /** Cases the filters keep, of how many (shown when known). */
  selected?: { cases: number; of: number } | null;
  /** The link's filters could not all be read. */
  problem?: string | null;
  /** Filters the server narrows every answer by for this user (a scoped owner): shown, never removable. */
  scope?: readonly Filter[];
}

type Kind = 'attribute' | 'activity' | 'timeframe' | 'duration';

export function FilterBar({ filters, onChange, options, selected, problem, scope = [] }: FilterBarProps) {
  const [open, setOpen] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    addRef.current?.focus();
  };
  return (
    <section className={styles.bar} aria-label="Filters" data-testid="filter-bar">
      <span className={styles.label}>Filters</span>
      <ul className={styles.chips}>
        {scope.map((f) => {
          const text = `Your scope: ${describeScope(f)}`;
          return (
            <li key={`scope:${JSON.stringify(f)}`} className={`${styles.chip} ${styles.scope}`} data-testid="scope-chip" title={`${text}. Every page shows only these cases; an admin sets the scope.`}>
              <span className={styles.chipText}>{text}</span>
            </li>
          );
        })}
        {filters.length === 0 && <li className={styles.none}>{scope.length ? 'No other filters' : 'All cases'}</li>}
        {filters.map((f, i) => {
          const text = describeFilter(f);
          return (
            <li key={`${i}:${JSON.stringify(f)}`} className={styles.chip} data-testid="filter-chip">
              <span className={styles.chipText} title={text}>
                {text}
              </span>
              <button type="button" className={styles.remove} aria-label={`Remove filter: ${text}`} onClick={() => onChange(filters.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className={styles.addWrap}>
        <button ref={addRef} type="button" className={styles.add} aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((o) => !o)} data-testid="add-filter">
          + Add filter
        </button>
        {open && <AddFilter options={options} onAdd={(f) => (onChange([...filters, f]), close())} onClose={close} />}
      </div>
      {filters.length > 0 && (
        <button type="button" className={styles.clear} onClick={() => onChange([])}>
          Clear all
        </button>
      )}
      <span className={styles.count} aria-live="polite" data-testid="filter-count">
        {selected && filters.length > 0
          ? `${formatCount(selected.cases)} of ${formatCount(selected.of)} cases (${selected.of ? ((100 * selected.cases) / selected.of).toFixed(1) : '0'} %)`
          : ''}
      </span>
      {problem && (
        <p className={styles.problem} role="status">
          {problem}
        </p>
      )}
    </section>
  );
}

/** "warehouse DC-EAST" — the scope's words (its filters are attribute filters on warehouse or segment). */
function describeScope(f: Filter): string {
  return f.kind === 'attribute' ? `${attributeLabel(f.attribute).toLowerCase()} ${f.values.join(', ')}` : describeFilter(f);
}

function AddFilter({ options, onAdd, onClose }: { options: FilterOptions | undefined; onAdd: (f: Filter) => void; onClose: () => void }) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [kind, setKind] = useState<Kind>('attribute');
  const [attribute, setAttribute] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [exclude, setExclude] = useState(false);
  const [activity, setActivity] = useState('');
  const [absent, setAbsent] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<'started' | 'completed' | 'contained' | 'intersecting'>('started');
  const [minDays, setMinDays] = useState('');
  const [maxDays, setMaxDays] = useState('');

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('select, input')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: MouseEvent) => {
      if (panel.current && !panel.current.parentElement?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);

  const attr = options?.attributes.find((a) => a.attribute === attribute);
  const filter: Filter | null =
    kind === 'attribute'
      ? attribute && values.length
        ? { kind: 'attribute', attribute, values, ...(exclude ? { exclude: true } : {}) }
        : null
      : kind === 'activity'
        ? activity
          ? { kind: 'activity', activity, ...(absent ? { absent: true } : {}) }
          : null
        : kind === 'timeframe'
          ? from && to && from < to
            ? { kind: 'timeframe', from, to, mode }
            : null
          : minDays !== '' || maxDays !== ''
            ? {
                kind: 'duration',
                ...(minDays !== '' ? { minSeconds: Number(minDays) * 86_400 } : {}),
                ...(maxDays !== '' ? { maxSeconds: Number(maxDays) * 86_400 } : {}),
              }
            : null;

  return (
    <div ref={panel} className={styles.panel} role="dialog" aria-label="Add a filter" data-testid="filter-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (filter) onAdd(filter);
        }}
      >
        <div className={styles.kinds} role="radiogroup" aria-label="Filter on">
          {(['attribute', 'activity', 'timeframe', 'duration'] as const).map((k) => (
            <label key={k} className={`${styles.kind} ${k === kind ? styles.kindOn : ''}`}>
              <input type="radio" name={`${id}-kind`} value={k} checked={k === kind} onChange={() => setKind(k)} />
              {k === 'attribute' ? 'Attribute' : k === 'activity' ? 'Activity' : k === 'timeframe' ? 'Time frame' : 'Duration'}
            </label>
          ))}
        </div>

        {!options && (kind === 'attribute' || kind === 'activity') && <p className={styles.hint}>Loading what this log holds…</p>}

        {kind === 'attribute' && options && (
          <>
            <label className={styles.field}>
              Attribute
              <select
                value={attribute}
                onChange={(e) => {
                  setAttribute(e.target.value);
                  setValues([]);
                }}
                data-testid="filter-attribute"
              >
                <option value="">Choose…</option>
                {options.attributes.map((a) => (
                  <option key={a.attribute} value={a.attribute}>
                    {attributeLabel(a.attribute)} ({formatCount(a.distinctValues)})
                  </option>
                ))}
              </select>
            </label>
            {attr && (
              <fieldset className={styles.values}>
                <legend>
                  Values{attr.distinctValues > attr.values.length ? ` (the ${attr.values.length} most common of ${formatCount(attr.distinctValues)})` : ''}
                </legend>
                {attr.values.map((v) => (
                  <label key={v.value} className={styles.value}>
                    <input
                      type="checkbox"
                      checked={values.includes(v.value)}
                      onChange={(e) => setValues(e.target.checked ? [...values, v.value] : values.filter((x) => x !== v.value))}
                    />
                    <span className={styles.valueText}>{v.value}</span>
                    <span className={styles.valueCount}>{formatCount(v.cases)}</span>
                  </label>
                ))}
              </fieldset>
            )}
            <label className={styles.check}>
              <input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} /> Exclude these values
            </label>
          </>
        )}

        {kind === 'activity' && options && (
          <>
            <label className={styles.field}>
              Activity
              <select value={activity} onChange={(e) => setActivity(e.target.value)} data-testid="filter-activity">
                <option value="">Choose…</option>
                {options.activities.map((a) => (
                  <option key={a.activity} value={a.activity}>
                    {a.activity} ({formatCount(a.cases)} cases)
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.check}>
              <input type="checkbox" checked={absent} onChange={(e) => setAbsent(e.target.checked)} /> Cases without it
            </label>
          </>
        )}

        {kind === 'timeframe' && (
          <>
            <div className={styles.row}>
              <label className={styles.field}>
                From (UTC)
                <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </label>
              <label className={styles.field}>
                To, not included
                <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </label>
            </div>
            <label className={styles.field}>
              Keep cases that
              <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
                <option value="started">started in it</option>
                <option value="completed">ended in it</option>
                <option value="contained">ran entirely within it</option>
                <option value="intersecting">were active during it</option>
              </select>
            </label>
            {from && to && from >= to && <p className={styles.hint}>The start must come before the end.</p>}
          </>
        )}

        {kind === 'duration' && (
          <div className={styles.row}>
            <label className={styles.field}>
              At least (days)
              <input type="number" min={0} step="any" value={minDays} onChange={(e) => setMinDays(e.target.value)} />
            </label>
            <label className={styles.field}>
              At most (days)
              <input type="number" min={0} step="any" value={maxDays} onChange={(e) => setMaxDays(e.target.value)} />
            </label>
          </div>
        )}

        <div className={styles.actions}>
          <button type="button" className={styles.cancel} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={styles.apply} disabled={!filter} data-testid="filter-apply">
            Apply filter
          </button>
        </div>
      </form>
    </div>
  );
}
