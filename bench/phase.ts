// One benchmark phase in its own process, so its peak RSS (maxRSS) is its own.
// Usage: tsx bench/phase.ts simulate|ingest|refresh <dir> <store> <orders>
import { performance } from 'node:perf_hooks';

const [phase, dir, storePath, ordersArg] = process.argv.slice(2);
const orders = Number(ordersArg);
const t0 = performance.now();
let detail: Record<string, unknown> = {};

if (phase === 'simulate') {
  const { simulate } = await import('../fixtures/sim/simulate');
  const truth = await simulate({ orders, seed: 42, outDir: dir });
  detail = { events: truth.counts.events };
} else if (phase === 'ingest') {
  const { Store } = await import('../sql');
  const { ingestDirectory } = await import('../ingest');
  const store = await Store.open(storePath);
  const results = await ingestDirectory(store, dir);
  detail = Object.fromEntries(results.map((r) => [r.sourceKind, { seconds: r.durationMs / 1000, rows: r.rowsRead, events: r.eventsAdded }]));
  store.close();
} else if (phase === 'refresh') {
  const { Store } = await import('../sql');
  const { refreshCaseViews, processMap, overviewKpis } = await import('../mining');
  const store = await Store.open(storePath);
  await refreshCaseViews(store, 'o2c');
  const t1 = performance.now();
  const map = await processMap(store, { logId: 'o2c', perspective: 'order' });
  const t2 = performance.now();
  await overviewKpis(store, { logId: 'o2c' });
  const t3 = performance.now();
  detail = { refreshSeconds: (t1 - t0) / 1000, mapSeconds: (t2 - t1) / 1000, kpiSeconds: (t3 - t2) / 1000, cases: map.totalCases };
  store.close();
} else {
  throw new Error(`unknown phase ${phase}`);
}

const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ phase, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, ...detail }) + '\n');
