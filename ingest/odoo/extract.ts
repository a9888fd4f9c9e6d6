// The Odoo extractor: one REPEATABLE READ, READ ONLY transaction on the Odoo database (one snapshot
// for every table and the id sets of delete detection), one server-side cursor per table, rows after the table's watermark
// (write_date, id) in (write_date, id) order. Lookups that the mapper needs (order name of a line,
// invoice of a reconciliation, record of a tracking value) are joined here; the watermark is always
// the driving table's own.
import pg from 'pg';
import type { SourceRow } from '../pipeline/source';

export type OdooValue = string | number | boolean | null;
export type OdooRecord = Record<string, OdooValue>;

export const ODOO_READ_TABLES = [
  'sale_order',
  'sale_order_line',
  'stock_picking',
  'stock_move',
  'account_move',
  'account_payment',
  'account_partial_reconcile',
  'mail_tracking_value',
] as const;
export type OdooReadTable = (typeof ODOO_READ_TABLES)[number];

export interface OdooRow extends SourceRow {
  table: OdooReadTable;
  rec: OdooRecord;
}

/** A row as read; `raw` (only needed for rejects) is built on demand. `_wd`/`_id` stay in rec. */
class ReadRow implements OdooRow {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly table: OdooReadTable,
    readonly rec: OdooRecord,
  ) {}

  get raw(): string {
    return JSON.stringify(this.rec);
  }
}

export interface Watermark {
  writeDate: string;
  id: number;
}

/** Before any row: reads everything. */
export const ZERO_MARK: Watermark = { writeDate: '-infinity', id: 0 };

const WD = (alias: string): string => `to_char(${alias}.write_date, 'YYYY-MM-DD HH24:MI:SS.US') AS _wd, ${alias}.id AS _id`;
const MS = (expr: string, as: string): string => `(extract(epoch FROM ${expr}) * 1000)::float8 AS ${as}`;
const AFTER = (alias: string): string =>
  `${alias}.write_date IS NOT NULL AND (${alias}.write_date, ${alias}.id) > ($1::timestamp, $2::integer) AND ${alias}.write_date < $3::timestamp`;

/**
 * The read horizon, taken with the snapshot: rows written at or after it wait for the next run.
 * Odoo stamps write_date with its transaction's START time, so a transaction still running at our
 * snapshot will later commit rows dated before "now"; reading only below the oldest running
 * transaction's start (when pg_stat_activity shows it: same database user, as Odoo uses one)
 * keeps the watermark from passing rows that are not visible yet.
 */
const HORIZON = `
  SELECT to_char(least(statement_timestamp(), coalesce(min(xact_start), statement_timestamp())) AT TIME ZONE 'UTC',
                 'YYYY-MM-DD HH24:MI:SS.US') AS horizon,
         to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS taken_at
  FROM pg_stat_activity
  WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend' AND xact_start IS NOT NULL`;
const ORDER = (alias: string): string => `ORDER BY ${alias}.write_date, ${alias}.id`;

/** The SELECT per table ($1 = watermark write_date, $2 = watermark id, $3 = read horizon). */
export const QUERIES: Record<OdooReadTable, string> = {
  sale_order: `
    SELECT ${WD('so')}, so.id, so.name, so.state, ${MS('so.create_date', 'created_ms')}, so.client_order_ref,
      so.amount_untaxed::float8 AS amount_untaxed, so.x_channel, so.x_credit_status, so.x_delivery_block, so.x_billing_block,
      to_char(so.commitment_date, 'YYYY-MM-DD') AS commitment_date, so.invoice_status, so.partner_id, p.ref AS partner_ref,
      p.name AS partner_name, u.login, (u.id = 1 OR u.share) AS is_system
    FROM sale_order so LEFT JOIN res_partner p ON p.id = so.partner_id LEFT JOIN res_users u ON u.id = so.create_uid
    WHERE ${AFTER('so')} ${ORDER('so')}`,
  sale_order_line: `
    SELECT ${WD('l')}, l.id, so.name AS order_name, l.sequence, l.name, l.product_uom_qty::float8 AS qty,
      l.qty_delivered::float8 AS qty_delivered, l.price_unit::float8 AS price_unit, l.price_subtotal::float8 AS price_subtotal,
      l.state, l.x_price_approval, l.x_rejection_reason, to_char(l.create_date, 'YYYY-MM-DD') AS created_on
    FROM sale_order_line l LEFT JOIN sale_order so ON so.id = l.order_id
    WHERE ${AFTER('l')} ${ORDER('l')}`,
  stock_picking: `
    SELECT ${WD('sp')}, sp.id, sp.name, sp.state, ${MS('sp.create_date', 'created_ms')}, ${MS('sp.date_done', 'done_ms')},
      to_char(sp.scheduled_date, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS scheduled_date, to_char(sp.date_deadline, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date_deadline,
      sp.carrier_tracking_ref, coalesce(so.name, sp.origin) AS order_name, bo.name AS backorder_of, sp.picking_type_id,
      cu.login AS create_login, (cu.id = 1 OR cu.share) AS create_system, wu.login AS write_login, (wu.id = 1 OR wu.share) AS write_system
    FROM stock_picking sp LEFT JOIN sale_order so ON so.id = sp.sale_id LEFT JOIN stock_picking bo ON bo.id = sp.backorder_id
      LEFT JOIN res_users cu ON cu.id = sp.create_uid LEFT JOIN res_users wu ON wu.id = sp.write_uid
    WHERE ${AFTER('sp')} ${ORDER('sp')}`,
  stock_move: `
    SELECT ${WD('m')}, m.id, sp.name AS picking_name, so.name AS order_name, l.sequence AS line_sequence,
      m.product_uom_qty::float8 AS qty, m.quantity::float8 AS quantity, m.state
    FROM stock_move m LEFT JOIN stock_picking sp ON sp.id = m.picking_id LEFT JOIN sale_order_line l ON l.id = m.sale_line_id
      LEFT JOIN sale_order so ON so.id = l.order_id
    WHERE ${AFTER('m')} ${ORDER('m')}`,
  account_move: `
    SELECT ${WD('am')}, am.id, am.name, am.move_type, am.state, am.payment_state, ${MS('am.create_date', 'created_ms')},
      am.invoice_origin, to_char(am.invoice_date, 'YYYY-MM-DD') AS invoice_date, to_char(am.invoice_date_due, 'YYYY-MM-DD') AS due_date,
      am.amount_untaxed::float8 AS amount_untaxed, am.amount_tax::float8 AS amount_tax, am.amount_total::float8 AS amount_total,
      am.amount_residual::float8 AS amount_residual, rev.name AS reversed_name, p.ref AS partner_ref,
      u.login, (u.id = 1 OR u.share) AS is_system
    FROM account_move am LEFT JOIN account_move rev ON rev.id = am.reversed_entry_id LEFT JOIN res_partner p ON p.id = am.partner_id
      LEFT JOIN res_users u ON u.id = am.create_uid
    WHERE am.move_type IN ('out_invoice', 'out_refund') AND ${AFTER('am')} ${ORDER('am')}`,
  account_payment: `
    SELECT ${WD('pay')}, pay.id, pay.name, pay.state, pay.amount::float8 AS amount, ${MS('pay.create_date', 'created_ms')},
      to_char(pay.date, 'YYYY-MM-DD') AS date, inv.name AS invoice_name, u.login, (u.id = 1 OR u.share) AS is_system
    FROM account_payment pay LEFT JOIN res_users u ON u.id = pay.create_uid
      LEFT JOIN LATERAL (
        SELECT im.name FROM account_move_line pl
          JOIN account_partial_reconcile r ON r.credit_move_id = pl.id
          JOIN account_move_line il ON il.id = r.debit_move_id
          JOIN account_move im ON im.id = il.move_id AND im.move_type = 'out_invoice'
        WHERE pl.move_id = pay.move_id ORDER BY r.id LIMIT 1) inv ON true
    WHERE pay.payment_type = 'inbound' AND pay.partner_type = 'customer' AND ${AFTER('pay')} ${ORDER('pay')}`,
  account_partial_reconcile: `
    SELECT ${WD('r')}, r.id, r.amount::float8 AS amount, ${MS('r.create_date', 'created_ms')}, to_char(r.max_date, 'YYYY-MM-DD') AS max_date,
      dm.name AS debit_name, dm.move_type AS debit_type, cm.name AS credit_name, cm.move_type AS credit_type, pay.name AS payment_name,
      CASE WHEN (SELECT sum(r2.amount) FROM account_partial_reconcile r2 WHERE r2.debit_move_id = r.debit_move_id AND r2.id <= r.id) >= dl.debit
        THEN 'full' ELSE 'partial' END AS application,
      u.login, (u.id = 1 OR u.share) AS is_system
    FROM account_partial_reconcile r
      JOIN account_move_line dl ON dl.id = r.debit_move_id JOIN account_move dm ON dm.id = dl.move_id
      JOIN account_move_line cl ON cl.id = r.credit_move_id JOIN account_move cm ON cm.id = cl.move_id
      LEFT JOIN account_payment pay ON pay.move_id = cm.id LEFT JOIN res_users u ON u.id = r.create_uid
    WHERE ${AFTER('r')} ${ORDER('r')}`,
  mail_tracking_value: `
    SELECT ${WD('v')}, v.id, m.model, m.res_id, ${MS('coalesce(m.date, m.create_date)', 'at_ms')}, f.name AS field, f.ttype,
      v.old_value_char, v.new_value_char, v.old_value_float, v.new_value_float,
      to_char(v.old_value_datetime, 'YYYY-MM-DD') AS old_value_date, to_char(v.new_value_datetime, 'YYYY-MM-DD') AS new_value_date,
      coalesce(so.name, so2.name) AS order_name, sol.sequence AS line_sequence, am.name AS move_name, am.move_type,
      u.login, (u.id = 1 OR u.share) AS is_system
    FROM mail_tracking_value v JOIN mail_message m ON m.id = v.mail_message_id JOIN ir_model_fields f ON f.id = v.field_id
      LEFT JOIN sale_order so ON m.model = 'sale.order' AND so.id = m.res_id
      LEFT JOIN sale_order_line sol ON m.model = 'sale.order.line' AND sol.id = m.res_id
      LEFT JOIN sale_order so2 ON so2.id = sol.order_id
      LEFT JOIN account_move am ON m.model = 'account.move' AND am.id = m.res_id
      LEFT JOIN res_users u ON u.id = m.create_uid
    WHERE m.model IN ('sale.order', 'sale.order.line', 'account.move') AND ${AFTER('v')} ${ORDER('v')}`,
};

/** The connection string with the password replaced, and the database identity without credentials. */
export function redact(connectionString: string): { display: string; source: string; password: string | null } {
  try {
    const u = new URL(connectionString);
    const password = u.password ? decodeURIComponent(u.password) : null;
    if (u.password) u.password = '***';
    u.searchParams.delete('password');
    const db = u.pathname.replace(/^\//, '');
    return { display: u.toString(), source: `${u.hostname}:${u.port || '5432'}/${db}`, password };
  } catch {
    // libpq key=value form
    const pw = /password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/i.exec(connectionString);
    const get = (k: string): string => new RegExp(`${k}\\s*=\\s*(\\S+)`, 'i').exec(connectionString)?.[1] ?? '';
    return {
      display: connectionString.replace(/password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/gi, 'password=***'),
      source: `${get('host')}:${get('port') || '5432'}/${get('dbname')}`,
      password: pw ? pw[1].replace(/^'|'$/g, '') : null,
    };
  }
}

/** An error whose message can never carry the password. */
export function scrub(err: unknown, password: string | null): Error {
  let msg = err instanceof Error ? err.message : String(err);
  if (password) msg = msg.split(password).join('***');
  msg = msg.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@');
  return new Error(msg);
}

/**
 * Which rows of a table the ingest follows, as `FROM … WHERE …` over the driving table's alias:
 * the same rows the SELECT above reads (before the watermark test), so the id sets of hard-delete
 * detection (./deletions.ts) and the rows read agree.
 */
export const SCOPES: Record<OdooReadTable, { alias: string; from: string }> = {
  sale_order: { alias: 'so', from: 'sale_order so WHERE true' },
  sale_order_line: { alias: 'l', from: 'sale_order_line l WHERE true' },
  stock_picking: { alias: 'sp', from: 'stock_picking sp WHERE true' },
  stock_move: { alias: 'm', from: 'stock_move m WHERE true' },
  account_move: { alias: 'am', from: "account_move am WHERE am.move_type IN ('out_invoice', 'out_refund')" },
  account_payment: { alias: 'pay', from: "account_payment pay WHERE pay.payment_type = 'inbound' AND pay.partner_type = 'customer'" },
  account_partial_reconcile: { alias: 'r', from: 'account_partial_reconcile r WHERE true' },
  mail_tracking_value: {
    alias: 'v',
    from: "mail_tracking_value v JOIN mail_message m ON m.id = v.mail_message_id WHERE m.model IN ('sale.order', 'sale.order.line', 'account.move')",
  },
};

/** Count and sum of the ids a table's scope holds below the horizon (what the store should know). */
export interface IdStats {
  count: string;
  sum: string;
}

/**
 * One read of the Odoo database: ONE `REPEATABLE READ READ ONLY` transaction (one snapshot for
 * every table and for the id sets of delete detection), opened by the first call and kept until
 * `close()`, so the run can read the changed rows during staging and the id sets just before its
 * store transaction commits, both from the same snapshot. Nothing is held in memory beyond one
 * FETCH per cursor.
 */
export class OdooSnapshot {
  private client: pg.Client | null = null;
  private opening: Promise<pg.Client> | null = null;
  private horizonText = 'infinity';
  /** When the snapshot was taken (UTC, 'YYYY-MM-DD HH24:MI:SS.US'). */
  takenAt = '';
  private cursors = 0;
  readonly password: string | null;

  constructor(private readonly connectionString: string) {
    this.password = redact(connectionString).password;
  }

  /** The read horizon: rows dated at or after it wait for the next run (see HORIZON). */
  get horizon(): string {
    return this.horizonText;
  }

  private open(): Promise<pg.Client> {
    this.opening ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString, application_name: 'throughline-ingest' });
      client.on('error', () => undefined); // surfaced by the failing query
      // Only a connected client is kept: close() on one that never connected would queue its
      // ROLLBACK forever (pg holds queries until a connection that will never come).
      await client.connect();
      this.client = client;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // The first statement takes the snapshot; statement_timestamp() is from just before it.
      // (Left open: a transaction running at the snapshot that commits before pg_stat_activity is
      // read, microseconds later, can still slip under the horizon.)
      const h = (await client.query<{ horizon: string; taken_at: string }>(HORIZON)).rows[0];
      this.horizonText = String(h?.horizon ?? 'infinity');
      this.takenAt = String(h?.taken_at ?? '');
      await client.query("SET LOCAL TIME ZONE 'UTC'");
      // Every cursor is read to the end: plan for the whole result, not for fast first rows.
      await client.query('SET LOCAL cursor_tuple_fraction = 1.0');
      return client;
    })();
    return this.opening;
  }

  /** Streams a cursor over `text`, `fetchSize` rows per FETCH; the next FETCH runs while the caller works. */
  private async *cursor<T extends pg.QueryResultRow>(text: string, params: unknown[], fetchSize: number): AsyncGenerator<T[]> {
    const client = await this.open();
    const name = `tl_c${++this.cursors}`;
    await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, params);
    const fetch = (): Promise<pg.QueryResult<T>> => {
      const p = client.query<T>(`FETCH ${fetchSize} FROM ${name}`);
      p.catch(() => undefined); // awaited below; never an unhandled rejection
      return p;
    };
    let pending = fetch();
    for (;;) {
      const res = await pending;
      if (res.rows.length === 0) break;
      if (res.rows.length === fetchSize) pending = fetch();
      yield res.rows;
      if (res.rows.length < fetchSize) break;
    }
    await client.query(`CLOSE ${name}`);
  }

  /** Streams the changed rows of every table (after its watermark, below the horizon), a FETCH at a time. */
  async *rows(opts: RowsOptions): AsyncGenerator<OdooRow[]> {
    try {
      await this.open();
      let n = 0;
      for (const table of ODOO_READ_TABLES) {
        const mark = opts.marks.get(table) ?? ZERO_MARK;
        const file = `odoo:${table}`;
        for await (const batch of this.cursor<OdooRecord>(QUERIES[table], [mark.writeDate, mark.id, this.horizonText], opts.fetchSize ?? 5000)) {
          const out: OdooRow[] = [];
          for (const rec of batch) out.push(new ReadRow(file, ++n, table, rec));
          const last = batch[batch.length - 1];
          opts.onBatch(table, { writeDate: String(last._wd), id: Number(last._id) });
          yield out;
        }
      }
    } catch (err) {
      throw scrub(err, this.password);
    }
  }

  /**
   * The ids of a table's scope, ascending, a batch at a time: all of them (`after` omitted), or
   * those the row read with that watermark returned (after it, below the horizon).
   */
  async *ids(table: OdooReadTable, after?: Watermark, batch = 50_000): AsyncGenerator<number[]> {
    const { alias: a, from } = SCOPES[table];
    const text = after
      ? `SELECT ${a}.id FROM ${from} AND ${AFTER(a)} ORDER BY ${a}.id`
      : `SELECT ${a}.id FROM ${from} ORDER BY ${a}.id`;
    const params = after ? [after.writeDate, after.id, this.horizonText] : [];
    try {
      for await (const rows of this.cursor<{ id: number }>(text, params, batch)) yield rows.map((r) => Number(r.id));
    } catch (err) {
      throw scrub(err, this.password);
    }
  }

  /** Count and sum of the scope's ids dated below the horizon: the rows every run so far has read. */
  async idStats(table: OdooReadTable): Promise<IdStats> {
    const { alias: a, from } = SCOPES[table];
    try {
      const client = await this.open();
      const res = await client.query<IdStats>(
        `SELECT count(*)::text AS count, coalesce(sum(${a}.id), 0)::text AS sum FROM ${from}
           AND ${a}.write_date IS NOT NULL AND ${a}.write_date < $1::timestamp`,
        [this.horizonText],
      );
      return res.rows[0] ?? { count: '0', sum: '0' };
    } catch (err) {
      throw scrub(err, this.password);
    }
  }

  /** Ends the read-only transaction and the connection (safe to call more than once). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.opening = null;
    if (!client) return;
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

export interface RowsOptions {
  marks: Map<OdooReadTable, Watermark>;
  /** Called after each FETCH with the last row's (write_date, id): the last call per table is its new watermark. */
  onBatch: (table: OdooReadTable, mark: Watermark) => void;
  fetchSize?: number;
}
