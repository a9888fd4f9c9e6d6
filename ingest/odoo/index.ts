// Odoo ingest facade: `ingestOdoo(store, connectionString)` reads what changed in a live Odoo
// database since the last run (per table watermark (write_date, id), kept in odoo_watermarks),
// notices rows deleted in Odoo (./deletions.ts, odoo_rows) and loads it all through the ingest
// pipeline as ONE run: data, deletions, ingest_runs row and the new watermarks commit together
// (RunOptions.beforeCommit), or nothing does (a failed run leaves only its failed ingest_runs row).
// Rows, ids and counts all come from one Odoo snapshot, held from the first read to the commit.
// The connection string's password never reaches logs, errors or ingest_runs (source_path is the
// redacted string).
import type { Store, Tx } from '../../sql';
import { runIngest } from '../pipeline/run';
import type { Source } from '../pipeline/source';
import { IngestError, type IngestResult } from '../types';
import { trackRows, type TrackResult } from './deletions';
import { ODOO_READ_TABLES, OdooSnapshot, redact, scrub, type OdooReadTable, type OdooRow, type Watermark } from './extract';
import { mapOdoo } from './map';

export interface OdooOptions {
  /** The log to load into (default 'o2c-odoo'). */
  logId?: string;
  /** Rows per FETCH from each server-side cursor (default 5000). */
  fetchSize?: number;
}

export { redact } from './extract';

export async function readWatermarks(store: Store, logId: string, source: string): Promise<Map<OdooReadTable, Watermark>> {
  const rows = await store.query<{ table_name: string; write_date: string; last_id: number }>('odoo/watermark_list', { log_id: logId, source });
  const marks = new Map<OdooReadTable, Watermark>();
  for (const r of rows) {
    const t = ODOO_READ_TABLES.find((x) => x === r.table_name);
    if (t) marks.set(t, { writeDate: r.write_date, id: Number(r.last_id) });
  }
  return marks;
}

/** An Odoo run's result: the pipeline's, plus the rows found deleted in Odoo (per table). */
export interface OdooIngestResult extends IngestResult {
  rowsDeleted: number;
  deleted: TrackResult['deleted'];
}

async function saveWatermarks(tx: Tx, logId: string, source: string, runId: string, next: Map<OdooReadTable, Watermark>): Promise<void> {
  for (const [table, m] of next) {
    const p = { log_id: logId, source, table_name: table };
    await tx.query('odoo/watermark_delete', p);
    await tx.query('odoo/watermark_insert', { ...p, write_date: m.writeDate, last_id: m.id, run_id: runId });
  }
}

export async function ingestOdoo(store: Store, connectionString: string, opts: OdooOptions = {}): Promise<OdooIngestResult> {
  const logId = opts.logId ?? 'o2c-odoo';
  const { display, source, password } = redact(connectionString);
  const marks = await readWatermarks(store, logId, source);
  const next = new Map<OdooReadTable, Watermark>();
  const snap = new OdooSnapshot(connectionString);
  const odoo: Source<OdooRow> = {
    kind: 'odoo',
    system: 'odoo',
    read: () => snap.rows({ marks, fetchSize: opts.fetchSize, onBatch: (t, m) => next.set(t, m) }),
    mapper: () => mapOdoo,
  };
  let tracked: TrackResult = { deleted: {}, eventsAdded: 0 };
  const beforeCommit = async (tx: Tx, result: IngestResult): Promise<void> => {
    await saveWatermarks(tx, logId, source, result.runId, next);
    tracked = await trackRows(tx, snap, { logId, source, runId: result.runId, marks, read: new Set(next.keys()) });
  };
  try {
    const result = await runIngest(store, odoo, display, { logId, beforeCommit });
    const rowsDeleted = Object.values(tracked.deleted).reduce((a, b) => a + (b ?? 0), 0);
    return { ...result, eventsAdded: result.eventsAdded + tracked.eventsAdded, rowsDeleted, deleted: tracked.deleted };
  } catch (err) {
    if (err instanceof IngestError) {
      if (!password || !err.message.includes(password)) throw err;
      const clean = new IngestError(scrub(err, password).message, display, err.row, err.field);
      if (err.result) clean.result = { ...err.result, error: clean.message };
      throw clean;
    }
    throw scrub(err, password);
  } finally {
    await snap.close();
  }
}
