// XES import/export facade. importXes registers the log with kind 'xes', then by default runs the
// fast path (import.ts: the scanner writes TSV, DuckDB loads it with set-based SQL); events, case
// objects, links, rejects, the log's file-level content (log_attributes) and its activity
// instances land in ONE transaction (an IngestError leaves the canonical tables untouched).
// `via: 'pipeline'` runs the shared staging pipeline (ingest/pipeline/run.ts) with the XES mapper
// (map.ts) instead: the reference the fast path is tested against, table by table
// (xes-paths.test.ts), and the "before" of bench/xes-bench.ts --pipeline.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store, Tx } from '../../sql';
import { runIngest } from '../pipeline/run';
import { IngestError, type IngestResult } from '../types';
import { xesSource } from './map';
import { DEFAULT_LIMITS, emptyMeta, type XesLimits, type XesLogMeta } from './read';
import { toStored } from './map';
import { importXesFast } from './import';

export { exportXes, type ExportResult } from './export';
export { parseXesTimestamp } from './map';
export { DEFAULT_LIMITS, type XesLimits } from './read';

export interface ImportXesOptions {
  logId: string;
  /** Display name of the log when it is created (default: the file name). */
  name?: string;
  /** Parser limits (tests lower them). */
  limits?: Partial<XesLimits>;
  /**
   * `fast` (default): the scanner writes TSV that DuckDB loads with set-based SQL (import.ts).
   * `pipeline`: the shared staging pipeline (map.ts), kept as the reference the fast path is
   * tested against (xes-paths.test.ts).
   */
  via?: 'fast' | 'pipeline';
}

async function writeMeta(tx: Tx, logId: string, meta: XesLogMeta): Promise<void> {
  await tx.query('ingest/xes/meta-clear', { log_id: logId });
  // One statement for all rows (bpic2012 has about a hundred; one query each took ~0.2 s).
  const rows: { scope: string; ord: number; key: string; value: unknown }[] = [];
  const put = (scope: string, key: string, value: unknown) => rows.push({ scope, ord: rows.length + 1, key, value });
  for (const [k, v] of Object.entries(meta.xes)) put('xes', k, v);
  for (const e of meta.extensions) put('extension', e.prefix, { name: e.name, uri: e.uri });
  for (const g of meta.globals) for (const a of g.attrs) put(`global:${g.scope}`, a.key, toStored(a, false));
  for (const c of meta.classifiers) put('classifier', c.name, { keys: c.keys, scope: c.scope });
  for (const a of meta.attributes) put('log', a.key, toStored(a, false));
  if (rows.length) await tx.query('ingest/xes/meta-insert-all', { log_id: logId, rows: JSON.stringify(rows) });
}

/** Imports one .xes or .xes.gz file (or a folder of them) into the log `logId`. */
export async function importXes(store: Store, path: string, opts: ImportXesOptions): Promise<IngestResult> {
  const logId = opts.logId;
  try {
    if (!statSync(path).isFile() && !statSync(path).isDirectory()) throw new Error('not a file');
  } catch (err) {
    throw new IngestError(`cannot read ${path}: ${(err as Error).message}`, path);
  }
  const [info] = await store.query<{ kind: string; events: number }>('ingest/xes/log-info', { log_id: logId });
  if (info && info.kind !== 'xes' && info.events > 0) {
    throw new IngestError(`the log "${logId}" is a ${info.kind} log; import XES into a new or an XES log`, path);
  }
  await store.transaction(async (tx) => {
    await tx.query('ingest/xes/log-register', { log_id: logId, name: opts.name ?? basename(path).replace(/\.xes(\.gz)?$/i, ''), kind: 'xes' });
    if (info && info.kind !== 'xes') await tx.query('ingest/xes/log-set-kind', { log_id: logId, kind: 'xes' });
  });
  const meta = emptyMeta();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if ((opts.via ?? 'fast') === 'fast') return importXesFast(store, path, { logId, limits, meta, writeMeta: (tx) => writeMeta(tx, logId, meta) });
  const finish = async (tx: Tx): Promise<void> => {
    await writeMeta(tx, logId, meta);
    await tx.query('ingest/xes/activity-instances-clear', { log_id: logId });
    await tx.query('ingest/xes/activity-instances-events', { log_id: logId });
    await tx.query('ingest/xes/activity-instances', { log_id: logId });
    await tx.sql('DROP TABLE IF EXISTS xes_ai_ev');
  };
  return runIngest(store, xesSource(meta, limits), path, { logId, beforeCommit: finish });
}
