import { resolve } from 'node:path';
import { intOption, parse } from '../args';


const USAGE = `Usage: throughline simulate --out DIR [--orders N] [--seed S] [--days D] [--load [--store PATH]] [--json]

Writes what a regional distributor's ERP (SAP table extracts), two warehouse systems and a
billing platform would export, plus ground-truth.json, into DIR. Same seed and size give
byte-identical files. Defaults: --orders 1000 --seed 42 --days 365.
With --load, the files are then ingested into the store (--store PATH, default
data/throughline.duckdb) exactly as \`throughline ingest all DIR\` would.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { out: { type: 'string', short: 'o' }, orders: { type: 'string', short: 'n' }, seed: { type: 'string' }, days: { type: 'string' }, load: { type: 'boolean' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error(`--out DIR is required\n\n${USAGE}`);
    return 2;
  }
  const orders = intOption(values.orders, 'orders', 1000);
  const seed = intOption(values.seed, 'seed', 42);
  const days = intOption(values.days, 'days', 365);
  const outDir = resolve(values.out);
  const { simulate } = await import('../../fixtures/sim/simulate');
  const started = performance.now();
  const truth = await simulate({ orders, seed, days, outDir });
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    console.log(JSON.stringify({ outDir, orders, seed, days, seconds, counts: truth.counts }));
  } else {
    console.log(`Simulated ${orders.toLocaleString('en-US')} orders (seed ${seed}, ${days} days) into ${outDir} in ${seconds.toFixed(1)} s.`);
    console.log(`Ground truth: ${resolve(outDir, 'ground-truth.json')}`);
  }
  if (values.load) {
    const { run: ingest } = await import('./ingest');
    return ingest(['all', outDir, ...(values.store ? ['--store', values.store] : []), ...(values.json ? ['--json'] : [])]);
  }
  return 0;
}
