import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(process.cwd(), 'bin', 'throughline.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, THROUGHLINE_STORE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the throughline command', () => {
  it('lists its commands and gives each one --help', () => {
    const top = cli('--help');
    expect(top.code).toBe(0);
    for (const c of ['simulate', 'ingest', 'stats', 'serve']) {
      expect(top.out).toContain(c);
      const help = cli(c, '--help');
      expect(help.code, `${c} --help`).toBe(0);
      expect(help.out).toContain(`Usage: throughline ${c}`);
      expect(help.out).toContain('--store');
    }
  });

  it('refuses unknown commands, kinds and flags with a usage error', () => {
    expect(cli('frobnicate').code).toBe(2);
    const kind = cli('ingest', 'oracle', dir);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('unknown source kind "oracle"');
    const flag = cli('stats', '--bogus');
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/bogus/);
  });

  it('says there is no store yet instead of creating one for stats', () => {
    const r = cli('stats', '--store', join(dir, 'none.duckdb'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('No store at');
  });

  it('simulates, ingests and reports the same counts as the ground truth', () => {
    const src = join(dir, 'src');
    const store = join(dir, 'store.duckdb');
    const sim = cli('simulate', '--orders', '300', '--seed', '5', '--out', src, '--json');
    expect(sim.code, sim.err).toBe(0);
    const truth = JSON.parse(readFileSync(join(src, 'ground-truth.json'), 'utf8'));
    const ing = cli('ingest', 'all', src, '--store', store, '--json');
    expect(ing.code, ing.err).toBe(0);
    const results = JSON.parse(ing.out) as { sourceKind: string; status: string; rowsRejected: number }[];
    expect(results.map((r) => r.sourceKind)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing']);
    expect(results.reduce((s, r) => s + r.rowsRejected, 0)).toBe(truth.badRecords.length);
    const stats = cli('stats', '--store', store, '--json');
    expect(stats.code, stats.err).toBe(0);
    const s = JSON.parse(stats.out);
    const o2c = s.logs.find((l: { logId: string }) => l.logId === 'o2c');
    expect(o2c.events).toBe(truth.counts.events);
    expect(o2c.objectsByType.sales_order).toBe(truth.counts.orders);
    expect(o2c.cases).toBe(truth.counts.orders);
    expect(s.totals.rejects).toBe(truth.badRecords.length);
    // A second load of the same files changes nothing.
    const again = cli('ingest', 'all', src, '--store', store, '--json');
    expect(again.code, again.err).toBe(0);
    const s2 = JSON.parse(cli('stats', '--store', store, '--json').out);
    expect(s2.totals.events).toBe(s.totals.events);
    expect(s2.totals.objects).toBe(s.totals.objects);
  });
});
