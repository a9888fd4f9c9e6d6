// The analyst snapshot: a DuckDB file per store state, written by the store's owner, that the
// sandbox opens READ_ONLY (sql/README.md "Sandbox" says why it is a copy and not the store).
//
// A store file is copied whole: under the store's writer lock, CHECKPOINT (the file then holds
// everything) and a file copy (a few seconds at 1M orders: the OS copies 2.7 GB, DuckDB
// re-encodes nothing); then, in an instance of its own on the copy, everything not on the
// allowlist is dropped (tables, views, sequences, schemas, macros) and the process macros
// re-created, before any sandbox opens it. Dropped tables' bytes stay in the copy's free blocks,
// which no SQL can reach (the sandbox has no file access) — the copy holds nothing the store file
// beside it does not. Writers wait for the checkpoint and the copy only; readers never wait.
//
// An in-memory store (tests) has no file: through one read connection of the store, ATTACH a new
// file and in ONE transaction `CREATE TABLE snap.t AS FROM main.t` for each allowlisted table (a
// consistent state, no writer blocked; measured 128 s at 1M orders, hence the file copy above),
// with the view case_events re-created from the store's own definition and the process macros
// from their migration file, inside the snapshot so they bind to its tables.
//
// Either way the file is written as `<name>.building` and renamed when complete, so a crash never
// leaves a half snapshot that looks whole.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../connection';
import { listMigrations } from '../migrate';
import { ident } from '../query-files';
import { ANALYST_TABLES } from './allowlist';

/** Tables whose timestamps change when derived data is rebuilt (they are not copied themselves). */
const STATE_STAMPS: [table: string, column: string][] = [
  ['ingest_runs', 'finished_at'],
  ['case_view_state', 'refreshed_at'],
  ['sla_state', 'refreshed_at'],
  ['conformance_runs', 'computed_at'],
  ['exception_state', 'computed_at'],
  ['logs', 'created_at'],
];

interface CatalogEntry {
  name: string;
  kind: 'table' | 'view';
  sql: string | null;
}

/** The store's tables and views (main schema), with a view's CREATE text. */
async function storeCatalog(conn: DuckDBConnection): Promise<Map<string, CatalogEntry>> {
  const reader = await conn.runAndReadAll(
    `SELECT table_name AS name, 'table' AS kind, NULL AS sql FROM duckdb_tables()
       WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
     UNION ALL
     SELECT view_name, 'view', sql FROM duckdb_views()
       WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary`,
  );
  const out = new Map<string, CatalogEntry>();
  for (const [name, kind, sql] of reader.getRowsJS()) out.set(String(name), { name: String(name), kind: kind as 'table' | 'view', sql: sql as string | null });
  return out;
}

/**
 * What the analyst tables hold, cheaply: row counts of the copied tables and the timestamps the
 * store's refreshes leave. Store.generation counts every commit (a notebook autosave, the
 * exception cache), so the snapshot is rebuilt only when this key changes.
 */
export async function contentKey(store: Store): Promise<string> {
  const conn = await store.connect();
  try {
    return await contentKeyOn(conn, await storeCatalog(conn), '');
  } finally {
    conn.closeSync();
  }
}

async function contentKeyOn(conn: DuckDBConnection, catalog: Map<string, CatalogEntry>, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const name of Object.keys(ANALYST_TABLES)) {
    if (catalog.get(name)?.kind === 'table') parts.push(`(SELECT count(*) FROM ${prefix}${ident(name)})::VARCHAR`);
  }
  if (catalog.has('events')) parts.push(`(SELECT coalesce(max(seq), 0) FROM ${prefix}events)::VARCHAR`);
  for (const [table, column] of STATE_STAMPS) {
    if (catalog.has(table)) parts.push(`(SELECT coalesce(max(${ident(column)})::VARCHAR, '-') FROM ${prefix}${ident(table)})`);
  }
  if (!parts.length) return 'empty';
  const reader = await conn.runAndReadAll(`SELECT concat_ws('/', ${parts.join(', ')})`);
  return String(reader.getRows()[0][0]);
}

export interface BuiltSnapshot {
  path: string;
  key: string;
  tables: string[];
  seconds: number;
  /** How long writers waited (checkpoint + file copy); 0 for the table copy, which blocks none. */
  writerPausedSeconds: number;
}

let builds = 0;

/** Writes the analyst snapshot of `store` to `<dir>/<generation>-<pid>-<n>.duckdb`. */
export async function buildSnapshot(store: Store, dir: string, generation: number): Promise<BuiltSnapshot> {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${generation}-${process.pid}-${++builds}.duckdb`);
  const building = `${file}.building`;
  removeDbFile(building);
  let built: Awaited<ReturnType<typeof copyFile>>;
  if (store.path === ':memory:' || store.readOnly) built = await copyTables(store, building);
  else {
    try {
      built = await copyFile(store, building);
    } catch (err) {
      // A CHECKPOINT can be refused (another write transaction open); the table copy needs none.
      console.error(`analyst snapshot: file copy failed (${(err as Error).message.split('\n')[0]}); copying the tables instead`);
      built = await copyTables(store, building);
    }
  }
  renameSync(building, file);
  return { path: file, ...built, seconds: (performance.now() - t0) / 1000 };
}

/** The file copy (see the top of this file), then everything not allowlisted dropped. */
async function copyFile(store: Store, building: string): Promise<{ key: string; tables: string[]; writerPausedSeconds: number }> {
  let key = '';
  let writerPausedSeconds = 0;
  try {
    await store.whileCheckpointed(async () => {
      key = await contentKey(store);
      copyFileSync(resolve(store.path), building);
    }, (s) => (writerPausedSeconds = s));
    const instance = await DuckDBInstance.create(building, {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: '1',
      memory_limit: '512MB',
      temp_directory: `${building}.tmp`,
    });
    try {
      const conn = await instance.connect();
      try {
        const tables = await stripToAllowlist(conn);
        await conn.run('CHECKPOINT');
        return { key, tables, writerPausedSeconds };
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
  } catch (err) {
    removeDbFile(building);
    throw err;
  }
}

/** Drops every object of the copy that is not on the allowlist; re-creates the process macros. */
async function stripToAllowlist(conn: DuckDBConnection): Promise<string[]> {
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJS().map((r) => r.map(String));
  const here = 'database_name = current_database()';
  const keep = (schema: string, name: string) => schema === 'main' && name in ANALYST_TABLES;
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const [schema, name] of await rows(`SELECT schema_name, view_name FROM duckdb_views() WHERE ${here} AND NOT internal`)) {
      if (!keep(schema, name)) await conn.run(`DROP VIEW ${ident(schema)}.${ident(name)}`);
    }
    for (const [schema, name] of await rows(`SELECT schema_name, table_name FROM duckdb_tables() WHERE ${here}`)) {
      if (!keep(schema, name)) await conn.run(`DROP TABLE ${ident(schema)}.${ident(name)}`);
    }
    for (const [schema, name] of await rows(`SELECT schema_name, sequence_name FROM duckdb_sequences() WHERE ${here}`)) {
      await conn.run(`DROP SEQUENCE ${ident(schema)}.${ident(name)}`);
    }
    for (const [schema, name, type] of await rows(
      `SELECT DISTINCT schema_name, function_name, function_type FROM duckdb_functions() WHERE ${here} AND NOT internal AND function_type IN ('macro', 'table_macro')`,
    )) {
      await conn.run(`DROP ${type === 'table_macro' ? 'MACRO TABLE' : 'MACRO'} ${ident(schema)}.${ident(name)}`);
    }
    for (const [schema] of await rows(`SELECT schema_name FROM duckdb_schemas() WHERE ${here} AND NOT internal AND schema_name <> 'main'`)) {
      await conn.run(`DROP SCHEMA ${ident(schema)} CASCADE`);
    }
    await conn.run(processMacros());
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
  const left = await rows(
    `SELECT table_name FROM duckdb_tables() WHERE ${here} UNION ALL SELECT view_name FROM duckdb_views() WHERE ${here} AND NOT internal`,
  );
  return left.map((r) => r[0]).sort();
}

/** The table copy through the store's own connection (see the top of this file). */
async function copyTables(store: Store, building: string): Promise<{ key: string; tables: string[]; writerPausedSeconds: number }> {
  const alias = `tl_analyst_${process.pid}_${builds}`;
  const conn = await store.connect();
  let attached = false;
  try {
    const home = String((await conn.runAndReadAll('SELECT current_database()')).getRows()[0][0]);
    await conn.run(`ATTACH ${literal(building)} AS ${ident(alias)}`);
    attached = true;
    const snap = `${ident(alias)}.main.`;
    await conn.run('BEGIN TRANSACTION');
    let key: string;
    const tables: string[] = [];
    try {
      const catalog = await storeCatalog(conn);
      key = await contentKeyOn(conn, catalog, 'main.');
      for (const name of Object.keys(ANALYST_TABLES)) {
        if (catalog.get(name)?.kind !== 'table') continue;
        await conn.run(`CREATE TABLE ${snap}${ident(name)} AS FROM main.${ident(name)}`);
        tables.push(name);
      }
      await conn.run('COMMIT');
      // Views and macros are created with the snapshot as the default catalog so that their
      // unqualified table names resolve to the snapshot's copies when the sandbox binds them.
      await conn.run(`USE ${ident(alias)}`);
      for (const name of Object.keys(ANALYST_TABLES)) {
        const entry = catalog.get(name);
        if (entry?.kind === 'view' && entry.sql) {
          await conn.run(entry.sql);
          tables.push(name);
        }
      }
      await conn.run(processMacros());
      await conn.run(`USE ${ident(home)}`);
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
    await conn.run(`DETACH ${ident(alias)}`);
    attached = false;
    return { key, tables, writerPausedSeconds: 0 };
  } catch (err) {
    removeDbFile(building);
    throw err;
  } finally {
    if (attached) await conn.run(`DETACH ${ident(alias)}`).catch(() => undefined);
    conn.closeSync();
  }
}

/** The process operators' migration (sql/schema/016_process_macros.sql), run inside the snapshot. */
function processMacros(): string {
  const m = listMigrations().find((x) => x.name === 'process_macros');
  if (!m) throw new Error('sql/schema has no process_macros migration');
  return readFileSync(m.file, 'utf8');
}

function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Removes a DuckDB file and its write-ahead log. */
export function removeDbFile(path: string): void {
  for (const p of [path, `${path}.wal`, `${path}.tmp`]) rmSync(p, { recursive: true, force: true });
}

/** Removes what an earlier process left in the snapshot folder (its own, never the store). */
export function clearSnapshotDir(dir: string): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    if (/^\d+-\d+-\d+\.duckdb(\.building)?(\.wal|\.tmp)?$/.test(f)) rmSync(join(dir, f), { recursive: true, force: true });
  }
}

export { DuckDBInstance };
