// Hard deletes: a row deleted in Odoo (a cancelled draft line, an unlinked reconciliation, a
// deleted picking) leaves no write_date behind, so watermarks never see it. The store keeps the id
// of every row a run has read (odoo_rows); each run, in its own transaction and from the SAME Odoo
// snapshot as its rows:
//   1. adds the ids of the rows it read (re-selected by id only, streamed);
//   2. per table, compares count and sum of the ids Odoo has below the read horizon with those the
//      store holds as live. Every such Odoo row has been read, so the Odoo set is a subset of the
//      store's and equal figures mean nothing was deleted: one aggregate per table, no id transfer;
//   3. only for a table whose figures differ, streams Odoo's ids (ascending, FETCH by FETCH, into
//      a temp table) and takes the store's live ids that Odoo lacks;
//   4. records those (sql/queries/odoo/deletions_record.sql; docs/model.md "Odoo").
// Memory stays flat: ids go from a cursor batch (50,000) straight into a DuckDB appender (tx.append).
import type { Tx } from '../../sql';
import { ODOO_READ_TABLES, ZERO_MARK, type OdooReadTable, type OdooSnapshot, type Watermark } from './extract';

export interface TrackContext {
  logId: string;
  /** host:port/dbname */
  source: string;
  runId: string;
  /** The watermarks the run started from. */
  marks: Map<OdooReadTable, Watermark>;
  /** The tables of which the run read at least one row. */
  read: ReadonlySet<OdooReadTable>;
}

export interface TrackResult {
  /** Rows found deleted, per table (tables without deletions omitted). */
  deleted: Partial<Record<OdooReadTable, number>>;
  /** Deletion events added (one per deleted row, unless a repeat). */
  eventsAdded: number;
}

/** TL_INGEST_PROFILE=1 prints the time of each step to stderr (benchmarks), like the pipeline. */
function step(label: string, since: number): number {
  const now = performance.now();
  if (process.env.TL_INGEST_PROFILE) console.error(`odoo ${label} ${Math.round(now - since)} ms`);
  return now;
}

async function appendIds(tx: Tx, temp: string, table: OdooReadTable, batches: AsyncIterable<number[]>): Promise<number> {
  let n = 0;
  for await (const ids of batches) {
    await tx.append(temp, ids.map((id) => [table, BigInt(id)]));
    n += ids.length;
  }
  return n;
}

export async function trackRows(tx: Tx, snap: OdooSnapshot, ctx: TrackContext): Promise<TrackResult> {
  const base = { log_id: ctx.logId, source: ctx.source };
  let t = performance.now();
  await tx.query('odoo/rows_stage_create', { ...base, run_id: ctx.runId, deleted_at: snap.takenAt });
  await tx.script('odoo/rows_stage_tables');
  try {
    // 1. the rows this run read; a table without a baseline yet (first run, or a store from before
    // odoo_rows) takes every row read so far, i.e. all rows below the horizon
    for (const table of ODOO_READ_TABLES) {
      const [known] = await tx.query<{ n: number }>('odoo/rows_known', { ...base, table_name: table });
      if (known.n > 0 && !ctx.read.has(table)) continue;
      const after = known.n > 0 ? (ctx.marks.get(table) ?? ZERO_MARK) : ZERO_MARK;
      await appendIds(tx, 'odoo_stg_read', table, snap.ids(table, after));
    }
    await tx.script('odoo/rows_add');
    t = step('ids read', t);

    // 2./3. cheap check per table, ids only where it differs
    const deleted: TrackResult['deleted'] = {};
    let any = false;
    for (const table of ODOO_READ_TABLES) {
      const odoo = await snap.idStats(table);
      const [store] = await tx.query<{ count: string; sum: string }>('odoo/rows_live_stats', { ...base, table_name: table });
      t = step(`check ${table}`, t);
      if (odoo.count === store.count && odoo.sum === store.sum) continue;
      await appendIds(tx, 'odoo_stg_live', table, snap.ids(table));
      t = step(`ids of ${table}`, t);
      await tx.query('odoo/rows_gone', { ...base, table_name: table });
      t = step(`gone ${table}`, t);
      any = true;
    }
    if (!any) return { deleted, eventsAdded: 0 };
    for (const r of await tx.sql<{ table_name: OdooReadTable; n: number }>(
      'SELECT table_name, count(*)::INTEGER AS n FROM odoo_stg_gone GROUP BY 1 ORDER BY 1',
    )) {
      deleted[r.table_name] = r.n;
    }
    if (Object.keys(deleted).length === 0) return { deleted, eventsAdded: 0 };

    // 4. record them
    await tx.script('odoo/deletions_record');
    t = step('deletions recorded', t);
    const [added] = await tx.query<{ n: number }>('odoo/deletions_count', { log_id: ctx.logId, run_id: ctx.runId });
    if (added.n > 0) await tx.query('odoo/run_events_add', { n: added.n, run_id: ctx.runId });
    return { deleted, eventsAdded: added.n };
  } finally {
    await tx.script('odoo/rows_stage_drop').catch(() => undefined); // after a failure the transaction is gone anyway
  }
}
