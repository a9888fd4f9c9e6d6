// The workflows procedures over a simulated company and the test ERP (real HTTP on 127.0.0.1):
// a process owner requests a playbook on real exception rows, the amounts come from the store
// (an amount sent by the caller is ignored), a finance leader approves, the worker runs it, and
// the requester, another role or an out-of-scope owner cannot approve through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../audit';
import { startTestErp, type TestErp } from '../../fixtures/test-erp/server';
import { exceptionQueue, type ExceptionRow } from '../../mining';
import { simulatedStore, type SimulatedStore } from '../../mining/testing/simulated-store';
import { startWorkflowWorker } from '../../workflows';
import { idempotencyKey } from '../../workflows/signing';
import type { User } from '../auth';
import { callerFor } from '../caller';

const owner: User = { id: 'pat-owner', roles: ['process_owner'] };
const finance: User = { id: 'fin-lead', roles: ['finance_leader'] };
const analyst: User = { id: 'ana', roles: ['analyst'] };

let sim: SimulatedStore;
let erp: TestErp;
let rows: ExceptionRow[];

beforeAll(async () => {
  sim = await simulatedStore({ orders: 400, seed: 42 });
  erp = await startTestErp({ secret: 'router-secret', failRate: 0.3, seed: 3 });
  const sys = { url: erp.url, keyId: 'throughline', secret: 'router-secret' };
  startWorkflowWorker(sim.store, { connectors: { systems: { erp: sys, wms: sys, billing: sys } }, pollMs: 20, backoff: { baseMs: 10, maxMs: 50 } });
  rows = (await exceptionQueue(sim.store, { logId: 'o2c', queue: 'latePayments', limit: 1000 })).rows;
});
afterAll(async () => {
  sim.close();
  await erp.close();
});

async function settled(runId: string) {
  const end = Date.now() + 10_000;
  for (;;) {
    const { run } = await callerFor(sim.store, owner).workflows.run({ runId });
    if (run.state === 'succeeded' || run.state === 'dead_lettered') return run;
    if (Date.now() > end) throw new Error(`run ${runId} still ${run.state}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('workflows procedures', () => {
  it('lists the playbooks with their definitions', async () => {
    const pbs = await callerFor(sim.store, analyst).workflows.playbooks();
    expect(pbs.find((p) => p.id === 'dunning-notice')).toMatchObject({ appliesTo: { queues: ['latePayments'] }, approval: { always: true, roles: ['finance_leader'] } });
  });

  it('requests a dunning notice on a late invoice, refuses the requester and an analyst, runs after the finance leader approves', async () => {
    const row = rows[0];
    const sent = { caseId: row.caseId, objectId: row.objectId, amount: 0.01 } as { caseId: string; objectId: string | null };
    const { runs } = await callerFor(sim.store, owner).workflows.request({ logId: 'o2c', queue: 'latePayments', playbookId: 'dunning-notice', rows: [sent] });
    const run = runs[0];
    expect(run).toMatchObject({ state: 'awaiting_approval', amount: row.amount, caseId: row.caseId, objectId: row.objectId, operation: `POST /invoices/${row.objectId!.split(':')[1]}/dunning` });

    await expect(callerFor(sim.store, owner).workflows.approve({ runId: run.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('cannot approve it') });
    await expect(callerFor(sim.store, analyst).workflows.approve({ runId: run.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherOwner: User = { id: 'other-owner', roles: ['process_owner'] };
    await expect(callerFor(sim.store, otherOwner).workflows.approve({ runId: run.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('needs the role finance_leader') });
    expect((await callerFor(sim.store, owner).workflows.run({ runId: run.id })).run.state).toBe('awaiting_approval');

    const approved = await callerFor(sim.store, finance).workflows.approve({ runId: run.id });
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'fin-lead' });
    await expect(callerFor(sim.store, finance).workflows.approve({ runId: run.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const done = await settled(run.id);
    expect(done.state).toBe('succeeded');
    expect(erp.effects.get(idempotencyKey(run.id))).toBe(1);
    const { attempts } = await callerFor(sim.store, analyst).workflows.run({ runId: run.id });
    expect(attempts.length).toBe(done.attempts);
    expect(attempts.at(-1)).toMatchObject({ outcome: 'ok', httpStatus: 201 });
    expect(await verify(sim.store)).toMatchObject({ ok: true });
  });

  it('refuses rows outside the queue and out-of-scope owners, and keeps a scoped owner\'s list to their rows', async () => {
    await expect(
      callerFor(sim.store, owner).workflows.request({ logId: 'o2c', queue: 'latePayments', playbookId: 'payment-reminder', rows: [{ caseId: 'no-such-case' }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('no-such-case is not in the latePayments queue') });
    await expect(
      callerFor(sim.store, owner).workflows.request({ logId: 'o2c', queue: 'latePayments', playbookId: 'release-credit-hold', rows: [{ caseId: rows[1].caseId, objectId: rows[1].objectId }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('applies to creditHolds') });
    const row = rows.find((r) => r.warehouse)!;
    const elsewhere: User = { id: 'owner-elsewhere', roles: ['process_owner'], scope: { warehouses: ['NOWHERE'] } };
    await expect(
      callerFor(sim.store, elsewhere).workflows.request({ logId: 'o2c', queue: 'latePayments', playbookId: 'payment-reminder', rows: [{ caseId: row.caseId, objectId: row.objectId }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await callerFor(sim.store, elsewhere).workflows.runs()).runs).toEqual([]);
    const all = (await callerFor(sim.store, analyst).workflows.runs()).runs;
    expect(all.length).toBeGreaterThan(0);
    await expect(callerFor(sim.store, elsewhere).workflows.run({ runId: all[0].id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancels with a reason and refuses a retry of a run that did not fail', async () => {
    const row = rows[2];
    const { runs } = await callerFor(sim.store, owner).workflows.request({ logId: 'o2c', queue: 'latePayments', playbookId: 'dunning-notice', rows: [{ caseId: row.caseId, objectId: row.objectId }] });
    await expect(callerFor(sim.store, finance).workflows.retry({ runId: runs[0].id, reason: 'try again' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callerFor(sim.store, owner).workflows.cancel({ runId: runs[0].id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await callerFor(sim.store, owner).workflows.cancel({ runId: runs[0].id, reason: 'customer paid' })).toMatchObject({ state: 'cancelled', overrideBy: 'pat-owner' });
  });
});
