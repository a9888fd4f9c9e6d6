// The only module that opens DuckDB. One instance per file per process (DuckDB allows a single
// read-write process per file), kept on globalThis so Next.js dev reloads reuse it.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate } from './migrate';
import { loadQuery } from './query-files';
import { toPlainRows, type Row } from './convert';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];

export interface StoreOptions {
  readOnly?: boolean;
  /** DuckDB worker threads; defaults to DuckDB's choice (cores). */
  threads?: number;
  memoryLimit?: string;
}

const SAFE_DEFAULTS: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

type Cache = Map<string, Promise<Store>>;
const g = globalThis as typeof globalThis & { __throughlineStores?: Cache };
const cache: Cache = (g.__throughlineStores ??= new Map());

/** A transaction handle: everything run through it commits or rolls back together. */
export interface Tx {
  sql<T = Row>(text: string, params?: Params): Promise<T[]>;
  query<T = Row>(name: string, params?: Params): Promise<T[]>;
  script(name: string): Promise<void>;
  append(table: string, rows: readonly (readonly DuckDBValue[])[]): Promise<void>;
  connection: DuckDBConnection;
}

export class Store {
  private writeLock: Promise<unknown> = Promise.resolve();

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
    if (opts.memoryLimit) options.memory_limit = opts.memoryLimit;
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
    try {
      const reader = await conn.runAndReadAll(text, params);
      return toPlainRows(reader.getRowObjectsJS()) as T[];
    } finally {
      conn.closeSync();
    }
  }

  /** Runs the named query file `sql/queries/<name>.sql`. */
  query<T = Row>(name: string, params?: Params): Promise<T[]> {
    return this.sql<T>(loadQuery(name), params);
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
        connection: conn,
        sql: async <R = Row>(text: string, params?: Params) =>
          toPlainRows((await conn.runAndReadAll(text, params)).getRowObjectsJS()) as R[],
        query: async <R = Row>(name: string, params?: Params) =>
          toPlainRows((await conn.runAndReadAll(loadQuery(name), params)).getRowObjectsJS()) as R[],
        script: async (name: string) => {
          await conn.run(loadQuery(name));
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
        return result;
      } catch (err) {
        await conn.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    };
    const next = this.writeLock.then(run, run);
    this.writeLock = next.catch(() => undefined);
    return next;
  }

  /** Runs a script without a transaction of its own (migrations manage theirs). */
  async exec(text: string): Promise<void> {
    await this.writer.run(text);
  }

  close(): void {
    for (const [k, v] of cache) if (k.startsWith(`${resolve(this.path)}|`)) cache.delete(k) && void v;
    this.writer.closeSync();
    this.instance.closeSync();
  }
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
