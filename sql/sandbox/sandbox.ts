// The analyst sandbox of one store: gate → concurrency slot → a fresh connection on the locked,
// read-only instance of the current analyst snapshot, with a time limit, a row cap and Arrow out.
// sql/README.md "Sandbox" explains the design; snapshot.ts how the snapshot is written.
import { DuckDBInstance, StatementType, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QueryCancelledError, watchCancel } from '../cancel';
import type { Store } from '../connection';
import { listMigrations } from '../migrate';
import { ANALYST_TABLES } from './allowlist';
import { ArrowCollector } from './arrow';
import { csvHeader, csvRows } from './csv';
import { SqlRefusedError, SqlTimeoutError } from './errors';
import { DEFAULT_GATE_CONTEXT, firstKeyword, gate, type GateContext } from './gate';
import { Slots } from './slots';
import { buildSnapshot, clearSnapshotDir, contentKey, removeDbFile } from './snapshot';
import type { Sandbox, SandboxOptions, SandboxResult, SandboxSchema, SnapshotInfo } from './types';

interface Settings {
  timeoutMs: number;
  maxRows: number;
  memoryLimit: string;
  threads: number;
  maxConcurrent: number;
  snapshotDir: string;
  ownDir: boolean;
}

function envNumber(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

function settings(store: Store, o: SandboxOptions): Settings {
  const memory = store.path === ':memory:';
  return {
    timeoutMs: o.timeoutMs ?? envNumber('THROUGHLINE_SQL_TIMEOUT_MS') ?? 30_000,
    maxRows: o.maxRows ?? envNumber('THROUGHLINE_SQL_MAX_ROWS') ?? 10_000,
    memoryLimit: o.memoryLimit ?? process.env.THROUGHLINE_SQL_MEMORY_LIMIT ?? '1GB',
    threads: o.threads ?? envNumber('THROUGHLINE_SQL_THREADS') ?? 1,
    maxConcurrent: o.maxConcurrent ?? envNumber('THROUGHLINE_SQL_MAX_CONCURRENT') ?? 2,
    snapshotDir: o.snapshotDir ?? (memory ? mkdtempSync(join(tmpdir(), 'throughline-analyst-')) : `${resolve(store.path)}.analyst`),
    ownDir: !o.snapshotDir && memory,
  };
}

/** The spill folder of a sandbox instance may not grow past this (a sort over an exploding join). */
const MAX_SPILL = '2GB';

interface Snapshot extends SnapshotInfo {
  key: string;
  path: string;
  instance: DuckDBInstance;
  gate: GateContext;
  refs: number;
  retired: boolean;
}

/** The locked settings every sandbox instance gets (stack-notes.md "Sandbox settings"). */
function lockedOptions(s: Settings, path: string): Record<string, string> {
  return {
    // temp_directory first: DuckDB refuses to set it once external access is off.
    temp_directory: `${path}.tmp`,
    access_mode: 'READ_ONLY',
    enable_external_access: 'false',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(s.threads),
    memory_limit: s.memoryLimit,
  };
}

async function lock(instance: DuckDBInstance, before: string[] = []): Promise<void> {
  const c = await instance.connect();
  try {
    for (const stmt of [...before, "SET GLOBAL TimeZone = 'UTC'", `SET GLOBAL max_temp_directory_size = '${MAX_SPILL}'`, 'SET GLOBAL lock_configuration = true']) {
      await c.run(stmt);
    }
  } finally {
    c.closeSync();
  }
}

export class SqlSandbox implements Sandbox {
  private readonly s: Settings;
  private readonly slots: Slots;
  private current: Snapshot | null = null;
  private checkedAt = -1;
  private pending: Promise<Snapshot> | null = null;
  private closed = false;
  /** Snapshot build times in seconds, newest last (the bench reads them). */
  readonly builds: { generation: number; seconds: number; writerPausedSeconds: number }[] = [];

  constructor(
    private readonly store: Store,
    opts: SandboxOptions = {},
  ) {
    this.s = settings(store, opts);
    this.slots = new Slots(this.s.maxConcurrent);
    mkdirSync(this.s.snapshotDir, { recursive: true });
    clearSnapshotDir(this.s.snapshotDir);
  }

  get limits(): Readonly<Omit<Settings, 'ownDir'>> {
    return this.s;
  }

  /** Queries running and waiting (for tests and the bench). */
  get load(): { running: number; queued: number } {
    return { running: this.slots.running, queued: this.slots.queued };
  }

  async check(sql: string): Promise<void> {
    await gate(await gateConnection(), sql, this.current?.gate ?? DEFAULT_GATE_CONTEXT);
  }

  async run(sql: string, opts: { signal?: AbortSignal; maxRows?: number } = {}): Promise<SandboxResult> {
    const t0 = performance.now();
    const maxRows = Math.max(0, Math.floor(opts.maxRows ?? this.s.maxRows));
    const snap = await this.acquire();
    try {
      await gate(await gateConnection(), sql, snap.gate);
      const release = await this.slots.acquire(opts.signal);
      try {
        return await this.limited(snap, opts.signal, async (conn) => {
          const result = await startQuery(conn, sql);
          const collector = new ArrowCollector(result.deduplicatedColumnNames(), result.columnTypes());
          let capped = false;
          for (;;) {
            const chunk = await result.fetchChunk();
            if (!chunk || chunk.rowCount === 0) break;
            const room = maxRows - collector.rows;
            collector.add(chunk, room);
            if (chunk.rowCount > room) {
              capped = true; // stop reading: the rest is never computed past this chunk
              break;
            }
          }
          const names = result.deduplicatedColumnNames();
          const types = result.columnTypes();
          return {
            columns: names.map((name, i) => ({ name, type: types[i].toString() })),
            arrow: collector.ipc(),
            rows: collector.rows,
            capped,
            elapsedMs: Math.round(performance.now() - t0),
            snapshot: { generation: snap.generation, builtAt: snap.builtAt },
          };
        });
      } finally {
        release();
      }
    } finally {
      this.release(snap);
    }
  }

  async export(sql: string, format: 'csv' | 'parquet', opts: { signal?: AbortSignal } = {}): Promise<AsyncIterable<Uint8Array>> {
    if (format !== 'csv' && format !== 'parquet') throw new Error(`unknown export format "${String(format)}"`);
    const snap = await this.acquire();
    let handedOver = false;
    try {
      await gate(await gateConnection(), sql, snap.gate);
      const release = await this.slots.acquire(opts.signal);
      try {
        const out = format === 'csv' ? await this.exportCsv(snap, sql, opts.signal, release) : await this.exportParquet(snap, sql, opts.signal, release);
        handedOver = true;
        return out;
      } finally {
        if (!handedOver) release();
      }
    } finally {
      if (!handedOver) this.release(snap);
    }
  }

  async schema(): Promise<SandboxSchema> {
    const snap = await this.acquire();
    try {
      const conn = await snap.instance.connect();
      try {
        const cols = await conn.runAndReadAll(
          `SELECT c.table_name, c.column_name, c.data_type, coalesce(v.view_name IS NOT NULL, false) AS is_view
           FROM duckdb_columns() c
           LEFT JOIN duckdb_views() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
           WHERE c.database_name = current_database() AND c.schema_name = 'main'
           ORDER BY c.table_name, c.column_index`,
        );
        const tables = new Map<string, SandboxSchema['tables'][number]>();
        for (const [table, column, type, isView] of cols.getRowsJS() as [string, string, string, boolean][]) {
          if (!snap.gate.tables.has(table)) continue;
          let t = tables.get(table);
          if (!t) tables.set(table, (t = { name: table, kind: isView ? 'view' : 'table', description: ANALYST_TABLES[table], columns: [] }));
          t.columns.push({ name: column, type });
        }
        const fns = await conn.runAndReadAll(
          `SELECT function_name, any_value(function_type), any_value(parameters) FROM duckdb_functions()
           WHERE database_name = current_database() AND function_type IN ('table_macro', 'macro') AND NOT internal
           GROUP BY function_name ORDER BY function_name`,
        );
        const notes = macroDescriptions();
        const macros = (fns.getRowsJS() as [string, string, string[]][]).map(([name, kind, params]) => ({
          name,
          kind: (kind === 'table_macro' ? 'table' : 'scalar') as 'table' | 'scalar',
          parameters: params.map(String),
          description: notes.get(name),
        }));
        return { tables: [...tables.values()], macros };
      } finally {
        conn.closeSync();
      }
    } finally {
      this.release(snap);
    }
  }

  /** Waits until the snapshot reflects the store as it is now; tells which it is. */
  async refresh(): Promise<SnapshotInfo> {
    const snap = await this.ensure(this.store.generation);
    return { generation: snap.generation, builtAt: snap.builtAt };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pending?.catch(() => undefined);
    const cur = this.current;
    this.current = null;
    if (cur) this.retire(cur);
    if (this.s.ownDir && !cur) rmSync(this.s.snapshotDir, { recursive: true, force: true });
    registry.delete(this.store);
  }

  // -------------------------------------------------------------------------------------------
  // Snapshots

  /**
   * The snapshot to answer from, referenced until release(). When the store changed since the
   * last look, a newer snapshot is built in the background and this query answers from the one
   * there is (its `snapshot` says which); only the very first query waits for a build.
   */
  private async acquire(): Promise<Snapshot> {
    if (this.closed) throw new Error('The SQL sandbox is closed.');
    const gen = this.store.generation;
    if (!this.current) await this.ensure(gen);
    else if (this.checkedAt !== gen) void this.ensure(gen).catch((err) => console.error(`analyst snapshot: ${(err as Error).message}`));
    const snap = this.current;
    if (!snap) throw new Error('The SQL sandbox is closed.');
    snap.refs++;
    return snap;
  }

  private release(snap: Snapshot): void {
    snap.refs--;
    if (snap.retired && snap.refs === 0) this.dispose(snap);
  }

  private ensure(gen: number): Promise<Snapshot> {
    if (this.current && this.checkedAt === gen) return Promise.resolve(this.current);
    this.pending ??= this.update(gen).finally(() => {
      this.pending = null;
    });
    return this.pending.then((snap) => (this.checkedAt >= gen || this.closed ? snap : this.ensure(gen)));
  }

  private async update(gen: number): Promise<Snapshot> {
    if (this.current && (await contentKey(this.store)) === this.current.key) {
      this.checkedAt = Math.max(this.checkedAt, gen);
      return this.current;
    }
    const built = await buildSnapshot(this.store, this.s.snapshotDir, gen);
    this.builds.push({ generation: gen, seconds: built.seconds, writerPausedSeconds: built.writerPausedSeconds });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(built.path, lockedOptions(this.s, built.path));
      await lock(instance);
    } catch (err) {
      removeDbFile(built.path);
      throw err;
    }
    let macros: Set<string>;
    try {
      macros = await macroNames(instance);
    } catch (err) {
      instance.closeSync();
      removeDbFile(built.path);
      throw err;
    }
    const snap: Snapshot = {
      generation: gen,
      builtAt: new Date().toISOString(),
      key: built.key,
      path: built.path,
      instance,
      gate: { tables: new Set(built.tables), macros },
      refs: 0,
      retired: false,
    };
    if (this.closed) {
      this.dispose(snap);
      return snap;
    }
    const old = this.current;
    this.current = snap;
    this.checkedAt = Math.max(this.checkedAt, gen);
    if (old) this.retire(old);
    return snap;
  }

  private retire(snap: Snapshot): void {
    snap.retired = true;
    if (snap.refs === 0) this.dispose(snap);
  }

  private dispose(snap: Snapshot): void {
    try {
      snap.instance.closeSync();
    } finally {
      removeDbFile(snap.path);
      if (this.closed && this.s.ownDir) rmSync(this.s.snapshotDir, { recursive: true, force: true });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Limits

  /** Runs `fn` on a fresh connection of the snapshot, interrupted at the time limit or on abort. */
  private async limited<T>(snap: Snapshot, signal: AbortSignal | undefined, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await snap.instance.connect();
    let guard: Guard | null = null;
    try {
      guard = guardConnection(conn, this.s.timeoutMs, signal);
      return await fn(conn);
    } catch (err) {
      throw guard ? guard.explain(err) : err;
    } finally {
      guard?.done();
      conn.closeSync();
    }
  }

  private async exportCsv(snap: Snapshot, sql: string, signal: AbortSignal | undefined, releaseSlot: () => void): Promise<AsyncIterable<Uint8Array>> {
    const conn = await snap.instance.connect();
    let busy = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      guard.done();
      conn.closeSync();
      releaseSlot();
      this.release(snap);
    };
    // At the time limit an idle export (nobody reading it) is closed at once; a busy one when its
    // fetch returns.
    let guard: Guard;
    try {
      guard = guardConnection(conn, this.s.timeoutMs, signal, () => {
        if (!busy) finish();
      });
    } catch (err) {
      conn.closeSync();
      throw err;
    }
    let result: DuckDBResult;
    let first: Awaited<ReturnType<DuckDBResult['fetchChunk']>>;
    try {
      result = await startQuery(conn, sql);
      first = await result.fetchChunk();
    } catch (err) {
      finish();
      throw guard.explain(err);
    }
    const enc = new TextEncoder();
    const header = csvHeader(result.deduplicatedColumnNames());
    const types = result.columnTypes();
    return (async function* () {
      try {
        yield enc.encode(header);
        let chunk = first;
        while (chunk && chunk.rowCount > 0) {
          yield enc.encode(csvRows(chunk, types));
          if (finished) throw guard.explain(new Error('closed'));
          busy = true;
          try {
            chunk = await result.fetchChunk();
          } catch (err) {
            throw guard.explain(err);
          } finally {
            busy = false;
          }
        }
      } finally {
        finish();
      }
    })();
  }

  /**
   * Parquet needs DuckDB to write a file: a short-lived instance on the snapshot whose only allowed
   * directory is a fresh temp folder (allowed_directories is set before external access is turned
   * off and the configuration locked) runs `COPY (<checked query>) TO '<folder>/result.parquet'`;
   * the file is then streamed and the folder removed.
   */
  private async exportParquet(snap: Snapshot, sql: string, signal: AbortSignal | undefined, releaseSlot: () => void): Promise<AsyncIterable<Uint8Array>> {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-export-'));
    const file = join(dir, 'result.parquet');
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    try {
      const { enable_external_access: _, ...opts } = lockedOptions(this.s, join(dir, 'spill'));
      const instance = await DuckDBInstance.create(snap.path, opts);
      try {
        await lock(instance, [`SET allowed_directories = [${literal(`${dir}/`)}]`, 'SET enable_external_access = false']);
        const conn = await instance.connect();
        let guard: Guard | null = null;
        try {
          guard = guardConnection(conn, this.s.timeoutMs, signal);
          const body = sql.replace(/[\s;]+$/, '');
          await conn.run(`COPY (\n${body}\n) TO ${literal(file)} (FORMAT parquet)`);
        } catch (err) {
          throw guard ? guard.explain(err) : err;
        } finally {
          guard?.done();
          conn.closeSync();
        }
      } finally {
        instance.closeSync();
      }
    } catch (err) {
      cleanup();
      throw err;
    } finally {
      releaseSlot();
      this.release(snap);
    }
    return (async function* () {
      try {
        for await (const piece of createReadStream(file)) yield new Uint8Array(piece as Buffer);
      } finally {
        cleanup();
      }
    })();
  }
}

/** Prepares the checked statement and starts streaming it; anything but a query is refused here too. */
async function startQuery(conn: DuckDBConnection, sql: string): Promise<DuckDBResult> {
  const prepared = await conn.prepare(sql);
  if (prepared.statementType !== StatementType.SELECT) {
    throw new SqlRefusedError(`${firstKeyword(sql)} statements cannot run in a notebook: notebooks run read-only queries.`);
  }
  return prepared.stream();
}

interface Guard {
  explain(err: unknown): unknown;
  done(): void;
}

/** Interrupts `conn` at the time limit, on abort, or when the current request is abandoned. */
function guardConnection(conn: DuckDBConnection, timeoutMs: number, signal: AbortSignal | undefined, onTimeout?: () => void): Guard {
  let timedOut = false;
  let aborted = false;
  if (signal?.aborted) throw new QueryCancelledError();
  const unwatch = watchCancel(conn); // throws when the current request is already abandoned
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
    onTimeout?.();
  }, timeoutMs);
  const onAbort = () => {
    aborted = true;
    conn.interrupt();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    explain: (err) => (timedOut ? new SqlTimeoutError(timeoutMs) : aborted ? new QueryCancelledError() : err),
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      unwatch();
    },
  };
}

async function macroNames(instance: DuckDBInstance): Promise<Set<string>> {
  const c = await instance.connect();
  try {
    const r = await c.runAndReadAll(
      `SELECT DISTINCT function_name FROM duckdb_functions()
       WHERE database_name = current_database() AND function_type IN ('table_macro', 'macro') AND NOT internal`,
    );
    return new Set(r.getRowsJS().map((row) => String(row[0])));
  } finally {
    c.closeSync();
  }
}

/** The comment lines above each macro in sql/schema/016_process_macros.sql. */
function macroDescriptions(): Map<string, string> {
  const out = new Map<string, string>();
  const m = listMigrations().find((x) => x.name === 'process_macros');
  if (!m) return out;
  let comment: string[] = [];
  for (const line of readFileSync(m.file, 'utf8').split('\n')) {
    const c = /^--\s?(.*)$/.exec(line);
    if (c) comment.push(c[1]);
    else {
      const def = /^CREATE\s+(?:OR\s+REPLACE\s+)?MACRO\s+(\w+)/i.exec(line);
      if (def && comment.length) out.set(def[1], comment.join(' ').trim());
      if (line.trim() === '' || def) comment = [];
    }
  }
  return out;
}

function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

// The gate parses with a small in-memory instance of its own, locked like the sandbox, so check()
// needs no snapshot.
let gateConn: Promise<DuckDBConnection> | null = null;
function gateConnection(): Promise<DuckDBConnection> {
  gateConn ??= (async () => {
    const instance = await DuckDBInstance.create(':memory:', {
      enable_external_access: 'false',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: '1',
      memory_limit: '64MB',
      lock_configuration: 'true',
    });
    return instance.connect();
  })();
  return gateConn;
}

const registry = new WeakMap<Store, SqlSandbox>();

/** One sandbox per store (created on first use with the first caller's options, closed with the store or by close()). */
export function sandboxFor(store: Store, opts?: SandboxOptions): SqlSandbox {
  let sb = registry.get(store);
  if (!sb) {
    sb = new SqlSandbox(store, opts);
    registry.set(store, sb);
    const created = sb;
    store.onClose(() => void created.close());
  }
  return sb;
}
