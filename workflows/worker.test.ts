// The worker against the test ERP over real HTTP on 127.0.0.1, with a real store file.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestErp, type TestErp } from '../fixtures/test-erp/server';
import type { Store } from '../sql';
import type { ConnectorConfig } from './connectors';
import { WorkflowEngine } from './engine';
import { loadPlaybooks } from './playbook';
import { idempotencyKey } from './signing';
import { openStore, tempStorePath, tuned, user, waitFor } from './testing';
import { WorkflowWorker, backoffMs } from './worker';

const SECRET = 'test-secret-4f9a';
const owner = user('owner-1', 'process_owner');
const finance = user('finance-1', 'finance_leader');

let erp: TestErp;
let store: Store;
let engine: WorkflowEngine;
let config: ConnectorConfig;

beforeAll(async () => {
  erp = await startTestErp({ secret: SECRET, seed: 7, failRate: 0 });
  store = await openStore(tempStorePath());
  engine = new WorkflowEngine(store, tuned(loadPlaybooks(), { maxAttempts: 3, timeoutMs: 200 }));
  const sys = { url: `${erp.url}/api`, keyId: 'throughline', secret: SECRET };
  config = { systems: { erp: sys, wms: sys, billing: sys } };
});
afterAll(async () => {
  store.close();
  await erp.close();
});

const fast = { concurrency: 4, pollMs: 20, backoff: { baseMs: 10, maxMs: 40 } };
const workers: WorkflowWorker[] = [];
/** Started workers are stopped after each test even when it fails (no worker outlives its test). */
function startWorker(c: ConnectorConfig): WorkflowWorker {
  const w = new WorkflowWorker(store, c, fast).start();
  workers.push(w);
  return w;
}
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
});

const hold = (caseId: string) => ({ queue: 'creditHolds', caseId, amount: 100, currency: 'USD', team: 'Credit' });

async function settle(runId: string, states: string[] = ['succeeded', 'dead_lettered']) {
  return waitFor(async () => {
    const r = await engine.get(runId);
    return states.includes(r.state) ? r : undefined;
  }, 10_000, `run ${runId} to reach ${states.join('/')}`);
}

describe('worker against the test ERP', () => {
  it('calls the ERP once, signed, with the run\'s Idempotency-Key, and records the response', async () => {
    const worker = startWorker(config);
    const run = await engine.request('release-credit-hold', hold('5001'), owner);
    const done = await settle(run.id);
    await worker.stop();
    expect(done).toMatchObject({ state: 'succeeded', attempts: 1, lastStatus: 201 });
    expect(erp.effects.get(idempotencyKey(run.id))).toBe(1);
    const effect = erp.log.find((e) => e.key === idempotencyKey(run.id))!;
    expect(effect).toMatchObject({ method: 'POST', path: '/api/credit-holds/5001/release', body: { order: '5001', amount: 100 } });
    const attempts = await engine.attempts(run.id);
    expect(attempts.map((a) => [a.attemptNo, a.outcome, a.httpStatus, a.stateAfter])).toEqual([[1, 'ok', 201, 'succeeded']]);
  });

  it('retries failures with backoff, dead-letters after the last attempt, then a manual retry succeeds exactly once', async () => {
    erp.configure({ failRate: 1 });
    const worker = startWorker(config);
    const run = await engine.request('release-credit-hold', hold('5002'), owner);
    const dead = await settle(run.id, ['dead_lettered']);
    expect(dead).toMatchObject({ attempts: 3, lastStatus: 500 });
    expect(dead.lastError).toMatch(/answered 500 \(attempt 3 of 3: dead-lettered\)/);
    const attempts = await engine.attempts(run.id);
    expect(attempts.map((a) => a.stateAfter)).toEqual(['failed', 'failed', 'dead_lettered']);
    // Each retry waited at least half its backoff after the previous attempt ended.
    for (let i = 1; i < attempts.length; i++) {
      const waited = Date.parse(attempts[i].startedAt) - Date.parse(attempts[i - 1].finishedAt);
      expect(waited).toBeGreaterThanOrEqual(backoffMs(i, fast.backoff, () => 0) - 2);
    }
    expect(erp.effects.get(idempotencyKey(run.id))).toBeUndefined();

    erp.configure({ failRate: 0 });
    await expect(engine.retry(run.id, finance, '')).rejects.toThrow(/needs a reason/);
    const again = await engine.retry(run.id, finance, 'ERP back up');
    expect(again).toMatchObject({ state: 'approved', maxAttempts: 6, overrideReason: 'retry: ERP back up' });
    const ok = await settle(run.id);
    await worker.stop();
    expect(ok).toMatchObject({ state: 'succeeded', attempts: 4 });
    expect(erp.effects.get(idempotencyKey(run.id))).toBe(1);
  });

  it('a hang past the timeout is retried with the same key: the ERP replays, the effect stays one', async () => {
    erp.configure({ hangRate: 1, hangMs: 600 });
    const replayed = erp.stats.replayed;
    const worker = startWorker(config);
    const run = await engine.request('expedite-shipment', { queue: 'sla', caseId: '5003', objectId: 'delivery:80005003', team: 'Warehouse', warehouse: 'DAL1', amount: 100 }, owner);
    await waitFor(async () => (await engine.attempts(run.id)).some((a) => a.outcome === 'timeout'), 5000, 'a timed-out attempt');
    erp.configure({ hangRate: 0 });
    const ok = await settle(run.id);
    await worker.stop();
    expect(ok.state).toBe('succeeded');
    expect((await engine.attempts(run.id))[0]).toMatchObject({ outcome: 'timeout', error: 'wms did not answer within 200 ms' });
    expect(erp.effects.get(idempotencyKey(run.id))).toBe(1);
    // Every attempt after the first reached the ERP and was answered from its stored response.
    expect(erp.stats.replayed - replayed).toBe(ok.attempts - 1);
    expect(ok.attempts).toBeGreaterThanOrEqual(2);
    expect(ok.lastBody).toContain('"effect"');
  });

  it('a wrong secret is refused by the ERP and dead-letters at once, without the secret in the record', async () => {
    const bad = { url: erp.url, keyId: 'throughline', secret: 'not-the-secret' };
    const worker = startWorker({ systems: { erp: bad } });
    const refusedBefore = erp.stats.badSignature;
    const run = await engine.request('release-credit-hold', hold('5004'), owner);
    const dead = await settle(run.id);
    await worker.stop();
    expect(dead).toMatchObject({ state: 'dead_lettered', attempts: 1, lastStatus: 401 });
    expect(dead.lastError).toBe('not retryable: erp answered 401');
    expect(erp.stats.badSignature).toBe(refusedBefore + 1);
    const dump = JSON.stringify(await store.sql('SELECT * FROM workflow_runs')) + JSON.stringify(await store.sql('SELECT * FROM workflow_attempts'));
    expect(dump).not.toContain('not-the-secret');
    expect(dump).not.toContain(SECRET);

    const over = await engine.override(run.id, finance, 'succeeded', 'released by hand in the ERP');
    expect(over).toMatchObject({ state: 'succeeded', overrideBy: 'finance-1', overrideReason: 'override: released by hand in the ERP' });
  });

  it('a system without a connector dead-letters with a message saying so', async () => {
    const worker = startWorker({ systems: {} });
    const run = await engine.request('create-missing-invoice', { queue: 'shippedNotInvoiced', caseId: '5005', objectId: 'delivery:1', amount: 50 }, owner);
    const dead = await settle(run.id);
    await worker.stop();
    expect(dead).toMatchObject({ state: 'dead_lettered', lastError: 'not retryable: no connector configured for billing' });
  });

  it('notifications go to the outbox once per run, and to the webhook signed when configured', async () => {
    const target = { queue: 'disputesAging', caseId: '5006', objectId: 'dispute:77', amount: 300, currency: 'USD', team: 'Disputes' };
    const plain = startWorker(config);
    const a = await engine.request('notify-owner-team', target, owner);
    await settle(a.id);
    await plain.stop();
    const hooked = startWorker({ ...config, webhook: { url: `${erp.url}/hooks`, keyId: 'throughline', secret: SECRET } });
    const b = await engine.request('notify-owner-team', target, owner);
    await settle(b.id);
    await hooked.stop();
    const rows = await store.sql<{ run_id: string; team: string; subject: string; delivered: boolean }>(
      'SELECT run_id, team, subject, delivered_at IS NOT NULL AS delivered FROM workflow_outbox WHERE run_id IN ($a, $b) ORDER BY delivered',
      { a: a.id, b: b.id },
    );
    expect(rows).toEqual([
      { run_id: a.id, team: 'Disputes', subject: 'disputesAging: case 5006 needs Disputes', delivered: false },
      { run_id: b.id, team: 'Disputes', subject: 'disputesAging: case 5006 needs Disputes', delivered: true },
    ]);
    expect(erp.effects.get(idempotencyKey(b.id))).toBe(1);
    expect(erp.log.find((e) => e.key === idempotencyKey(b.id))?.path).toBe('/hooks/notifications');
  });
});
