// Notebooks at scale (issue 6, "Done when"): on a store of N simulated orders, how long the analyst
// snapshot takes to build, how soon heavy analyst queries return their first rows, and how the
// dashboard's procedures answer for another user with and without that analyst load.
//
//   THROUGHLINE_MEMORY_LIMIT=4GB npx tsx bench/notebook-bench.ts [--store PATH] [--samples 5]
//     [--timeout-ms 120000] [--max-concurrent 2] [--json]
//
// --store defaults to /tmp/tl-bench/sandbox/o2c-1000000-s42.duckdb: a COPY of the store that
// bench/dashboard-bench.ts builds (`cp /tmp/tl-bench/o2c-1000000-s42.duckdb /tmp/tl-bench/sandbox/`),
// opened read-write as a server would. The dashboard procedures run in-process through
// appRouter.createCaller(contextFor(store, { id: 'bench', roles: ['analyst'] })), as bench/dashboard-bench.ts does; the analyst
// queries through the sandbox (sql/sandbox) with its default limits (2 at once, 1 thread, 1GB)
// except the time limit (--timeout-ms).
// "Under load" = every dashboard sample is taken while the sandbox is kept saturated: every slot
// busy with heavy analyst queries and more waiting in its queue (4 clients submitting in a loop);
// an analyst query's time under load includes its wait in the queue.
import { statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Store, SqlSandbox, SqlTimeoutError } from '../sql';
import { ensureCaseViews } from '../mining';
import { contextFor } from '../server/context';
import { appRouter } from '../server/router';
import { createCallerFactory } from '../server/trpc';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const storePath = opt('store', '/tmp/tl-bench/sandbox/o2c-1000000-s42.duckdb');
const samples = Number(opt('samples', '5'));
/** The sandbox's time limit here: its default (30 s) cut tl_dfg over 15.6M trace rows on a busy machine. */
const timeoutMs = Number(opt('timeout-ms', '120000'));
const maxConcurrent = Number(opt('max-concurrent', '2'));
const asJson = args.includes('--json');
const log = (s: string) => console.error(s);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const secs = (t0: number) => (performance.now() - t0) / 1000;

/** Analyst questions a notebook asks over all orders (the starter notebooks' kind). */
const ANALYST: { label: string; sql: string }[] = [
  {
    label: 'days from invoice to cash by customer segment (all invoices)',
    sql: `SELECT c.segment, count(*) AS invoices, sum(f.gross_amount) AS billed,
                 avg(epoch(s.cleared_ts) - epoch(f.created_ts)) / 86400 AS avg_days_to_cash
          FROM invoice_facts f
          JOIN invoice_settlement s ON s.log_id = f.log_id AND s.invoice_id = f.invoice_id
          JOIN cases c ON c.log_id = f.log_id AND c.perspective = 'order' AND c.case_no = s.case_no
          WHERE f.log_id = 'o2c'
          GROUP BY c.segment ORDER BY billed DESC`,
  },
  {
    label: "variants via tl_variants('o2c', 'order')",
    sql: `SELECT count(*) AS variants, sum(cases) AS cases, max(share) AS top_share FROM tl_variants('o2c', 'order')`,
  },
  {
    label: "top directly-follows pairs via tl_dfg('o2c', 'order')",
    sql: `SELECT source, target, pairs, cases, median_seconds FROM tl_dfg('o2c', 'order') ORDER BY pairs DESC LIMIT 20`,
  },
  {
    label: 'raw events, first 10,000 rows by time (streamed, capped)',
    sql: `SELECT event_id, activity, ts, amount FROM events WHERE log_id = 'o2c' ORDER BY ts`,
  },
];

const DASHBOARD: { label: string; call: (c: Caller) => Promise<unknown> }[] = [
  { label: 'exceptions.summary', call: (c) => c.exceptions.summary({ logId: 'o2c' }) },
  { label: 'views.variants (top 100)', call: (c) => c.views.variants({ logId: 'o2c', perspective: 'order', limit: 100 }) },
  {
    label: 'cases.list (200 rows, by duration desc)',
    call: (c) => c.cases.list({ logId: 'o2c', perspective: 'order', sort: { column: 'duration', dir: 'desc' }, offset: 0, limit: 200 }),
  },
];

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

async function timeDashboard(caller: Caller): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const d of DASHBOARD) {
    out[d.label] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await d.call(caller);
      out[d.label].push(secs(t0));
    }
  }
  return out;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const store = await Store.open(storePath);
  log(`opened ${storePath} in ${secs(t0).toFixed(1)} s (memory_limit ${process.env.THROUGHLINE_MEMORY_LIMIT ?? 'default'})`);
  await ensureCaseViews(store, 'o2c');
  const [size] = await store.sql<{ orders: number; events: number }>(
    "SELECT (SELECT count(*) FROM cases WHERE log_id = 'o2c' AND perspective = 'order')::INTEGER AS orders, (SELECT count(*) FROM events)::INTEGER AS events",
  );
  const caller = createCaller(contextFor(store, { id: 'bench', roles: ['analyst'] }));
  log(`${size.orders.toLocaleString('en-US')} orders, ${size.events.toLocaleString('en-US')} events; warming the dashboard procedures`);
  for (const d of DASHBOARD) await d.call(caller);

  // 1. The snapshot build (the first notebook query waits for it; later ones answer from the previous one while it runs).
  const sandbox = new SqlSandbox(store, { timeoutMs, maxConcurrent });
  const tb = performance.now();
  const info = await sandbox.refresh();
  const buildSeconds = secs(tb);
  const snapFile = `${sandbox.limits.snapshotDir}/${(await import('node:fs')).readdirSync(sandbox.limits.snapshotDir).find((f) => f.endsWith('.duckdb'))}`;
  const snapMb = statSync(snapFile).size / 2 ** 20;
  const build = sandbox.builds.at(-1)!;
  log(`snapshot: ${buildSeconds.toFixed(1)} s (build ${build.seconds.toFixed(1)} s, writers paused ${build.writerPausedSeconds.toFixed(1)} s), ${snapMb.toFixed(0)} MB, generation ${info.generation}`);

  // 2. Analyst queries alone: time to the first rows (run() returns with the first ≤ maxRows rows).
  const alone: { label: string; seconds: number[]; rows: number; capped: boolean }[] = [];
  for (const q of ANALYST) {
    const s: number[] = [];
    let last = { rows: 0, capped: false };
    for (let i = 0; i < Math.min(samples, 3); i++) {
      const t = performance.now();
      last = await sandbox.run(q.sql);
      s.push(secs(t));
    }
    alone.push({ label: q.label, seconds: s, rows: last.rows, capped: last.capped });
    log(`analyst alone: ${q.label}: median ${median(s).toFixed(2)} s (${last.rows} rows${last.capped ? ', capped' : ''})`);
  }

  // 3. Dashboard alone.
  const quiet = await timeDashboard(caller);
  for (const d of DASHBOARD) log(`dashboard alone: ${d.label}: median ${median(quiet[d.label]).toFixed(2)} s`);

  // 4. Dashboard while the sandbox is saturated: 2 running + 2 queued heavy analyst queries, refilled as they finish.
  let stop = false;
  let cutOff = 0;
  const analystUnderLoad: Record<string, number[]> = {};
  const worker = async (k: number) => {
    for (let i = k; !stop; i++) {
      const q = ANALYST[i % 3]; // the three heavy ones
      const t = performance.now();
      try {
        await sandbox.run(q.sql);
        (analystUnderLoad[q.label] ??= []).push(secs(t));
      } catch (err) {
        if (!(err instanceof SqlTimeoutError)) throw err;
        cutOff++;
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  await new Promise((r) => setTimeout(r, 500));
  const loaded = await timeDashboard(caller);
  const loadSeen = sandbox.load;
  stop = true;
  await Promise.all(workers);
  for (const d of DASHBOARD) {
    log(`dashboard under analyst load: ${d.label}: median ${median(loaded[d.label]).toFixed(2)} s (×${(median(loaded[d.label]) / median(quiet[d.label])).toFixed(2)})`);
  }

  const report = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), uvThreadpool: process.env.UV_THREADPOOL_SIZE ?? '4 (default)' },
    store: { path: storePath, mb: Math.round(statSync(storePath).size / 2 ** 20), ...size, memoryLimit: process.env.THROUGHLINE_MEMORY_LIMIT ?? 'default' },
    sandbox: sandbox.limits,
    snapshot: { seconds: buildSeconds, writerPausedSeconds: build.writerPausedSeconds, mb: Math.round(snapMb) },
    analystAlone: alone.map((a) => ({ label: a.label, median: median(a.seconds), rows: a.rows, capped: a.capped })),
    analystUnderLoad: Object.entries(analystUnderLoad).map(([label, s]) => ({ label, median: median(s), n: s.length })),
    sandboxLoadDuringSamples: loadSeen,
    analystCutOffUnderLoad: cutOff,
    dashboard: DASHBOARD.map((d) => ({
      label: d.label,
      alone: median(quiet[d.label]),
      underLoad: median(loaded[d.label]),
      ratio: median(loaded[d.label]) / median(quiet[d.label]),
      samples,
    })),
  };
  await sandbox.close();
  store.close();
  if (asJson) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(2);
  console.log(`machine: ${report.machine.cpus} cores (${report.machine.model}), ${report.machine.memGiB} GiB; libuv pool ${report.machine.uvThreadpool}`);
  console.log(`store: ${size.orders.toLocaleString('en-US')} orders, ${size.events.toLocaleString('en-US')} events, ${report.store.mb} MB, memory_limit ${report.store.memoryLimit}`);
  console.log(`sandbox: ${report.sandbox.maxConcurrent} at once, ${report.sandbox.threads} thread, ${report.sandbox.memoryLimit}, ${report.sandbox.maxRows} rows, ${report.sandbox.timeoutMs / 1000} s`);
  console.log(`snapshot build: ${f(buildSeconds)} s (writers paused ${f(build.writerPausedSeconds)} s), ${report.snapshot.mb} MB\n`);
  console.log('| analyst query | first rows alone (median, s) | under load, incl. queue wait (median, s) | rows |');
  console.log('|---|---|---|---|');
  for (const a of report.analystAlone) {
    const u = report.analystUnderLoad.find((x) => x.label === a.label);
    console.log(`| ${a.label} | ${f(a.median)} | ${u ? f(u.median) : '–'} | ${a.rows}${a.capped ? ' (capped)' : ''} |`);
  }
  console.log(`\n| dashboard procedure | alone (median, s) | with the sandbox saturated (median, s) | ratio |`);
  console.log('|---|---|---|---|');
  for (const d of report.dashboard) console.log(`| ${d.label} | ${f(d.alone)} | ${f(d.underLoad)} | ×${d.ratio.toFixed(2)} |`);
  console.log(`\n${samples} samples each; sandbox during the loaded samples: ${JSON.stringify(loadSeen)}; analyst queries cut at the time limit meanwhile: ${cutOff}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
