// Import: the whole file is read, mapped and checked by DuckDB (read_csv / read_parquet into temp
// tables, validation in SQL: sql/queries/csv/), the valid rows are put into the pipeline's staging
// tables and merged by the pipeline's own merge scripts (sql/queries/ingest/), all in ONE
// transaction with the ingest_runs row. Bad rows are rejects naming file, row and field; a file
// that cannot be read or mapped at all is an IngestError and leaves the store as it was (but for
// the failed ingest_runs row, as every ingestor does).
import { randomBytes } from 'node:crypto';
import type { Store, Tx } from '../../sql';
import { IngestError, type IngestResult, type RejectSample, type RunKind } from '../types';
import { checkFormat, checkTimezone, detectTimestampFormat, displayName, formatOf, loadRaw, mapAndValidate, missingColumns, rawExpr, rowKeyBase } from './read';
import type { ColumnMapping, ImportOptions } from './types';
import { failedResult, runRow } from '../pipeline/run-record';

interface MergeCounts {
  events_added: number;
  objects_added: number;
  rows_duplicate: number;
  rows_rejected_at_merge: number;
}

const MERGE_STEPS = ['merge_prepare', 'merge_events', 'merge_objects', 'merge_relations', 'merge_bookkeeping'];
export const SOURCE_SYSTEM = 'csv';


async function ensureCsvLog(tx: Tx, logId: string, name: string, file: string): Promise<void> {
  const [existing] = await tx.sql<{ kind: string }>('SELECT kind FROM logs WHERE log_id = $log_id', { log_id: logId });
  if (existing && existing.kind !== 'csv') {
    throw new IngestError(`the log "${logId}" is a ${existing.kind} log; import a table into a log of its own`, file, null, 'logId');
  }
  await tx.query('ingest/ensure_log', { log_id: logId, name, kind: 'csv' });
}

const profile = (label: string, t: number) => {
  if (process.env.TL_INGEST_PROFILE) console.error(`csv ${label} ${Math.round(performance.now() - t)} ms`);
};

export async function importTable(store: Store, path: string, mapping: ColumnMapping, opts: ImportOptions): Promise<IngestResult> {
  const file = displayName(path, opts.fileName);
  const logId = opts.logId;
  const startedAt = new Date();
  const kind: RunKind = formatOf(path) ?? 'csv';
  const runId = `${kind}-${startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  const t0 = performance.now();
  const base = { runId, logId, sourceKind: kind, sourcePath: file };
  let rowsRead = 0;
  try {
    return await store.transaction(async (tx) => {
      const conn = tx.connection;
      await ensureCsvLog(tx, logId, opts.name ?? file, file);
      let t = performance.now();
      const loaded = await loadRaw(conn, path, file, mapping);
      profile('read', t);
      rowsRead = loaded.rows + loaded.readRejects;
      const missing = missingColumns(mapping, loaded.columns, file);
      if (missing.length) throw new IngestError(missing[0].message, file, missing[0].row, missing[0].field);
      if (rowsRead === 0) throw new IngestError(`${file} has a header but no rows`, file);
      const tz = mapping.timezone || 'UTC';
      await checkTimezone(conn, tz, file);
      let format = mapping.timestampFormat;
      if (format) checkFormat(format, file);
      else {
        const d = await detectTimestampFormat(conn, mapping.timestamp, file);
        const err = d.problems.find((p) => p.severity === 'error');
        if (!d.format || err) throw new IngestError(err?.message ?? `cannot tell the format of "${mapping.timestamp}"`, file, null, mapping.timestamp);
        format = d.format;
      }
      t = performance.now();
      await mapAndValidate(conn, loaded, mapping, format, tz, file);
      profile('map+validate', t);
      t = performance.now();
      await tx.script('ingest/stage_create');
      await tx.query('ingest/stage_run', { run_id: runId, log_id: logId, source_system: SOURCE_SYSTEM });
      await tx.script('csv/stage');
      await tx.sql(
        `INSERT INTO stg_rejects (rec, file, row_no, record_key, field, reason, raw)
         SELECT i.row_no, m.file, i.row_no, NULL, i.reject_field, i.reject_reason, left(${rawExpr(loaded.columns, loaded.delimiter)}, 2000)
         FROM csv_rows i JOIN (SELECT rowid - ${rowKeyBase(loaded)} AS k, * FROM csv_raw) r ON r.k = i.k CROSS JOIN csv_meta m
         WHERE i.reject_field IS NOT NULL`,
      );
      const [{ n: rejectedRows }] = await tx.sql<{ n: number }>('SELECT count(*)::BIGINT AS n FROM stg_rejects');
      profile('stage', t);
      for (const step of MERGE_STEPS) {
        t = performance.now();
        await tx.script(`ingest/${step}`);
        profile(step, t);
      }
      const [c] = await tx.query<MergeCounts>('ingest/merge_counts');
      const samples = await tx.query<{ file: string; row_no: number | null; field: string | null; reason: string }>('ingest/reject_samples');
      const rejected = rejectedRows + c.rows_rejected_at_merge;
      const result: IngestResult = {
        ...base,
        status: 'succeeded',
        rowsRead,
        rowsLoaded: rowsRead - rejected - c.rows_duplicate,
        rowsRejected: rejected,
        rowsDuplicate: c.rows_duplicate,
        eventsAdded: c.events_added,
        objectsAdded: c.objects_added,
        rejectSamples: samples.map((s): RejectSample => ({ file: s.file, row: s.row_no, field: s.field, reason: s.reason })),
        durationMs: Math.round(performance.now() - t0),
      };
      await tx.query('ingest/run_insert', runRow(result, startedAt));
      await tx.script('ingest/stage_drop');
      await tx.script('csv/drop');
      return result;
    });
  } catch (err) {
    const failure = err instanceof IngestError ? err : new IngestError(`importing ${file}: ${err instanceof Error ? err.message : String(err)}`, file);
    const result = failedResult(base, rowsRead, failure, t0);
    // Only the failed run is recorded; no log is created for a file that could not be read.
    await store.transaction(async (tx) => {
      await tx.query('ingest/run_insert', runRow(result, startedAt));
    });
    throw failure;
  }
}
