// A process owner's scope: the warehouses and segments of the store's orders (with how many orders
// each has), ticked to narrow the owner to them; nothing ticked in a list = all of it.
import { formatCount } from './format';
import styles from './Accounts.module.css';

export interface ScopeChoice {
  warehouses: string[];
  segments: string[];
}

export interface ScopePickerProps {
  /** undefined while the values are on their way. */
  options: { warehouses: { value: string; cases: number }[]; segments: { value: string; cases: number }[] } | undefined;
  value: ScopeChoice;
  onChange: (scope: ScopeChoice) => void;
  idPrefix: string;
  disabled?: boolean;
}

export function ScopePicker({ options, value, onChange, idPrefix, disabled }: ScopePickerProps) {
  const list = (key: keyof ScopeChoice, title: string) => {
    const values = options?.[key] ?? [];
    const toggle = (v: string, on: boolean) => onChange({ ...value, [key]: values.map((o) => o.value).filter((x) => (x === v ? on : value[key].includes(x))) });
    return (
      <div className={styles.scopeList}>
        <span className={styles.scopeTitle}>{title}</span>
        {!options ? (
          <span className={styles.hint}>Loading…</span>
        ) : values.length === 0 ? (
          <span className={styles.hint}>None in the store yet: load order data to scope by {title.toLowerCase()}.</span>
        ) : (
          values.map((o) => (
            <label key={o.value} className={styles.check}>
              <input type="checkbox" checked={value[key].includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} data-testid={`${idPrefix}-${key}-${o.value}`} />
              <span>
                {o.value} <span className={styles.hint}>{formatCount(o.cases)} orders</span>
              </span>
            </label>
          ))
        )}
      </div>
    );
  };
  return (
    <fieldset className={`${styles.fieldset} ${styles.scope}`} disabled={disabled}>
      <legend>Owner scope</legend>
      <p className={styles.hint}>Tick to narrow this process owner to their exceptions and runs; nothing ticked in a list means all of it.</p>
      <div className={styles.scopeLists}>
        {list('warehouses', 'Warehouses')}
        {list('segments', 'Segments')}
      </div>
    </fieldset>
  );
}
