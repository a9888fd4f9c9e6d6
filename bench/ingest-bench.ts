// Simulate → ingest → refresh for N orders (default 100,000), each phase in a fresh process,
// repeated R times (default 3); prints the median seconds and peak RSS of each phase, and
// throughput, so later work can be compared. Usage: npm run bench -- [orders] [repeats]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const orders = Number(process.argv[2] ?? 100_000);
const repeats = Number(process.argv[3] ?? 3);
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

interface PhaseResult { phase: string; seconds: number; peakRssMb: number; [k: string]: unknown }

function runPhase(phase: string, dir: string, store: string): PhaseResult {
  const out = execFileSync(tsx, ['bench/phase.ts', phase, dir, store, String(orders)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop() as string) as PhaseResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const runs: PhaseResult[][] = [];
for (let i = 0; i < repeats; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  try {
    const store = join(dir, 'store.duckdb');
    const sim = runPhase('simulate', join(dir, 'src'), store);
    const ing = runPhase('ingest', join(dir, 'src'), store);
    const ref = runPhase('refresh', join(dir, 'src'), store);
    runs.push([sim, ing, ref]);
    console.error(`run ${i + 1}/${repeats}: simulate ${sim.seconds.toFixed(1)} s, ingest ${ing.seconds.toFixed(1)} s, refresh+map+kpis ${ref.seconds.toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const events = Number(runs[0][0].events);
console.log(`Throughline ingest benchmark — ${orders.toLocaleString('en-US')} orders (${events.toLocaleString('en-US')} canonical events), median of ${repeats}`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
for (const [i, name] of ['simulate', 'ingest', 'refresh+map+kpis'].entries()) {
  const secs = median(runs.map((r) => r[i].seconds));
  const rss = median(runs.map((r) => r[i].peakRssMb));
  console.log(`${name.padEnd(18)} ${secs.toFixed(2).padStart(8)} s   ${(events / secs / 1000).toFixed(0).padStart(6)}k events/s   peak RSS ${rss.toFixed(0)} MB`);
}
const ref = runs.map((r) => r[2]);
console.log(`  refresh case views ${median(ref.map((r) => Number(r.refreshSeconds))).toFixed(2)} s, process map ${median(ref.map((r) => Number(r.mapSeconds))).toFixed(2)} s, overview KPIs ${median(ref.map((r) => Number(r.kpiSeconds))).toFixed(2)} s`);
