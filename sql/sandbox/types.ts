// The sandbox's public types (docs/contract: /work/notes/issue6-contract.md §1).

export interface SandboxOptions {
  /** Per query; default 30_000 (env THROUGHLINE_SQL_TIMEOUT_MS); cut off with connection.interrupt(). */
  timeoutMs?: number;
  /** Row cap of run(); default 10_000 (env THROUGHLINE_SQL_MAX_ROWS). */
  maxRows?: number;
  /** The sandbox instance's memory_limit; default '1GB' (env THROUGHLINE_SQL_MEMORY_LIMIT). */
  memoryLimit?: string;
  /** The sandbox instance's DuckDB threads; default 1 (env THROUGHLINE_SQL_THREADS). */
  threads?: number;
  /** Sandbox queries at once; more wait in a queue (default 2, env THROUGHLINE_SQL_MAX_CONCURRENT; sql/README.md "Sandbox" on libuv's pool). */
  maxConcurrent?: number;
  /** Where snapshots are written; default `<store>.analyst/` (a private temp folder for ':memory:'). */
  snapshotDir?: string;
}

/** DuckDB type text, e.g. 'VARCHAR', 'TIMESTAMP', 'DOUBLE'. */
export interface SandboxColumn {
  name: string;
  type: string;
}

export interface SnapshotInfo {
  /** The store generation the snapshot was copied at. */
  generation: number;
  /** ISO time the snapshot was built. */
  builtAt: string;
}

export interface SandboxResult {
  columns: SandboxColumn[];
  /** Arrow IPC *stream* format (apache-arrow tableToIPC(table, 'stream')) of the returned rows. */
  arrow: Uint8Array;
  /** Rows returned (≤ maxRows). */
  rows: number;
  /** True when the query had more rows than maxRows. */
  capped: boolean;
  elapsedMs: number;
  /** Which snapshot of the store answered. */
  snapshot: SnapshotInfo;
}

export interface SandboxSchema {
  tables: { name: string; kind: 'table' | 'view'; description?: string; columns: { name: string; type: string }[] }[];
  /** The process-mining macros (sql/schema/016_process_macros.sql). */
  macros: { name: string; kind: 'table' | 'scalar'; parameters: string[]; description?: string }[];
}

export interface Sandbox {
  run(sql: string, opts?: { signal?: AbortSignal; maxRows?: number }): Promise<SandboxResult>;
  /** The full result (no row cap; the time limit applies) as CSV or Parquet bytes, streamed. */
  export(sql: string, format: 'csv' | 'parquet', opts?: { signal?: AbortSignal }): Promise<AsyncIterable<Uint8Array>>;
  /** The gate alone: resolves when `sql` would be accepted, throws SqlRefusedError otherwise. */
  check(sql: string): Promise<void>;
  schema(): Promise<SandboxSchema>;
  close(): Promise<void>;
}
