'use client';
// Below a SQL cell: how the last run went (running with a clock, the error as the server words it,
// cancelled), the result table with its row count, time and cap note, and the export links.
import { useEffect, useState } from 'react';
import { formatCount } from '../format';
import styles from './RunOutput.module.css';
import { ResultTable } from './ResultTable';
import { shownResult, type RunFailure, type RunState } from './run-state';

export interface RunOutputProps {
  state: RunState;
  /** Accessible name of the result table, e.g. "Result of cell 2". */
  label: string;
  /** Links to the full result of the SAVED cell; null while the cell has unsaved changes. */
  exportHrefs: { csv: string; parquet: string } | null;
}

const ERROR_TITLE: Record<string, string> = {
  REFUSED: 'Refused: notebooks only read',
  TIMEOUT: 'Stopped at the time limit',
  SQL_ERROR: 'The query failed',
  BAD_REQUEST: 'The request was not accepted',
  FORBIDDEN: 'Not allowed',
  UNAUTHORIZED: 'Sign-in needed',
  NOT_FOUND: 'Not found',
  NETWORK: 'No answer from the server',
};

export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function Clock({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(t);
  }, []);
  return <>{formatElapsed(Math.max(0, now - since))}</>;
}

function Failure({ error }: { error: RunFailure }) {
  return (
    <div className={`${styles.failure} ${error.code === 'REFUSED' ? styles.refused : ''}`} role="alert" data-testid="run-error" data-code={error.code}>
      <p className={styles.failureTitle}>
        {ERROR_TITLE[error.code] ?? 'The run failed'} <code className={styles.code}>{error.code}</code>
      </p>
      <p className={styles.failureMessage}>{error.message}</p>
    </div>
  );
}

export function RunOutput({ state, label, exportHrefs }: RunOutputProps) {
  const result = shownResult(state);
  let status = null;
  if (state.status === 'running') {
    status = (
      <p className={styles.status} role="status" data-testid="run-status" data-status="running">
        <span className="spinner" aria-hidden /> Running… <Clock since={state.startedAt} />
      </p>
    );
  } else if (state.status === 'cancelled') {
    status = (
      <p className={styles.status} role="status" data-testid="run-status" data-status="cancelled">
        Cancelled after {formatElapsed(state.afterMs)}; the server stopped the query.{result ? ' The result below is from the run before.' : ''}
      </p>
    );
  }
  if (state.status === 'idle') return null;
  return (
    <div className={styles.output} data-testid="run-output">
      {status}
      {state.status === 'error' && <Failure error={state.error} />}
      {result && (
        <div className={`${styles.result} ${state.status !== 'done' ? styles.stale : ''}`}>
          <div className={styles.meta}>
            <span data-testid="result-rows" data-value={result.rows}>
              {formatCount(result.rows)} row{result.rows === 1 ? '' : 's'}
            </span>
            <span className={styles.sep}>·</span>
            <span data-testid="result-elapsed">{formatElapsed(result.elapsedMs)}</span>
            <span className={styles.sep}>·</span>
            <span>
              {result.columns.length} column{result.columns.length === 1 ? '' : 's'}
            </span>
            <span className={styles.exports}>
              {exportHrefs ? (
                <>
                  <a href={exportHrefs.csv} download data-testid="export-csv">
                    Export CSV
                  </a>
                  <a href={exportHrefs.parquet} download data-testid="export-parquet">
                    Export Parquet
                  </a>
                </>
              ) : (
                <span className={styles.muted} title="Exports run the saved notebook's SQL">
                  Export after saving…
                </span>
              )}
            </span>
          </div>
          {result.capped && (
            <p className={styles.capped} data-testid="result-capped">
              Showing the first {formatCount(result.rows)} rows; the query returned more. Export for the full result.
            </p>
          )}
          {result.columns.length === 0 ? (
            <p className={styles.muted}>The statement returned no columns.</p>
          ) : result.rows === 0 ? (
            <p className={styles.muted} data-testid="result-empty">
              No rows. Columns: {result.columns.map((c) => `${c.name} (${c.type.toLowerCase()})`).join(', ')}.
            </p>
          ) : (
            <ResultTable table={result.table} columns={result.columns} label={label} />
          )}
        </div>
      )}
    </div>
  );
}
