// workflows.runs filters (case, log, playbook, state, outcome) over a simulated company, the test
// ERP (real HTTP on 127.0.0.1) and closing the loop through the server's own ingest path: each
// answer equals a plain SQL selection of workflow_runs, and a scoped process owner never sees a
// run outside their scope, whatever the filter.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestErp, type TestErp } from '../../fixtures/test-erp/server';
import { writeCreditChanges, type CreditChange } from '../../ingest/testing/credit-block-changes';
import { exceptionQueue, type ExceptionRow } from '../../mining';
import { simulatedStore, type SimulatedStore } from '../../mining/testing/simulated-store';
import { startWorkflowWorker } from '../../workflows';
import { waitFor } from '../../workflows/testing';
import type { User } from '../auth';
import { callerFor } from '../caller';

const admin: User = { id: 'ada-admin', roles: ['admin'] };
const finance: User = { id: 'fin-lead', roles: ['finance_leader'] };
const analyst: User = { id: 'ana', roles: ['analyst'] };

let sim: SimulatedStore;
let erp: TestErp;
let holds: ExceptionRow[];
const folders: string[] = [];

/** The ids plain SQL selects, newest first as the list orders them. */
async function idsWhere(where: string, params: Record<string, string> = {}): Promise<string[]> {
  const rows = await sim.store.sql<{ id: string }>(`SELECT id FROM workflow_runs WHERE ${where} ORDER BY requested_at DESC, id`, params);
  return rows.map((r) => r.id);
}
const listed = async (user: User, input: Parameters<ReturnType<typeof callerFor>['workflows']['runs']>[0]) =>
  (await callerFor(sim.store, user).workflows.runs(input)).runs.map((r) => r.id);

/** The next SAP extract, loaded through ingest.run (which closes the loop after the refresh). */
async function ingestChanges(changes: CreditChange[]) {
  const dir = writeCreditChanges(changes);
  folders.push(dirname(dir));
  const results = await callerFor(sim.store, admin).ingest.run({ kind: 'sap', path: dir });
  expect(results.map((r) => [r.status, r.eventsAdded])).toEqual([['succeeded', changes.length]]);
}
const order = (caseId: string) => caseId.replace(/^sales_order:/, '');

beforeAll(async () => {
  sim = await simulatedStore({ orders: 500, seed: 11 });
  erp = await startTestErp({ secret: 'runs-secret', failRate: 0 });
  const sys = { url: erp.url, keyId: 'throughline', secret: 'runs-secret' };
  startWorkflowWorker(sim.store, { connectors: { systems: { erp: sys, wms: sys, billing: sys } }, pollMs: 20, backoff: { baseMs: 10, maxMs: 50 } });
  // Three orders not on hold get a credit block in the next extract (the simulated log has few open holds).
  const free = await sim.store.sql<{ case_id: string }>(
    `SELECT case_id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND cancelled_ts IS NULL AND net_value < 5000 ORDER BY case_id LIMIT 3`,
  );
  await ingestChanges(free.map((c, i) => ({ order: order(c.case_id), change: 'block', changeNo: 900000 + i, date: '20251230', time: '100000' })));
  const queue = (await exceptionQueue(sim.store, { logId: 'o2c', queue: 'creditHolds', sort: 'case', limit: 100 })).rows;
  holds = free.map((c) => queue.find((r) => r.caseId === c.case_id)!);
  expect(holds.every(Boolean)).toBe(true);

  const request = (queue: 'creditHolds' | 'latePayments', playbookId: string, rows: ExceptionRow[]) =>
    callerFor(sim.store, admin).workflows.request({ logId: 'o2c', queue, playbookId, rows: rows.map((r) => ({ caseId: r.caseId, objectId: r.objectId })) });
  await request('creditHolds', 'release-credit-hold', holds.slice(0, 3));
  await request('creditHolds', 'notify-owner-team', holds.slice(0, 1)); // a second run on the first case
  const late = (await exceptionQueue(sim.store, { logId: 'o2c', queue: 'latePayments', limit: 5 })).rows;
  await request('latePayments', 'dunning-notice', late.slice(0, 1)); // waits for a finance leader
  await waitFor(async () => (await idsWhere("state NOT IN ('succeeded', 'awaiting_approval')")).length === 0, 20_000, 'the runs to succeed');
}, 120_000);

afterAll(async () => {
  sim?.close();
  await erp?.close();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('workflows.runs filters', () => {
  it('lists exactly a case\'s runs, for any role that reads, and nothing of another log', async () => {
    expect(await idsWhere('case_id = $c', { c: holds[0].caseId })).toHaveLength(2);
    for (const h of holds.slice(0, 3)) {
      const expected = await idsWhere('case_id = $c', { c: h.caseId });
      expect(await listed(analyst, { caseId: h.caseId })).toEqual(expected);
      expect(await listed(finance, { caseId: h.caseId, logId: 'o2c' })).toEqual(expected);
    }
    expect(await listed(analyst, { caseId: 'sales_order:no-such-order' })).toEqual([]);
    expect(await listed(analyst, { caseId: holds[0].caseId, logId: 'another-log' })).toEqual([]);
  });

  it('keeps a scoped process owner to their warehouse and segment, case filter or not', async () => {
    const [{ warehouse, segment }] = await sim.store.sql<{ warehouse: string; segment: string }>('SELECT warehouse, segment FROM workflow_runs WHERE case_id = $c LIMIT 1', { c: holds[0].caseId });
    expect(warehouse).toBeTruthy();
    const inScope = { id: 'owner-in', roles: ['process_owner'], scope: { warehouses: [warehouse] } } as User;
    const otherSegment = { id: 'owner-seg', roles: ['process_owner'], scope: { segments: ['NO-SUCH-SEGMENT'] } } as User;
    const elsewhere = { id: 'owner-out', roles: ['process_owner'], scope: { warehouses: ['NOWHERE'] } } as User;
    expect(await listed(inScope, { caseId: holds[0].caseId })).toEqual(await idsWhere('case_id = $c', { c: holds[0].caseId }));
    expect(await listed(elsewhere, { caseId: holds[0].caseId })).toEqual([]);
    expect(await listed(otherSegment, { caseId: holds[0].caseId })).toEqual([]);
    expect(segment).toBeTruthy();
    // Without a case filter the scoped owner gets exactly the runs of their warehouse.
    expect(await listed(inScope, { limit: 500 })).toEqual(await idsWhere("list_contains(string_split(coalesce(warehouse, ''), ','), $w)", { w: warehouse }));
  });

  it('filters by playbook and state, and says when there are more than the limit', async () => {
    expect(await listed(analyst, { playbookId: 'notify-owner-team' })).toEqual(await idsWhere("playbook_id = 'notify-owner-team'"));
    expect(await listed(analyst, { state: 'awaiting_approval' })).toEqual(await idsWhere("state = 'awaiting_approval'"));
    const all = await idsWhere('true');
    expect(all).toHaveLength(5);
    const page = await callerFor(sim.store, analyst).workflows.runs({ limit: 4 });
    expect({ ids: page.runs.map((r) => r.id), more: page.more }).toEqual({ ids: all.slice(0, 4), more: true });
    expect((await callerFor(sim.store, analyst).workflows.runs({ limit: 5 })).more).toBe(false);
    await expect(callerFor(sim.store, analyst).workflows.runs({ outcome: 'cleared' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callerFor(sim.store, analyst).workflows.runs({ playbookId: 'Not A Playbook' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('filters by outcome as the ingests close the loop: unchecked, fixed, still open, reopened', async () => {
    const succeeded = await idsWhere("state = 'succeeded'");
    expect(succeeded).toHaveLength(4);
    expect(await listed(analyst, { outcome: 'unchecked' })).toEqual(succeeded);

    // The next extract releases the first hold: its two runs are fixed, the others still open.
    await ingestChanges([{ order: order(holds[0].caseId), change: 'release', changeNo: 900011, date: '20251231', time: '120000' }]);
    expect(await listed(analyst, { outcome: 'unchecked' })).toEqual([]);
    expect(await listed(analyst, { outcome: 'fixed' })).toEqual(await idsWhere('case_id = $c', { c: holds[0].caseId }));
    expect(await listed(analyst, { outcome: 'still_open' })).toEqual(await idsWhere("outcome = 'still_open'"));
    expect(await listed(analyst, { outcome: 'still_open' })).toHaveLength(2);

    // Then the block comes back on the first and the second is released.
    await ingestChanges([
      { order: order(holds[0].caseId), change: 'block', changeNo: 900012, date: '20251231', time: '130000' },
      { order: order(holds[1].caseId), change: 'release', changeNo: 900013, date: '20251231', time: '130500' },
    ]);
    expect(await listed(analyst, { outcome: 'reopened' })).toEqual(await idsWhere('case_id = $c', { c: holds[0].caseId }));
    expect(await listed(analyst, { outcome: 'fixed' })).toEqual(await idsWhere('case_id = $c', { c: holds[1].caseId }));
    expect(await listed(analyst, { outcome: 'still_open', playbookId: 'release-credit-hold' })).toEqual(await idsWhere('case_id = $c', { c: holds[2].caseId }));
    const fixed = (await callerFor(sim.store, analyst).workflows.runs({ outcome: 'fixed' })).runs[0];
    expect(fixed.clearedAt).not.toBeNull();
    expect(fixed.outcomeCheckedAt).not.toBeNull();
    // The savings count what the fixed filter lists.
    const s = await callerFor(sim.store, analyst).workflows.savings({ logId: 'o2c' });
    expect({ runs: s.runsFixed, cases: s.casesFixed }).toEqual({ runs: 1, cases: 1 });
  });
});
