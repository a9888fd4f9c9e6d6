import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { ingest } from '../index';
import { SAP_FILES, writeSample } from '../testing/sample';

async function loadSap(files: Record<string, string> = SAP_FILES) {
  const dir = writeSample({ sap: files });
  const store = await Store.open(':memory:');
  const result = await ingest(store, 'sap', join(dir, 'sap'));
  return { store, result };
}

interface EventRow {
  activity: string;
  ts: string;
  ts_precision: string;
  user_id: string | null;
  user_type: string | null;
  amount: number | null;
}

async function event(store: Store, id: string): Promise<EventRow> {
  const rows = await store.sql<EventRow>(
    `SELECT activity, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, ts_precision, user_id, user_type, amount FROM events WHERE event_id = $id`,
    { id },
  );
  expect(rows, `event ${id}`).toHaveLength(1);
  return rows[0];
}

async function objectsOf(store: Store, eventId: string): Promise<string[]> {
  const rows = await store.sql<{ o: string }>(
    'SELECT object_id || \'/\' || qualifier AS o FROM event_object WHERE event_id = $id ORDER BY o',
    { id: eventId },
  );
  return rows.map((r) => r.o);
}

describe('the SAP ingestor', () => {
  it('creates orders in UTC from Chicago local time, before and after the DST change', async () => {
    const { store } = await loadSap();
    expect(await event(store, 'sap:VBAK:10000002')).toMatchObject({ activity: 'Create Sales Order', ts: '2025-01-15T14:00:00Z' });
    expect(await event(store, 'sap:VBAK:10000001')).toMatchObject({ ts: '2025-03-10T14:30:15Z', amount: 150 });
    expect(await objectsOf(store, 'sap:VBAK:10000001')).toEqual(['customer:100001/customer', 'sales_order:10000001/order']);
  });

  it('takes user types from USR02: dialog users are people, B and S users systems', async () => {
    const { store } = await loadSap();
    expect(await event(store, 'sap:VBAK:10000001')).toMatchObject({ user_id: 'ALICE', user_type: 'human' });
    expect(await event(store, 'sap:VBAK:10000002')).toMatchObject({ user_id: 'EDI_INBOUND', user_type: 'system' });
    expect(await event(store, 'sap:LIKP:80000001')).toMatchObject({ user_id: 'WMS_RFC', user_type: 'system' });
  });

  it('turns change documents into events with the header\'s time and user', async () => {
    const { store } = await loadSap();
    expect(await event(store, 'sap:CDPOS:10000001:1:1000010000001:CMGST')).toMatchObject({
      activity: 'Set Credit Block',
      ts: '2025-03-10T14:30:16Z',
      user_type: 'human',
    });
    expect(await event(store, 'sap:CDPOS:10000001:2:1000010000001:CMGST')).toMatchObject({
      activity: 'Release Credit Block',
      ts: '2025-03-11T07:00:00Z',
      user_id: 'CREDIT_JOB',
      user_type: 'system',
    });
    const price = 'sap:CDPOS:10000001:3:1000010000001000010:NETPR';
    expect(await event(store, price)).toMatchObject({ activity: 'Change Price', user_id: 'BOB' });
    expect(await objectsOf(store, price)).toEqual(['order_line:10000001/10/line', 'sales_order:10000001/order']);
    const changes = await store.sql(`SELECT object_id, field, old_value, new_value FROM object_changes ORDER BY ts, field`);
    expect(changes).toContainEqual({ object_id: 'order_line:10000001/10', field: 'net_price', old_value: '22.00', new_value: '20.00' });
  });

  it('places a proof of delivery without a time at 23:59:59 local with day precision', async () => {
    const { store } = await loadSap();
    expect(await event(store, 'sap:LIKP:80000001:POD')).toMatchObject({ activity: 'Deliver', ts: '2025-03-15T04:59:59Z', ts_precision: 'day' });
    expect(await store.sql(`SELECT count(*)::INTEGER AS n FROM events WHERE event_id = 'sap:LIKP:80000002:POD'`)).toEqual([{ n: 0 }]);
  });

  it('makes one goods issue per material document and links deliveries to their orders', async () => {
    const { store } = await loadSap();
    expect(await event(store, 'sap:VBFA:80000001:4900000001')).toMatchObject({ activity: 'Post Goods Issue', ts: '2025-03-13T21:15:00Z' });
    expect(await store.sql(`SELECT count(*)::INTEGER AS n FROM events WHERE activity = 'Post Goods Issue'`)).toEqual([{ n: 2 }]);
    expect(await objectsOf(store, 'sap:LIKP:80000001')).toEqual(['delivery:80000001/delivery', 'sales_order:10000001/order']);
  });

  it('relates invoices, cancellations, credit memos and payments as docs/model.md says', async () => {
    const { store } = await loadSap();
    expect(await objectsOf(store, 'sap:VBRK:90000001')).toEqual([
      'delivery:80000001/delivery',
      'invoice:90000001/invoice',
      'sales_order:10000001/order',
    ]);
    expect(await event(store, 'sap:VBRK:90000001')).toMatchObject({ activity: 'Create Invoice', amount: 162 });
    expect(await objectsOf(store, 'sap:VBRK:90000003')).toEqual(['invoice:90000002/invoice', 'invoice:90000003/cancellation']);
    expect(await objectsOf(store, 'sap:VBRK:90000005')).toEqual(['credit_memo:90000005/credit_memo', 'invoice:90000001/invoice']);
    const rel = await store.sql<{ r: string }>(`SELECT source_id || ' ' || qualifier || ' ' || target_id AS r FROM object_object ORDER BY r`);
    expect(rel.map((x) => x.r)).toEqual(
      expect.arrayContaining([
        'customer:100001 places sales_order:10000001',
        'sales_order:10000001 comprises order_line:10000001/10',
        'order_line:10000001/10 fulfilled by delivery:80000001',
        'sales_order:10000001 fulfilled by delivery:80000001',
        'delivery:80000001 billed by invoice:90000001',
        'sales_order:10000001 billed by invoice:90000001',
        'invoice:90000002 cancelled by invoice:90000003',
        'invoice:90000001 credited by credit_memo:90000005',
        'invoice:90000001 settled by payment:py_000000000001',
        'invoice:90000001 settled by payment:py_000000000002',
      ]),
    );
    // The credit memo's items (G2) do not make it an invoice of the order.
    expect(rel.map((x) => x.r)).not.toContain('sales_order:10000001 billed by credit_memo:90000005');
    expect(rel.map((x) => x.r).filter((r) => r.includes('billed by invoice:90000005'))).toEqual([]);
  });

  it('applies cash at day precision, partial when the item refers to the invoice item', async () => {
    const { store } = await loadSap();
    const rows = await store.sql<{ ts: string; p: string; app: string; amount: number }>(
      `SELECT strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, ts_precision AS p, attrs->>'application' AS app, amount
       FROM events WHERE activity = 'Apply Cash' ORDER BY ts`,
    );
    expect(rows).toEqual([
      { ts: '2025-04-02T04:59:59Z', p: 'day', app: 'partial', amount: 100 },
      { ts: '2025-04-21T04:59:59Z', p: 'day', app: 'full', amount: 51.2 },
    ]);
    const [inv] = await store.sql<{ due: string; open: boolean }>(
      `SELECT attrs->>'due_date' AS due, (attrs->>'open')::BOOLEAN AS open FROM objects WHERE object_id = 'invoice:90000001'`,
    );
    expect(inv).toEqual({ due: '2025-04-13', open: false });
  });

  it('rejects the bad rows with file, row, field and a reason in words, and loads the rest', async () => {
    const { store, result } = await loadSap();
    const rejects = await store.sql(`SELECT file, row_no, field, reason FROM rejects ORDER BY file, row_no`);
    expect(rejects).toEqual([
      { file: 'sap/KNA1.csv', row_no: 4, field: 'ERDAT', reason: 'impossible date "20120230" in ERDAT' },
      { file: 'sap/VBAK.csv', row_no: 4, field: 'KUNNR', reason: 'unknown customer "0000999999" in KUNNR: not in KNA1' },
      { file: 'sap/VBAK.csv', row_no: 5, field: 'ERDAT', reason: 'impossible date "20250231" in ERDAT' },
      { file: 'sap/VBAK.csv', row_no: 6, field: 'VBELN', reason: 'missing key: VBELN is empty' },
    ]);
    // The second goods-movement row of delivery 80000001 repeats the same goods issue: a duplicate.
    expect(result).toMatchObject({ status: 'succeeded', rowsRejected: 4, rowsDuplicate: 1 });
    expect(result.rowsLoaded).toBe(result.rowsRead - 5);
    expect(await store.sql(`SELECT count(*)::INTEGER AS n FROM objects WHERE object_id IN ('sales_order:10000003', 'sales_order:10000004')`)).toEqual([{ n: 0 }]);
  });

  it('rejects a change item whose header is missing from CDHDR', async () => {
    const files = { ...SAP_FILES, 'CDPOS.csv': `${SAP_FILES['CDPOS.csv']}VERKBELEG,0010000001,0000000099,VBAK,1000010000001,LIFSK,U,,01\n` };
    const { store } = await loadSap(files);
    expect(await store.sql(`SELECT file, row_no, field, reason FROM rejects WHERE file = 'sap/CDPOS.csv'`)).toEqual([
      { file: 'sap/CDPOS.csv', row_no: 6, field: 'CHANGENR', reason: 'change document 10000001/99 has no header in CDHDR' },
    ]);
  });
});
