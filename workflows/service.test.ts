import { describe, expect, it } from 'vitest';
import { startTestErp } from '../fixtures/test-erp/server';
import { connectorConfigFromEnv } from './connectors';
import { startWorkflowWorker, workflowEngine } from './service';
import { idempotencyKey } from './signing';
import { openStore, tempStorePath, user, waitFor } from './testing';

describe('the per-store service', () => {
  it('gives one engine per store, a worker that runs, and stops the worker with the store', async () => {
    const erp = await startTestErp({ secret: 's3', failRate: 0 });
    const store = await openStore(tempStorePath());
    try {
      expect(workflowEngine(store)).toBe(workflowEngine(store));
      const sys = { url: erp.url, keyId: 'throughline', secret: 's3' };
      const worker = startWorkflowWorker(store, { connectors: { systems: { erp: sys } }, pollMs: 20 });
      expect(startWorkflowWorker(store)).toBe(worker);
      const run = await workflowEngine(store).request('release-credit-hold', { queue: 'creditHolds', caseId: '1', amount: 10 }, user('o', 'process_owner'));
      await waitFor(async () => (await workflowEngine(store).get(run.id)).state === 'succeeded', 10_000, 'the run');
      expect(erp.effects.get(idempotencyKey(run.id))).toBe(1);
    } finally {
      store.close();
      await erp.close();
    }
  });

  it('reads connectors from the environment and refuses an unsigned one', () => {
    expect(connectorConfigFromEnv({ THROUGHLINE_ERP_URL: 'http://127.0.0.1:9/erp', THROUGHLINE_ERP_SECRET: 'x', THROUGHLINE_WMS_URL: 'http://127.0.0.1:9/wms', THROUGHLINE_WMS_SECRET: 'y', THROUGHLINE_WMS_KEY_ID: 'k' })).toEqual({
      systems: { erp: { url: 'http://127.0.0.1:9/erp', keyId: 'throughline', secret: 'x' }, wms: { url: 'http://127.0.0.1:9/wms', keyId: 'k', secret: 'y' } },
      webhook: undefined,
    });
    expect(() => connectorConfigFromEnv({ THROUGHLINE_BILLING_URL: 'http://x' })).toThrow('THROUGHLINE_BILLING_URL is set but THROUGHLINE_BILLING_SECRET is not');
  });
});
