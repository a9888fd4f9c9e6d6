// Where the XES tests find the public datasets: $THROUGHLINE_DATASETS, else ../shared/datasets
// from the repository root; small ones are copied into fixtures/datasets.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASETS = resolve(REPO_ROOT, process.env.THROUGHLINE_DATASETS ?? '../shared/datasets');
export const FIXTURE_DATASETS = join(REPO_ROOT, 'fixtures/datasets');
export const MALFORMED = join(REPO_ROOT, 'fixtures/malformed/xes');

/** A dataset file: the fixtures copy when there is one, else the shared folder. */
export function dataset(name: string): string {
  const local = join(FIXTURE_DATASETS, name);
  return existsSync(local) ? local : join(DATASETS, name);
}
