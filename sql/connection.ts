// The only module that opens DuckDB. One instance per file per process (DuckDB allows a single
// read-write process per file), kept on globalThis so Next.js dev reloads reuse it.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { watchCancel } from './cancel';
import { migrate } from './migrate';
import { loadQuery } from './query-files';
import { toPlainRows, type Row } from './convert';
import { fillSlots, type Slots } from './template';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];

export interface StoreOptions {
  readOnly?: boolean;
  /** DuckDB worker threads; defaults to DuckDB's choice (cores). */
  threads?: number;
  /** DuckDB memory_limit (e.g. '4GB'); default $THROUGHLINE_MEMORY_LIMIT, else defaultMemoryLimit(). */
  memoryLimit?: string;
  /** Where DuckDB spills what does not fit; default `<store file>.tmp` (a private folder in the OS temp dir for ':memory:'). */
  tempDirectory?: string;
}

/**
 * A quarter of physical memory, at least 1 GiB. DuckDB's own default (80%) let a 10M-row import
 * grow to 13 GB on a 24 GiB machine shared with other work; with a limit, large joins, sorts and
 * temp tables spill to the temp directory instead. The limit covers DuckDB's buffer manager only:
 * the process's RSS is somewhat higher (Node's heap, allocations DuckDB does not track).
 */
export function defaultMemoryLimit(): string {
  return `${Math.max(1024, Math.floor(totalmem() / 4 / 2 ** 20))}MiB`;
}

let memoryStores = 0;

function memorySettings(path: string, opts: StoreOptions): Record<string, string> {
  const memory_limit = opts.memoryLimit || process.env.THROUGHLINE_MEMORY_LIMIT || defaultMemoryLimit();
  // One folder per instance: DuckDB's temp file names are not unique across instances.
  const temp_directory =
    opts.tempDirectory ?? (path === ':memory:' ? join(tmpdir(), `throughline-duckdb-${process.pid}-${++memoryStores}`) : `${resolve(path)}.tmp`);
  // preserve_insertion_order stays on (DuckDB's default): importers rely on a table read from a
  // file keeping the file's order (rowid = row), which is what breaks timestamp ties in traces.
  return { memory_limit, temp_directory };
}

const SAFE_DEFAULTS: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

/** Statements that cannot change the store (leading comments and blanks skipped). */
const READ_ONLY_STATEMENT = /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*(SELECT|WITH|FROM|VALUES|DESCRIBE|SHOW|SUMMARIZE|EXPLAIN)\b/i;

type Cache = Map<string, Promise<Store>>;
const g = globalThis as typeof globalThis & { __throughlineStores?: Cache };
const cache: Cache = (g.__throughlineStores ??= new Map());

/** Statements on one connection (temp tables and macros live as long as it does). */
export interface Session {
  sql<T = Row>(text: string, params?: Params): Promise<T[]>;
  /** Runs the named query `sql/queries/<name>.sql` (one statement when it takes parameters). */
  query<T = Row>(name: string, params?: Params, slots?: Slots): Promise<T[]>;
  /** Runs the named script (several statements, no parameters). */
  script(name: string, slots?: Slots): Promise<void>;
}

/** A transaction handle: everything run through it commits or rolls back together. */
export interface Tx extends Session {
  append(table: string, rows: readonly (readonly DuckDBValue[])[]): Promise<void>;
  /**
   * Appends rows with the appender's typed calls, one letter per column: v VARCHAR, i INTEGER,
   * d DOUBLE, b BOOLEAN (null → NULL). About ten times faster than `append`'s per-value type
   * inference for large batches.
   */
  appendTyped(table: string, kinds: string, rows: readonly (readonly (string | number | boolean | null)[])[]): Promise<void>;
  /** Runs literal statements without parameters (migrations: several statements per file). */
  run(text: string): Promise<void>;
  /** Streams the named query chunk by chunk (bounded memory); read cells with `item(column, row)`. */
  stream(name: string, params?: Params): AsyncGenerator<Chunk>;
}

/** One chunk of a streamed result. */
export interface Chunk {
  rowCount: number;
  item(column: number, row: number): unknown;
}

export class Store {
  private writeLock: Promise<unknown> = Promise.resolve();
  /** Writes queued or running on the writer (close waits for them: see close()). */
  private pendingWrites = 0;
  private commits = 0;
  private closers: (() => void)[] = [];

  /**
   * Counts this process's committed transactions: while it is unchanged nothing in the store
   * changed (the process owning a read-write store is its only writer), so readers may keep what
   * they verified against it.
   */
  get generation(): number {
    return this.commits;
  }

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    readonly readOnly: boolean,
  ) {}

  /** Opens (or reuses) the store at `path`; ':memory:' gives a private in-memory store. */
  static open(path: string, opts: StoreOptions = {}): Promise<Store> {
    const key = path === ':memory:' ? `:memory:${Math.random()}` : `${resolve(path)}|${opts.readOnly ? 'ro' : 'rw'}`;
    let p = cache.get(key);
    if (!p) {
      p = Store.create(path, opts).catch((err: unknown) => {
        cache.delete(key);
        throw err;
      });
      if (path !== ':memory:') cache.set(key, p);
    }
    return p;
  }

  private static async create(path: string, opts: StoreOptions): Promise<Store> {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const options: Record<string, string> = { ...SAFE_DEFAULTS };
    if (opts.readOnly) options.access_mode = 'READ_ONLY';
    if (opts.threads) options.threads = String(opts.threads);
    Object.assign(options, memorySettings(path, opts));
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, options);
    } catch (err) {
      throw explainOpenError(path, err);
    }
    const writer = await instance.connect();
    // TimeZone is not a creation option; GLOBAL makes every later connection inherit it.
    await writer.run("SET GLOBAL TimeZone = 'UTC'");
    const store = new Store(path, instance, writer, !!opts.readOnly);
    if (!opts.readOnly) await migrate(store);
    return store;
  }

  /** Runs literal SQL on a fresh read connection (sees committed data only). */
  async sql<T = Row>(text: string, params?: Params): Promise<T[]> {
    const conn = await this.instance.connect();
    let unwatch = () => {};
    try {
      unwatch = watchCancel(conn);
      const reader = await conn.runAndReadAll(text, params);
      return toPlainRows(reader.getRowObjectsJS()) as T[];
    } finally {
      unwatch();
      conn.closeSync();
      if (!READ_ONLY_STATEMENT.test(text)) this.commits++; // autocommitted write (tests, tools)
    }
  }

  /** Runs the named query file `sql/queries/<name>.sql`. */
  query<T = Row>(name: string, params?: Params, slots?: Slots): Promise<T[]> {
    return this.sql<T>(namedQuery(name, slots), params);
  }

  /**
   * Runs `fn` with statements on one fresh read connection (its own temp tables, nothing
   * committed to the store), closed afterwards.
   */
  async session<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    const conn = await this.instance.connect();
    let unwatch = () => {};
    try {
      unwatch = watchCancel(conn);
      return await fn(sessionOn(conn));
    } finally {
      unwatch();
      conn.closeSync();
      this.commits++; // a session may have written; count it as a change
    }
  }

  /** A fresh connection for callers that need streaming or interrupt(); close it when done. */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /**
   * Runs `fn` in one transaction on the single writer connection. Writers are serialised;
   * readers keep seeing the last committed state until COMMIT.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.readOnly) return Promise.reject(new Error(`store ${this.path} is open read-only`));
    const run = async (): Promise<T> => {
      const conn = this.writer;
      const tx: Tx = {
        ...sessionOn(conn),
        appendTyped: async (table, kinds, rows) => {
          const ap = await conn.createAppender(table);
          try {
            for (const row of rows) {
              for (let c = 0; c < kinds.length; c++) {
                const v = row[c];
                if (v === null || v === undefined) ap.appendNull();
                else if (kinds[c] === 'v') ap.appendVarchar(v as string);
                else if (kinds[c] === 'i') ap.appendInteger(v as number);
                else if (kinds[c] === 'd') ap.appendDouble(v as number);
                else if (kinds[c] === 'b') ap.appendBoolean(v as boolean);
                else throw new Error(`appendTyped: unknown column kind "${kinds[c]}"`);
              }
              ap.endRow();
            }
            ap.flushSync();
          } finally {
            ap.closeSync();
          }
        },
        run: async (text) => {
          await conn.run(text);
        },
        stream: async function* (name, params) {
          const result = await conn.stream(loadQuery(name), params);
          for (;;) {
            const chunk = await result.fetchChunk();
            if (!chunk || chunk.rowCount === 0) return;
            const vectors = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnVector(i));
            yield { rowCount: chunk.rowCount, item: (column: number, row: number) => vectors[column].getItem(row) };
          }
        },
        append: async (table, rows) => {
          const appender = await conn.createAppender(table);
          try {
            for (const row of rows) {
              for (const v of row) appender.appendValue(v);
              appender.endRow();
            }
            appender.flushSync();
          } finally {
            appender.closeSync();
          }
        },
      };
      await conn.run('BEGIN TRANSACTION');
      try {
        const result = await fn(tx);
        await conn.run('COMMIT');
        this.commits++;
        return result;
      } catch (err) {
        await conn.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    };
    return this.queueWrite(run);
  }

  /** Queues `run` on the single writer, counted so close() can wait for it. */
  private queueWrite<T>(run: () => Promise<T>): Promise<T> {
    this.pendingWrites++;
    const next = this.writeLock.then(run, run).finally(() => this.pendingWrites--);
    this.writeLock = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `fn` while the file on disk holds the whole store: the WAL is checkpointed into it first
   * and writers wait until `fn` is done (readers go on). The SQL sandbox copies the file so.
   */
  whileCheckpointed<T>(fn: () => Promise<T>, held?: (seconds: number) => void): Promise<T> {
    const run = async (): Promise<T> => {
      const t0 = performance.now();
      try {
        await this.writer.run('CHECKPOINT');
        return await fn();
      } finally {
        held?.((performance.now() - t0) / 1000);
      }
    };
    return this.queueWrite(run);
  }

  /** Runs a script without a transaction of its own (migrations manage theirs). */
  async exec(text: string): Promise<void> {
    await this.writer.run(text);
    this.commits++;
  }

  /** Runs `fn` when the store closes, before its instance does (the SQL sandbox closes with it). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  /**
   * Closes the store. A write still queued or running (a fire-and-forget touch of a session or
   * token, an audit entry) is let finish first, then the handles close: closing the native
   * connection under a running statement crashed the process (seen in tests that close right after
   * their last request). Call `closed()` to wait for that.
   */
  close(): void {
    for (const fn of this.closers.splice(0)) fn();
    for (const [k, v] of cache) if (k.startsWith(`${resolve(this.path)}|`)) cache.delete(k) && void v;
    const handles = () => {
      this.writer.closeSync();
      this.instance.closeSync();
    };
    if (this.pendingWrites === 0) handles();
    else this.closing = this.writeLock.then(handles);
  }

  private closing: Promise<void> = Promise.resolve();

  /** Settles when the handles are closed (at once unless close() had to wait for a write). */
  closed(): Promise<void> {
    return this.closing;
  }
}

function namedQuery(name: string, slots?: Slots): string {
  return slots ? fillSlots(name, loadQuery(name), slots) : loadQuery(name);
}

function sessionOn(conn: DuckDBConnection): Session {
  return {
    sql: async <R = Row>(text: string, params?: Params) => toPlainRows((await conn.runAndReadAll(text, params)).getRowObjectsJS()) as R[],
    query: async <R = Row>(name: string, params?: Params, slots?: Slots) =>
      toPlainRows((await conn.runAndReadAll(namedQuery(name, slots), params)).getRowObjectsJS()) as R[],
    script: async (name: string, slots?: Slots) => {
      await conn.run(namedQuery(name, slots));
    },
  };
}

function explainOpenError(path: string, err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  if (/lock|Conflicting lock/i.test(msg)) {
    return new Error(
      `The store ${path} is in use by another process (a running Throughline server owns it). ` +
        `Stop that process or send the work through it. DuckDB said: ${msg}`,
    );
  }
  return new Error(`Cannot open the store ${path}: ${msg}`);
}
