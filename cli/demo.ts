// The demo dataset travels the same road as real data: simulator files on disk, then the real
// ingestors, then the case-view refresh.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEMO_SEED = 7;

/** Public example logs loaded beside the simulated company (fixtures/datasets). */
export const DEMO_LOGS = [
  { file: 'running-example.xes', logId: 'running-example', name: 'Running example (XES)' },
  { file: 'ocel20_example.jsonocel', logId: 'ocel-example', name: 'Order management example (OCEL 2.0)' },
] as const;

export async function loadDemoIfEmpty(storePath: string, orders: number, log: (s: string) => void): Promise<void> {
  const { Store } = await import('../sql');
  const store = await Store.open(storePath);
  try {
    const [t] = await store.query<{ events: number }>('store/totals');
    if (t.events > 0) {
      log(`Store ${storePath} already holds ${t.events.toLocaleString('en-US')} events; not loading demo data.`);
      await seedNotebooks(store, log); // a demo store from before notebooks gets the starters once
      return;
    }
    const { simulate } = await import('../fixtures/sim/simulate');
    const { ingestDirectory } = await import('../ingest');
    const { logPerspectives, refreshAndPrepare, refreshCaseViews } = await import('../mining');
    const dir = join(storePath, '..', `demo-source-${DEMO_SEED}-${orders}`);
    if (!existsSync(join(dir, 'ground-truth.json'))) {
      log(`Simulating ${orders.toLocaleString('en-US')} demo orders into ${dir}…`);
      await simulate({ orders, seed: DEMO_SEED, outDir: dir });
    }
    log('Loading them through the SAP, WMS and billing ingestors…');
    const results = await ingestDirectory(store, dir);
    for (const r of results) {
      log(`  ${r.sourceKind.padEnd(11)} ${r.status}: ${r.eventsAdded.toLocaleString('en-US')} events, ${r.rowsRejected} rejected rows`);
    }
    await refreshAndPrepare(store, 'o2c');
    // Two small public logs beside it, so the log switcher and the generic pages (map, variants,
    // cases) show a case-centric and an object-centric log too.
    const { importFile } = await import('../ingest/import-file');
    const datasets = fileURLToPath(new URL('../fixtures/datasets', import.meta.url));
    for (const d of DEMO_LOGS) {
      const r = await importFile(store, join(datasets, d.file), { logId: d.logId, name: d.name });
      const [main] = await logPerspectives(store, d.logId);
      await refreshCaseViews(store, d.logId, main);
      log(`  ${d.logId.padEnd(16)} ${r.status}: ${r.eventsAdded.toLocaleString('en-US')} events (${d.file})`);
    }
    await seedNotebooks(store, log);
  } finally {
    store.close();
  }
}

/** The starter notebooks (notebooks/starters), once per store: a deleted one stays deleted. */
async function seedNotebooks(store: import('../sql').Store, log: (s: string) => void): Promise<void> {
  const { seedStarterNotebooks } = await import('../notebooks/store');
  const added = await seedStarterNotebooks(store);
  if (added > 0) log(`  notebooks        ${added} starter notebooks (open /notebooks)`);
}
