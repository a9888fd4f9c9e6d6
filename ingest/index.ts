// The ingest facade: load one source (a folder or a file) or a whole simulator output folder.
// Each call is one run: everything loads in one transaction, or nothing does (IngestError).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../sql';
import { billingSource } from './billing/source';
import { runIngest, type RunOptions } from './pipeline/run';
import type { Source, SourceRow } from './pipeline/source';
import { sapSource } from './sap/source';
import { IngestError, SOURCE_KINDS, type IngestResult, type SourceKind } from './types';
import { wmsEventsSource } from './wms/events';
import { wmsLegacySource } from './wms/legacy';

export { SOURCE_KINDS, IngestError, type IngestResult, type SourceKind, type RejectSample } from './types';
export type { RunOptions } from './pipeline/run';

type Runner = (store: Store, path: string, opts: RunOptions) => Promise<IngestResult>;

const runner =
  <R extends SourceRow>(source: Source<R>): Runner =>
  (store, path, opts) =>
    runIngest(store, source, path, opts);

const RUNNERS: Record<SourceKind, Runner> = {
  sap: runner(sapSource),
  'wms-legacy': runner(wmsLegacySource),
  'wms-events': runner(wmsEventsSource),
  billing: runner(billingSource),
};

/**
 * Loads one source into the log (default 'o2c', created if missing). `path` is the source's folder
 * (`sap/`, `wms-legacy/`, `wms-events/`, `billing/`) or a single file of it. Resolves with the run's
 * counts; rejects with an IngestError (file, row, field; `.result` = the failed run) when a file
 * cannot be read, in which case nothing was written but the failed ingest_runs row.
 */
export function ingest(store: Store, kind: SourceKind, path: string, opts: RunOptions = {}): Promise<IngestResult> {
  const run = RUNNERS[kind];
  if (!run) return Promise.reject(new IngestError(`unknown source kind "${String(kind)}"`, path));
  return run(store, path, opts);
}

/**
 * Loads a simulator output folder: sap, wms-legacy, wms-events, billing, in that order, each as
 * its own run; a missing sub-folder is skipped. Stops at the first failing run (earlier runs stay
 * loaded) and rethrows its IngestError.
 */
export async function ingestDirectory(store: Store, dir: string, opts: RunOptions = {}): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const kind of SOURCE_KINDS) {
    const path = join(dir, kind);
    if (!existsSync(path)) continue;
    results.push(await ingest(store, kind, path, opts));
  }
  if (results.length === 0) {
    throw new IngestError(`no source folders (${SOURCE_KINDS.join(', ')}) in ${dir}`, dir);
  }
  return results;
}
