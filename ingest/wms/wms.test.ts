import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { ingest } from '../index';
import { writeSample } from '../testing/sample';

async function loadAll() {
  const dir = writeSample();
  const store = await Store.open(':memory:');
  await ingest(store, 'sap', join(dir, 'sap'));
  const legacy = await ingest(store, 'wms-legacy', join(dir, 'wms-legacy'));
  const modern = await ingest(store, 'wms-events', join(dir, 'wms-events'));
  return { store, legacy, modern, dir };
}

const events = (store: Store, system: string) =>
  store.sql<{ activity: string; ts: string; user_id: string; user_type: string; short: number | null; seq: number; event_id: string }>(
    `SELECT activity, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, user_id, user_type, (attrs->>'short_qty')::DOUBLE AS short, seq, event_id
     FROM events WHERE source_system = $system ORDER BY seq`,
    { system },
  );

describe('the legacy WMS ingestor', () => {
  it('reads local timestamps as Chicago time and staff logins as people', async () => {
    const { store } = await loadAll();
    expect((await events(store, 'wms-legacy')).map(({ seq: _s, event_id: _e, ...e }) => e)).toEqual([
      { activity: 'Confirm Pick', ts: '2025-03-13T13:05:00Z', user_id: 'wh1.jdoe', user_type: 'human', short: 1 },
      { activity: 'Confirm Pick', ts: '2025-03-13T13:09:30Z', user_id: 'wh1.jdoe', user_type: 'human', short: 0 },
      { activity: 'Pack', ts: '2025-03-13T15:00:00Z', user_id: 'wh1.kim', user_type: 'human', short: null },
      { activity: 'Confirm Shipment', ts: '2025-03-13T20:45:00Z', user_id: 'wh1.kim', user_type: 'human', short: null },
    ]);
  });

  it('links picks to the delivery and, through SAP\'s delivery items, to the order line', async () => {
    const { store } = await loadAll();
    const rows = await store.sql<{ o: string }>(
      `SELECT object_id || '/' || qualifier AS o FROM event_object WHERE event_id = 'wms1:WH1_20250313.csv:80000001:PICK:10' ORDER BY o`,
    );
    expect(rows.map((r) => r.o)).toEqual(['delivery:80000001/delivery', 'order_line:10000001/10/line']);
  });

  it('rejects a negative quantity, an impossible date and a missing delivery number', async () => {
    const { store, legacy } = await loadAll();
    expect(await store.sql(`SELECT file, row_no, field, reason FROM rejects WHERE source_system = 'wms-legacy' ORDER BY file, row_no`)).toEqual([
      { file: 'wms-legacy/WH1_20250313.csv', row_no: 4, field: 'QTY_DONE', reason: 'negative quantity -2 in QTY_DONE' },
      { file: 'wms-legacy/WH1_20250314.csv', row_no: 2, field: 'TS_LOCAL', reason: 'impossible date "02/30/2025 10:00:00" in TS_LOCAL' },
      { file: 'wms-legacy/WH1_20250314.csv', row_no: 3, field: 'DELIVERY_NO', reason: 'missing key: DELIVERY_NO is empty' },
    ]);
    expect(legacy).toMatchObject({ rowsRead: 7, rowsLoaded: 4, rowsRejected: 3, eventsAdded: 4 });
  });
});

describe('the modern WMS ingestor', () => {
  it('loads a webhook delivered twice once and counts the second as a duplicate', async () => {
    const { store, modern } = await loadAll();
    expect(modern).toMatchObject({ rowsRead: 9, rowsDuplicate: 1, rowsRejected: 2, eventsAdded: 6, rowsLoaded: 6 });
    expect(await store.sql(`SELECT count(*)::INTEGER AS n FROM events WHERE event_id = 'wms2:whe_000000000003'`)).toEqual([{ n: 1 }]);
  });

  it('keeps the occurred_at time and the arrival order, and takes user types from the actor', async () => {
    const { store } = await loadAll();
    const rows = (await events(store, 'wms-events')).map((e) => [e.activity, e.ts, e.user_type]);
    // pack arrived before the pick it follows: seq keeps arrival order, ts keeps the real time
    expect(rows).toEqual([
      ['Release Wave', '2025-01-17T15:00:00Z', 'system'],
      ['Pack', '2025-01-17T16:10:00Z', 'human'],
      ['Confirm Pick', '2025-01-17T15:40:00Z', 'human'],
      ['Confirm Shipment', '2025-01-17T18:20:00Z', 'human'],
      ['Carrier Pickup', '2025-01-17T22:00:00Z', 'system'],
      ['Deliver', '2025-01-18T17:30:00Z', 'system'],
    ]);
    const [dlv] = await store.sql<{ carrier: string; tracking: string; warehouse: string }>(
      `SELECT attrs->>'carrier' AS carrier, attrs->>'tracking' AS tracking, attrs->>'warehouse' AS warehouse FROM objects WHERE object_id = 'delivery:80000002'`,
    );
    expect(dlv).toEqual({ carrier: 'UPS', tracking: '1Z999', warehouse: 'WH2' });
  });

  it('rejects an empty delivery_ref and an impossible occurred_at with their line numbers', async () => {
    const { store } = await loadAll();
    expect(await store.sql(`SELECT file, row_no, field FROM rejects WHERE source_system = 'wms-events' ORDER BY row_no`)).toEqual([
      { file: 'wms-events/2025-01-18.ndjson', row_no: 3, field: 'delivery_ref' },
      { file: 'wms-events/2025-01-18.ndjson', row_no: 4, field: 'occurred_at' },
    ]);
  });

  it('loads a webhook file on its own before SAP, creating the delivery it names', async () => {
    const dir = writeSample();
    const store = await Store.open(':memory:');
    const r = await ingest(store, 'wms-events', join(dir, 'wms-events', '2025-01-17.ndjson'));
    expect(r).toMatchObject({ status: 'succeeded', eventsAdded: 4, rowsDuplicate: 1, objectsAdded: 1 });
    expect(await store.sql(`SELECT object_type, attrs->>'warehouse' AS wh FROM objects`)).toEqual([{ object_type: 'delivery', wh: 'WH2' }]);
    // SAP later adds its attributes to the same delivery; the type stays, nothing is duplicated.
    await ingest(store, 'sap', join(dir, 'sap'));
    const [dlv] = await store.sql<{ n: number; vstel: string; wh: string; carrier: string | null }>(
      `SELECT count(*) OVER ()::INTEGER AS n, attrs->>'shipping_point' AS vstel, attrs->>'warehouse' AS wh, attrs->>'carrier' AS carrier FROM objects WHERE object_id = 'delivery:80000002'`,
    );
    expect(dlv).toEqual({ n: 1, vstel: '2000', wh: 'WH2', carrier: null });
    // The pick's order line, unknown until SAP named the delivery item, is linked now.
    const links = await store.sql<{ o: string }>(
      `SELECT object_id || '/' || qualifier AS o FROM event_object WHERE event_id = 'wms2:whe_000000000002' ORDER BY o`,
    );
    expect(links.map((l) => l.o)).toEqual(['delivery:80000002/delivery', 'order_line:10000002/10/line']);
    expect(await store.sql('SELECT count(*)::INTEGER AS n FROM pending_relations')).toEqual([{ n: 0 }]);
  });
});
