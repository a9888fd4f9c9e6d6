// XES import speed against plain decompression of the same file:
//   npx tsx bench/xes-bench.ts [file.xes.gz] [repeats] [--pipeline]
// (--pipeline: the old path through the shared staging pipeline, for before/after figures)
// (default: bpic2012.xes.gz from $THROUGHLINE_DATASETS or ../shared/datasets, 3 repeats). Each
// import runs in a fresh process into a fresh in-memory store, so its peak RSS is its own; prints
// the median of each (wall and CPU seconds), the ratios and the peak RSS. Issue 3's acceptance:
// the wall ratio under 4×. The machine is shared: compare only figures from the same run.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Store } from '../sql';
import { importXes } from '../ingest/xes';
import { dataset } from '../ingest/xes/testing';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function child(file: string, via: 'fast' | 'pipeline'): Promise<void> {
  const store = await Store.open(':memory:');
  const t = performance.now();
  const r = await importXes(store, file, { logId: 'bench', via });
  const seconds = (performance.now() - t) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, pipelineSeconds: r.durationMs / 1000, events: r.eventsAdded, rssMb })}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4] === 'pipeline' ? 'pipeline' : 'fast');
  const via = process.argv.includes('--pipeline') ? 'pipeline' : 'fast';
  const args = process.argv.slice(2).filter((a) => a !== '--pipeline');
  const file = args[0] ?? dataset('bpic2012.xes.gz');
  const repeats = Number(args[1] ?? 3);
  const gz = file.endsWith('.gz');
  const plain: number[] = [];
  const plainCpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const cmd = `TIMEFORMAT='%U %S'; time ${gz ? 'gzip -dc' : 'cat'} "$1" > /dev/null`;
    const r = spawnSync('bash', ['-c', cmd, 'bash', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gzip failed: ${r.stderr}`);
    plain.push((performance.now() - t) / 1000);
    const [u, sys] = r.stderr.trim().split(/\s+/).map(Number);
    plainCpu.push(u + sys);
  }
  const runs: { seconds: number; cpuSeconds: number; pipelineSeconds: number; events: number; rssMb: number }[] = [];
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < repeats; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', file, via], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}'));
  }
  const base = median(plain);
  const imp = median(runs.map((r) => r.seconds));
  console.log(`file            ${file} (${via} path)`);
  console.log(`machine         ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  console.log(`${gz ? 'gzip -dc' : 'cat     '}        ${base.toFixed(2)} s (median of ${repeats})`);
  console.log(`import          ${imp.toFixed(2)} s (median of ${repeats}; read+load+write ${median(runs.map((r) => r.pipelineSeconds)).toFixed(2)} s, the rest is log metadata, activity instances and COMMIT in the same transaction)`);
  console.log(`ratio           ${(imp / base).toFixed(1)}× wall`);
  const cpuImp = median(runs.map((r) => r.cpuSeconds));
  const cpuBase = median(plainCpu);
  console.log(`CPU seconds     import ${cpuImp.toFixed(2)} (all threads, process start included) vs ${cpuBase.toFixed(2)}: ${(cpuImp / cpuBase).toFixed(1)}× (steadier on a busy machine)`);
  console.log(`events          ${runs[0].events} (${Math.round(runs[0].events / imp)} per second)`);
  console.log(`peak RSS        ${Math.round(Math.max(...runs.map((r) => r.rssMb)))} MB (largest of ${repeats} import processes)`);
}

await main();
