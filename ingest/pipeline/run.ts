// One ingest run: stream the source's rows through its mapper into staging (in batches), merge
// staging into the canonical tables, record the run, all in ONE transaction. If anything throws,
// the transaction rolls back, a failed ingest_runs row is written on its own, and an IngestError
// naming file, row and field is rethrown. Rejected rows are not failures.
import { randomBytes } from 'node:crypto';
import type { Store, Tx } from '../../sql';
import { RowReject } from '../common/reject';
import { IngestError, type IngestResult, type RejectSample } from '../types';
import { reportPhase, reportRows } from '../progress';
import { Collector } from './collector';
import { failedResult, runRow } from './run-record';
import type { Emit, Source, SourceRow } from './source';

export interface RunOptions {
  /** The log to load into (default 'o2c'; created with its name and kind if missing). */
  logId?: string;
  logName?: string;
  logKind?: string;
  /** Runs inside the run's transaction just before COMMIT (e.g. to save a source's watermarks). */
  beforeCommit?: (tx: Tx, result: IngestResult) => Promise<void>;
}

interface MergeCounts {
  events_added: number;
  objects_added: number;
  rows_duplicate: number;
  rows_rejected_at_merge: number;
}

const MERGE_STEPS = ['merge_prepare', 'merge_events', 'merge_objects', 'merge_relations', 'merge_bookkeeping'];
const LOG_NAMES: Record<string, string> = { o2c: 'Order to cash' };
/** TL_INGEST_PROFILE=1 prints the time of each phase to stderr (benchmarks). */
const profile = (label: string, since: number): void => {
  if (process.env.TL_INGEST_PROFILE) console.error(`${label} ${Math.round(performance.now() - since)} ms`);
};


function newRunId(kind: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${kind}-${stamp}-${randomBytes(3).toString('hex')}`;
}

export async function ensureLog(tx: Tx, logId: string, name?: string, kind = 'o2c'): Promise<void> {
  await tx.query('ingest/ensure_log', { log_id: logId, name: name ?? LOG_NAMES[logId] ?? logId, kind });
}

function mapRow<R extends SourceRow>(row: R, map: (row: R, out: Emit) => void, out: Collector): void {
  out.begin(row);
  try {
    if (row.malformed) throw new RowReject(row.malformed.field, row.malformed.reason);
    map(row, out);
  } catch (err) {
    if (err instanceof RowReject) out.reject(err);
    else throw new IngestError(`cannot map ${row.file} row ${row.row}: ${(err as Error).message}`, row.file, row.row);
  }
}

function asIngestError(err: unknown, where: string): IngestError {
  if (err instanceof IngestError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new IngestError(`${where}: ${msg}`, where);
}

export async function runIngest<R extends SourceRow>(
  store: Store,
  source: Source<R>,
  path: string,
  opts: RunOptions = {},
): Promise<IngestResult> {
  const logId = opts.logId ?? 'o2c';
  const startedAt = new Date();
  const runId = newRunId(source.kind, startedAt);
  const t0 = performance.now();
  const out = new Collector();
  const base = { runId, logId, sourceKind: source.kind, sourcePath: path };
  let where = `reading ${path}`;

  const stage = async (tx: Tx): Promise<void> => {
    const map = source.mapper();
    try {
      for await (const rows of source.read(path)) {
        reportRows(rows.length);
        for (const row of rows) mapRow(row, map, out);
        if (out.full) {
          where = `staging ${rows[rows.length - 1]?.file ?? path}`;
          await out.flush(tx);
        }
      }
      where = `staging ${path}`;
      await out.flush(tx);
      await out.settle();
    } catch (err) {
      // Never leave a batch being unpacked on the connection when the transaction ends.
      await out.settle().catch(() => undefined);
      throw err;
    }
    profile(`${source.kind} read+map+stage`, t0);
  };

  const merge = async (tx: Tx): Promise<IngestResult> => {
    where = `merging ${path}`;
    reportPhase('merging');
    for (const step of MERGE_STEPS) {
      const t = performance.now();
      await tx.script(`ingest/${step}`);
      profile(`${source.kind} ${step}`, t);
    }
    const [c] = await tx.query<MergeCounts>('ingest/merge_counts');
    const samples = await tx.query<{ file: string; row_no: number | null; field: string | null; reason: string }>(
      'ingest/reject_samples',
    );
    const rejected = out.rejected + c.rows_rejected_at_merge;
    return {
      ...base,
      status: 'succeeded',
      rowsRead: out.read,
      rowsLoaded: out.read - rejected - c.rows_duplicate,
      rowsRejected: rejected,
      rowsDuplicate: c.rows_duplicate,
      eventsAdded: c.events_added,
      objectsAdded: c.objects_added,
      rejectSamples: samples.map((s): RejectSample => ({ file: s.file, row: s.row_no, field: s.field, reason: s.reason })),
      durationMs: Math.round(performance.now() - t0),
    };
  };

  try {
    return await store.transaction(async (tx) => {
      // Nothing depends on physical row order (rec/ord carry source order), and without it DuckDB
      // inserts in parallel. A session setting of the writer connection: restored below.
      await tx.sql('SET preserve_insertion_order = false');
      try {
        await ensureLog(tx, logId, opts.logName, opts.logKind);
        await tx.script('ingest/stage_create');
        await tx.query('ingest/stage_run', { run_id: runId, log_id: logId, source_system: source.system });
        await stage(tx);
        const result = await merge(tx);
        await tx.query('ingest/run_insert', runRow(result, startedAt));
        await tx.script('ingest/stage_drop');
        if (opts.beforeCommit) {
          const t = performance.now();
          await opts.beforeCommit(tx, result);
          profile(`${source.kind} beforeCommit`, t);
        }
        return result;
      } finally {
        await tx.sql('RESET preserve_insertion_order').catch(() => undefined);
      }
    });
  } catch (err) {
    const failure = asIngestError(err, where);
    const result = failedResult(base, out.read, failure, t0);
    await store.transaction(async (tx) => {
      await ensureLog(tx, logId, opts.logName, opts.logKind);
      await tx.query('ingest/run_insert', runRow(result, startedAt));
    });
    throw failure;
  }
}

