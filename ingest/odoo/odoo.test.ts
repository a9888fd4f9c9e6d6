// The Odoo ingestor against a private PostgreSQL 15 (fixtures/pg) holding ~500 simulated orders
// written as Odoo tables (fixtures/sim/odoo): full load, incremental load of changed rows only,
// an empty third run, idempotence, rows deleted in Odoo, a killed run and a failed run that change
// nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPg, type PgServer } from '../../fixtures/pg/server';
import type { GroundTruthSummary } from '../../fixtures/sim/ground-truth';
import { writeOdoo, type OdooTruth } from '../../fixtures/sim/odoo/writer';
import { Store } from '../../sql';
import { digestTables, dumpTable } from '../testing/store';
import { ingestOdoo } from './index';

const LOG = 'o2c-odoo';
const DATA_TABLES = ['events', 'objects', 'object_changes', 'event_object', 'object_object', 'rejects', 'object_aliases', 'odoo_watermarks'];

let server: PgServer;
let store: Store;
let truth: OdooTruth;
let summary: GroundTruthSummary;
let simDir = '';
let url: string;

async function odooSql(text: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(text);
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

async function pgRows<T>(text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

const activityCounts = async (): Promise<Record<string, number>> =>
  Object.fromEntries(
    (await store.sql<{ activity: string; n: number }>(`SELECT activity, count(*)::INTEGER AS n FROM events WHERE log_id = '${LOG}' GROUP BY 1`)).map(
      (r) => [r.activity, r.n],
    ),
  );
const objectCount = async (type: string): Promise<number> =>
  (await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM objects WHERE log_id = '${LOG}' AND object_type = '${type}'`))[0].n;
const marks = async (): Promise<string[]> =>
  (await store.sql<{ r: string }>('SELECT table_name || \'|\' || write_date || \'|\' || last_id AS r FROM odoo_watermarks ORDER BY 1')).map((x) => x.r);

beforeAll(async () => {
  server = await startPg();
  await server.createDatabase('odoo');
  simDir = mkdtempSync(join(tmpdir(), 'tl-odoo-sim-'));
  ({ truth, summary } = await writeOdoo({ orders: 500, seed: 11, outDir: simDir }, (sql) => server.psql('odoo', sql)));
  url = server.url('odoo');
  store = await Store.open(':memory:');
});

afterAll(() => {
  store?.close();
  server?.stop();
  if (simDir) rmSync(simDir, { recursive: true, force: true });
});

describe('Odoo ingest', () => {
  it('loads everything on the first run, matching the simulator', async () => {
    const r = await ingestOdoo(store, url, { fetchSize: 97 }); // many FETCHes per table
    const t = truth.rows;
    const expectedRows =
      t.sale_order + t.sale_order_line + t.stock_picking + t.stock_move + truth.invoices + truth.creditNotes + t.account_payment +
      t.account_partial_reconcile + t.mail_tracking_value;
    expect(r.status).toBe('succeeded');
    expect(r.rowsRead).toBe(expectedRows);
    expect(r.rowsRejected).toBe(0);
    // the same company as the simulator's SAP/WMS/billing files
    const c = summary.counts;
    expect([truth.orders, truth.orderLines, truth.deliveries, truth.invoices, truth.creditNotes, truth.invoicesCancelled]).toEqual([
      c.orders, c.orderLines, c.deliveries, c.invoices, c.creditMemos, c.invoiceCancellations,
    ]);
    // Odoo has a payment once cash is applied (SAP BUDAT); the billing platform may know a few more
    expect(truth.payments).toBeGreaterThan(0.9 * c.payments);
    expect(truth.payments).toBeLessThanOrEqual(c.payments);
    expect(await objectCount('sales_order')).toBe(truth.orders);
    expect(await objectCount('order_line')).toBe(truth.orderLines);
    expect(await objectCount('delivery')).toBe(truth.deliveries);
    expect(await objectCount('invoice')).toBe(truth.invoices);
    expect(await objectCount('credit_memo')).toBe(truth.creditNotes);
    expect(await objectCount('payment')).toBe(truth.payments);
    expect(await activityCounts()).toEqual(truth.events);
    // every order has its creation; relations are in place
    const [rel] = await store.sql<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM object_object WHERE log_id = '${LOG}' AND qualifier = 'fulfilled by' AND source_id LIKE 'sales_order:%'`,
    );
    expect(rel.n).toBe(truth.deliveries);
    // times are Odoo's naive UTC timestamps (millisecond precision in the store)
    const [pgTs] = await pgRows<{ t: string }>(`SELECT to_char(create_date, 'YYYY-MM-DD HH24:MI:SS.MS') AS t FROM sale_order WHERE id = 7`);
    const [ev] = await store.sql<{ t: string; user_type: string }>(
      `SELECT strftime(ts, '%Y-%m-%d %H:%M:%S.%g') AS t, user_type FROM events WHERE event_id = 'odoo:sale_order:7'`,
    );
    expect(ev.t).toBe(pgTs.t);
    expect(['human', 'system']).toContain(ev.user_type);
    const [ut] = await store.sql<{ n: number }>(`SELECT count(DISTINCT user_type)::INTEGER AS n FROM events WHERE log_id = '${LOG}'`);
    expect(ut.n).toBe(2);
    // the password never reaches ingest_runs
    const runs = await store.sql<{ source_path: string; source_kind: string }>('SELECT source_path, source_kind FROM ingest_runs');
    expect(runs[0].source_kind).toBe('odoo');
    expect(runs[0].source_path).not.toContain(server.password);
    expect(runs[0].source_path).toContain('***');
    expect((await marks()).length).toBe(8);
  });

  it('reads only the changed and new rows on the next run', async () => {
    const picked = await odooSql(
      `UPDATE stock_picking SET state = 'done', date_done = now(), write_date = now()
       WHERE id IN (SELECT id FROM stock_picking WHERE state <> 'done' ORDER BY id LIMIT 3)`,
    );
    const orders = await odooSql(`UPDATE sale_order SET x_delivery_block = 'Block 01', write_date = now() WHERE id IN (1, 2, 3)`);
    await odooSql(`
      WITH m AS (INSERT INTO mail_message (model, res_id, message_type, body, date, create_uid, create_date, write_date)
                 VALUES ('sale.order', 1, 'notification', '', now(), 2, now(), now()) RETURNING id)
      INSERT INTO mail_tracking_value (mail_message_id, field_id, old_value_char, new_value_char, create_date, write_date)
      SELECT m.id, 9002, NULL, 'Block 01', now(), now() FROM m`);
    await odooSql(`
      WITH so AS (INSERT INTO sale_order (name, partner_id, state, date_order, amount_untaxed, create_uid, create_date, write_uid, write_date)
                  VALUES ('S90001', 1, 'sale', now(), 100, 2, now(), 2, now()) RETURNING id)
      INSERT INTO sale_order_line (order_id, sequence, name, product_uom_qty, price_unit, price_subtotal, state, create_date, write_date)
      SELECT so.id, 10, '[M-1] Widget', 2, 50, 100, 'sale', now(), now() FROM so`);
    expect(orders).toBe(3);
    const before = await activityCounts();
    const r = await ingestOdoo(store, url);
    expect(r.status).toBe('succeeded');
    expect(r.rowsRead).toBe(picked + orders + 1 + 1 + 1);
    expect(r.eventsAdded).toBe(picked + 2);
    const after = await activityCounts();
    expect(after['Post Goods Issue']).toBe((before['Post Goods Issue'] ?? 0) + picked);
    expect(after['Set Delivery Block']).toBe((before['Set Delivery Block'] ?? 0) + 1);
    expect(after['Create Sales Order']).toBe((before['Create Sales Order'] ?? 0) + 1);
    expect(after['Create Delivery']).toBe(before['Create Delivery']);
    const [o] = await store.sql<{ b: string }>(`SELECT attrs->>'delivery_block' AS b FROM objects WHERE object_id = 'sales_order:S00002'`);
    expect(o.b).toBe('Block 01');
    expect(await objectCount('order_line')).toBe(truth.orderLines + 1);
  });

  it('does not pass rows of an Odoo transaction still running at the snapshot', async () => {
    const held = new pg.Client({ connectionString: url });
    await held.connect();
    try {
      await held.query('BEGIN');
      await held.query(`UPDATE sale_order SET client_order_ref = 'late', write_date = now() WHERE id = 9`);
      await new Promise((r) => setTimeout(r, 20));
      await odooSql(`UPDATE sale_order SET client_order_ref = 'after', write_date = now() WHERE id = 10`);
      // row 10 is committed but dated after the running transaction began: it waits with row 9
      const r1 = await ingestOdoo(store, url);
      expect(r1.rowsRead).toBe(0);
      expect(r1.rowsDeleted).toBe(0); // row 10 is past the horizon, not gone
      await held.query('COMMIT');
    } finally {
      await held.end();
    }
    const r2 = await ingestOdoo(store, url);
    expect(r2.rowsRead).toBe(2);
    const po = await store.sql<{ id: string; po: string }>(
      `SELECT object_id AS id, attrs->>'po_number' AS po FROM objects WHERE object_id IN ('sales_order:S00009', 'sales_order:S00010') ORDER BY 1`,
    );
    expect(po.map((x) => x.po)).toEqual(['late', 'after']);
  });

  it('reads nothing when nothing changed, and re-reading everything adds nothing', async () => {
    const r = await ingestOdoo(store, url);
    expect(r.rowsRead).toBe(0);
    expect(r.eventsAdded).toBe(0);
    const before = await digestTables(store, DATA_TABLES.filter((t) => t !== 'odoo_watermarks'));
    const wm = await marks();
    await store.transaction((tx) => tx.sql('DELETE FROM odoo_watermarks').then(() => undefined));
    const again = await ingestOdoo(store, url);
    expect(again.rowsRead).toBeGreaterThan(truth.orders);
    expect(again.eventsAdded).toBe(0);
    expect(again.objectsAdded).toBe(0);
    expect(await digestTables(store, DATA_TABLES.filter((t) => t !== 'odoo_watermarks'))).toEqual(before);
    expect(await marks()).toEqual(wm);
  });

  it('marks exactly the rows deleted in Odoo, once', async () => {
    const [line] = await pgRows<{ id: number; order_name: string; sequence: number }>(
      `SELECT l.id, so.name AS order_name, l.sequence FROM sale_order_line l JOIN sale_order so ON so.id = l.order_id ORDER BY l.id OFFSET 20 LIMIT 1`,
    );
    const [picking] = await pgRows<{ id: number; name: string }>(
      `SELECT id, name FROM stock_picking WHERE id IN (SELECT picking_id FROM stock_move) ORDER BY state = 'done', id DESC LIMIT 1`,
    );
    const moves = (await pgRows<{ id: number }>(`SELECT id FROM stock_move WHERE picking_id = ${picking.id} ORDER BY id`)).map((m) => m.id);
    const [rec] = await pgRows<{ id: number }>(
      `SELECT r.id FROM account_partial_reconcile r JOIN account_move_line dl ON dl.id = r.debit_move_id
         JOIN account_move dm ON dm.id = dl.move_id AND dm.move_type = 'out_invoice' ORDER BY r.id OFFSET 5 LIMIT 1`,
    );
    const tables = [...DATA_TABLES, 'odoo_rows'];
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await dumpTable(store, t)] as const)));
    // what the Odoo UI does: remove a draft line, delete a picking (its moves go with it), unreconcile
    await odooSql(`DELETE FROM sale_order_line WHERE id = ${line.id}`);
    await odooSql(`DELETE FROM stock_move WHERE picking_id = ${picking.id}`);
    await odooSql(`DELETE FROM stock_picking WHERE id = ${picking.id}`);
    await odooSql(`DELETE FROM account_partial_reconcile WHERE id = ${rec.id}`);

    const r = await ingestOdoo(store, url);
    expect(r.rowsRead).toBe(0);
    expect(r.deleted).toEqual({ sale_order_line: 1, stock_picking: 1, stock_move: moves.length, account_partial_reconcile: 1 });
    expect(r.rowsDeleted).toBe(3 + moves.length);
    expect(r.eventsAdded).toBe(3 + moves.length);
    const [run] = await store.sql<{ n: number }>(`SELECT events_added::INTEGER AS n FROM ingest_runs WHERE run_id = '${r.runId}'`);
    expect(run.n).toBe(r.eventsAdded);

    const after = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await dumpTable(store, t)] as const)));
    const diff = (t: string): { added: string[]; removed: string[] } => ({
      added: after[t].filter((x) => !before[t].includes(x)),
      removed: before[t].filter((x) => !after[t].includes(x)),
    });
    // odoo_rows: exactly those ids marked, by this run
    const marked = await store.sql<{ k: string }>(
      `SELECT table_name || ':' || id AS k FROM odoo_rows WHERE deleted_run_id = '${r.runId}' ORDER BY table_name, id`,
    );
    expect(marked.map((m) => m.k)).toEqual(
      [`account_partial_reconcile:${rec.id}`, `sale_order_line:${line.id}`, `stock_move:${moves.join(',stock_move:')}`.split(','), `stock_picking:${picking.id}`].flat(),
    );
    expect(diff('odoo_rows').removed.length).toBe(3 + moves.length);
    // events: only the deletion events, with lineage
    expect(diff('events').removed).toEqual([]);
    const ev = await store.sql<{ event_id: string; activity: string; source_key: string; run_id: string }>(
      `SELECT event_id, activity, source_key, run_id FROM events WHERE run_id = '${r.runId}' ORDER BY event_id`,
    );
    expect(ev.length).toBe(3 + moves.length);
    expect(diff('events').added.length).toBe(ev.length);
    const byKey = Object.fromEntries(ev.map((e) => [e.source_key, e.activity]));
    expect(byKey[`odoo:sale_order_line:${line.id}`]).toBe('Delete Order Line');
    expect(byKey[`odoo:stock_picking:${picking.id}`]).toBe('Delete Delivery');
    expect(byKey[`odoo:stock_move:${moves[0]}`]).toBe('Delete Stock Move');
    expect(byKey[`odoo:account_partial_reconcile:${rec.id}`]).toBe('Remove Cash Application');
    // the objects the deleted rows defined are marked, nothing else
    const lineId = `order_line:${line.order_name}/${line.sequence}`;
    const deliveryId = `delivery:${picking.name}`;
    const objs = diff('objects');
    expect(objs.removed.length).toBe(2);
    expect(objs.added.length).toBe(2);
    expect(objs.added.every((x) => x.includes('deleted_in_source'))).toBe(true);
    const flagged = await store.sql<{ object_id: string }>(
      `SELECT object_id FROM objects WHERE attrs->>'deleted_in_source' IS NOT NULL ORDER BY 1`,
    );
    expect(flagged.map((o) => o.object_id)).toEqual([deliveryId, lineId].sort());
    expect(diff('object_changes').removed).toEqual([]);
    expect(diff('object_changes').added.length).toBe(2);
    // the deletion events sit in the traces: related to the deleted object, and to what the row's events were related to
    const rel = async (key: string): Promise<string[]> =>
      (await store.sql<{ r: string }>(`SELECT object_id || ' ' || qualifier AS r FROM event_object WHERE event_id = '${key}:deleted' ORDER BY 1`)).map(
        (x) => x.r,
      );
    expect(await rel(`odoo:sale_order_line:${line.id}`)).toEqual([`${lineId} line`]);
    expect(await rel(`odoo:stock_picking:${picking.id}`)).toContain(`${deliveryId} delivery`);
    expect((await rel(`odoo:stock_picking:${picking.id}`)).some((x) => x.startsWith('sales_order:'))).toBe(true);
    const cash = await rel(`odoo:account_partial_reconcile:${rec.id}`);
    expect(cash.some((x) => x.startsWith('invoice:'))).toBe(true);
    for (const t of ['object_object', 'rejects', 'object_aliases', 'odoo_watermarks']) expect(diff(t), t).toEqual({ added: [], removed: [] });

    // again: nothing new
    const digest = await digestTables(store, tables);
    const again = await ingestOdoo(store, url);
    expect([again.rowsRead, again.rowsDeleted, again.eventsAdded]).toEqual([0, 0, 0]);
    expect(await digestTables(store, tables)).toEqual(digest);
  });

  it('a run killed half-way leaves the store, watermarks and known ids as they were', async () => {
    const file = join(simDir, 'kill.duckdb');
    const tables = [...DATA_TABLES, 'odoo_rows', 'ingest_runs'];
    let s = await Store.open(file);
    await ingestOdoo(s, url);
    s.close();
    await odooSql(`UPDATE sale_order SET client_order_ref = 'kill', write_date = now() WHERE id IN (11, 12)`);
    const [gone] = await pgRows<{ id: number }>('SELECT max(id) AS id FROM sale_order_line');
    await odooSql(`DELETE FROM sale_order_line WHERE id = ${gone.id}`);
    s = await Store.open(file);
    const before = await digestTables(s, tables);
    s.close();
    // the child stages the changed orders, then waits on this lock until it is killed
    const lock = new pg.Client({ connectionString: url });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE mail_tracking_value IN ACCESS EXCLUSIVE MODE');
      const code = `const { Store } = await import(${JSON.stringify(join(process.cwd(), 'sql/index.ts'))});
        const { ingestOdoo } = await import(${JSON.stringify(join(process.cwd(), 'ingest/odoo/index.ts'))});
        await ingestOdoo(await Store.open(process.argv[1]), process.env.TL_ODOO_URL);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, file], {
        env: { ...process.env, TL_ODOO_URL: url },
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      let waiting = false;
      for (let i = 0; i < 300 && !waiting && child.exitCode === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const [w] = await pgRows<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'throughline-ingest' AND wait_event_type = 'Lock'`,
        );
        waiting = Number(w.n) > 0;
      }
      child.kill('SIGKILL');
      await exited;
      expect(waiting).toBe(true);
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }
    s = await Store.open(file);
    try {
      expect(await digestTables(s, tables)).toEqual(before);
      const r = await ingestOdoo(s, url);
      expect([r.rowsRead, r.rowsDeleted]).toEqual([2, 1]);
    } finally {
      s.close();
    }
  });

  it('a run that fails half-way changes nothing but its failed ingest_runs row', async () => {
    await odooSql(`UPDATE sale_order SET write_date = now() WHERE id = 5`);
    await odooSql('DROP TABLE mail_tracking_value');
    const before = await digestTables(store, DATA_TABLES);
    const err = await ingestOdoo(store, url).then(
      () => null,
      (e: unknown) => e as Error & { result?: { status: string; rowsRead: number } },
    );
    expect(err).not.toBeNull();
    expect(err?.message).toMatch(/mail_tracking_value/);
    expect(err?.message).not.toContain(server.password);
    expect(err?.result?.status).toBe('failed');
    expect(await digestTables(store, DATA_TABLES)).toEqual(before);
    const [last] = await store.sql<{ status: string; source_path: string; error: string }>(
      'SELECT status, source_path, error FROM ingest_runs ORDER BY started_at DESC LIMIT 1',
    );
    expect(last.status).toBe('failed');
    expect(`${last.source_path} ${last.error}`).not.toContain(server.password);
  });
});
