// Writes a parsed OCEL log (model.ts) into the canonical tables in ONE transaction, as its own
// ingest run (ingest_runs, source_kind 'ocel'). The file is read and validated completely before
// the transaction starts, so a malformed file changes nothing but adds a failed ingest_runs row.
//
// Why not ingest/pipeline: its collector derives object types from `<type>:` id prefixes and its
// merge resolves aliases and O2C headers; OCEL ids are arbitrary and every record is already
// resolved, so this loader stages OCEL rows directly (TEMP tables, sql/queries/ocel/*) and keeps
// the pipeline's contract: one run, one transaction, IngestResult/IngestError, ingest_runs.
//
// Mapping: events (activity = OCEL event type, ts UTC, attrs = event attributes), objects
// (object_type, attrs = latest value per attribute by time, file order breaking ties),
// object_changes = one row per OCEL object attribute entry (initial values at their time, usually
// 1970-01-01, and each timed change; old_value = the attribute's previous value), event_object and
// object_object with their qualifiers (as in the file, each relation once per qualifier).
import { reportPhase, reportRows } from '../progress';
import { randomBytes } from 'node:crypto';
import type { Store, Tx } from '../../sql';
import { IngestError, type IngestResult } from '../types';
import type { OcelLog, OcelValue } from './model';
import { failedResult, runRow } from '../pipeline/run-record';

export interface LoadOptions {
  logId: string;
  name?: string;
}


export function newRunId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `ocel-${stamp}-${randomBytes(3).toString('hex')}`;
}

export function valueText(v: OcelValue): string {
  return typeof v === 'string' ? v : String(v);
}

type Cell = string | number | null;

const CHUNK_ROWS = 4096;

/** Appends rows to ocel_stg_chunks as JSON arrays of CHUNK_ROWS rows (stage_unpack.sql reads them). */
async function stage(tx: Tx, table: string, rows: Cell[][]): Promise<void> {
  const chunks: [string, string][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) chunks.push([table, JSON.stringify(rows.slice(i, i + CHUNK_ROWS))]);
  if (chunks.length) await tx.append('ocel_stg_chunks', chunks);
}


/** Loads `read()`'s log; any failure (reading or writing) is recorded as a failed run and rethrown. */
export async function loadOcel(store: Store, path: string, read: () => Promise<OcelLog>, opts: LoadOptions): Promise<IngestResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const runId = newRunId(startedAt);
  const base = { runId, logId: opts.logId, sourceKind: 'ocel' as const, sourcePath: path };
  let read_ = 0;
  try {
    const log = await read();
    read_ = log.events.length + log.objects.length;
    reportRows(read_);
    reportPhase('merging');
    return await store.transaction(async (tx) => {
      const [existing] = await tx.query<{ kind: string }>('ocel/log_kind', { log_id: opts.logId });
      if (existing && existing.kind !== 'ocel') {
        throw new IngestError(`log "${opts.logId}" is a ${existing.kind} log; import OCEL files into a log of their own`, path);
      }
      await tx.query('ingest/ensure_log', { log_id: opts.logId, name: opts.name ?? opts.logId, kind: 'ocel' });
      const have = { event: new Set<string>(), object: new Set<string>() };
      for (const r of await tx.query<{ what: 'event' | 'object'; id: string }>('ocel/existing_ids', { log_id: opts.logId })) {
        have[r.what].add(r.id);
      }
      await tx.script('ocel/stage_create');
      await tx.query('ocel/stage_run', { run_id: runId, log_id: opts.logId, source_file: path });

      const objects: Cell[][] = [];
      const changes: Cell[][] = [];
      const oo: Cell[][] = [];
      let dup = 0;
      for (const o of log.objects) {
        if (have.object.has(o.id)) {
          dup++;
          continue;
        }
        const ordered = o.attrs.map((a, i) => ({ a, i })).sort((x, y) => x.a.time - y.a.time || x.i - y.i);
        const current: Record<string, OcelValue> = {};
        for (const { a } of ordered) {
          const old = Object.prototype.hasOwnProperty.call(current, a.name) ? valueText(current[a.name]) : null;
          changes.push([changes.length + 1, o.id, a.time, a.name, old, valueText(a.value)]);
          current[a.name] = a.value;
        }
        objects.push([o.id, o.type, JSON.stringify(current)]);
        const seen = new Set<string>();
        for (const [target, q] of o.rels) {
          const k = `${target}\u0000${q}`;
          if (seen.has(k)) continue;
          seen.add(k);
          oo.push([o.id, target, q]);
        }
      }
      const events: Cell[][] = [];
      const eo: Cell[][] = [];
      let ord = 0;
      for (const e of log.events) {
        if (have.event.has(e.id)) {
          dup++;
          continue;
        }
        events.push([++ord, e.id, e.type, e.time, JSON.stringify(e.attrs)]);
        const seen = new Set<string>();
        for (const [oid, q] of e.rels) {
          const k = `${oid}\u0000${q}`;
          if (seen.has(k)) continue;
          seen.add(k);
          eo.push([e.id, oid, q]);
        }
      }
      const prof = process.env.TL_INGEST_PROFILE ? performance.now() : 0;
      await stage(tx, 'events', events);
      await stage(tx, 'objects', objects);
      await stage(tx, 'changes', changes);
      await stage(tx, 'eo', eo);
      await stage(tx, 'oo', oo);
      await tx.script('ocel/stage_unpack');
      if (prof) console.error(`ocel stage ${Math.round(performance.now() - prof)} ms`);
      await tx.script('ocel/merge');
      if (prof) console.error(`ocel stage+merge ${Math.round(performance.now() - prof)} ms`);
      await tx.script('ocel/stage_drop');
      const result: IngestResult = {
        ...base,
        status: 'succeeded',
        rowsRead: read_,
        rowsLoaded: read_ - dup,
        rowsRejected: 0,
        rowsDuplicate: dup,
        eventsAdded: events.length,
        objectsAdded: objects.length,
        rejectSamples: [],
        durationMs: Math.round(performance.now() - t0),
      };
      await tx.query('ingest/run_insert', runRow(result, startedAt));
      return result;
    });
  } catch (err) {
    const failure = err instanceof IngestError ? err : new IngestError(`${path}: ${(err as Error).message}`, path);
    const result = failedResult(base, read_, failure, t0);
    await store.transaction((tx) => tx.query('ingest/run_insert', runRow(result, startedAt)));
    throw failure;
  }
}
