// End to end against the simulator (fixtures/sim): simulate ~2,000 orders, load the folder, and
// compare with ground-truth.json: counts, every planted bad record, and the sampled order traces.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../fixtures/sim/simulate';
import { Store } from '../sql';
import { ingestDirectory, type IngestResult } from './index';
import { orderTrace, type TraceEvent } from './testing/store';

interface Truth {
  counts: Record<string, number>;
  badRecords: Array<{ system: string; file: string; row: number; field: string; kind: string }>;
  sampleTraces: Array<{ order: string; events: TraceEvent[] }>;
}

let dir: string;
let store: Store;
let truth: Truth;
let results: IngestResult[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-simulated-'));
  await simulate({ orders: 2000, seed: 42, outDir: dir });
  truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Truth;
  store = await Store.open(':memory:');
  results = await ingestDirectory(store, dir);
});

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Distinct objects of a type related to events of an activity. */
async function objectsBy(activity: string, type: string): Promise<number> {
  const [r] = await store.sql<{ n: number }>(
    `SELECT count(DISTINCT eo.object_id)::INTEGER AS n FROM events e JOIN event_object eo USING (log_id, event_id)
     WHERE e.activity = $activity AND eo.object_id LIKE $prefix`,
    { activity, prefix: `${type}:%` },
  );
  return r.n;
}

describe('ingesting a simulated company', () => {
  it('loads the four sources in order, all succeeding', () => {
    expect(results.map((r) => [r.sourceKind, r.status])).toEqual([
      ['sap', 'succeeded'],
      ['wms-legacy', 'succeeded'],
      ['wms-events', 'succeeded'],
      ['billing', 'succeeded'],
    ]);
  });

  it('creates as many orders, deliveries, invoices, payments, credit memos and disputes as were simulated', async () => {
    const c = truth.counts;
    expect(await objectsBy('Create Sales Order', 'sales_order')).toBe(c.orders);
    expect(await objectsBy('Create Delivery', 'delivery')).toBe(c.deliveries);
    const [inv] = await store.sql<{ n: number }>(
      `SELECT count(DISTINCT eo.object_id)::INTEGER AS n FROM events e JOIN event_object eo USING (log_id, event_id)
       WHERE e.activity = 'Create Invoice' AND eo.qualifier = 'invoice'`,
    );
    expect(inv.n).toBe(c.invoices);
    expect(await objectsBy('Receive Payment', 'payment')).toBe(c.payments);
    expect(await objectsBy('Create Credit Memo', 'credit_memo')).toBe(c.creditMemos);
    expect(await objectsBy('Open Dispute', 'dispute')).toBe(c.disputes);
  });

  it('maps the files to exactly the number of canonical events the simulator planted', async () => {
    const [r] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM events');
    expect(r.n).toBe(truth.counts.events);
    expect(results.reduce((s, x) => s + x.eventsAdded, 0)).toBe(truth.counts.events);
  });

  it('counts each re-delivered webhook as a duplicate and nothing else', () => {
    expect(results.reduce((s, r) => s + r.rowsDuplicate, 0)).toBe(truth.counts.wmsDuplicateDeliveries);
  });

  it('rejects exactly the planted bad records, each with its file, row and field', async () => {
    const rejects = await store.sql<{ file: string; row_no: number; field: string }>('SELECT file, row_no, field FROM rejects');
    expect(rejects.length).toBe(truth.badRecords.length);
    expect(results.reduce((s, r) => s + r.rowsRejected, 0)).toBe(truth.badRecords.length);
    const got = new Set(rejects.map((r) => `${r.file}#${r.row_no}#${r.field}`));
    const missing = truth.badRecords.filter((b) => !got.has(`${b.file}#${b.row}#${b.field}`));
    expect(missing).toEqual([]);
  });

  it('reproduces the sampled order traces: activity, time to the second and system', async () => {
    expect(truth.sampleTraces.length).toBeGreaterThanOrEqual(20);
    const wrong: Array<{ order: string; got: TraceEvent[]; want: TraceEvent[] }> = [];
    for (const t of truth.sampleTraces) {
      const got = await orderTrace(store, t.order);
      const want = [...t.events].sort((a, b) => (a.time === b.time ? (a.activity < b.activity ? -1 : 1) : a.time < b.time ? -1 : 1));
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ order: t.order, got, want });
    }
    expect(wrong.slice(0, 2)).toEqual([]);
  });
});
