// Relations that wait for a record no source has delivered show on the source's freshness card,
// and disappear once the missing source arrives (real store, real ingestors, sources out of order).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../fixtures/sim/simulate';
import { ingest } from '../../ingest';
import { Store } from '../../sql';
import { callerFor } from '../caller';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-waiting-'));
  await simulate({ orders: 60, seed: 3, outDir: dir });
  store = await Store.open(':memory:');
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const card = async (source: string) => (await callerFor(store, { id: 'ana', roles: ['analyst'] }).runs.freshness()).sources.find((s) => s.source === source);

describe('waiting relations on the Ingest page', () => {
  it('counts the links a warehouse feed makes to deliveries the ERP has not sent yet, and clears them when it does', async () => {
    await ingest(store, 'wms-events', join(dir, 'wms-events'));
    const [pending] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM pending_relations');
    expect(pending.n).toBeGreaterThan(0);
    const before = await card('wms-events');
    expect(before?.waitingRelations).toBe(pending.n);
    expect(before?.waitingSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await ingest(store, 'sap', join(dir, 'sap'));
    const [left] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM pending_relations');
    const after = await card('wms-events');
    expect(after?.waitingRelations).toBe(left.n);
    expect(left.n).toBeLessThan(pending.n);
  });
});
