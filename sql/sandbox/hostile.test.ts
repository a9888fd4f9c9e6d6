// The hostile-SQL corpus (issue 6, "Safety"): every statement is refused by the gate or cut off
// by a limit, never does its harm (the store keeps its tables and row counts, no file is written),
// the sandbox answers a normal query right after each, and other users' queries, on the store
// and on the sandbox, still answer while hostile ones run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../fixtures/sim/simulate';
import { ingestDirectory } from '../../ingest';
import { refreshCaseViews } from '../../mining/refresh';
import { Store } from '../connection';
import { ident } from '../query-files';
import { DuckDBInstance } from '@duckdb/node-api';
import { ANALYST_TABLES, SqlRefusedError, SqlSandbox, SqlTimeoutError } from '.';
import { hostileCorpus, type HostileCase } from './hostile-corpus';

let dir: string;
let store: Store;
let sb: SqlSandbox;
let target: string;
let before: Record<string, number>;
let cases: number;
let corpus: HostileCase[];

/** Every table of the store (hidden ones too) with its exact row count. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await store.sql<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(name)}`))[0].n;
  return out;
}

const outcome = async (sql: string) => {
  try {
    const r = await sb.run(sql);
    return { ok: true as const, result: r };
  } catch (err) {
    return { ok: false as const, err: err as Error };
  }
};

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
};

const countCases = async () => tableFromIPC((await sb.run('SELECT count(*) AS n FROM cases')).arrow).get(0)!.toJSON().n as number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-hostile-'));
  await simulate({ orders: 200, seed: 5, outDir: join(dir, 'src') });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, join(dir, 'src'));
  await refreshCaseViews(store, 'o2c');
  target = join(dir, 'target');
  mkdirSync(target);
  corpus = hostileCorpus({ store: join(dir, 'store.duckdb'), target });
  sb = new SqlSandbox(store, { timeoutMs: 1500, memoryLimit: '256MB', maxRows: 100, maxConcurrent: 2 });
  cases = (await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases"))[0].n;
  expect(await countCases()).toBe(cases);
  before = await tableCounts();
});

afterAll(async () => {
  await sb?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the hostile-SQL corpus', () => {
  it('holds at least forty statements, each with a label of its own', () => {
    const list = hostileCorpus({ store: '/x', target: '/y' });
    expect(list.length).toBeGreaterThanOrEqual(40);
    expect(new Set(list.map((c) => c.label)).size).toBe(list.length);
  });

  // One test per statement, named by its label.
  for (const c of hostileCorpus({ store: 'STORE', target: 'TARGET' })) {
    it(`${c.expect}: ${c.label}`, async () => {
      const h = corpus.find((x) => x.label === c.label)!;
      const o = await outcome(h.sql);
      if (h.expect === 'refused') {
        expect(o.ok, `${h.label} ran`).toBe(false);
        if (!o.ok) {
          expect(o.err, `${h.label}: ${o.err.message}`).toBeInstanceOf(SqlRefusedError);
          expect(o.err.message).toMatch(h.why!);
        }
        // The gate alone says the same.
        await expect(sb.check(h.sql)).rejects.toThrow(SqlRefusedError);
      } else {
        // Cut off: by the time limit, the memory limit, or the row cap — never a full answer.
        if (o.ok) {
          expect(o.result.capped, `${h.label} returned a full answer`).toBe(true);
          expect(o.result.rows).toBe(100);
        } else {
          const cut = o.err instanceof SqlTimeoutError || /Out of Memory|memory limit|could not allocate|max_temp_directory_size/i.test(o.err.message);
          expect(cut, `${h.label}: ${o.err.name}: ${o.err.message}`).toBe(true);
        }
      }
      // The sandbox answers a normal query right after.
      expect(await countCases()).toBe(cases);
    });
  }

  it('other users still get answers while hostile queries run (store and sandbox)', async () => {
    const hog = 'SELECT count(*), sum(a.amount * b.amount) FROM events a, events b, events c';
    // Six hostile queries: two run (the cap), four wait; each is cut at the time limit.
    let settled = 0;
    const hostile = Array.from({ length: 6 }, () => sb.run(hog).catch((e: unknown) => e).finally(() => settled++));
    await until(() => sb.load.running === 2 && sb.load.queued === 4);
    // A dashboard read on the store answers while both running hostile queries still run: they
    // hold at most two of libuv's four threads (sql/README.md "Sandbox").
    const [n] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cases');
    expect(n.n).toBe(cases);
    expect(settled).toBe(0);
    // A normal notebook query answers once the queue reaches it.
    expect(await countCases()).toBe(cases);
    for (const e of await Promise.all(hostile)) expect(e).toBeInstanceOf(SqlTimeoutError);
  });

  it('without the concurrency cap, four hung sandbox queries would hold every libuv thread and stall the store', async () => {
    const wide = new SqlSandbox(store, { timeoutMs: 2000, maxConcurrent: 4, snapshotDir: join(dir, 'wide') });
    try {
      await wide.run('SELECT 1');
      const hog = 'SELECT count(*) FROM range(1000000000000)';
      let cut = 0;
      const hung = Array.from({ length: 4 }, () => wide.run(hog).catch((e: unknown) => e).finally(() => cut++));
      await until(() => wide.load.running === 4);
      await new Promise((r) => setTimeout(r, 300)); // each has reached DuckDB's execution
      await store.sql('SELECT count(*) FROM cases');
      // The store's read could only run once a sandbox query was cut and gave its thread back:
      // what maxConcurrent = 2 prevents.
      expect(cut).toBeGreaterThan(0);
      await Promise.all(hung);
    } finally {
      await wide.close();
    }
  });

  it('holds nothing but the allowlist in the snapshot file (checked from outside the sandbox)', async () => {
    const snapDir = join(dir, 'store.duckdb.analyst');
    const file = readdirSync(snapDir).find((f) => f.endsWith('.duckdb'))!;
    const instance = await DuckDBInstance.create(join(snapDir, file), { access_mode: 'READ_ONLY' });
    try {
      const conn = await instance.connect();
      const names = (await conn.runAndReadAll(
        `SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = current_database()
         UNION ALL SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal
         UNION ALL SELECT schema_name || '.' || sequence_name FROM duckdb_sequences() WHERE database_name = current_database()
         UNION ALL SELECT DISTINCT schema_name || '.' || function_name FROM duckdb_functions() WHERE database_name = current_database() AND NOT internal`,
      )).getRowsJS().map((r) => String(r[0]));
      conn.closeSync();
      const allowed = new Set([...Object.keys(ANALYST_TABLES), 'tl_trace', 'tl_dfg', 'tl_variants', 'tl_cases', 'tl_case_durations'].map((n) => `main.${n}`));
      expect(names.filter((n) => !allowed.has(n))).toEqual([]);
      expect(names).toContain('main.events');
      expect(names).toContain('main.case_events');
      expect(names).toContain('main.tl_dfg');
    } finally {
      instance.closeSync();
    }
  });

  it('copies committed changes still in the WAL into the snapshot, never uncommitted ones (a write transaction open meanwhile)', async () => {
    const conn = await store.connect();
    const other = new SqlSandbox(store, { snapshotDir: join(dir, 'wide') });
    try {
      // A committed change still in the WAL must reach the snapshot; an uncommitted one must not.
      await store.transaction((tx) => tx.sql("INSERT INTO logs VALUES ('committed', 'C', 'csv', now()::TIMESTAMP)"));
      await conn.run('BEGIN TRANSACTION');
      await conn.run("INSERT INTO logs VALUES ('uncommitted', 'U', 'csv', now()::TIMESTAMP)");
      const r = await other.run(
        "SELECT count(*) FILTER (WHERE log_id = 'committed') AS c, count(*) FILTER (WHERE log_id = 'uncommitted') AS u, count(*) AS n FROM logs",
      );
      expect(tableFromIPC(r.arrow).get(0)!.toJSON()).toEqual({ c: 1, u: 0, n: before.logs + 1 });
    } finally {
      await conn.run('ROLLBACK');
      conn.closeSync();
      await other.close();
      await store.transaction((tx) => tx.sql("DELETE FROM logs WHERE log_id = 'committed'"));
    }
  });

  it('left the store as it was and wrote no file', async () => {
    expect(await tableCounts()).toEqual(before);
    expect(readdirSync(target)).toEqual([]);
    // Only the store's own files (its WAL and spill folder), the snapshots and the test's folders.
    const own = new Set(['src', 'store.duckdb', 'store.duckdb.wal', 'store.duckdb.tmp', 'store.duckdb.analyst', 'target', 'wide']);
    expect(readdirSync(dir).filter((f) => !own.has(f))).toEqual([]);
    for (const f of readdirSync(join(dir, 'store.duckdb.analyst'))) expect(f).toMatch(/^\d+-\d+-\d+\.duckdb(\.tmp)?$/);
    expect(await countCases()).toBe(cases);
  });
});
