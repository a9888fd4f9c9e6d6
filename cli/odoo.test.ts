// `throughline ingest odoo` against a real PostgreSQL holding a simulated Odoo company: loads
// once, a second run reads nothing new, a third notices a row deleted in Odoo, and the password
// never shows.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPg, type PgServer } from '../fixtures/pg/server';
import { writeOdoo } from '../fixtures/sim/odoo/writer';

const bin = join(process.cwd(), 'bin', 'throughline.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tl-cli-odoo-'));
const store = join(dir, 'store.duckdb');
let pg: PgServer;

beforeAll(async () => {
  pg = await startPg();
  await pg.createDatabase('odoo');
  await writeOdoo({ orders: 150, seed: 3, outDir: join(dir, 'sim') }, (sql) => pg.psql('odoo', sql));
});
afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('throughline ingest odoo', () => {
  it('loads the Odoo orders once, then reads only what changed, never printing the password', async () => {
    const first = cli('ingest', 'odoo', pg.url('odoo'), '--store', store, '--json');
    expect(first.code, first.err).toBe(0);
    expect(first.out + first.err).not.toContain(pg.password);
    const [r1] = JSON.parse(first.out);
    expect(r1.logId).toBe('o2c-odoo');
    expect(r1.rowsRead).toBeGreaterThan(0);
    expect(r1.sourcePath).toContain('***');

    const second = cli('ingest', 'odoo', pg.url('odoo'), '--store', store, '--json');
    expect(second.code, second.err).toBe(0);
    const [r2] = JSON.parse(second.out);
    expect([r2.rowsRead, r2.eventsAdded]).toEqual([0, 0]);

    await pg.psql('odoo', 'DELETE FROM stock_picking WHERE id = 3;\n');
    const third = cli('ingest', 'odoo', pg.url('odoo'), '--store', store, '--json');
    expect(third.code, third.err).toBe(0);
    const [r3] = JSON.parse(third.out);
    expect([r3.rowsRead, r3.rowsDeleted, r3.deleted, r3.eventsAdded]).toEqual([0, 1, { stock_picking: 1 }, 1]);

    const stats = JSON.parse(cli('stats', '--log', 'o2c-odoo', '--store', store, '--json').out);
    expect(stats.cases).toBe(150);
    expect(readFileSync(store).includes(Buffer.from(pg.password))).toBe(false);
  });
});
