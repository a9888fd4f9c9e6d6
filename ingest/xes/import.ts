// The XES import (fast path): the scanner writes each file's events and traces as compact lines
// to two temporary TSV files (tsv.ts; memory does not grow with the file), then DuckDB reads them
// and set-based statements (sql/queries/ingest/xes/fast-*.sql) write events, case objects, links
// and rejects, with the log metadata, the activity instances and the ingest_runs row, in ONE
// transaction. The same rules as the pipeline (ingest/pipeline), which this replaces for XES: an
// event id the log already has is a duplicate, seq = the store's last seq + the event's position
// among the run's accepted events, rejects are stored once. The temporary files are removed
// whatever happens.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { frag, type Store, type Tx } from '../../sql';
import { reportPhase, reportRows } from '../progress';
import { listFiles } from '../pipeline/files';
import { failedResult, runRow } from '../pipeline/run-record';
import { IngestError, type IngestResult, type RejectSample } from '../types';
import { scanXesFile, type XesLimits, type XesLogMeta } from './read';
import { LineFile, tsvHandler, type TsvCounts, type TsvFiles } from './tsv';

/** With TL_INGEST_PROFILE set, prints a step's time (wall and process CPU) to stderr. */
async function step<T>(label: string, p: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await p();
  if (process.env.TL_INGEST_PROFILE) {
    const used = process.cpuUsage(cpu);
    console.error(`xes ${label} ${Math.round(performance.now() - t)} ms (cpu ${Math.round((used.user + used.system) / 1000)} ms)`);
  }
  return r;
}

/** read_csv's max_line_size for lines of at most `chars` UTF-16 units (≤ 3 bytes each in UTF-8). */
const maxLineBytes = (chars: number): number => Math.max(2 << 20, chars * 3 + 1024);

export interface FastImportOptions {
  logId: string;
  limits: XesLimits;
  meta: XesLogMeta;
  /** Stores the log metadata (log_attributes), inside the transaction. */
  writeMeta: (tx: Tx) => Promise<void>;
}

export async function importXesFast(store: Store, path: string, opts: FastImportOptions): Promise<IngestResult> {
  const { logId, limits, meta } = opts;
  const startedAt = new Date();
  const runId = `xes-${startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  const t0 = performance.now();
  const base = { runId, logId, sourceKind: 'xes' as const, sourcePath: path };
  const counts: TsvCounts = { traces: 0, events: 0, ord: 0, rejected: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'throughline-xes-'));
  try {
    const files = listFiles(path, (f) => /\.xes(\.gz)?$/i.test(f));
    const out: TsvFiles = {
      events: new LineFile(join(dir, 'events.tsv')),
      traces: new LineFile(join(dir, 'traces.tsv')),
      rejects: new LineFile(join(dir, 'rejects.tsv')),
      // Activity instances paired while scanning: only usable for one file (a case is one trace).
      instances: files.length === 1 ? new LineFile(join(dir, 'instances.tsv')) : null,
    };
    const { events, traces, rejects, instances } = out;
    try {
      await step('scan+write', async () => {
        let reported = 0;
        for (let i = 0; i < files.length; i++) {
          for await (const _ of scanXesFile(files[i], limits, (scanner) => tsvHandler(scanner, i + 1, meta, out, counts))) {
            const rows = counts.traces + counts.events;
            if (rows - reported >= 4096) {
              reportRows(rows - reported);
              reported = rows;
            }
          }
        }
        reportRows(counts.traces + counts.events - reported);
      });
    } finally {
      for (const f of [events, traces, rejects, instances]) f?.close();
    }
    const rowsRead = counts.traces + counts.events;
    return await store.transaction(async (tx) => {
      reportPhase('merging');
      const fileList = files.map((f, i) => ({ no: i + 1, name: f.name, base: basename(f.name) }));
      await tx.query('ingest/xes/fast-run', { run_id: runId, log_id: logId, files: JSON.stringify(fileList) });
      await tx.script('ingest/xes/fast-events-view', { path: frag.literal(events.path), max_line: frag.integer(maxLineBytes(events.maxLine)) });
      await step('read traces', () => tx.query('ingest/xes/fast-read-traces', { path: traces.path, max_line: maxLineBytes(traces.maxLine) }));
      await tx.query('ingest/xes/fast-read-rejects', { path: rejects.path, max_line: maxLineBytes(rejects.maxLine) });
      await step('prepare', () => tx.script('ingest/xes/fast-prepare'));
      const [{ fresh }] = await tx.query<{ fresh: boolean }>('ingest/xes/fast-fresh');
      await step('duplicates', () => tx.script(fresh ? 'ingest/xes/fast-present-none' : 'ingest/xes/fast-present'));
      await step('insert events', () => tx.query('ingest/xes/fast-insert-events'));
      await step('insert objects', () => tx.script('ingest/xes/fast-insert-objects'));
      await step('insert links+rejects', () => tx.script('ingest/xes/fast-insert-links'));
      const [c] = await tx.query<{ objects_added: number; rows_duplicate: number }>('ingest/xes/fast-counts');
      const samples = await tx.query<{ file: string; row_no: number | null; field: string | null; reason: string }>('ingest/xes/fast-reject-samples');
      const result: IngestResult = {
        ...base,
        status: 'succeeded',
        rowsRead,
        rowsLoaded: rowsRead - counts.rejected - c.rows_duplicate,
        rowsRejected: counts.rejected,
        rowsDuplicate: c.rows_duplicate,
        eventsAdded: counts.ord - c.rows_duplicate,
        objectsAdded: c.objects_added,
        rejectSamples: samples.map((s): RejectSample => ({ file: s.file, row: s.row_no, field: s.field, reason: s.reason })),
        durationMs: Math.round(performance.now() - t0),
      };
      await tx.query('ingest/run_insert', runRow(result, startedAt));
      await step('metadata', () => opts.writeMeta(tx));
      // Activity instances: as paired by the scanner when the log had no events before this run
      // (the usual first import), else from everything the log now holds.
      await step('activity instances', async () => {
        await tx.query('ingest/xes/activity-instances-clear', { log_id: logId });
        if (fresh && instances) {
          await tx.query('ingest/xes/fast-activity-instances', { path: instances.path, max_line: maxLineBytes(instances.maxLine) });
        } else {
          await tx.query('ingest/xes/activity-instances-events', { log_id: logId });
          await tx.query('ingest/xes/activity-instances', { log_id: logId });
        }
      });
      await tx.script('ingest/xes/fast-drop');
      return result;
    });
  } catch (err) {
    const failure = err instanceof IngestError ? err : new IngestError(`importing ${path}: ${err instanceof Error ? err.message : String(err)}`, path);
    const result = failedResult(base, counts.traces + counts.events, failure, t0);
    await store.transaction(async (tx) => {
      await tx.query('ingest/run_insert', runRow(result, startedAt));
    });
    throw failure;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
