// Test helpers over a store: full table dumps and digests, and the order-perspective trace.
import type { Store } from '../../sql';

/** Every table an ingest writes to, ingest_runs last (a failed run adds a row there, by design). */
export const INGEST_TABLES = [
  'logs',
  'events',
  'objects',
  'object_changes',
  'event_object',
  'object_object',
  'rejects',
  'object_aliases',
  'ingest_runs',
] as const;

export interface TableDigest {
  rows: number;
  hash: string;
}

/** Row count and a hash of all rows in a canonical order, per table. */
export async function digestTables(store: Store, tables: readonly string[] = INGEST_TABLES): Promise<Record<string, TableDigest>> {
  const out: Record<string, TableDigest> = {};
  for (const t of tables) {
    const [r] = await store.sql<{ rows: number; hash: string | null }>(
      `SELECT count(*)::INTEGER AS rows, md5(coalesce(string_agg(x::VARCHAR, '\n' ORDER BY x::VARCHAR), '')) AS hash FROM ${t} x`,
    );
    out[t] = { rows: r.rows, hash: r.hash ?? '' };
  }
  return out;
}

/** All rows of a table as text, sorted (for exact before/after comparisons). */
export async function dumpTable(store: Store, table: string): Promise<string[]> {
  const rows = await store.sql<{ r: string }>(`SELECT x::VARCHAR AS r FROM ${table} x ORDER BY r`);
  return rows.map((x) => x.r);
}

export interface TraceEvent {
  activity: string;
  time: string;
  system: string;
}

/** The order-perspective trace of `sales_order:<order>` (sql/queries/ingest/order_trace.sql). */
export async function orderTrace(store: Store, order: string, logId = 'o2c'): Promise<TraceEvent[]> {
  const rows = await store.query<TraceEvent>('ingest/order_trace', { order_id: `sales_order:${order}`, log_id: logId });
  return rows.map((r) => ({ activity: r.activity, time: r.time, system: r.system }));
}

/** One column of a query's rows. */
export async function column<T>(store: Store, sql: string, name = 'v'): Promise<T[]> {
  return (await store.sql<Record<string, T>>(sql)).map((r) => r[name]);
}
