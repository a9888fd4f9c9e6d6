import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { ingest, ingestDirectory, IngestError } from '../index';
import { SAP_FILES, writeSample } from '../testing/sample';
import { digestTables, dumpTable, INGEST_TABLES } from '../testing/store';

const CANONICAL = INGEST_TABLES.filter((t) => t !== 'ingest_runs');

describe('the ingest pipeline', () => {
  it('changes nothing when the same files are loaded twice', async () => {
    const dir = writeSample();
    const store = await Store.open(':memory:');
    const first = await ingestDirectory(store, dir);
    const before = await digestTables(store, CANONICAL);
    const second = await ingestDirectory(store, dir);
    expect(await digestTables(store, CANONICAL)).toEqual(before);
    expect(second.map((r) => [r.sourceKind, r.eventsAdded, r.objectsAdded])).toEqual([
      ['sap', 0, 0],
      ['wms-legacy', 0, 0],
      ['wms-events', 0, 0],
      ['billing', 0, 0],
    ]);
    // Every record that makes events is a duplicate the second time; rejects are reported again
    // but stored once.
    expect(second.map((r) => r.rowsRejected)).toEqual(first.map((r) => r.rowsRejected));
    expect(second[2]).toMatchObject({ rowsDuplicate: 7, rowsLoaded: 0 });
    expect(before.events.rows).toBeGreaterThan(30);
    const runs = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE status = 'succeeded'`);
    expect(runs[0].n).toBe(8);
  });

  it('numbers events in source order after the events already stored', async () => {
    const dir = writeSample();
    const store = await Store.open(':memory:');
    await ingestDirectory(store, dir);
    const rows = await store.sql<{ seq: number; kind: string }>(
      `SELECT seq, split_part(run_id, '-2', 1) AS kind FROM events ORDER BY seq`,
    );
    // seq = the store's last seq + the event's position in the run (a skipped duplicate leaves a gap)
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
    expect([...new Set(rows.map((r) => r.kind))]).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing']);
    const sap = rows.filter((r) => r.kind === 'sap');
    expect(sap[0].seq).toBe(1);
    const firstLegacy = rows.find((r) => r.kind === 'wms-legacy');
    expect(firstLegacy?.seq).toBe(Math.max(...sap.map((r) => r.seq)) + 1);
  });

  it('leaves every table as it was when a file of the run cannot be read, and records the failed run', async () => {
    const dir = writeSample();
    const store = await Store.open(':memory:');
    await ingest(store, 'wms-legacy', join(dir, 'wms-legacy'));
    const before = Object.fromEntries(await Promise.all(CANONICAL.map(async (t) => [t, await dumpTable(store, t)] as const)));
    // The third table read (VBAK) has a header without KUNNR.
    writeFileSync(join(dir, 'sap', 'VBAK.csv'), SAP_FILES['VBAK.csv'].replace('KUNNR,BSTNK', 'CUSTOMER,BSTNK'));
    const err = await ingest(store, 'sap', join(dir, 'sap')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ file: 'sap/VBAK.csv', row: 1, field: 'KUNNR' });
    expect((err as IngestError).message).toBe('wrong header in sap/VBAK.csv: missing column KUNNR');
    for (const t of CANONICAL) expect(await dumpTable(store, t), t).toEqual(before[t]);
    const runs = await store.sql(`SELECT source_kind, status, error FROM ingest_runs ORDER BY started_at`);
    expect(runs).toEqual([
      { source_kind: 'wms-legacy', status: 'succeeded', error: null },
      { source_kind: 'sap', status: 'failed', error: 'wrong header in sap/VBAK.csv: missing column KUNNR' },
    ]);
    expect((err as IngestError).result).toMatchObject({ status: 'failed', sourceKind: 'sap' });
  });

  it('stops a directory load at the failing source and keeps the sources before it', async () => {
    const dir = writeSample();
    writeFileSync(join(dir, 'wms-legacy', 'WH1_20250315.csv'), 'REC_TYPE,DELIVERY_NO\nPACK,1\n');
    const store = await Store.open(':memory:');
    const err = await ingestDirectory(store, dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'IngestError', file: 'wms-legacy/WH1_20250315.csv', field: 'LINE_NO' });
    const runs = await store.sql(`SELECT source_kind, status FROM ingest_runs ORDER BY started_at`);
    expect(runs).toEqual([
      { source_kind: 'sap', status: 'succeeded' },
      { source_kind: 'wms-legacy', status: 'failed' },
    ]);
    expect(await store.sql(`SELECT count(*)::INTEGER AS n FROM events WHERE source_system <> 'sap'`)).toEqual([{ n: 0 }]);
  });

  it('updates current attributes when a later extract of a snapshot table changes a row', async () => {
    const dir = writeSample();
    const store = await Store.open(':memory:');
    await ingest(store, 'sap', join(dir, 'sap'));
    const vbak = SAP_FILES['VBAK.csv'].replace('PO-2,20250125,40.00,USD,A,,,2N30', 'PO-2,20250125,40.00,USD,A,01,,2N30');
    writeFileSync(join(dir, 'sap', 'VBAK.csv'), vbak);
    const again = await ingest(store, 'sap', join(dir, 'sap'));
    expect(again).toMatchObject({ eventsAdded: 0, objectsAdded: 0 });
    const [o] = await store.sql<{ block: string }>(`SELECT attrs->>'delivery_block' AS block FROM objects WHERE object_id = 'sales_order:10000002'`);
    expect(o.block).toBe('01');
  });

  it('creates the o2c log row once', async () => {
    const store = await Store.open(':memory:');
    await ingestDirectory(store, writeSample());
    expect(await store.sql('SELECT log_id, name, kind FROM logs')).toEqual([{ log_id: 'o2c', name: 'Order to cash', kind: 'o2c' }]);
  });
});
