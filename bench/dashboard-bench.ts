// The dashboard's server time: drives the tRPC procedures behind each page in-process
// (appRouter.createCaller(contextFor(store, { id: 'bench', roles: ['analyst'] })), so validation, the permission middleware and
// the mining code run as for an HTTP request, without HTTP and JSON) over N simulated orders, and
// prints the median and p95 per procedure, cold and warm, unfiltered and with one filter.
//
//   npx tsx bench/dashboard-bench.ts [--orders 1000000] [--seed 42] [--store PATH] [--cold 3]
//     [--warm 5] [--pages shell,overview,map,variants,cases,exceptions,bottlenecks] [--json]
//     [--save FILE.json] [--trace] [--explain [--explain-over 1]] [--build-only]
//     [--procs map.process,cases.detail]
//   --procs    only these procedures of the chosen pages (the pages' "all at once" rows still run)
//   --json     prints the JSON report instead of the table; --save FILE writes it as well
//   --budget S seconds one procedure and variant may take in all (default 240): when its first cold
//              call says the samples would not fit, it gets 2 cold + 3 warm (or 1 + 2) samples
//   --trace    prints the slowest statements of each procedure's first warm call
//   --explain  and EXPLAIN ANALYZE of the slowest one where the warm median is over 1 s
//
// The store is simulated (fixtures/sim), ingested (the real ingestors) and refreshed once, each
// step in a child process, and kept at /tmp/tl-bench/o2c-<orders>-s<seed>.duckdb for later runs
// (a build in progress writes <that>.building). Procedures are discovered at run time: one that
// does not exist (yet) is skipped with a note.
//
// Cold = the first call after the store was closed and opened anew in this process: a new DuckDB
// instance (empty buffer pool, no cached plans) and a new Store object (so mining/refresh's
// "case views verified at this generation" cache is empty and the fingerprint check runs). The
// OS page cache is NOT emptied (the file stays in RAM) and Node's modules and JIT stay warm: cold
// is "the server just (re)opened its store", not "the machine just booted".
// Warm = the following calls on the same open store (DuckDB caches filled, case views verified).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Store, defaultMemoryLimit } from '../sql';
import { ensureCaseViews } from '../mining';
import { contextFor } from '../server/context';
import { appRouter } from '../server/router';
import { createCallerFactory } from '../server/trpc';
import { monthsCovered, trailingYear, type MonthOption } from '../server/periods';
import { pages, type BenchContext, type Endpoint } from './dashboard-endpoints';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const secs = (t0: number) => (performance.now() - t0) / 1000;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; // nearest rank: p95 of 5 is the max
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------------------------------------
// Building the store: one child process per step (each step's memory is its own).

async function phase(step: string, src: string, storePath: string, orders: number, seed: number): Promise<void> {
  const t0 = performance.now();
  if (step === 'simulate') {
    const { simulate } = await import('../fixtures/sim/simulate');
    await simulate({ orders, seed, outDir: src });
  } else {
    const store = await Store.open(storePath);
    if (step === 'ingest') {
      const { ingestDirectory } = await import('../ingest');
      for (const r of await ingestDirectory(store, src)) console.error(`  ${r.sourceKind} ${r.status}: ${r.eventsAdded} events in ${(r.durationMs / 1000).toFixed(1)} s`);
    } else {
      const { refreshCaseViews } = await import('../mining');
      const r = await refreshCaseViews(store, 'o2c');
      console.error(`  refresh steps: ${Object.entries(r.steps).filter(([, s]) => s >= 0.5).map(([k, s]) => `${k} ${s.toFixed(1)}`).join(', ')}`);
    }
    store.close();
  }
  console.error(`${step}: ${secs(t0).toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, load ${load()}`);
}

function buildStore(storePath: string, orders: number, seed: number): void {
  const building = `${storePath}.building`;
  if (existsSync(building)) throw new Error(`${building} exists: another run is building this store (or died: remove it and its .wal).`);
  const src = storePath.replace(/\.duckdb$/, '-src');
  const t0 = performance.now();
  console.error(`building ${storePath}: ${orders.toLocaleString('en-US')} orders, seed ${seed} (simulate → ingest → refresh)`);
  const run = (step: string) =>
    execFileSync(tsx, ['bench/dashboard-bench.ts', '--phase', step, src, building, String(orders), String(seed)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (!existsSync(join(src, 'ground-truth.json'))) run('simulate');
  run('ingest');
  run('refresh');
  renameSync(building, storePath);
  if (existsSync(`${building}.wal`)) renameSync(`${building}.wal`, `${storePath}.wal`);
  rmSync(`${building}.tmp`, { recursive: true, force: true });
  console.error(`store built in ${secs(t0).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

/** The procedures the router has now ('kpi.overview', …). */
function procedureNames(): Set<string> {
  return new Set(Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures));
}

async function call(caller: Caller, proc: string, input: unknown, drain = false): Promise<unknown> {
  const [a, b] = proc.split('.');
  const fn = (caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[a][b];
  const r = await (input === undefined ? (fn as () => Promise<unknown>)() : fn(input));
  if (!drain) return r;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of (r as { chunks: AsyncIterable<string> }).chunks) {
    bytes += chunk.length;
    lines += chunk.split('\n').length - 1;
  }
  return { bytes, lines };
}

/** Statement timings while --trace is on: the named query (or the first line of literal SQL). */
interface Traced { label: string; seconds: number; text: string; params: unknown }
const traced: Traced[] = [];
let tracing = false;
function installTrace(): void {
  const proto = Store.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const sql = proto.sql;
  const query = proto.query;
  // query() calls sql() synchronously: label that statement with the query's name.
  let named: string | null = null;
  proto.query = function (this: Store, ...a: unknown[]) {
    named = String(a[0]);
    return query.apply(this, a);
  };
  proto.sql = async function (this: Store, text: unknown, params?: unknown) {
    const label = named ?? `sql: ${String(text).trim().split('\n')[0].replace(/^--\s*/, '').slice(0, 70)}`;
    named = null;
    const t0 = performance.now();
    try {
      return await sql.call(this, text, params);
    } finally {
      if (tracing) traced.push({ label, seconds: secs(t0), text: String(text), params });
    }
  };
}

interface PlanNode { operator_name?: string; operator_timing?: number; operator_cardinality?: number; extra_info?: Record<string, unknown>; children?: PlanNode[]; latency?: number }

/** EXPLAIN ANALYZE of a statement: its latency and its five most expensive operators. */
async function explain(store: Store, t: Traced): Promise<string> {
  try {
    const [r] = await store.sql<{ explain_value: string }>(`EXPLAIN (ANALYZE, FORMAT json) ${t.text}`, t.params as never);
    const root = JSON.parse(r.explain_value) as PlanNode;
    const ops: PlanNode[] = [];
    const walk = (n: PlanNode) => {
      if (n.operator_name && n.operator_name !== 'EXPLAIN_ANALYZE') ops.push(n);
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    const top = ops.sort((a, b) => (b.operator_timing ?? 0) - (a.operator_timing ?? 0)).slice(0, 5);
    const info = (n: PlanNode) => JSON.stringify(n.extra_info ?? {}).replace(/\\n/g, ' ').slice(0, 140);
    return [`    EXPLAIN ANALYZE ${t.label}: ${(root.latency ?? 0).toFixed(2)} s`, ...top.map((n) => `      ${n.operator_name} ${(n.operator_timing ?? 0).toFixed(2)} s, ${(n.operator_cardinality ?? 0).toLocaleString('en-US')} rows ${info(n)}`)].join('\n');
  } catch (err) {
    return `    EXPLAIN ANALYZE ${t.label}: not replayable outside its session (${(err as Error).message.split('\n')[0].slice(0, 100)})`;
  }
}

interface Row {
  page: string;
  endpoint: string;
  variant: 'unfiltered' | 'filtered' | 'together';
  cold: number[];
  warm: number[];
  warmCpu: number[];
  resultKb: number;
  note?: string;
  /** --trace: the statements that took longest in the first warm call (seconds summed by name). */
  slowest?: { label: string; seconds: number }[];
  /** --explain: EXPLAIN ANALYZE of the slowest statement of a slow procedure. */
  plan?: string;
}

interface Options { cold: number; warm: number; trace: boolean; explainOver: number | null; budget: number }

class Bench {
  store!: Store;
  caller!: Caller;
  constructor(readonly path: string) {}

  async reopen(): Promise<number> {
    const t0 = performance.now();
    this.store?.close();
    this.store = await Store.open(this.path);
    this.caller = createCaller(contextFor(this.store, { id: 'bench', roles: ['analyst'] }));
    return secs(t0);
  }

  /** Cold samples (store reopened before each), then warm ones on the open store. */
  async measure(run: () => Promise<unknown>, o: Options): Promise<Pick<Row, 'cold' | 'warm' | 'warmCpu' | 'resultKb' | 'slowest' | 'plan'>> {
    const cold: number[] = [];
    const warm: number[] = [];
    const warmCpu: number[] = [];
    let resultKb = 0;
    let [coldN, warmN] = [o.cold, o.warm];
    for (let i = 0; i < coldN; i++) {
      await this.reopen();
      const t0 = performance.now();
      const r = await run();
      cold.push(secs(t0));
      if (i === 0) {
        resultKb = Buffer.byteLength(JSON.stringify(r) ?? '') / 1024;
        // A slow procedure gets fewer samples so the run ends: 2 cold + 3 warm, or 1 + 2.
        if (cold[0] * (o.cold + o.warm) > o.budget) [coldN, warmN] = cold[0] * 5 > o.budget ? [Math.min(o.cold, 1), Math.min(o.warm, 2)] : [Math.min(o.cold, 2), Math.min(o.warm, 3)];
      }
    }
    if (o.cold === 0) await run(); // warm means after a first call
    traced.length = 0;
    for (let i = 0; i < warmN; i++) {
      tracing = o.trace && i === 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await run();
      warm.push(secs(t0));
      const c = process.cpuUsage(c0);
      warmCpu.push((c.user + c.system) / 1e6);
      tracing = false;
    }
    const byLabel = new Map<string, number>();
    for (const t of traced) byLabel.set(t.label, (byLabel.get(t.label) ?? 0) + t.seconds);
    const slowest = [...byLabel].map(([label, seconds]) => ({ label, seconds })).sort((a, b) => b.seconds - a.seconds).slice(0, 3);
    let plan: string | undefined;
    const worst = [...traced].sort((a, b) => b.seconds - a.seconds)[0];
    if (o.explainOver !== null && worst && median(warm) > o.explainOver) plan = await explain(this.store, worst);
    return { cold, warm, warmCpu, resultKb, slowest: o.trace ? slowest : undefined, plan };
  }
}

async function contextOf(store: Store): Promise<BenchContext> {
  const caller = createCaller(contextFor(store, { id: 'bench', roles: ['analyst'] }));
  const range = (await caller.logs.dataRange({ logId: 'o2c' })) as { firstEvent: string | null; lastEvent: string | null; months: MonthOption[]; defaultMonth: string | null };
  const months = range.months.length ? range.months : monthsCovered(range.firstEvent, range.lastEvent);
  const month = months.find((m) => m.id === range.defaultMonth) ?? months[months.length - 1];
  const [c] = await store.sql<{ case_id: string }>(
    "SELECT case_id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' ORDER BY case_no LIMIT 1 OFFSET 1000",
  );
  return {
    logId: 'o2c',
    month: month.period,
    last13: months.slice(0, months.indexOf(month) + 1).slice(-13).map((m) => m.period),
    year: trailingYear(month.id),
    firstDay: months[0].period.from,
    caseId: c?.case_id ?? null,
    filters: [
      { kind: 'attribute', attribute: 'segment', values: ['KA'] },
      { kind: 'activity', activity: 'Set Credit Block' },
    ],
  };
}

const f = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));

function printTable(rows: Row[], o: Options): void {
  const head = ['page', 'endpoint', 'variant', 'cold med', 'cold p95', 'warm med', 'warm p95', 'warm CPU', 'n cold/warm', 'KB'];
  const lines = rows.map((r) =>
    r.note
      ? [r.page, r.endpoint, r.variant, r.note, '', '', '', '', '', '']
      : [r.page, r.endpoint, r.variant, f(median(r.cold)), f(quantile(r.cold, 0.95)), f(median(r.warm)), f(quantile(r.warm, 0.95)), f(median(r.warmCpu)), `${r.cold.length}/${r.warm.length}`, r.resultKb.toFixed(0)],
  );
  console.log(`seconds; cold = up to ${o.cold} samples (store reopened before each), warm = up to ${o.warm} samples on the open store; p95 nearest rank (of 5: the max); warm CPU = median process CPU s (all threads)`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map((h, i) => (i < 3 ? '---' : '---:')).join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--phase') return phase(argv[1], argv[2], argv[3], Number(argv[4]), Number(argv[5]));
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const orders = Number(opt('--orders') ?? 1_000_000);
  const seed = Number(opt('--seed') ?? 42);
  const o: Options = { cold: Number(opt('--cold') ?? 3), warm: Math.max(1, Number(opt('--warm') ?? 5)), trace: argv.includes('--trace') || argv.includes('--explain'), explainOver: argv.includes('--explain') ? Number(opt('--explain-over') ?? 1) : null, budget: Number(opt('--budget') ?? 240) };
  const only = opt('--pages')?.split(',');
  const procs = opt('--procs')?.split(',');
  const json = argv.includes('--json');
  const storePath = resolve(opt('--store') ?? `/tmp/tl-bench/o2c-${orders}-s${seed}.duckdb`);
  mkdirSync('/tmp/tl-bench', { recursive: true });
  if (!existsSync(storePath)) buildStore(storePath, orders, seed);
  if (argv.includes('--build-only')) return;
  if (o.trace) installTrace();

  const loadStart = load();
  const startedAt = new Date().toISOString();
  const bench = new Bench(storePath);
  const openSeconds = await bench.reopen();
  // A store built by an older refresh is brought up to date here, not inside a timed call.
  const t0 = performance.now();
  await ensureCaseViews(bench.store, 'o2c', 'order');
  const ensureSeconds = secs(t0);
  const ctx = await contextOf(bench.store);
  const [sizes] = await bench.store.sql<{ orders: number; events: number; objects: number; cases: number; variants: number }>(`SELECT
    (SELECT count(*) FROM objects WHERE log_id = 'o2c' AND object_type = 'sales_order')::BIGINT AS orders,
    (SELECT count(*) FROM events WHERE log_id = 'o2c')::BIGINT AS events,
    (SELECT count(*) FROM objects WHERE log_id = 'o2c')::BIGINT AS objects,
    (SELECT count(*) FROM cases WHERE log_id = 'o2c' AND perspective = 'order')::BIGINT AS cases,
    (SELECT count(*) FROM case_variants WHERE log_id = 'o2c' AND perspective = 'order')::BIGINT AS variants`);
  const fileMb = statSync(storePath).size / 2 ** 20;
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, DuckDB memory_limit ${process.env.THROUGHLINE_MEMORY_LIMIT || defaultMemoryLimit()}`;
  const git = (a: string[]) => execFileSync('git', a, { encoding: 'utf8' }).trim();
  const version = `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) ? ' + uncommitted edits' : ''}`;
  const header = [
    `Throughline dashboard benchmark, ${startedAt}, code ${version}`,
    `store ${storePath} (${fileMb.toFixed(0)} MiB): ${sizes.orders.toLocaleString('en-US')} orders, ${sizes.events.toLocaleString('en-US')} events, ${sizes.objects.toLocaleString('en-US')} objects, ${sizes.cases.toLocaleString('en-US')} order cases, ${sizes.variants.toLocaleString('en-US')} variants`,
    `machine: ${machine}; load average at start ${loadStart}`,
    `store open ${openSeconds.toFixed(2)} s, case views verified in ${ensureSeconds.toFixed(2)} s; month ${ctx.month.from}, filter ${JSON.stringify(ctx.filters)}`,
  ];
  if (!json) console.log(header.join('\n'));

  const have = procedureNames();
  const rows: Row[] = [];
  const emit = (r: Row) => {
    rows.push(r);
    if (!json) {
      const s = r.note ? r.note : `cold ${f(median(r.cold))} (p95 ${f(quantile(r.cold, 0.95))}), warm ${f(median(r.warm))} (p95 ${f(quantile(r.warm, 0.95))})`;
      const slow = r.slowest?.length ? `  [${r.slowest.map((x) => `${x.label} ${x.seconds.toFixed(2)}`).join('; ')}]` : '';
      console.error(`${r.page} · ${r.endpoint} · ${r.variant}: ${s}${slow}`);
      if (r.plan) console.error(r.plan);
    }
  };
  for (const page of pages) {
    if (only && !only.includes(page.id)) continue;
    const present: Endpoint[] = [];
    for (const e of page.endpoints) {
      if (procs && !procs.includes(e.proc)) continue;
      if (!have.has(e.proc)) {
        emit({ page: page.title, endpoint: e.label, variant: 'unfiltered', cold: [], warm: [], warmCpu: [], resultKb: 0, note: `skipped: no procedure ${e.proc} in the router` });
        continue;
      }
      const variants: [Row['variant'], unknown][] = [['unfiltered', e.input(ctx)], ...(e.filtered ? [['filtered', e.filtered(ctx)] as [Row['variant'], unknown]] : [])];
      let ok = true;
      for (const [variant, input] of variants) {
        if (input === null) {
          emit({ page: page.title, endpoint: e.label, variant, cold: [], warm: [], warmCpu: [], resultKb: 0, note: 'skipped: no input (e.g. no case id)' });
          continue;
        }
        try {
          const m = await bench.measure(() => call(bench.caller, e.proc, input, e.drain), o);
          emit({ page: page.title, endpoint: e.label, variant, ...m });
        } catch (err) {
          ok = false;
          emit({ page: page.title, endpoint: e.label, variant, cold: [], warm: [], warmCpu: [], resultKb: 0, note: `failed: ${(err as Error).message.split('\n')[0].slice(0, 160)}` });
        }
      }
      if (ok && e.together !== false) present.push(e);
    }
    // What the page waits for: its procedures at once (the browser asks for them together).
    if (present.length > 1) {
      const all = () => Promise.all(present.map((e) => call(bench.caller, e.proc, e.input(ctx))));
      emit({ page: page.title, endpoint: `all ${present.length} at once`, variant: 'together', ...(await bench.measure(all, { ...o, trace: false, explainOver: null })) });
    }
  }
  const loadEnd = load();
  bench.store.close();
  const report = { startedAt, version, store: storePath, fileMb, sizes, machine, cores: cpus().length, loadStart, loadEnd, openSeconds, ensureSeconds, cold: o.cold, warm: o.warm, context: ctx, rows: rows.map((r) => ({ ...r, coldMedian: r.cold.length ? median(r.cold) : null, coldP95: r.cold.length ? quantile(r.cold, 0.95) : null, warmMedian: r.warm.length ? median(r.warm) : null, warmP95: r.warm.length ? quantile(r.warm, 0.95) : null })) };
  if (opt('--save')) writeFileSync(opt('--save') as string, JSON.stringify(report, null, 1));
  if (json) {
    console.log(JSON.stringify(report, null, 1));
    return;
  }
  console.log(`load average at end ${loadEnd}\n`);
  printTable(rows, o);
  const slow = rows.filter((r) => r.warm.length && median(r.warm) > 1);
  if (slow.length) console.log(`\nnot instant (warm median > 1 s): ${slow.map((r) => `${r.page} ${r.endpoint} (${r.variant}) ${f(median(r.warm))} s`).join('; ')}`);
}

await main();
