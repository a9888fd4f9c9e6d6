// Odoo ingest facade: `ingestOdoo(store, connectionString)` reads what changed in a live Odoo
// database since the last run (per table watermark (write_date, id), kept in odoo_watermarks) and
// loads it through the ingest pipeline as ONE run: data, ingest_runs row and the new watermarks
// commit together, or nothing does (a failed run leaves only its failed ingest_runs row).
// The connection string's password never reaches logs, errors or ingest_runs (source_path is the
// redacted string).
import type { Store, Tx } from '../../sql';
import { runIngest } from '../pipeline/run';
import type { Source } from '../pipeline/source';
import { IngestError, type IngestResult } from '../types';
import { extractOdoo, ODOO_READ_TABLES, redact, scrub, type OdooReadTable, type OdooRow, type Watermark } from './extract';
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

/**
 * The store as runIngest sees it: its one successful transaction also writes the new watermarks
 * before COMMIT (runIngest exposes no hook; ingest/pipeline is not ours to change).
 */
function withCommitHook(store: Store, hook: (tx: Tx, result: IngestResult) => Promise<void>): Store {
  const wrapped = Object.create(store) as Store;
  Object.defineProperty(wrapped, 'transaction', {
    value: <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
      store.transaction(async (tx) => {
        const result = await fn(tx);
        if (isSucceeded(result)) await hook(tx, result);
        return result;
      }),
  });
  return wrapped;
}

function isSucceeded(x: unknown): x is IngestResult {
  return typeof x === 'object' && x !== null && 'status' in x && (x as { status: unknown }).status === 'succeeded' && 'runId' in x;
}

export async function ingestOdoo(store: Store, connectionString: string, opts: OdooOptions = {}): Promise<IngestResult> {
  const logId = opts.logId ?? 'o2c-odoo';
  const { display, source, password } = redact(connectionString);
  const marks = await readWatermarks(store, logId, source);
  const next = new Map<OdooReadTable, Watermark>();
  const odoo: Source<OdooRow> = {
    kind: 'odoo',
    system: 'odoo',
    read: () => extractOdoo({ connectionString, marks, fetchSize: opts.fetchSize, onBatch: (t, m) => next.set(t, m) }),
    mapper: () => mapOdoo,
  };
  const hooked = withCommitHook(store, async (tx, result) => {
    for (const [table, m] of next) {
      const p = { log_id: logId, source, table_name: table };
      await tx.query('odoo/watermark_delete', p);
      await tx.query('odoo/watermark_insert', { ...p, write_date: m.writeDate, last_id: m.id, run_id: result.runId });
    }
  });
  try {
    return await runIngest(hooked, odoo, display, { logId });
  } catch (err) {
    if (err instanceof IngestError) {
      if (!password || !err.message.includes(password)) throw err;
      const clean = new IngestError(scrub(err, password).message, display, err.row, err.field);
      if (err.result) clean.result = { ...err.result, error: clean.message };
      throw clean;
    }
    throw scrub(err, password);
  }
}
