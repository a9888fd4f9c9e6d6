import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, listMigrations } from './index';

const dirs: string[] = [];
function tempStorePath(): string {
  const d = mkdtempSync(join(tmpdir(), 'tl-store-'));
  dirs.push(d);
  return join(d, 'store.duckdb');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the store', () => {
  it('applies every migration once and records it', async () => {
    const path = tempStorePath();
    const store = await Store.open(path);
    const rows = await store.sql<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    store.close();
    const again = await Store.open(path);
    const count = await again.sql<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
    expect(count[0].n).toBe(listMigrations().length);
    again.close();
  });

  it('lets a write still running when close() is called finish and commit before the handles close', async () => {
    const path = tempStorePath();
    const store = await Store.open(path);
    await store.transaction((tx) => tx.sql('CREATE TABLE close_probe (x INTEGER)').then(() => undefined));
    // Fire and forget, as a session touch is: close() comes while it waits inside the transaction.
    const write = store.transaction(async (tx) => {
      await new Promise((r) => setTimeout(r, 150));
      await tx.sql('INSERT INTO close_probe VALUES (42)');
    });
    store.close();
    await write;
    await store.closed();
    const again = await Store.open(path);
    expect(await again.sql<{ x: number }>('SELECT x FROM close_probe')).toEqual([{ x: 42 }]);
    again.close();
    await again.closed(); // nothing pending: settled at once
  });

  it('rolls a failed transaction back completely', async () => {
    const store = await Store.open(':memory:');
    await store.transaction((tx) => tx.sql("INSERT INTO meta VALUES ('a', '1')"));
    await expect(
      store.transaction(async (tx) => {
        await tx.sql("INSERT INTO meta VALUES ('b', '2')");
        await tx.append('meta', [['c', '3']]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await store.sql<{ key: string }>('SELECT key FROM meta ORDER BY key');
    expect(rows.map((r) => r.key)).toEqual(['a']);
  });

  it('returns counts as numbers, not bigints, and pins UTC', async () => {
    const store = await Store.open(':memory:');
    const [row] = await store.sql<{ n: unknown; tz: string }>(
      "SELECT count(*) AS n, current_setting('TimeZone') AS tz FROM range(5)",
    );
    expect(row.n).toBe(5);
    expect(row.tz).toBe('UTC');
  });

  it('binds named parameters instead of concatenating them', async () => {
    const store = await Store.open(':memory:');
    const rows = await store.sql<{ v: string }>('SELECT $x AS v', { x: "'; DROP TABLE events; --" });
    expect(rows[0].v).toBe("'; DROP TABLE events; --");
    expect((await store.sql('SELECT * FROM events')).length).toBe(0);
  });

  it('explains that a store held by another process cannot be opened', async () => {
    const path = tempStorePath();
    const store = await Store.open(path);
    const { execFileSync } = await import('node:child_process');
    let message = '';
    try {
      execFileSync(
        process.execPath,
        ['-e', `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(path)}).then(()=>process.exit(0),e=>{console.error(e.message);process.exit(3)})`],
        { stdio: 'pipe' },
      );
    } catch (err) {
      message = String((err as { stderr: Buffer }).stderr);
    }
    expect(message).toMatch(/lock/i);
    store.close();
  });
});

describe('the store generation', () => {
  it('moves on with every commit and autocommitted write, not with reads', async () => {
    const { Store: S } = await import('./connection');
    const store = await S.open(':memory:');
    try {
      const g0 = store.generation;
      await store.sql('SELECT 1');
      await store.query('mining/refresh/log-kind', { log_id: 'x' });
      expect(store.generation).toBe(g0);
      await store.transaction((tx) => tx.sql("INSERT INTO meta VALUES ('k', 'v')"));
      expect(store.generation).toBe(g0 + 1);
      await store.sql("UPDATE meta SET value = 'w' WHERE key = 'k'");
      expect(store.generation).toBe(g0 + 2);
      await store.sql("/* a comment */ -- and another\n SELECT * FROM meta");
      expect(store.generation).toBe(g0 + 2);
      await expect(store.transaction(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
      expect(store.generation).toBe(g0 + 2); // a rolled-back transaction changed nothing
    } finally {
      store.close();
    }
  });
});
