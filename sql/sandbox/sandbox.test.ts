// The sandbox over a real simulated store: answers equal the store's own, Arrow types, the row
// cap, the snapshot's allowlist and refresh, exports, the schema, time limits and the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { existsSync, readdirSync } from 'node:fs';
import { simulatedStore, type SimulatedStore } from '../../mining/testing/simulated-store';
import { parseCsv } from '../../mining/testing/parse-csv';
import { isCancelled } from '../cancel';
import { SqlRefusedError, SqlTimeoutError, SqlSandbox } from '.';

let sim: SimulatedStore;
let sb: SqlSandbox;
beforeAll(async () => {
  sim = await simulatedStore({ orders: 300, seed: 21 }, 'tl-sandbox-');
  sb = new SqlSandbox(sim.store, { timeoutMs: 1500, maxRows: 50, maxConcurrent: 2 });
});
afterAll(async () => {
  await sb?.close();
  sim?.close();
});

const bytes = async (it: AsyncIterable<Uint8Array>) => {
  const parts: Uint8Array[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
};

describe('the SQL sandbox', () => {
  it('answers what the store answers, as Arrow with the right types', async () => {
    const [want] = await sim.store.sql<{ n: number; amt: number }>(
      "SELECT count(*)::INTEGER AS n, sum(amount) AS amt FROM events WHERE log_id = 'o2c'",
    );
    const r = await sb.run(
      `SELECT count(*) AS n, sum(amount) AS amt, 42::TINYINT AS i8, 9007199254740993::HUGEINT AS big, 1.25::DECIMAL(10,2) AS dec,
              'x' AS s, true AS b, DATE '2025-03-04' AS d, TIMESTAMP '2025-03-04 05:06:07.891' AS ts,
              TIMESTAMPTZ '2025-03-04 05:06:07+00' AS tstz, INTERVAL 3 DAY AS iv, [1, 2] AS l, {'a': 1} AS st, NULL::INTEGER AS nul
       FROM events WHERE log_id = 'o2c'`,
    );
    expect(r.rows).toBe(1);
    expect(r.capped).toBe(false);
    expect(r.columns.map((c) => c.type)).toEqual([
      'BIGINT', 'DOUBLE', 'TINYINT', 'HUGEINT', 'DECIMAL(10,2)', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIMESTAMP',
      'TIMESTAMP WITH TIME ZONE', 'INTERVAL', 'INTEGER[]', 'STRUCT("a" INTEGER)', 'INTEGER',
    ]);
    const t = tableFromIPC(r.arrow);
    const row = t.get(0)!.toJSON();
    expect(row.n).toBe(want.n);
    expect(row.amt).toBeCloseTo(want.amt, 6);
    expect(row.i8).toBe(42);
    expect(row.big).toBe(9007199254740992); // beyond 2^53: rounded (documented)
    expect(row.dec).toBe(1.25);
    expect(row.s).toBe('x');
    expect(row.b).toBe(true);
    expect(row.d).toBe(Date.UTC(2025, 2, 4));
    expect(row.ts).toBe(Date.UTC(2025, 2, 4, 5, 6, 7, 891));
    expect(row.tstz).toBe(Date.UTC(2025, 2, 4, 5, 6, 7));
    expect(row.iv).toBe('3 days');
    expect(row.l).toBe('[1, 2]');
    expect(row.st).toBe("{'a': 1}");
    expect(row.nul).toBeNull();
    expect(t.schema.fields.map((f) => String(f.type))).toEqual([
      'Float64', 'Float64', 'Int32', 'Float64', 'Float64', 'Utf8', 'Bool', 'Date32<DAY>', 'Timestamp<MILLISECOND>',
      'Timestamp<MILLISECOND, UTC>', 'Utf8', 'Utf8', 'Utf8', 'Int32',
    ]);
    expect(r.snapshot.generation).toBe(sim.store.generation);
  });

  it('caps rows at maxRows and says so; a result at the cap is not capped', async () => {
    const capped = await sb.run('SELECT * FROM range(100000) t(i)');
    expect(capped.rows).toBe(50);
    expect(capped.capped).toBe(true);
    expect(tableFromIPC(capped.arrow).numRows).toBe(50);
    const exact = await sb.run('SELECT * FROM range(7) t(i)', { maxRows: 7 });
    expect([exact.rows, exact.capped]).toEqual([7, false]);
    const big = await sb.run('SELECT i, i * 2 AS j FROM range(5000) t(i) ORDER BY i', { maxRows: 4000 });
    const t = tableFromIPC(big.arrow);
    expect([big.rows, big.capped, t.numRows]).toEqual([4000, true, 4000]);
    expect(t.getChild('j')!.get(3999)).toBe(7998);
    const empty = await sb.run("SELECT * FROM events WHERE log_id = 'none'");
    expect([empty.rows, empty.capped, tableFromIPC(empty.arrow).numRows]).toEqual([0, false, 0]);
  });

  it('keeps duplicate column names apart', async () => {
    const r = await sb.run('SELECT 1 AS a, 2 AS a');
    expect(r.columns.map((c) => c.name)).toEqual(['a', 'a:1']);
    expect(tableFromIPC(r.arrow).get(0)!.toJSON()).toEqual({ a: 1, 'a:1': 2 });
  });

  it('runs the process macros and the case_events view inside the snapshot', async () => {
    const [want] = await sim.store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM tl_variants('o2c', 'order')");
    const r = await sb.run("SELECT count(*) AS n, sum(cases) AS cases FROM tl_variants('o2c', 'order')");
    const got = tableFromIPC(r.arrow).get(0)!.toJSON();
    expect(got.n).toBe(want.n);
    expect(got.cases).toBe(300);
    const [ce] = await sim.store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM case_events');
    const r2 = await sb.run('SELECT count(*) AS n FROM case_events');
    expect(tableFromIPC(r2.arrow).get(0)!.toJSON().n).toBe(ce.n);
  });

  it('runs DESCRIBE and SUMMARIZE of analyst tables', async () => {
    const d = tableFromIPC((await sb.run('DESCRIBE events')).arrow);
    const cols = d.toArray().map((r) => r.toJSON() as { column_name: string; column_type: string });
    expect(cols.find((c) => c.column_name === 'ts')?.column_type).toBe('TIMESTAMP');
    const s = await sb.run('SUMMARIZE SELECT net_value FROM cases');
    const row = tableFromIPC(s.arrow).get(0)!.toJSON() as { column_name: string; count: number };
    expect(row.column_name).toBe('net_value');
    const [n] = await sim.store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM cases');
    expect(row.count).toBe(n.n);
  });

  it('copies only the allowlisted tables', async () => {
    const schema = await sb.schema();
    const names = schema.tables.map((t) => t.name);
    expect(names).toContain('events');
    expect(names).toContain('cases');
    expect(names).toContain('case_events');
    for (const hidden of ['schema_migrations', 'meta', 'ingest_runs', 'odoo_watermarks', 'object_aliases', 'rejects', 'notebooks']) {
      expect(names).not.toContain(hidden);
    }
    expect(schema.tables.find((t) => t.name === 'case_events')?.kind).toBe('view');
    const events = schema.tables.find((t) => t.name === 'events')!;
    expect(events.columns.find((c) => c.name === 'ts')?.type).toBe('TIMESTAMP');
    expect(events.description).toMatch(/event/i);
    const dfg = schema.macros.find((m) => m.name === 'tl_dfg')!;
    expect(dfg).toMatchObject({ kind: 'table', parameters: ['log', 'persp'] });
    expect(dfg.description).toMatch(/Directly-follows/);
    expect(schema.macros.map((m) => m.name).sort()).toEqual(['tl_case_durations', 'tl_cases', 'tl_dfg', 'tl_trace', 'tl_variants']);
    // Even past the gate, the snapshot file holds nothing else: the instance's own catalog.
    await expect(sb.run('SELECT count(*) FROM meta')).rejects.toThrow(SqlRefusedError);
  });

  it('answers from the previous snapshot while a new one builds, then from the new one', async () => {
    const before = await sb.run("SELECT count(*) AS n FROM logs");
    const n0 = tableFromIPC(before.arrow).get(0)!.toJSON().n as number;
    await sim.store.transaction((tx) => tx.sql("INSERT INTO logs VALUES ('extra', 'Extra', 'csv', now()::TIMESTAMP)"));
    const during = await sb.run('SELECT count(*) AS n FROM logs');
    expect(during.snapshot.generation).toBe(before.snapshot.generation);
    expect(tableFromIPC(during.arrow).get(0)!.toJSON().n).toBe(n0);
    const info = await sb.refresh();
    expect(info.generation).toBe(sim.store.generation);
    const after = await sb.run('SELECT count(*) AS n FROM logs');
    expect(after.snapshot).toEqual(info);
    expect(tableFromIPC(after.arrow).get(0)!.toJSON().n).toBe(n0 + 1);
    // The old snapshot file is gone once nothing uses it.
    const files = readdirSync(sb.limits.snapshotDir).filter((f) => f.endsWith('.duckdb'));
    expect(files).toHaveLength(1);
    // A commit that leaves the analyst tables as they were (e.g. a notebook save) rebuilds nothing.
    const builds = sb.builds.length;
    await sim.store.transaction((tx) => tx.sql("INSERT INTO meta VALUES ('sandbox-test', 'x')"));
    await sb.refresh();
    expect(sb.builds.length).toBe(builds);
  });

  it('exports the full result as CSV and as Parquet', async () => {
    const csv = (await bytes(await sb.export("SELECT i, 'a,b' AS s, NULL AS z FROM range(120) t(i) ORDER BY i", 'csv'))).toString('utf8');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['i', 's', 'z']);
    expect(rows).toHaveLength(121); // no row cap on exports
    expect(rows[120]).toEqual(['119', 'a,b', '']);
    const pq = await bytes(await sb.export('SELECT i, i * 0.5 AS h FROM range(3000) t(i)', 'parquet'));
    expect(pq.subarray(0, 4).toString()).toBe('PAR1');
    // Read it back in the store (a trusted instance) to check the content.
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/tl-sandbox-pq-');
    try {
      writeFileSync(`${dir}/r.parquet`, pq);
      const [r] = await sim.store.sql<{ n: number; h: number }>(`SELECT count(*)::INTEGER AS n, sum(h)::DOUBLE AS h FROM '${dir}/r.parquet'`);
      expect(r).toEqual({ n: 3000, h: (2999 * 3000) / 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(sb.export('COPY events TO \'/tmp/x.csv\'', 'parquet')).rejects.toThrow(SqlRefusedError);
  });

  it('stops a query at the time limit and one whose signal aborts', async () => {
    const slow = 'SELECT count(*) FROM range(100000000000) a';
    await expect(sb.run(slow)).rejects.toThrow(SqlTimeoutError);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const err = await sb.run(slow, { signal: ac.signal }).catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
    // A signal aborted before the query starts: nothing runs, nothing stays held.
    const gone = new AbortController();
    gone.abort();
    expect(isCancelled(await sb.run('SELECT 1', { signal: gone.signal }).catch((e: unknown) => e))).toBe(true);
    expect(isCancelled(await sb.export('SELECT 1', 'csv', { signal: gone.signal }).catch((e: unknown) => e))).toBe(true);
    // An export idle past the limit is closed too; reading it then says why.
    const it = await sb.export('SELECT * FROM range(10000000)', 'csv');
    await new Promise((r) => setTimeout(r, 1700));
    await expect(bytes(it)).rejects.toThrow(SqlTimeoutError);
    expect(sb.load).toEqual({ running: 0, queued: 0 });
  });

  it('runs at most maxConcurrent queries; the others wait in the queue', async () => {
    const slow = 'SELECT count(*) FROM range(100000000000) a';
    const until = async (ok: () => boolean) => {
      while (!ok()) await new Promise((r) => setTimeout(r, 10));
    };
    const runs = [sb.run(slow), sb.run(slow)];
    await until(() => sb.load.running === 2);
    runs.push(sb.run('SELECT 1 AS one'));
    await until(() => sb.load.queued === 1);
    expect(sb.load).toEqual({ running: 2, queued: 1 });
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });

  it('removes the snapshots an earlier process left, and nothing else', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/tl-sandbox-left-');
    try {
      writeFileSync(`${dir}/4-123-1.duckdb`, 'old');
      writeFileSync(`${dir}/5-123-2.duckdb.building`, 'half');
      mkdirSync(`${dir}/5-123-2.duckdb.building.tmp`);
      writeFileSync(`${dir}/notes.txt`, 'keep');
      const other = new SqlSandbox(sim.store, { snapshotDir: dir });
      expect(readdirSync(dir)).toEqual(['notes.txt']);
      await other.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes its snapshot files when closed', async () => {
    const other = new SqlSandbox(sim.store, {});
    await other.run('SELECT 1');
    const dir = other.limits.snapshotDir;
    expect(readdirSync(dir).some((f) => f.endsWith('.duckdb'))).toBe(true);
    await other.close();
    expect(existsSync(dir)).toBe(false);
  });
});
