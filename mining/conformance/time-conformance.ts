// Times the conformance refresh and the summary reader on a store whose case view is built.
// Usage: npx tsx mining/conformance/time-conformance.ts <store.duckdb> [logId=o2c] [repeats=3]
import { Store } from '../../sql';
import { refreshConformance } from './refresh';
import { conformanceSummary } from './read';

const [path, logArg, repeatsArg] = process.argv.slice(2);
if (!path) throw new Error('usage: tsx mining/conformance/time-conformance.ts <store.duckdb> [logId] [repeats]');
const logId = logArg ?? 'o2c';
const store = await Store.open(path);
const [{ perspective, events }] = await store.sql<{ perspective: string; events: number }>(
  `SELECT perspective, count(*)::INTEGER AS events FROM case_trace WHERE log_id = $l GROUP BY 1 ORDER BY 2 DESC LIMIT 1`, { l: logId });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
for (let i = 0; i < Number(repeatsArg ?? 3); i++) {
  const c0 = cpu();
  const t0 = performance.now();
  const r = await store.transaction((tx) => refreshConformance(tx, logId, perspective));
  const wall = (performance.now() - t0) / 1000;
  const c1 = cpu();
  const t1 = performance.now();
  const s = await conformanceSummary(store, { logId, perspective });
  const sumWall = (performance.now() - t1) / 1000;
  console.log(
    `${r.cases.toLocaleString('en-US')} cases, ${events.toLocaleString('en-US')} events: refresh ${wall.toFixed(2)} s wall incl. commit ` +
      `(cpu ${(c1 - c0).toFixed(2)} s; stream+check ${r.seconds.stream.toFixed(2)} s, append ${r.seconds.append.toFixed(2)} s; ` +
      `${r.deviations.toLocaleString('en-US')} deviations, ${r.violations.toLocaleString('en-US')} violations); ` +
      `summary ${sumWall.toFixed(2)} s (cpu ${(cpu() - c1).toFixed(2)} s); mean fitness ${s.meanFitness?.toFixed(4)}, fitting ${s.shareFitting?.toFixed(4)}`,
  );
}
store.close();
