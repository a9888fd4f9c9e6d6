import { describe, it, expect, beforeAll } from 'vitest';
import { Store } from '../sql';
import { ensureCaseViews, refreshCaseViews } from './refresh';
import { logSummaries, dataRange } from './logs';
import { CanonicalLog } from './testing/canonical-log';
import { o2cFixture } from './testing/o2c-fixture';

interface TraceRow {
  case_id: string;
  seq: number;
  activity: string;
  event_id: string;
}

async function traces(store: Store, logId = 'o2c'): Promise<Record<string, string[]>> {
  const rows = await store.sql<TraceRow>(
    'SELECT case_id, seq, activity, event_id FROM case_events WHERE log_id = $log ORDER BY case_id, seq',
    { log: logId },
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.case_id] ??= []).push(r.event_id);
  return out;
}

describe('the order case view', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await o2cFixture().write(store);
    await refreshCaseViews(store, 'o2c');
  });

  it("gives each order every event of its lines, deliveries, invoices, credit memos, disputes and payments, in time order", async () => {
    const t = await traces(store);
    expect(t).toEqual({
      'sales_order:1': ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10', 'a11'],
      'sales_order:2': ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'],
      'sales_order:3': ['c1', 'c2'],
      'sales_order:4': ['d1'],
      'sales_order:5': ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'],
      'sales_order:6': ['f1', 'f2', 'f9', 'f3'],
    });
  });

  it('breaks equal timestamps by load order (events.seq), not by event id or activity', async () => {
    const rows = await store.sql<TraceRow>(
      "SELECT seq, activity, event_id FROM case_events WHERE case_id = 'sales_order:6' AND ts = '2025-03-26 08:00:00' ORDER BY seq",
    );
    expect(rows.map((r) => [r.seq, r.activity, r.event_id])).toEqual([
      [3, 'Post Goods Issue', 'f9'],
      [4, 'Confirm Shipment', 'f3'],
    ]);
  });

  it('numbers each trace 1..n and lists an event linked to two reachable objects once', async () => {
    const rows = await store.sql<{ case_id: string; n: number; max_seq: number; distinct_events: number }>(
      'SELECT case_id, count(*) AS n, max(seq) AS max_seq, count(DISTINCT event_id) AS distinct_events FROM case_events GROUP BY case_id ORDER BY case_id',
    );
    for (const r of rows) expect([r.max_seq, r.distinct_events]).toEqual([r.n, r.n]);
    // a09 (Create Invoice) is linked to the invoice, the order and the delivery: once in order 1.
    const a09 = await store.sql("SELECT case_id FROM case_events WHERE event_id = 'a09'");
    expect(a09).toEqual([{ case_id: 'sales_order:1' }]);
  });

  it('never follows the customer: an event on the customer alone is in no trace', async () => {
    const x = await store.sql("SELECT * FROM case_events WHERE event_id = 'x1'");
    expect(x).toEqual([]);
  });

  it('writes one case per order with its span, variant, milestones and attributes', async () => {
    const rows = await store.sql<Record<string, unknown>>(
      `SELECT case_id, n_events, variant, strftime(start_ts, '%Y-%m-%d %H:%M:%S') AS start_ts,
              strftime(first_pgi_ts, '%Y-%m-%d %H:%M:%S') AS first_pgi, customer_id, customer_name, segment,
              channel, order_type, warehouse, net_value, currency
       FROM cases ORDER BY case_id`,
    );
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual({
      case_id: 'sales_order:2',
      n_events: 7,
      variant: 'Create Sales Order → Create Delivery → Post Goods Issue → Create Invoice → Create Credit Memo → Open Dispute → Apply Cash',
      start_ts: '2025-03-10 09:00:00',
      first_pgi: '2025-03-13 09:00:00',
      customer_id: 'customer:100',
      customer_name: 'Acme',
      segment: 'KA',
      channel: 'EDI',
      order_type: 'ZOR',
      warehouse: 'WH2',
      net_value: 2000,
      currency: 'USD',
    });
    expect(rows.map((r) => r.warehouse)).toEqual(['WH1', 'WH2', null, null, 'WH1,WH2', 'WH1']);
    expect(rows.map((r) => r.channel)).toEqual(['eCommerce', 'EDI', 'sales portal', 'customer service', 'eCommerce', 'eCommerce']);
    expect(rows[5].variant).toBe('Create Sales Order → Create Delivery → Post Goods Issue → Confirm Shipment');
  });

  it('builds invoice facts with the goods issue of the invoiced delivery', async () => {
    const rows = await store.sql(
      `SELECT invoice_id, order_id, gross_amount, strftime(pgi_ts, '%m-%d %H:%M') AS pgi
       FROM invoice_facts ORDER BY invoice_id`,
    );
    expect(rows).toEqual([
      { invoice_id: 'invoice:901', order_id: 'sales_order:1', gross_amount: 1100, pgi: '03-05 08:00' },
      { invoice_id: 'invoice:902', order_id: 'sales_order:2', gross_amount: 2000, pgi: '03-13 09:00' },
      { invoice_id: 'invoice:903', order_id: 'sales_order:5', gross_amount: 5000, pgi: '02-11 08:00' },
      { invoice_id: 'invoice:904', order_id: 'sales_order:5', gross_amount: 300, pgi: '03-02 08:00' },
    ]);
  });

  it('books invoices, credit memos and cash in the AR ledger', async () => {
    const rows = await store.sql('SELECT invoice_id, kind, amount FROM ar_ledger ORDER BY ts');
    expect(rows).toEqual([
      { invoice_id: 'invoice:903', kind: 'invoice', amount: 5000 },
      { invoice_id: 'invoice:904', kind: 'invoice', amount: 300 },
      { invoice_id: 'invoice:901', kind: 'invoice', amount: 1100 },
      { invoice_id: 'invoice:902', kind: 'invoice', amount: 2000 },
      { invoice_id: 'invoice:902', kind: 'credit_memo', amount: -100 },
      { invoice_id: 'invoice:901', kind: 'cash', amount: -1100 },
      { invoice_id: 'invoice:902', kind: 'cash', amount: -1500 },
    ]);
  });

  it('gives the same view when refreshed again', async () => {
    const before = await traces(store);
    const r = await refreshCaseViews(store, 'o2c');
    expect([r.cases, r.caseEvents]).toEqual([6, 32]);
    expect(await traces(store)).toEqual(before);
  });

  it('summarises the log and its time range', async () => {
    const [s] = await logSummaries(store);
    expect(s).toMatchObject({ logId: 'o2c', kind: 'o2c', events: 33, cases: 6, firstEvent: '2025-02-10T08:00:00Z', lastEvent: '2025-03-30T12:00:00Z' });
    expect(s.objectsByType).toMatchObject({ sales_order: 6, customer: 2, delivery: 5, invoice: 4 });
    // Counted as rows: the same as distinct ids per type (the importers merge on the id).
    const distinct = await store.sql<{ object_type: string; n: number }>(`SELECT object_type, count(DISTINCT object_id)::INTEGER AS n FROM objects WHERE log_id = 'o2c' GROUP BY ALL`);
    expect(s.objectsByType).toEqual(Object.fromEntries(distinct.map((d) => [d.object_type, d.n])));
    expect(await dataRange(store, 'o2c')).toEqual({ logId: 'o2c', firstEvent: '2025-02-10T08:00:00Z', lastEvent: '2025-03-30T12:00:00Z', events: 33 });
  });
});

describe('keeping the case view fresh', () => {
  it('refreshes when an ingest added events since the last refresh, and only then', async () => {
    const store = await Store.open(':memory:');
    await o2cFixture().write(store);
    await ensureCaseViews(store, 'o2c');
    const [first] = await store.sql<{ refreshed_at: unknown }>('SELECT refreshed_at FROM case_view_state');
    await ensureCaseViews(store, 'o2c');
    const [second] = await store.sql<{ refreshed_at: unknown }>('SELECT refreshed_at FROM case_view_state');
    expect(second.refreshed_at).toEqual(first.refreshed_at);

    const more = new CanonicalLog('o2c', 'o2c', 'second-run', 1000);
    more.event({ id: 'd2', activity: 'Cancel Order', ts: '2025-03-31 09:00:00', objects: ['sales_order:4'] });
    await more.write(store, false);
    await ensureCaseViews(store, 'o2c');
    const rows = await store.sql("SELECT activity FROM case_events WHERE case_id = 'sales_order:4' ORDER BY seq");
    expect(rows).toEqual([{ activity: 'Create Sales Order' }, { activity: 'Cancel Order' }]);
  });
});

describe('keeping the case attributes fresh', () => {
  it('refreshes after an ingest run that only changed attributes', async () => {
    const store = await Store.open(':memory:');
    await o2cFixture().write(store);
    await ensureCaseViews(store, 'o2c');
    // A later KNA1 load moves customer 101 to key accounts: no row added, one run recorded.
    await store.transaction(async (tx) => {
      await tx.sql(`UPDATE objects SET attrs = '{"name":"Bolt","segment":"KA"}' WHERE object_id = 'customer:101'`);
      await tx.append('ingest_runs', [
        ['run-2', 'o2c', 'sap', '/sap/KNA1.csv', '2025-04-01 00:00:00', '2025-04-01 00:00:05', 'succeeded', 1, 1, 0, 0, 0, 0, null],
      ]);
    });
    await ensureCaseViews(store, 'o2c');
    const rows = await store.sql("SELECT segment FROM cases WHERE customer_id = 'customer:101' GROUP BY segment");
    expect(rows).toEqual([{ segment: 'KA' }]);
  });
});

describe('a case-centric log', () => {
  it('maps each case object of an XES log directly to a trace', async () => {
    const store = await Store.open(':memory:');
    const log = new CanonicalLog('bpi', 'xes');
    log.object('case:1').object('case:2');
    log
      .event({ id: '1', activity: 'register', ts: '2024-01-01 10:00:00', objects: ['case:1'] })
      .event({ id: '2', activity: 'register', ts: '2024-01-01 11:00:00', objects: ['case:2'] })
      .event({ id: '3', activity: 'decide', ts: '2024-01-01 10:00:00', objects: ['case:1'] })
      .event({ id: '4', activity: 'pay', ts: '2024-01-02 10:00:00', objects: ['case:1'] });
    await log.write(store);
    const r = await refreshCaseViews(store, 'bpi');
    expect(r).toMatchObject({ perspective: 'case', cases: 2, caseEvents: 4 });
    expect(await traces(store, 'bpi')).toEqual({ 'case:1': ['1', '3', '4'], 'case:2': ['2'] });
    const cases = await store.sql("SELECT case_id, variant FROM cases WHERE log_id = 'bpi' ORDER BY case_id");
    expect(cases).toEqual([
      { case_id: 'case:1', variant: 'register → decide → pay' },
      { case_id: 'case:2', variant: 'register' },
    ]);
  });
});
