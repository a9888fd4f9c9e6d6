// Import: the whole file is read, mapped and checked by DuckDB (read_csv / read_parquet into temp
// tables, validation in SQL), and the good rows are written straight into events, objects and
// event_object by the CSV import's own set-based statements (sql/queries/csv/), all in ONE
// transaction with the ingest_runs row. A table row is always one event with one case object, so
// the general pipeline's staging and merge (built for records that emit many events, aliases and
// references) would only copy the 10M rows a few more times. Bad rows are rejects naming file, row
// and field; a file that cannot be read or mapped at all is an IngestError and leaves the store as
// it was (but for the failed ingest_runs row, as every ingestor does).
import { randomBytes } from 'node:crypto';
import type { Store, Tx } from '../../sql';
import { IngestError, type IngestResult, type RejectSample, type RunKind } from '../types';
import { checkFormat, checkTimezone, detectTimestampFormat, displayName, formatOf, loadRaw, mapAndValidate, missingColumns } from './read';
import type { ColumnMapping, ImportOptions } from './types';
import { failedResult, runRow } from '../pipeline/run-record';

export const SOURCE_SYSTEM = 'csv';

async function ensureCsvLog(tx: Tx, logId: string, name: string, file: string): Promise<void> {
  const [existing] = await tx.sql<{ kind: string }>('SELECT kind FROM logs WHERE log_id = $log_id', { log_id: logId });
  if (existing && existing.kind !== 'csv') {
    throw new IngestError(`the log "${logId}" is a ${existing.kind} log; import a table into a log of its own`, file, null, 'logId');
  }
  await tx.query('ingest/ensure_log', { log_id: logId, name, kind: 'csv' });
}

/** The row count DuckDB reports for an INSERT. */
const inserted = (rows: Record<string, unknown>[]): number => Number(rows[0]?.Count ?? 0);

/** With TL_INGEST_PROFILE set, prints each step's time (wall, and CPU of the process) to stderr. */
function stepTimer(): <T>(label: string, p: Promise<T>) => Promise<T> {
  return async (label, p) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = await p;
    if (process.env.TL_INGEST_PROFILE) {
      const used = process.cpuUsage(cpu);
      console.error(`csv ${label} ${Math.round(performance.now() - t)} ms (cpu ${Math.round((used.user + used.system) / 1000)} ms)`);
    }
    return r;
  };
}

export async function importTable(store: Store, path: string, mapping: ColumnMapping, opts: ImportOptions): Promise<IngestResult> {
  const file = displayName(path, opts.fileName);
  const logId = opts.logId;
  const startedAt = new Date();
  const kind: RunKind = formatOf(path) ?? 'csv';
  const runId = `${kind}-${startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  const t0 = performance.now();
  const step = stepTimer();
  const base = { runId, logId, sourceKind: kind, sourcePath: file };
  let rowsRead = 0;
  try {
    return await store.transaction(async (tx) => {
      await ensureCsvLog(tx, logId, opts.name ?? file, file);
      const loaded = await step('read', loadRaw(tx, path, file, mapping));
      rowsRead = loaded.rows + loaded.readRejects;
      const missing = missingColumns(mapping, loaded.columns, file);
      if (missing.length) throw new IngestError(missing[0].message, file, missing[0].row, missing[0].field);
      if (rowsRead === 0) throw new IngestError(`${file} has a header but no rows`, file);
      const tz = mapping.timezone || 'UTC';
      await checkTimezone(tx, tz, file);
      let format = mapping.timestampFormat;
      if (format) checkFormat(format, file);
      else {
        const d = await detectTimestampFormat(tx, mapping.timestamp, file);
        const err = d.problems.find((p) => p.severity === 'error');
        if (!d.format || err) throw new IngestError(err?.message ?? `cannot tell the format of "${mapping.timestamp}"`, file, null, mapping.timestamp);
        format = d.format;
      }
      await step('map+validate', mapAndValidate(tx, loaded, mapping, format, tz));
      const [{ n: badRows }] = await tx.query<{ n: number }>('csv/bad_count');
      if (badRows + loaded.readRejects > 0) await step('rejects', tx.query('csv/rejects', { delim: loaded.delimiter ?? ',' }));
      else await tx.script('csv/rejects_none');
      await tx.script('csv/raw_drop');
      await step('numbering', tx.script('csv/numbering'));
      await tx.script('csv/events');
      const [{ n: logEvents }] = await tx.query<{ n: number }>('csv/log_event_count', { log_id: logId });
      await step('present', logEvents > 0 ? tx.query('csv/present', { log_id: logId }).then(() => undefined) : tx.script('csv/present_none'));
      const run = { log_id: logId, run_id: runId, file };
      const eventsAdded = inserted(await step('insert events', tx.query('csv/insert_events', run)));
      const objectsAdded = inserted(await step('insert objects', tx.query('csv/insert_objects', run)));
      await step('insert links', tx.query('csv/insert_links', { log_id: logId }));
      await step('insert rejects', tx.query('csv/insert_rejects', run));
      const [c] = await tx.query<{ rejected: number; duplicate: number }>('csv/counts');
      const samples = await tx.query<{ row_no: number | null; field: string | null; reason: string }>('csv/reject_samples');
      const result: IngestResult = {
        ...base,
        status: 'succeeded',
        rowsRead,
        rowsLoaded: rowsRead - c.rejected - c.duplicate,
        rowsRejected: c.rejected,
        rowsDuplicate: c.duplicate,
        eventsAdded,
        objectsAdded,
        rejectSamples: samples.map((s): RejectSample => ({ file, row: s.row_no, field: s.field, reason: s.reason })),
        durationMs: Math.round(performance.now() - t0),
      };
      await tx.query('ingest/run_insert', runRow(result, startedAt));
      await tx.script('csv/drop');
      return result;
    }).then(async (result) => {
      if (process.env.TL_INGEST_PROFILE) console.error(`csv commit ${Math.round(performance.now() - t0 - result.durationMs)} ms`);
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
