import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { ingest, ingestDirectory } from '../index';
import { writeSample } from '../testing/sample';

describe('the billing ingestor', () => {
  it('maps platform events to activities, with epoch seconds as UTC and amounts from cents', async () => {
    const store = await Store.open(':memory:');
    await ingestDirectory(store, writeSample());
    const rows = await store.sql(
      `SELECT activity, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, user_id, user_type, amount
       FROM events WHERE source_system = 'billing' ORDER BY seq`,
    );
    expect(rows).toEqual([
      { activity: 'Send Invoice', ts: '2025-03-14T08:02:00Z', user_id: null, user_type: 'system', amount: null },
      { activity: 'Receive Payment', ts: '2025-04-01T15:00:00Z', user_id: null, user_type: 'system', amount: 100 },
      { activity: 'Open Dispute', ts: '2025-04-01T16:00:00Z', user_id: null, user_type: 'system', amount: 10.8 },
      { activity: 'Resolve Dispute', ts: '2025-04-01T17:00:00Z', user_id: 'ar.clerk1', user_type: 'human', amount: 10.8 },
      { activity: 'Receive Payment', ts: '2025-04-20T14:00:00Z', user_id: null, user_type: 'system', amount: 51.2 },
    ]);
  });

  it('finds the ERP invoice of a dispute through the platform invoice id', async () => {
    const store = await Store.open(':memory:');
    await ingestDirectory(store, writeSample());
    const rel = await store.sql<{ r: string }>(
      `SELECT source_id || ' ' || qualifier || ' ' || target_id || ' ' || split_part(run_id, '-', 1) AS r FROM object_object
       WHERE target_id LIKE 'dispute:%' OR target_id LIKE 'credit_memo:%' ORDER BY r`,
    );
    // The credit memo link came from SAP already; billing's own copy of it is not stored twice.
    expect(rel.map((x) => x.r)).toEqual([
      'invoice:90000001 credited by credit_memo:90000005 sap',
      'invoice:90000001 disputed by dispute:dp_000000000001 billing',
    ]);
    const [inv] = await store.sql<{ platform: string; status: string }>(
      `SELECT attrs->>'platform_id' AS platform, attrs->>'platform_status' AS status FROM objects WHERE object_id = 'invoice:90000001'`,
    );
    expect(inv).toEqual({ platform: 'in_000000000001', status: 'paid' });
  });

  it('still resolves the platform invoice id when the dispute comes in a later run', async () => {
    const dir = writeSample();
    const store = await Store.open(':memory:');
    await ingest(store, 'billing', join(dir, 'billing', '2025-03-14.ndjson'));
    await ingest(store, 'billing', join(dir, 'billing', '2025-04-01.ndjson'));
    const links = await store.sql<{ o: string }>(
      `SELECT object_id || '/' || qualifier AS o FROM event_object WHERE event_id = 'bill:evt_0000000000006' ORDER BY o`,
    );
    expect(links.map((l) => l.o)).toEqual(['dispute:dp_000000000001/dispute', 'invoice:90000001/invoice']);
  });

  it('rejects an empty erp_billing_doc and an unparseable created time, naming the JSON field', async () => {
    const store = await Store.open(':memory:');
    await ingestDirectory(store, writeSample());
    expect(await store.sql(`SELECT file, row_no, field FROM rejects WHERE source_system = 'billing' ORDER BY file`)).toEqual([
      { file: 'billing/2025-03-14.ndjson', row_no: 4, field: 'data.object.metadata.erp_billing_doc' },
      { file: 'billing/2025-04-01.ndjson', row_no: 5, field: 'created' },
    ]);
  });
});
