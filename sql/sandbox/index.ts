// Analyst SQL for notebooks: one read-only query at a time over a snapshot of the analyst tables,
// in a locked DuckDB instance, with a time limit, a memory limit, a row cap and Arrow IPC out.
//
// How it coexists with the store's single read-write owner (details: sql/README.md "Sandbox"):
// DuckDB lets one process hold a file read-write and then no other instance may open it, not even
// read-only; and a read-only instance on the store would see every table (credentials,
// watermarks, notebooks, future sign-in tables). So the owner (the Store, through one of its own
// read connections) copies an ALLOWLIST of tables into a separate file per store state
// (`<store>.analyst/<generation>-….duckdb`, one transaction, so the copy is consistent and
// never blocks a writer), with the process macros re-created inside it. The sandbox opens that
// file in its own instance: READ_ONLY, enable_external_access=false, no extension auto-loading,
// threads and memory_limit of its own, configuration locked. The snapshot is rebuilt lazily when a
// notebook query finds the analyst tables changed; meanwhile queries answer from the previous one
// (SandboxResult.snapshot says which), and a snapshot is deleted when no query uses it any more.
export type { Sandbox, SandboxColumn, SandboxOptions, SandboxResult, SandboxSchema, SnapshotInfo } from './types';
export { SqlRefusedError, SqlTimeoutError } from './errors';
export { SqlSandbox, sandboxFor } from './sandbox';
export { ANALYST_TABLES } from './allowlist';
