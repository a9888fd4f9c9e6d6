// Times the case-view refresh, the process map and the overview KPIs on a store file; writes a
// synthetic O2C log of N orders into it first when it is empty.
// Usage: npx tsx mining/testing/time-refresh.ts <store.duckdb> [orders=100000] [repeats=3]
import { Store } from '../../sql';
import { refreshCaseViews } from '../refresh';
import { processMap } from '../process-map';
import { overviewKpis } from '../kpis';
import { writeSyntheticLog } from './synthetic';

const [path, ordersArg, repeatsArg] = process.argv.slice(2);
if (!path) throw new Error('usage: tsx mining/testing/time-refresh.ts <store.duckdb> [orders] [repeats]');
const store = await Store.open(path);
const [{ n }] = await store.sql<{ n: number }>("SELECT count(*) AS n FROM events WHERE log_id = 'o2c'");
if (n === 0) {
  const t = performance.now();
  const events = await writeSyntheticLog(store, Number(ordersArg ?? 100_000));
  console.log(`wrote ${events.toLocaleString('en-US')} synthetic events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
// Wall seconds and CPU seconds (all DuckDB threads): on a busy machine CPU time is the steadier figure.
const secs = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  const c = process.cpuUsage();
  await f();
  const d = process.cpuUsage(c);
  return `${((performance.now() - t) / 1000).toFixed(2)} s (cpu ${((d.user + d.system) / 1e6).toFixed(2)} s)`;
};
for (let i = 0; i < Number(repeatsArg ?? 3); i++) {
  const c = process.cpuUsage();
  const r = await refreshCaseViews(store, 'o2c');
  const d = process.cpuUsage(c);
  const steps = Object.entries(r.steps).filter(([, s]) => s >= 0.05).map(([k, s]) => `${k} ${s.toFixed(2)}`).join(', ');
  const map = await secs(() => processMap(store, { logId: 'o2c' }));
  const map50 = await secs(() => processMap(store, { logId: 'o2c', activityPct: 50, pathPct: 30 }));
  const kpis = await secs(() => overviewKpis(store, { logId: 'o2c' }));
  console.log(
    `${r.cases.toLocaleString('en-US')} cases, ${r.caseEvents.toLocaleString('en-US')} case events: refresh ${r.seconds.toFixed(2)} s (cpu ${((d.user + d.system) / 1e6).toFixed(2)} s; ${steps}); ` +
      `map ${map}, map 50%/30% ${map50}, overview KPIs ${kpis}`,
  );
}
store.close();
