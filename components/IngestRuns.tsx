// The runs table: one row per ingest run, newest first. A row is a button: choosing it shows the
// run's rejected records. Failed runs show their error under the status.
import { formatAsOf, formatCount } from './format';
import { formatRunDuration } from './IngestFormat';
import styles from './IngestRuns.module.css';

export interface RunRowData {
  runId: string;
  logId: string;
  sourceKind: string;
  source: string;
  sourceLabel: string;
  sourcePath: string;
  status: string;
  startedAt: string;
  durationMs: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsDuplicate: number;
  error: string | null;
}

export interface IngestRunsProps {
  runs: readonly RunRowData[];
  selected: string | null;
  onSelect: (runId: string) => void;
}

export function IngestRuns({ runs, selected, onSelect }: IngestRunsProps) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="runs-table">
        <thead>
          <tr>
            <th>Source</th>
            <th>Started</th>
            <th className={styles.num}>Duration</th>
            <th className={styles.num}>Read</th>
            <th className={styles.num}>Loaded</th>
            <th className={styles.num}>Rejected</th>
            <th className={styles.num}>Duplicates</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const isSelected = r.runId === selected;
            const failed = r.status !== 'succeeded';
            return (
              <tr
                key={r.runId}
                className={`${styles.row} ${isSelected ? styles.selected : ''}`}
                data-testid="run-row"
                data-run-id={r.runId}
                aria-selected={isSelected}
                tabIndex={0}
                onClick={() => onSelect(r.runId)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(r.runId);
                  }
                }}
              >
                <td>
                  <div className={styles.source} data-col="source">
                    {r.sourceLabel}
                  </div>
                  <div className={styles.sub} title={r.sourcePath}>
                    {r.sourceKind !== r.source && <code>{r.sourceKind} · </code>}
                    {r.logId} · {r.sourcePath}
                  </div>
                </td>
                <td className={styles.when} data-col="started">
                  {formatAsOf(r.startedAt)}
                </td>
                <td className={styles.num} data-col="duration">
                  {formatRunDuration(r.durationMs)}
                </td>
                <td className={styles.num} data-col="read">
                  {formatCount(r.rowsRead)}
                </td>
                <td className={styles.num} data-col="loaded">
                  {formatCount(r.rowsLoaded)}
                </td>
                <td className={`${styles.num} ${r.rowsRejected > 0 ? styles.rejected : styles.zero}`} data-col="rejected">
                  {formatCount(r.rowsRejected)}
                </td>
                <td className={`${styles.num} ${r.rowsDuplicate > 0 ? '' : styles.zero}`} data-col="duplicates">
                  {formatCount(r.rowsDuplicate)}
                </td>
                <td data-col="status">
                  <span className={`${styles.status} ${failed ? styles.failed : styles.ok}`}>{failed ? 'Failed' : 'Succeeded'}</span>
                  {failed && r.error && (
                    <div className={styles.error} data-testid="run-error" title={r.error}>
                      {r.error}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
