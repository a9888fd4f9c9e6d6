// Ingest safety at the process level: a run killed at any point leaves the store as it was before
// the run (or, once committed, as after it), and daily deltas give the same store as one full load.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../fixtures/sim/simulate';
import { Store } from '../sql';
import { refreshCaseViews } from '../mining';
import { ingest, ingestDirectory } from './index';

const bin = join(process.cwd(), 'bin', 'throughline.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tl-safety-'));
const src = join(dir, 'src');

beforeAll(async () => {
  await simulate({ orders: 4000, seed: 21, outDir: src });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Content of the data tables, without what differs between runs of the same input (run ids). */
async function content(store: Store): Promise<string> {
  const [r] = await store.sql<Record<string, string | number>>(`SELECT
    (SELECT count(*)::INTEGER FROM events) AS events,
    (SELECT md5(coalesce(string_agg(event_id || '|' || activity || '|' || ts::VARCHAR || '|' || coalesce(attrs::VARCHAR, ''), ',' ORDER BY event_id), '')) FROM events) AS events_hash,
    (SELECT count(*)::INTEGER FROM objects) AS objects,
    (SELECT md5(coalesce(string_agg(object_id || '|' || object_type, ',' ORDER BY object_id), '')) FROM objects) AS objects_hash,
    (SELECT count(*)::INTEGER FROM event_object) AS e2o,
    (SELECT count(*)::INTEGER FROM object_object) AS o2o,
    (SELECT count(*)::INTEGER FROM object_changes) AS changes,
    (SELECT count(*)::INTEGER FROM rejects) AS rejects`);
  return JSON.stringify(r);
}

async function contentOf(path: string): Promise<string> {
  const store = await Store.open(path);
  try {
    return await content(store);
  } finally {
    store.close();
  }
}

function runCli(args: string[], killAfterMs: number | null): Promise<{ code: number | null; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      done({ code, ms: Date.now() - started });
    });
  });
}

describe('ingest safety', () => {
  it('leaves the store exactly as before (or as after) when the ingest process is killed at any point', async () => {
    const base = join(dir, 'base.duckdb');
    (await Store.open(base)).close(); // migrated, empty
    const before = await contentOf(base);

    const full = join(dir, 'full.duckdb');
    copyFileSync(base, full);
    const complete = await runCli(['ingest', 'sap', join(src, 'sap'), '--store', full], null);
    expect(complete.code).toBe(0);
    const after = await contentOf(full);
    expect(after).not.toBe(before);

    const outcomes: string[] = [];
    for (const fraction of [0.15, 0.35, 0.55, 0.75, 0.9, 0.97]) {
      const path = join(dir, `kill-${fraction}.duckdb`);
      copyFileSync(base, path);
      const r = await runCli(['ingest', 'sap', join(src, 'sap'), '--store', path], Math.round(complete.ms * fraction));
      const state = await contentOf(path);
      expect([before, after], `killed at ${fraction} of the run (exit ${r.code})`).toContain(state);
      outcomes.push(state === before ? 'before' : 'after');
    }
    // Killing early must have interrupted at least one run; otherwise nothing was tested.
    expect(outcomes).toContain('before');
  });

  it('gives the same store from daily delta files, in any order of arrival, as from one full load', async () => {
    // A month of a smaller company keeps this to about a hundred runs.
    const src = join(dir, 'month');
    await simulate({ orders: 600, seed: 22, days: 30, outDir: src });
    const full = await Store.open(':memory:');
    await ingestDirectory(full, src);
    await refreshCaseViews(full, 'o2c');

    const daily = await Store.open(':memory:');
    // Billing and warehouse days first, newest day first, then the ERP: late and out-of-order.
    for (const kind of ['billing', 'wms-events', 'wms-legacy'] as const) {
      for (const f of readdirSync(join(src, kind)).sort()) await ingest(daily, kind, join(src, kind, f));
    }
    await ingest(daily, 'sap', join(src, 'sap'));
    await refreshCaseViews(daily, 'o2c');

    expect(await content(daily)).toBe(await content(full));
    const traces = (s: Store) =>
      s.sql<{ t: string }>(`SELECT md5(string_agg(case_id || ':' || seq || ':' || activity, ',' ORDER BY case_id, seq)) AS t FROM case_events WHERE log_id = 'o2c'`);
    expect((await traces(daily))[0].t).toBe((await traces(full))[0].t);
  });
});
