// The set-up of the tests that check the engine against the simulator: simulate a company into a
// temp folder, load it through the real ingestors into an in-memory store, build the case views.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type SimulateOptions } from '../../fixtures/sim/simulate';
import { ingestDirectory } from '../../ingest';
import { Store } from '../../sql';
import { refreshCaseViews } from '../refresh';

export interface SimulatedStore {
  dir: string;
  store: Store;
  /** The simulator's ground-truth.json. */
  truth: Record<string, unknown>;
  close(): void;
}

export async function simulatedStore(opts: Omit<SimulateOptions, 'outDir'>, prefix = 'tl-sim-'): Promise<SimulatedStore> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  await simulate({ ...opts, outDir: dir });
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, unknown>;
  const store = await Store.open(':memory:');
  await ingestDirectory(store, dir);
  await refreshCaseViews(store, 'o2c');
  return {
    dir,
    store,
    truth,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
