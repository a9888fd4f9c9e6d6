// One exception queue as a work list: each row a case (or an object of it) with its age, the
// amount at stake, the next step and the owner team; the case opens from its id (a link). Sorting
// and paging are events. The last column holds a row's remediation actions (issue 7); with
// `onToggle` a first column of check boxes selects rows to act on at once.
import type { ReactNode } from 'react';
import type { ExceptionQueueId, ExceptionRow, ExceptionSortKey } from '../mining/types';
import { formatDateTime } from './case-format';
import { caseLabel, formatAge, formatAmount, objectLabel } from './exception-format';
import { formatCount } from './format';
import styles from './ExceptionQueue.module.css';

export interface ExceptionQueueProps {
  queue: ExceptionQueueId;
  /** What the age counts from, e.g. "since goods issue". */
  ageBasis: string;
  rows: readonly ExceptionRow[];
  total: number;
  offset: number;
  limit: number;
  sort: ExceptionSortKey;
  dir: 'asc' | 'desc';
  busy?: boolean;
  onSort(key: ExceptionSortKey): void;
  onPage(offset: number): void;
  caseHref(caseId: string): string;
  /** Remediation buttons of a row (issue 7); default: a muted note. */
  renderActions?: (row: ExceptionRow) => ReactNode;
  /** Keys (exceptionRowKey) of the rows ticked; with onToggle the table shows check boxes. */
  selected?: ReadonlySet<string>;
  onToggle?(row: ExceptionRow): void;
  onToggleAll?(): void;
}

/** What identifies a row for a request: its case and object. */
export const exceptionRowKey = (r: Pick<ExceptionRow, 'caseId' | 'objectId'>): string => `${r.caseId}|${r.objectId ?? ''}`;

const STATUS_LABEL: Record<string, string> = { open_breached: 'Breached', at_risk: 'At risk' };

export function ExceptionQueue(p: ExceptionQueueProps) {
  const sla = p.queue === 'sla';
  const head = (label: string, key: ExceptionSortKey | null, num = false, extra?: ReactNode) => {
    const sorted = key !== null && p.sort === key;
    return (
      <th scope="col" className={num ? styles.num : undefined} aria-sort={sorted ? (p.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        {key ? (
          <button type="button" className={styles.sortButton} onClick={() => p.onSort(key)}>
            {label}
            {extra}
            {sorted && <span className={styles.arrow} aria-hidden>{p.dir === 'asc' ? '▲' : '▼'}</span>}
          </button>
        ) : (
          <span className={styles.plainHead}>{label}</span>
        )}
      </th>
    );
  };
  const last = Math.min(p.offset + p.rows.length, p.total);
  return (
    <div className={styles.wrap}>
      <div className={styles.scroller} aria-busy={p.busy || undefined}>
        <table className={styles.table} data-testid="exception-table">
          <thead>
            <tr>
              {p.onToggle && (
                <th scope="col" className={styles.pick}>
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page"
                    checked={p.rows.length > 0 && p.rows.every((r) => p.selected?.has(exceptionRowKey(r)))}
                    onChange={() => p.onToggleAll?.()}
                  />
                </th>
              )}
              {head('Case', 'case')}
              {head('About', null)}
              {sla && head('Rule', null)}
              {head('Age', 'age', true)}
              {sla && head('Due', 'due')}
              {head('At stake', 'amount', true)}
              {head('Next step', null)}
              {head('Owner team', 'team')}
              {head('Warehouse', 'warehouse')}
              {head('Segment · type · channel', null)}
              <th scope="col" className={styles.actionsHead}>
                <span className={styles.plainHead}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={`${r.caseId}|${r.objectId ?? ''}|${r.ruleId ?? ''}|${r.since}`} className={styles.row} data-testid="exception-row" data-case={r.caseId}>
                {p.onToggle && (
                  <td className={styles.pick}>
                    <input
                      type="checkbox"
                      aria-label={`Select ${caseLabel(r.caseId)}${r.objectId && r.objectId !== r.caseId ? ` ${objectLabel(r.objectId)}` : ''}`}
                      checked={p.selected?.has(exceptionRowKey(r)) ?? false}
                      onChange={() => p.onToggle?.(r)}
                      data-testid="exception-pick"
                    />
                  </td>
                )}
                <td>
                  <a className={styles.caseLink} href={p.caseHref(r.caseId)} data-testid="exception-case-link" aria-label={`Open case ${r.caseId}`}>
                    {caseLabel(r.caseId)}
                  </a>
                </td>
                <td title={r.objectId ?? r.caseId}>{objectLabel(r.objectId)}</td>
                {sla && (
                  <td title={r.ruleLabel ?? ''}>
                    <span className={`${styles.status} ${r.status === 'open_breached' ? styles.breached : styles.risk}`}>{STATUS_LABEL[r.status ?? ''] ?? r.status}</span>{' '}
                    {r.ruleLabel}
                  </td>
                )}
                <td className={styles.num} title={`${formatDateTime(r.since)} UTC, ${p.ageBasis}`}>
                  {formatAge(r.ageSeconds)}
                </td>
                {sla && <td title="UTC">{r.due ? formatDateTime(r.due) : '—'}</td>}
                <td className={styles.num}>{formatAmount(r.amount, r.currency)}</td>
                <td className={styles.step} title={r.nextStep}>
                  {r.nextStep}
                </td>
                <td>{r.team}</td>
                <td>{r.warehouse ?? '—'}</td>
                <td className={styles.dims}>{[r.segment, r.orderType, r.channel].map((v) => v ?? '—').join(' · ')}</td>
                <td data-testid="remediation-slot" className={styles.actions}>
                  {p.renderActions ? p.renderActions(r) : <span className={styles.muted}>Actions arrive with workflows</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.pager}>
        <span data-testid="exception-range">
          {p.total === 0 ? 'No rows' : `${formatCount(p.offset + 1)}–${formatCount(last)} of ${formatCount(p.total)}`}
        </span>
        <span className={styles.pagerButtons}>
          <button type="button" className={styles.pageButton} disabled={p.offset === 0} onClick={() => p.onPage(Math.max(0, p.offset - p.limit))}>
            Previous
          </button>
          <button type="button" className={styles.pageButton} disabled={last >= p.total} onClick={() => p.onPage(p.offset + p.limit)}>
            Next
          </button>
        </span>
      </div>
    </div>
  );
}
