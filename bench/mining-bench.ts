// Mining operations on large logs next to naive DuckDB SQL, measured in the same run.
//
// For each synthetic case-centric log (default 1M and 5M events) the script writes a Parquet file,
// imports it into a fresh store file with the CSV/Parquet importer and prepares it
// (refreshCaseViews: the prepared trace, cases, variants), then times each operation, ours and
// the naive SQL baseline interleaved, R times (default 3; median reported):
//   frequency DFG, performance DFG, variants, case durations, and with a filter selecting ~30 % of
//   the cases: map + variants + durations (what the dashboard asks after a filter change).
// Ours: processMap / variants / caseDurations (mining/), as the dashboard calls them.
// Naive: the obvious window-function / string_agg / min-max queries, on two inputs:
//   raw  = the store's own events ⋈ event_object (where the case id lives in the canonical model);
//   flat = a flat (case_id, activity, ts, seq) table, the layout pm4py and most SQL examples assume
//          (built once per process, its build time printed, not counted).
// With --o2c ORDERS a simulated O2C log (fixtures/sim → ingestors, the order perspective) is
// measured too; a raw-table baseline has no single case column there, so only `flat` (built from
// the order traces) is the baseline.
//
// Each phase (import, preparation, the timed operations) runs in a fresh process, so its peak RSS
// is its own. Usage:
//   npx tsx bench/mining-bench.ts [--events 1000000,5000000] [--o2c ORDERS] [--store PATH] [--repeats 3]
//   --events 0 skips the synthetic logs; --store PATH reuses an O2C store (simulated and ingested)
//   instead of simulating one; a synthetic store is always built fresh.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Store, defaultMemoryLimit } from '../sql';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const secs = (t0: number) => (performance.now() - t0) / 1000;

// ---------------------------------------------------------------------------------------------
// The synthetic log: 10–20 events per case (15 on average), 25 activities. Each case follows one
// of four base flows (skewed: the first is the most common) through the activity list; each event
// deviates with probability 12 % to an activity drawn with a quadratic skew, so there is a head of
// frequent variants and a long tail. Gaps depend on the activity (minutes to hours) with rare
// multi-day waits. Cases start uniformly over 2024; rows are written in time order, like an
// export from a database.
async function generate(file: string, events: number): Promise<void> {
  const store = await Store.open(':memory:');
  const cases = Math.round(events / 15);
  await store.sql(`CREATE TABLE c AS
    SELECT c, 10 + hash(c, 1) % 11 AS n, floor(4 * pow((hash(c, 2) % 10000) / 10000.0, 2))::INTEGER AS flow,
           TIMESTAMP '2024-01-01' + to_seconds((hash(c, 3) % (366 * 86400))::BIGINT) AS t0
    FROM range(${cases}) t(c)`);
  await store.sql(`CREATE TABLE g AS
    WITH e AS (
      SELECT c.c, k, t0,
             CASE WHEN hash(c.c, k, 4) % 100 < 12 THEN floor(25 * pow((hash(c.c, k, 5) % 10000) / 10000.0, 2))::INTEGER
                  ELSE (k + 3 * flow + CASE WHEN k > 6 AND flow = 1 THEN 2 ELSE 0 END) % 25 END AS a,
             (60 + hash(c.c, k, 6) % 3600) * (1 + ((k + flow) % 5))
               + CASE WHEN hash(c.c, k, 7) % 100 < 3 THEN hash(c.c, k, 8) % (5 * 86400) ELSE 0 END AS gap
      FROM c, LATERAL (SELECT unnest(range(c.n::BIGINT)) AS k)
    )
    SELECT 'C' || lpad(c::VARCHAR, 8, '0') AS case_id,
           'Activity ' || lpad((a + 1)::VARCHAR, 2, '0') AS activity,
           strftime(t0 + to_seconds(sum(gap) OVER (PARTITION BY c ORDER BY k)::BIGINT), '%Y-%m-%d %H:%M:%S') AS ts,
           'user' || (hash(c, k, 9) % 200) AS resource
    FROM e`);
  await store.sql(`COPY (SELECT * FROM g ORDER BY ts, case_id) TO '${file}' (FORMAT parquet)`);
  store.close();
}

// ---------------------------------------------------------------------------------------------
// Phase: import (synthetic) and prepare, in a fresh process.
async function prepare(kind: 'synthetic' | 'o2c', file: string, storePath: string): Promise<void> {
  const { refreshCaseViews } = await import('../mining/refresh');
  const store = await Store.open(storePath);
  let importSeconds = 0;
  if (kind === 'synthetic') {
    const { importTable } = await import('../ingest/csv');
    const t = performance.now();
    await importTable(store, file, { case: 'case_id', activity: 'activity', timestamp: 'ts', resource: 'resource' }, { logId: 'bench' });
    importSeconds = secs(t);
  }
  const logId = kind === 'synthetic' ? 'bench' : 'o2c';
  const r = await refreshCaseViews(store, logId);
  const [v] = await store.sql<{ variants: number }>('SELECT count(*)::BIGINT AS variants FROM case_variants WHERE log_id = $l AND perspective = $p', { l: logId, p: r.perspective });
  store.close();
  out({ importSeconds, prepareSeconds: r.seconds, steps: r.steps, cases: r.cases, events: r.caseEvents, variants: v.variants, peakRssMb: rss() });
}

function out(x: unknown): void {
  process.stdout.write(`${JSON.stringify(x)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Naive SQL. `T` is the trace source: (case_id, activity, ts, seq); `SEL` restricts it to the
// filtered cases (or is empty).
const naiveSource = {
  raw: `(SELECT eo.object_id AS case_id, e.activity, e.ts, e.seq
         FROM events e JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
         WHERE e.log_id = 'bench')`,
  flat: 'bench_flat',
};

const naive = {
  freq: (T: string) => `SELECT prev, activity, count(*) AS n FROM (
      SELECT activity, lag(activity) OVER (PARTITION BY case_id ORDER BY ts, seq) AS prev FROM ${T}
    ) GROUP BY prev, activity`,
  perf: (T: string) => `SELECT prev, activity, count(*) AS n, median(d) AS med, avg(d) AS mean, quantile_cont(d, 0.9) AS p90 FROM (
      SELECT activity, lag(activity) OVER w AS prev, epoch(ts) - epoch(lag(ts) OVER w) AS d
      FROM ${T} WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq)
    ) GROUP BY prev, activity`,
  variants: (T: string) => `SELECT variant, count(*) AS cases FROM (
      SELECT case_id, string_agg(activity, ',' ORDER BY ts, seq) AS variant FROM ${T} GROUP BY case_id
    ) GROUP BY variant ORDER BY cases DESC LIMIT 100`,
  durations: (T: string) => `SELECT count(*) AS cases, avg(d) AS mean, median(d) AS med, quantile_cont(d, 0.1) AS p10,
      quantile_cont(d, 0.9) AS p90, min(d) AS mn, max(d) AS mx FROM (
      SELECT epoch(max(ts)) - epoch(min(ts)) AS d FROM ${T} GROUP BY case_id
    )`,
};

/** The trace source restricted to the filtered cases (the naive way: a per-case CTE). */
const naiveFiltered = (T: string, cond: string) =>
  `(SELECT * FROM ${T} WHERE case_id IN (SELECT case_id FROM ${T} GROUP BY case_id HAVING ${cond}))`;

// ---------------------------------------------------------------------------------------------
// Phase: the timed operations, ours and naive interleaved, in a fresh process.
async function operations(kind: 'synthetic' | 'o2c', storePath: string, repeats: number): Promise<void> {
  const { processMap } = await import('../mining/process-map');
  const { variants, caseDurations } = await import('../mining/views');
  const logId = kind === 'synthetic' ? 'bench' : 'o2c';
  const perspective = kind === 'synthetic' ? 'case' : 'order';
  const store = await Store.open(storePath);

  // The flat baseline table, built once (not timed as an operation).
  let t = performance.now();
  await store.sql(`CREATE OR REPLACE TABLE bench_flat AS
    SELECT t.case_id, t.activity, t.ts, t.event_seq AS seq, c.segment, c.start_ts AS case_start
    FROM case_trace t JOIN cases c ON c.log_id = t.log_id AND c.perspective = t.perspective AND c.case_no = t.case_no
    WHERE t.log_id = '${logId}' AND t.perspective = '${perspective}'`);
  const flatSeconds = secs(t);

  // The filter: ~30 % of the cases. Synthetic: cases started in a window of the year; O2C: a segment.
  let filter: import('../mining/filter/types').Filter;
  let cond: string; // the same selection for the naive queries (a HAVING over one case's rows)
  let flatCond: string;
  if (kind === 'synthetic') {
    const [q] = await store.sql<{ a: string; b: string }>(
      `SELECT strftime(quantile_disc(start_ts, 0.35), '%Y-%m-%dT%H:%M:%S') AS a, strftime(quantile_disc(start_ts, 0.65), '%Y-%m-%dT%H:%M:%S') AS b
       FROM cases WHERE log_id = '${logId}' AND perspective = '${perspective}'`,
    );
    filter = { kind: 'timeframe', from: q.a, to: q.b, mode: 'started' };
    cond = `min(ts) >= TIMESTAMP '${q.a}' AND min(ts) < TIMESTAMP '${q.b}'`;
    flatCond = cond;
  } else {
    filter = { kind: 'attribute', attribute: 'segment', values: ['KA'] };
    cond = '';
    flatCond = `any_value(segment) = 'KA'`;
  }
  const [share] = await store.sql<{ s: number }>(
    `SELECT avg(CASE WHEN ${kind === 'synthetic' ? `start_ts >= TIMESTAMP '${(filter as { from: string }).from}' AND start_ts < TIMESTAMP '${(filter as { to: string }).to}'` : `segment = 'KA'`} THEN 1 ELSE 0 END) AS s
     FROM cases WHERE log_id = '${logId}' AND perspective = '${perspective}'`,
  );

  type Op = { name: string; ours: () => Promise<unknown>; raw?: string; flat: string };
  const F = [filter];
  const sources = kind === 'synthetic' ? (['raw', 'flat'] as const) : (['flat'] as const);
  const nv = (f: (T: string) => string) => ({
    raw: sources.includes('raw' as never) ? f(naiveSource.raw) : undefined,
    flat: f(naiveSource.flat),
  });
  const nvSel = (f: (T: string) => string) => ({
    raw: sources.includes('raw' as never) ? f(naiveFiltered(naiveSource.raw, cond)) : undefined,
    flat: f(naiveFiltered(naiveSource.flat, flatCond)),
  });
  const ops: Op[] = [
    { name: 'frequency DFG', ours: () => processMap(store, { logId, performance: false }), ...nv(naive.freq) },
    { name: 'performance DFG', ours: () => processMap(store, { logId }), ...nv(naive.perf) },
    { name: 'variants', ours: () => variants(store, { logId }), ...nv(naive.variants) },
    { name: 'case durations', ours: () => caseDurations(store, { logId }), ...nv(naive.durations) },
    { name: 'filtered: map', ours: () => processMap(store, { logId, filters: F }), ...nvSel(naive.perf) },
    { name: 'filtered: variants', ours: () => variants(store, { logId, filters: F }), ...nvSel(naive.variants) },
    { name: 'filtered: durations', ours: () => caseDurations(store, { logId, filters: F }), ...nvSel(naive.durations) },
  ];
  // Wall seconds, and CPU seconds of the process (all DuckDB threads): steadier while other jobs share the machine.
  const times: Record<string, { ours: number[]; raw: number[]; flat: number[]; oursCpu: number[]; flatCpu: number[] }> = {};
  for (const op of ops) times[op.name] = { ours: [], raw: [], flat: [], oursCpu: [], flatCpu: [] };
  let cpu = 0;
  const timed = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    cpu = (c.user + c.system) / 1e6;
    return secs(t0);
  };
  // A naive query that runs out of memory (DuckDB's memory_limit) is recorded as -1: printed as OOM.
  const naiveTimed = async (q: string) => {
    try {
      return await timed(() => store.sql(q));
    } catch (e) {
      if (!/Out of Memory/i.test(String(e))) throw e;
      cpu = -1;
      return -1;
    }
  };
  // Warm-up round (first reads of the file), not counted; then R interleaved rounds.
  for (let r = -1; r < repeats; r++) {
    for (const op of ops) {
      const o = await timed(op.ours);
      const oc = cpu;
      const a = op.raw ? await naiveTimed(op.raw) : NaN;
      const b = await naiveTimed(op.flat);
      if (r < 0) continue;
      times[op.name].ours.push(o);
      times[op.name].oursCpu.push(oc);
      times[op.name].raw.push(a);
      times[op.name].flat.push(b);
      times[op.name].flatCpu.push(cpu);
    }
  }
  // The dashboard's filter change: the three filtered views at once (as the page requests them).
  const together: number[] = [];
  for (let r = 0; r < repeats; r++) {
    t = performance.now();
    await Promise.all([processMap(store, { logId, filters: F }), variants(store, { logId, filters: F }), caseDurations(store, { logId, filters: F })]);
    together.push(secs(t));
  }
  await store.sql('DROP TABLE bench_flat');
  store.close();
  const med = Object.fromEntries(
    Object.entries(times).map(([k, v]) => [k, { ours: median(v.ours), raw: median(v.raw), flat: median(v.flat), oursCpu: median(v.oursCpu), flatCpu: median(v.flatCpu) }]),
  );
  out({ flatSeconds, filter, filterShare: share.s, ops: med, filterChange: median(together), peakRssMb: rss() });
}

// ---------------------------------------------------------------------------------------------
function child<T>(args: string[]): T {
  const o = execFileSync(tsx, ['bench/mining-bench.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return JSON.parse(o.trim().split('\n').pop() as string) as T;
}

interface Prepared { importSeconds: number; prepareSeconds: number; steps: Record<string, number>; cases: number; events: number; variants: number; peakRssMb: number }
interface Timed {
  flatSeconds: number;
  filter: unknown;
  filterShare: number;
  ops: Record<string, { ours: number; raw: number; flat: number; oursCpu: number; flatCpu: number }>;
  filterChange: number;
  peakRssMb: number;
}

const f2 = (x: number | null) => (x === -1 ? 'OOM' : x !== null && Number.isFinite(x) ? x.toFixed(2) : '—');

function report(title: string, p: Prepared, t: Timed, repeats: number): void {
  console.log(`\n## ${title}: ${p.events.toLocaleString('en-US')} events, ${p.cases.toLocaleString('en-US')} cases, ${p.variants.toLocaleString('en-US')} variants`);
  if (p.importSeconds) console.log(`import (Parquet → store) ${p.importSeconds.toFixed(1)} s`);
  const steps = Object.entries(p.steps).filter(([, s]) => s >= 0.1).map(([k, s]) => `${k} ${s.toFixed(1)}`).join(', ');
  console.log(`preparation (refreshCaseViews) ${p.prepareSeconds.toFixed(1)} s [${steps}], peak RSS ${p.peakRssMb} MB`);
  console.log(`naive flat table built in ${t.flatSeconds.toFixed(1)} s (not counted); filter ${JSON.stringify(t.filter)} selects ${(100 * t.filterShare).toFixed(0)} % of the cases`);
  console.log(`median of ${repeats}, seconds      | ours  | naive raw | naive flat | best naive ÷ ours | CPU s: ours | flat`);
  console.log(`-------------------------------|-------|-----------|------------|-------------------|-------------|------`);
  for (const [name, m] of Object.entries(t.ops)) {
    const ok = (x: number | null) => (x !== null && Number.isFinite(x) && x >= 0 ? x : Infinity);
    const best = Math.min(ok(m.raw), ok(m.flat));
    console.log(
      `${name.padEnd(31)}| ${f2(m.ours).padStart(5)} | ${f2(m.raw).padStart(9)} | ${f2(m.flat).padStart(10)} | ${(best / m.ours).toFixed(1).padStart(16)}× | ${f2(m.oursCpu).padStart(11)} | ${f2(m.flatCpu).padStart(5)}`,
    );
  }
  console.log(`filter change (map + variants + durations together): ${f2(t.filterChange)} s; peak RSS of the query process ${t.peakRssMb} MB`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--prepare') return prepare(argv[1] as 'synthetic' | 'o2c', argv[2], argv[3]);
  if (argv[0] === '--gen') return generate(argv[1], Number(argv[2]));
  if (argv[0] === '--ops') return operations(argv[1] as 'synthetic' | 'o2c', argv[2], Number(argv[3]));
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (opt('--events') ?? '1000000,5000000').split(',').map(Number).filter((n) => n > 0);
  const o2cOrders = opt('--o2c') ? Number(opt('--o2c')) : 0;
  const o2cStore = opt('--store');
  const repeats = Number(opt('--repeats') ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'tl-mining-bench-'));
  console.log(`# Throughline mining benchmark`);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; store memory_limit ${process.env.THROUGHLINE_MEMORY_LIMIT || defaultMemoryLimit()}`);
  console.log(`published reference, pm4py 2.7 on a 5M-event log on this machine (issue text, not run here): frequency DFG ~10 s, performance DFG ~10.6 s, variants ~1.2 s, case durations ~2.4 s`);
  try {
    for (const events of sizes) {
      const file = join(dir, `log-${events}.parquet`);
      const t = performance.now();
      await generate(file, events);
      console.log(`\ngenerated ${events.toLocaleString('en-US')} events in ${secs(t).toFixed(1)} s (Parquet ${(statSync(file).size / 1e6).toFixed(0)} MB)`);
      const storePath = join(dir, `store-${events}.duckdb`);
      const p = child<Prepared>(['--prepare', 'synthetic', file, storePath]);
      console.log(`prepared: ${JSON.stringify(p)}`);
      const r = child<Timed>(['--ops', 'synthetic', storePath, String(repeats)]);
      report(`synthetic log`, p, r, repeats);
      rmSync(storePath, { force: true });
      rmSync(`${storePath}.wal`, { force: true });
      rmSync(file, { force: true });
    }
    if (o2cOrders || o2cStore) {
      let storePath = o2cStore;
      if (!storePath || !existsSync(storePath)) {
        storePath = storePath ?? join(dir, 'o2c.duckdb');
        const src = join(dir, 'o2c-src');
        let t = performance.now();
        execFileSync('npx', ['throughline', 'simulate', '--orders', String(o2cOrders), '--seed', '42', '--out', src], { stdio: ['ignore', 'ignore', 'inherit'] });
        console.log(`\nsimulated ${o2cOrders.toLocaleString('en-US')} orders in ${secs(t).toFixed(0)} s`);
        t = performance.now();
        execFileSync('npx', ['throughline', 'ingest', 'all', src, '--store', storePath], { stdio: ['ignore', 'ignore', 'inherit'] });
        console.log(`ingested in ${secs(t).toFixed(0)} s`);
        rmSync(src, { recursive: true, force: true });
      }
      const p = child<Prepared>(['--prepare', 'o2c', '', storePath]);
      const r = child<Timed>(['--ops', 'o2c', storePath, String(repeats)]);
      report(`O2C ${o2cOrders ? `${o2cOrders.toLocaleString('en-US')} orders` : storePath} (order perspective)`, p, r, repeats);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
