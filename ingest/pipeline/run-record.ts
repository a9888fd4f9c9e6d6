// The ingest_runs row and the failed-run result, shared by every kind of run (the pipeline, the
// CSV/Parquet and OCEL loaders), so a run reads the same on the Ingest page whatever loaded it.
import type { IngestError, IngestResult, RunKind } from '../types';

export type RunRow = Record<string, string | number | null>;

/** DuckDB TIMESTAMP text (UTC) for a Date. */
export const timestampText = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');

export function runRow(r: IngestResult, startedAt: Date): RunRow {
  return {
    run_id: r.runId,
    log_id: r.logId,
    source_kind: r.sourceKind,
    source_path: r.sourcePath,
    started_at: timestampText(startedAt),
    finished_at: timestampText(new Date()),
    status: r.status,
    rows_read: r.rowsRead,
    rows_loaded: r.rowsLoaded,
    rows_rejected: r.rowsRejected,
    rows_duplicate: r.rowsDuplicate,
    events_added: r.eventsAdded,
    objects_added: r.objectsAdded,
    error: r.error ?? null,
  };
}

interface RunBase {
  runId: string;
  logId: string;
  sourceKind: RunKind;
  sourcePath: string;
}

/** The result of a run that wrote nothing; attached to the error the caller rethrows. */
export function failedResult(base: RunBase, rowsRead: number, failure: IngestError, startedMs: number): IngestResult {
  const result: IngestResult = {
    ...base,
    status: 'failed',
    rowsRead,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    eventsAdded: 0,
    objectsAdded: 0,
    rejectSamples: [],
    error: failure.message,
    durationMs: Math.round(performance.now() - startedMs),
  };
  failure.result = result;
  return result;
}
