// The grouping and group filters of an exception queue: one select per dimension (warehouse,
// segment, order type, channel, owner team) with the queue's counts, and "group by" chips that
// show the queue split by one dimension (a chip filters to its value). Events out only.
import type { ExceptionGroupCount, ExceptionGroupDim, ExceptionGroupFilters } from '../mining/types';
import { GROUP_DIMS, GROUP_LABEL } from './exception-format';
import { formatCount } from './format';
import styles from './ExceptionGroups.module.css';

export interface ExceptionGroupsProps {
  byGroup: Readonly<Record<ExceptionGroupDim, readonly ExceptionGroupCount[]>>;
  groups: ExceptionGroupFilters;
  groupBy: ExceptionGroupDim | null;
  onChange(dim: ExceptionGroupDim, value: string | null): void;
  onGroupBy(dim: ExceptionGroupDim | null): void;
}

const NONE = '(none)';

export function ExceptionGroups({ byGroup, groups, groupBy, onChange, onGroupBy }: ExceptionGroupsProps) {
  const chips = groupBy ? byGroup[groupBy] : [];
  return (
    <div className={styles.wrap} data-testid="exception-groups">
      <div className={styles.selects}>
        {GROUP_DIMS.map((dim) => {
          const current = groups[dim] ?? '';
          const options = byGroup[dim].filter((g) => g.value !== null);
          const known = options.some((g) => g.value === current);
          return (
            <label key={dim} className={styles.field}>
              <span className={styles.fieldLabel}>{GROUP_LABEL[dim]}</span>
              <select
                className={styles.select}
                value={current}
                onChange={(e) => onChange(dim, e.target.value || null)}
                data-testid={`group-filter-${dim}`}
              >
                <option value="">All</option>
                {current && !known && <option value={current}>{current}</option>}
                {options.map((g) => (
                  <option key={g.value} value={g.value ?? ''}>
                    {g.value} ({formatCount(g.count)})
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <label className={styles.field}>
          <span className={styles.fieldLabel}>Group by</span>
          <select className={styles.select} value={groupBy ?? ''} onChange={(e) => onGroupBy((e.target.value || null) as ExceptionGroupDim | null)} data-testid="group-by">
            <option value="">Nothing</option>
            {GROUP_DIMS.map((d) => (
              <option key={d} value={d}>
                {GROUP_LABEL[d]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {groupBy && (
        <ul className={styles.chips} aria-label={`Rows by ${GROUP_LABEL[groupBy].toLowerCase()}`}>
          {chips.length === 0 && <li className={styles.noChips}>Nothing to group</li>}
          {chips.map((g) => {
            const on = g.value !== null && groups[groupBy] === g.value;
            return (
              <li key={g.value ?? NONE}>
                <button
                  type="button"
                  className={`${styles.chip} ${on ? styles.chipOn : ''}`}
                  aria-pressed={on}
                  disabled={g.value === null}
                  onClick={() => onChange(groupBy, on ? null : g.value)}
                  data-testid="group-chip"
                >
                  {g.value ?? NONE} <span className={styles.chipCount}>{formatCount(g.count)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
