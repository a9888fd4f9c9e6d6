// CSV and Parquet import of N simulated events (default 10,000,000): DuckDB writes the files, each
// import runs in a fresh process into a fresh store file (so peak RSS is the import's own),
// repeated R times (default 3, median reported). Prints seconds, events/s and peak RSS.
// Usage: npx tsx bench/csv-bench.ts [events] [repeats] [csv,parquet]   (one import: … --one <file> <store>)
// The store's memory limit is the default (a quarter of RAM) unless THROUGHLINE_MEMORY_LIMIT is set.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { importTable } from '../ingest/csv';
import { Store, defaultMemoryLimit } from '../sql';

const MAPPING = { case: 'case_id', activity: 'activity', timestamp: 'ts', resource: 'resource', attributes: ['cost'] };

async function one(file: string, storePath: string): Promise<void> {
  const store = await Store.open(storePath);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await importTable(store, file, MAPPING, { logId: 'bench' });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  store.close();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, events: r.eventsAdded, rejected: r.rowsRejected, peakRssMb })}\n`);
}

async function generate(dir: string, events: number): Promise<{ csv: string; parquet: string }> {
  const store = await Store.open(':memory:');
  const csv = join(dir, 'events.csv');
  const parquet = join(dir, 'events.parquet');
  // 10 events per case, 20 activities, 200 resources, times from 2024-01-01 in file order per case.
  await store.sql(`CREATE TABLE g AS
    SELECT 'C' || (i // 10) AS case_id,
           'Activity ' || ((i * 7 + (i // 10)) % 20) AS activity,
           strftime(TIMESTAMP '2024-01-01' + INTERVAL (i // 10) MINUTE + INTERVAL ((i % 10) * 37) MINUTE, '%Y-%m-%d %H:%M:%S') AS ts,
           'user' || (hash(i) % 200) AS resource,
           (hash(i * 31) % 1000)::VARCHAR AS cost
    FROM range(${events}) t(i)`);
  await store.sql(`COPY g TO '${csv}' (HEADER, DELIMITER ',')`);
  await store.sql(`COPY g TO '${parquet}' (FORMAT parquet)`);
  store.close();
  return { csv, parquet };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (process.argv[2] === '--one') return one(process.argv[3], process.argv[4]);
  const events = Number(process.argv[2] ?? 10_000_000);
  const repeats = Number(process.argv[3] ?? 3);
  const formats = (process.argv[4] ?? 'csv,parquet').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'tl-csv-bench-'));
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  try {
    const t0 = performance.now();
    const files = await generate(dir, events);
    console.log(`generated ${events.toLocaleString('en-US')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s: CSV ${(statSync(files.csv).size / 1e6).toFixed(0)} MB, Parquet ${(statSync(files.parquet).size / 1e6).toFixed(0)} MB`);
    console.log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; store memory_limit ${process.env.THROUGHLINE_MEMORY_LIMIT || defaultMemoryLimit()}`);
    for (const [format, file] of Object.entries(files)) {
      if (!formats.includes(format)) continue;
      type Run = { seconds: number; cpuSeconds: number; events: number; peakRssMb: number };
      const runs: Run[] = [];
      for (let i = 0; i < repeats; i++) {
        const storePath = join(dir, `store-${format}-${i}.duckdb`);
        const out = execFileSync(tsx, ['bench/csv-bench.ts', '--one', file, storePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
        const r = JSON.parse(out.trim().split('\n').pop() as string) as Run;
        runs.push(r);
        console.log(`  ${format} run ${i + 1}: ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s), ${r.events.toLocaleString('en-US')} events, peak RSS ${r.peakRssMb} MB`);
        rmSync(storePath, { force: true });
        rmSync(`${storePath}.wal`, { force: true });
      }
      const s = median(runs.map((r) => r.seconds));
      console.log(
        `${format}: median of ${runs.length}: ${s.toFixed(1)} s (CPU ${median(runs.map((r) => r.cpuSeconds)).toFixed(1)} s), ${Math.round(runs[0].events / s).toLocaleString('en-US')} events/s, peak RSS ${median(runs.map((r) => r.peakRssMb))} MB (max ${Math.max(...runs.map((r) => r.peakRssMb))} MB)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
