// Test helpers for the OCEL tests: where the datasets are, and the figures of a log.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../sql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared datasets folder: THROUGHLINE_DATASETS, default ../shared/datasets from the repo root. */
export function datasetsDir(): string {
  return resolve(ROOT, process.env.THROUGHLINE_DATASETS ?? '../shared/datasets');
}

/** A dataset file: the project's copy in fixtures/datasets if there is one, else the shared folder. */
export function dataset(name: string): string {
  const local = join(ROOT, 'fixtures/datasets', name);
  return existsSync(local) ? local : join(datasetsDir(), name);
}

export function malformed(name: string): string {
  return join(ROOT, 'fixtures/malformed/ocel', name);
}

export interface OcelCounts {
  events: number;
  objects: number;
  event_types: number;
  object_types: number;
  e2o: number;
  o2o: number;
  attribute_rows: number;
}

export async function ocelCounts(store: Store, logId: string): Promise<OcelCounts> {
  const [c] = await store.query<OcelCounts>('ocel/counts', { log_id: logId });
  return c;
}

export async function canonicalDump(store: Store, logId: string): Promise<string[]> {
  return (await store.query<{ line: string }>('ocel/canonical_dump', { log_id: logId })).map((r) => r.line);
}
