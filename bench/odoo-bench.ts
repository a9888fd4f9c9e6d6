// Odoo ingest benchmark: `npx tsx bench/odoo-bench.ts [orders=100000]`.
// Starts a private PostgreSQL 15 (fixtures/pg), simulates N orders into it as Odoo tables
// (fixtures/sim/odoo), then ingests them in a fresh process (so its peak RSS is the ingest's own):
// a full first run, an incremental run with nothing changed, and one after deleting 1,000 order
// lines and 100 pickings (with their moves) in Odoo. Prints seconds, peak RSS and the peak of the
// JS heap (what the extractor and mapper hold; the rest of RSS is DuckDB's, see bench/README.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

async function child(storePath: string): Promise<void> {
  const { Store } = await import('../sql');
  const { ingestOdoo } = await import('../ingest/odoo');
  const pg = (await import('pg')).default;
  const url = process.env.TL_ODOO_URL ?? '';
  const store = await Store.open(storePath);
  let heapPeak = 0;
  const sample = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 200);
  const runs = [];
  const odoo = async (text: string): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(text).finally(() => c.end());
  };
  const steps: Array<[string, () => Promise<void>]> = [
    ['full', async () => undefined],
    ['incremental (no changes)', async () => undefined],
    [
      'incremental (1,000 lines, 100 pickings deleted)',
      () =>
        odoo(`DELETE FROM sale_order_line WHERE id IN (SELECT id FROM sale_order_line ORDER BY id DESC LIMIT 1000);
              DELETE FROM stock_move WHERE picking_id IN (SELECT id FROM stock_picking ORDER BY id DESC LIMIT 100);
              DELETE FROM stock_picking WHERE id IN (SELECT id FROM stock_picking ORDER BY id DESC LIMIT 100);`),
    ],
  ];
  for (const [label, before] of steps) {
    await before();
    const t0 = performance.now();
    const r = await ingestOdoo(store, url, { logId: 'o2c-odoo' });
    runs.push({ run: label, seconds: (performance.now() - t0) / 1000, rowsRead: r.rowsRead, rowsDeleted: r.rowsDeleted, eventsAdded: r.eventsAdded, objectsAdded: r.objectsAdded });
  }
  clearInterval(sample);
  store.close();
  process.stdout.write(
    `${JSON.stringify({ runs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapPeakMb: Math.round(heapPeak / 2 ** 20) })}\n`,
  );
}

async function main(): Promise<void> {
  const orders = Number(process.argv[2] ?? 100_000);
  const { startPg } = await import('../fixtures/pg/server');
  const { writeOdoo } = await import('../fixtures/sim/odoo/writer');
  const work = mkdtempSync(join(tmpdir(), 'tl-odoo-bench-'));
  const pg = await startPg();
  try {
    await pg.createDatabase('odoo');
    const t0 = performance.now();
    const { truth } = await writeOdoo({ orders, seed: 42, outDir: join(work, 'sim') }, (sql) => pg.psql('odoo', sql));
    const loadSeconds = (performance.now() - t0) / 1000;
    const rows = Object.values(truth.rows).reduce((a, b) => a + b, 0);
    console.log(`machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
    console.log(`simulate + load into PostgreSQL: ${orders} orders, ${rows} Odoo rows, ${loadSeconds.toFixed(1)} s (simulator peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', join(work, 'store.duckdb')], {
      encoding: 'utf8',
      env: { ...process.env, TL_ODOO_URL: pg.url('odoo') },
      maxBuffer: 16 << 20,
    });
    if (r.status !== 0) throw new Error(`ingest process failed: ${r.stderr}`);
    if (process.env.TL_INGEST_PROFILE) process.stderr.write(r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
      runs: Array<{ run: string; seconds: number; rowsRead: number; rowsDeleted: number; eventsAdded: number; objectsAdded: number }>;
      peakRssMb: number;
      heapPeakMb: number;
    };
    for (const run of out.runs) {
      console.log(
        `ingest ${run.run}: ${run.seconds.toFixed(1)} s, ${run.rowsRead} rows read, ${run.rowsDeleted} deleted, ${run.eventsAdded} events, ${run.objectsAdded} objects` +
          (run.seconds > 0 && run.rowsRead > 0 ? `, ${Math.round(run.rowsRead / run.seconds)} rows/s` : ''),
      );
    }
    console.log(`ingest process peak RSS: ${out.peakRssMb} MB (JS heap peak ${out.heapPeakMb} MB; DuckDB memory_limit ${process.env.THROUGHLINE_MEMORY_LIMIT ?? 'default'})`);
  } finally {
    pg.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? ':memory:');
else await main();
