// Targets come from the store's exception queue (real simulated company), not from the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceptionQueue, type ExceptionRow } from '../mining';
import { simulatedStore, type SimulatedStore } from '../mining/testing/simulated-store';
import { decideApproval } from './approval';
import { WorkflowEngine } from './engine';
import { loadPlaybooks, playbookById } from './playbook';
import { resolveTargets } from './resolve';
import { user } from './testing';

let sim: SimulatedStore;
let late: ExceptionRow[];
let unbilled: ExceptionRow[];

beforeAll(async () => {
  sim = await simulatedStore({ orders: 400, seed: 42 });
  late = (await exceptionQueue(sim.store, { logId: 'o2c', queue: 'latePayments', limit: 1000 })).rows;
  unbilled = (await exceptionQueue(sim.store, { logId: 'o2c', queue: 'shippedNotInvoiced', limit: 1000 })).rows;
});
afterAll(() => sim.close());

describe('resolving exception rows into run targets', () => {
  it('reads amount, currency, team and warehouse from the queue row (case + object)', async () => {
    expect(late.length).toBeGreaterThan(1);
    const rows = late.slice(0, 3);
    const targets = await resolveTargets(sim.store, 'o2c', 'latePayments', rows.map((r) => ({ caseId: r.caseId, objectId: r.objectId })));
    expect(targets).toEqual(
      rows.map((r) => ({ logId: 'o2c', queue: 'latePayments', caseId: r.caseId, objectId: r.objectId, amount: r.amount, currency: r.currency, team: r.team, warehouse: r.warehouse, segment: r.segment, since: r.since, ageSeconds: r.ageSeconds })),
    );
    expect(targets.every((t) => t.objectId?.startsWith('invoice:') && t.amount != null && t.amount > 0)).toBe(true);
  });

  it('refuses a row that is not in the queue, naming it', async () => {
    const [row] = await sim.store.sql<{ case_id: string }>(
      "SELECT case_id FROM cases WHERE log_id = 'o2c' AND case_id NOT IN (SELECT case_id FROM exception_rows WHERE log_id = 'o2c' AND queue = 'latePayments') ORDER BY case_id LIMIT 1",
    );
    await expect(resolveTargets(sim.store, 'o2c', 'latePayments', [{ caseId: late[0].caseId, objectId: late[0].objectId }, { caseId: row.case_id }])).rejects.toThrow(
      `case ${row.case_id} is not in the latePayments queue of log o2c`,
    );
    await expect(resolveTargets(sim.store, 'o2c', 'latePayments', [{ caseId: late[0].caseId, objectId: 'invoice:nope' }])).rejects.toThrow(/\(invoice:nope\) is not in/);
  });

  it('the approval follows the stored amount', async () => {
    expect(unbilled.length).toBeGreaterThan(0);
    const engine = new WorkflowEngine(sim.store, loadPlaybooks());
    const pb = playbookById(engine.listPlaybooks(), 'create-missing-invoice');
    const targets = await resolveTargets(sim.store, 'o2c', 'shippedNotInvoiced', unbilled.map((r) => ({ caseId: r.caseId, objectId: r.objectId })));
    const runs = await engine.requestMany(pb.id, targets, user('owner-1', 'process_owner'));
    runs.forEach((run, i) => {
      expect(run.amount).toBe(unbilled[i].amount);
      expect(run.state).toBe(decideApproval(pb, { queue: 'shippedNotInvoiced', caseId: run.caseId!, amount: unbilled[i].amount }).required ? 'awaiting_approval' : 'approved');
    });
  });
});
