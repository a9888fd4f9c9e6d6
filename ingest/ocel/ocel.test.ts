// OCEL 2.0 import against the published figures (../shared/datasets/README.md), real DuckDB.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { importOcel } from './index';
import { canonicalDump, dataset, ocelCounts } from './testing';

const EXAMPLE = { events: 13, objects: 9, event_types: 8, object_types: 4, e2o: 20, o2o: 7, attribute_rows: 12 };
// attribute_rows: one object_changes row per OCEL object attribute entry (JSON objects[].attributes[],
// XML <object><attributes><attribute>, SQLite: each non-NULL attribute of a row without
// ocel_changed_field plus each change row) = Rust4PM's 18,604 for order-management.
const ORDER_MANAGEMENT = { events: 21008, objects: 10840, event_types: 11, object_types: 6, e2o: 147463, o2o: 28391, attribute_rows: 18604 };

describe('ocel20_example in JSON, XML and SQLite', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    // pm4py wrote the XML and SQLite times as Central European wall-clock time without offset.
    await importOcel(store, dataset('ocel20_example.jsonocel'), { logId: 'json' });
    await importOcel(store, dataset('ocel20_example.xmlocel'), { logId: 'xml', naiveTimeZone: 'Europe/Berlin' });
    await importOcel(store, dataset('ocel20_example.sqlite'), { logId: 'sqlite', naiveTimeZone: 'Europe/Berlin' });
  });
  afterAll(() => store.close());

  it('gives 13 events, 9 objects, 8 event types, 4 object types, 20 e2o and 7 o2o in every encoding', async () => {
    for (const log of ['json', 'xml', 'sqlite']) expect(await ocelCounts(store, log)).toEqual(EXAMPLE);
  });

  it('gives identical stores from the three encodings', async () => {
    const json = await canonicalDump(store, 'json');
    expect(json.length).toBeGreaterThan(50);
    expect(await canonicalDump(store, 'xml')).toEqual(json);
    expect(await canonicalDump(store, 'sqlite')).toEqual(json);
  });

  it('keeps the attribute history of an object and its latest value as current', async () => {
    const rows = await store.sql<{ ts: string; old_value: string | null; new_value: string }>(
      "SELECT strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, old_value, new_value FROM object_changes WHERE log_id = 'json' AND object_id = 'R3' ORDER BY ts",
    );
    expect(rows).toEqual([
      { ts: '1970-01-01T00:00:00Z', old_value: null, new_value: 'No' },
      { ts: '2022-02-03T06:30:00Z', old_value: 'No', new_value: 'Yes' },
      { ts: '2022-02-03T22:30:00Z', old_value: 'Yes', new_value: 'No' },
    ]);
    const [r3] = await store.sql<{ attrs: string }>("SELECT attrs::VARCHAR AS attrs FROM objects WHERE log_id = 'json' AND object_id = 'R3'");
    expect(JSON.parse(r3.attrs)).toEqual({ is_blocked: 'No' });
  });

  it('reads a JSON file whose objects and events come before the type declarations', async () => {
    const doc = JSON.parse(readFileSync(dataset('ocel20_example.jsonocel'), 'utf8')) as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'tl-ocel-order-'));
    const file = join(dir, 'reordered.jsonocel');
    writeFileSync(file, JSON.stringify({ events: doc.events, objects: doc.objects, eventTypes: doc.eventTypes, objectTypes: doc.objectTypes }));
    try {
      await importOcel(store, file, { logId: 'reordered' });
      expect(await canonicalDump(store, 'reordered')).toEqual(await canonicalDump(store, 'json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records the log with kind ocel and loading the same file again adds nothing', async () => {
    const [log] = await store.sql<{ kind: string }>("SELECT kind FROM logs WHERE log_id = 'json'");
    expect(log.kind).toBe('ocel');
    const again = await importOcel(store, dataset('ocel20_example.jsonocel'), { logId: 'json' });
    expect(again).toMatchObject({ status: 'succeeded', eventsAdded: 0, objectsAdded: 0, rowsDuplicate: 22 });
    expect(await ocelCounts(store, 'json')).toEqual(EXAMPLE);
  });
});

describe('order-management (OCEL 2.0) in JSON and XML', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
  });
  afterAll(() => store.close());

  for (const [file, logId] of [
    ['order-management.json.gz', 'om-json'],
    ['order-management.xml.gz', 'om-xml'],
  ] as const) {
    it(`${file} gives the published counts and query figures`, async () => {
      const t0 = performance.now();
      const result = await importOcel(store, dataset(file), { logId });
      console.log(`${file}: imported in ${Math.round(performance.now() - t0)} ms`);
      expect(result).toMatchObject({ status: 'succeeded', eventsAdded: 21008, objectsAdded: 10840, rowsRejected: 0 });
      expect(await ocelCounts(store, logId)).toEqual(ORDER_MANAGEMENT);
      const [f] = await store.query('ocel/order_management_figures', { log_id: logId });
      expect(f).toEqual({
        orders: 2000,
        orders_price_ge_1000: 1462,
        orders_with_reminder: 443,
        reminder_events: 566,
        order_item_pairs: 7659,
      });
    });
  }

  it('gives the same store from the JSON and the XML encoding', async () => {
    expect(await canonicalDump(store, 'om-xml')).toEqual(await canonicalDump(store, 'om-json'));
  });
});
