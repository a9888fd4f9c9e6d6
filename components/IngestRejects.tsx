// A run's rejected records, one page at a time: where (file, row, field), why, and what was read.
import { formatCount } from './format';
import styles from './IngestRejects.module.css';

export interface RejectRowData {
  file: string;
  rowNo: number | null;
  recordKey: string | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

export interface IngestRejectsProps {
  rejects: readonly RejectRowData[];
  total: number;
  offset: number;
  limit: number;
  onPage: (offset: number) => void;
  /** What to say when there are none (default: "This run rejected no records."). */
  emptyText?: string;
}

const baseName = (p: string): string => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

export function IngestRejects({ rejects, total, offset, limit, onPage, emptyText }: IngestRejectsProps) {
  if (total === 0) {
    return (
      <p className={styles.none} data-testid="rejects-none">
        {emptyText ?? 'This run rejected no records.'}
      </p>
    );
  }
  return (
    <div className={styles.wrap}>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="rejects-table">
          <thead>
            <tr>
              <th>File</th>
              <th className={styles.num}>Row</th>
              <th>Field</th>
              <th>Reason</th>
              <th>Raw record</th>
            </tr>
          </thead>
          <tbody>
            {rejects.map((r, i) => (
              <tr key={`${offset + i}`} data-testid="reject-row">
                <td className={styles.file} data-col="file" data-value={r.file} title={r.file}>
                  {baseName(r.file)}
                </td>
                <td className={styles.num} data-col="row" data-value={r.rowNo ?? ''}>
                  {r.rowNo === null ? '—' : formatCount(r.rowNo)}
                </td>
                <td data-col="field" data-value={r.field ?? ''}>
                  {r.field ? <code className={styles.field}>{r.field}</code> : <span className={styles.faint}>—</span>}
                </td>
                <td className={styles.reason} data-col="reason">
                  {r.reason}
                  {r.recordKey && <div className={styles.key}>record {r.recordKey}</div>}
                </td>
                <td data-col="raw">
                  {r.raw ? (
                    <code className={styles.raw} title={r.raw}>
                      {r.raw}
                    </code>
                  ) : (
                    <span className={styles.faint}>—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className={styles.pager} aria-label="Rejects pages">
        <span data-testid="rejects-range">
          {formatCount(offset + 1)}–{formatCount(Math.min(offset + limit, total))} of {formatCount(total)}
        </span>
        <button type="button" className={styles.pageButton} disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
          ← Previous
        </button>
        <button type="button" className={styles.pageButton} disabled={offset + limit >= total} onClick={() => onPage(offset + limit)} data-testid="rejects-next">
          Next →
        </button>
      </nav>
    </div>
  );
}
