import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../sql';
import { verify } from '../audit';
import { WorkflowEngine } from './engine';
import { ApprovalRefusedError, WorkflowInputError } from './errors';
import { loadPlaybooks } from './playbook';
import { openStore, tempStorePath, user } from './testing';

const owner = user('owner-1', 'process_owner');
const owner2 = user('owner-2', 'process_owner');
const finance = user('finance-1', 'finance_leader');
const analyst = user('analyst-1', 'analyst');

let store: Store;
let clock = new Date('2026-03-02T09:00:00Z');
let engine: WorkflowEngine;

beforeAll(async () => {
  store = await openStore(tempStorePath());
  engine = new WorkflowEngine(store, loadPlaybooks(), { now: () => clock });
});
afterAll(() => {
  store.close();
});

const hold = (caseId: string, amount: number | null) => ({ logId: 'o2c', queue: 'creditHolds', caseId, amount, currency: 'USD', team: 'Credit' });

describe('requests and approvals', () => {
  it('runs a small release at once, with the rendered call stored', async () => {
    const run = await engine.request('release-credit-hold', hold('4711', 1200), owner);
    expect(run.state).toBe('approved');
    expect(run.approvalRequired).toBe(false);
    expect(run.nextAttemptAt).toBe(clock.toISOString());
    expect(run.operation).toBe('POST /credit-holds/4711/release');
    expect(JSON.parse(run.payload)).toMatchObject({ order: '4711', amount: 1200, currency: 'USD' });
    expect(run.maxAttempts).toBe(8);
    const [row] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM workflow_runs WHERE id = $id AND state = 'approved'", { id: run.id });
    expect(row.n).toBe(1);
  });

  it('makes a large release wait for a finance leader, and refuses the requester, other roles and a second approval', async () => {
    const run = await engine.request('release-credit-hold', hold('4712', 6000), owner);
    expect(run.state).toBe('awaiting_approval');
    expect(run.approvalRoles).toEqual(['finance_leader']);
    expect(run.approvalExpiresAt).toBe(new Date(clock.getTime() + 24 * 3_600_000).toISOString());
    expect(run.nextAttemptAt).toBeNull();

    const selfApprover = user('owner-1', 'process_owner', 'finance_leader'); // even with the role
    await expect(engine.approve(run.id, selfApprover)).rejects.toMatchObject({ name: 'ApprovalRefusedError', reason: 'requester' });
    await expect(engine.approve(run.id, analyst)).rejects.toMatchObject({ reason: 'role' });
    await expect(engine.approve(run.id, owner2)).rejects.toThrow(/needs the role finance_leader; owner-2 has process_owner/);
    expect((await engine.get(run.id)).state).toBe('awaiting_approval');

    const approved = await engine.approve(run.id, finance);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'finance-1', approvedAt: clock.toISOString(), nextAttemptAt: clock.toISOString() });
    await expect(engine.approve(run.id, user('finance-2', 'finance_leader'))).rejects.toMatchObject({ reason: 'state' });
    // Every attempt is in the audit trail, refusals included, with who and why; the chain holds.
    const trail = await store.sql<{ actor: string; action: string; detail: string }>('SELECT actor, action, detail FROM audit_log WHERE target = $id ORDER BY seq', { id: run.id });
    expect(trail.map((e) => `${e.actor} ${e.action}`)).toEqual([
      'owner-1 workflow.request',
      'owner-1 workflow.approval_refused',
      'analyst-1 workflow.approval_refused',
      'owner-2 workflow.approval_refused',
      'finance-1 workflow.approve',
      'finance-2 workflow.approval_refused',
    ]);
    expect(JSON.parse(trail[1].detail)).toMatchObject({ playbook: 'release-credit-hold', reason: 'requester' });
    expect(JSON.parse(trail[0].detail)).toMatchObject({ amount: 6000, state: 'awaiting_approval', case: '4712' });
    expect(await verify(store)).toMatchObject({ ok: true });
  });

  it('refuses an expired approval and cancels the run', async () => {
    const run = await engine.request('dunning-notice', { queue: 'latePayments', caseId: '4713', objectId: 'invoice:9001', amount: 10, currency: 'USD' }, owner);
    expect(run.state).toBe('awaiting_approval');
    const saved = clock;
    clock = new Date(saved.getTime() + 72 * 3_600_000 + 1000);
    try {
      await expect(engine.approve(run.id, finance)).rejects.toMatchObject({ reason: 'expired' });
    } finally {
      clock = saved;
    }
    const after = await engine.get(run.id);
    expect(after.state).toBe('cancelled');
    expect(after.lastError).toMatch(/approval expired/);
  });

  it('refuses targets outside the playbook and amounts above its limit, recording none of a selection', async () => {
    const before = (await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM workflow_runs'))[0].n;
    await expect(engine.request('release-credit-hold', { queue: 'latePayments', caseId: '1' }, owner)).rejects.toThrow(WorkflowInputError);
    await expect(engine.request('release-credit-hold', hold('1', 250_001), owner)).rejects.toThrow(/above release-credit-hold's limit of 250000/);
    await expect(engine.request('expedite-shipment', { queue: 'sla', caseId: '1', team: 'Billing' }, owner)).rejects.toThrow(/rows owned by Warehouse/);
    await expect(engine.requestMany('release-credit-hold', [hold('1', 10), hold('2', 999_999)], owner)).rejects.toThrow(/targets\[1\]/);
    await expect(engine.request('no-such-playbook', hold('1', 10), owner)).rejects.toThrow(/no playbook "no-such-playbook"/);
    const after = (await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM workflow_runs'))[0].n;
    expect(after).toBe(before);
  });

  it('cancels with a reason, and refuses retry or override of a run that did not fail', async () => {
    const run = await engine.request('release-credit-hold', hold('4714', 100), owner);
    await expect(engine.retry(run.id, finance, 'again')).rejects.toThrow(/cannot retry run .*: it is approved/);
    await expect(engine.override(run.id, finance, 'succeeded', 'done by phone')).rejects.toThrow(/cannot override/);
    await expect(engine.cancel(run.id, owner, '  ')).rejects.toThrow('a cancel needs a reason');
    const c = await engine.cancel(run.id, owner, 'customer paid');
    expect(c).toMatchObject({ state: 'cancelled', overrideBy: 'owner-1', overrideReason: 'cancel: customer paid' });
    await expect(engine.cancel(run.id, owner, 'again')).rejects.toThrow(/cannot cancel/);
  });

  it('approval never reaches the worker: an awaiting run is not due', async () => {
    const run = await engine.request('dunning-notice', { queue: 'latePayments', caseId: '4715', objectId: 'invoice:9002', amount: 10 }, owner);
    const due = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM workflow_runs WHERE id = $id AND state IN ('approved','failed')", { id: run.id });
    expect(due[0].n).toBe(0);
    expect(run).toBeDefined();
    expect(ApprovalRefusedError).toBeDefined();
  });

  it('keeps a scoped process owner to their warehouses: requests, approvals and the list', async () => {
    const east = { ...user('owner-east', 'process_owner'), scope: { warehouses: ['DC-EAST'] } };
    const westFinance = { ...user('fin-west', 'finance_leader'), scope: { warehouses: ['DC-WEST'] } };
    const row = (caseId: string, warehouse: string, amount: number) => ({ queue: 'sla', caseId, objectId: `delivery:${caseId}`, team: 'Warehouse', warehouse, amount, currency: 'USD' });
    await expect(engine.request('expedite-shipment', row('6001', 'DC-WEST', 100), east)).rejects.toMatchObject({
      name: 'OutOfScopeError',
      message: expect.stringContaining('owner-east is scoped to warehouse DC-EAST; this row is DC-WEST'),
    });
    const mine = await engine.request('expedite-shipment', row('6002', 'DC-WEST,DC-EAST', 100), east);
    expect(mine).toMatchObject({ state: 'approved', warehouse: 'DC-WEST,DC-EAST' });
    const big = await engine.request('expedite-shipment', row('6003', 'DC-EAST', 60_000), owner);
    expect(big.state).toBe('awaiting_approval');
    await expect(engine.approve(big.id, { ...westFinance, roles: ['process_owner'] as never })).rejects.toMatchObject({ reason: 'scope' });
    expect((await engine.approve(big.id, east)).state).toBe('approved');
    const seen = await engine.list({ viewer: east });
    expect(seen.map((r) => r.id).sort()).toEqual([mine.id, big.id].sort());
    const [all] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM workflow_runs');
    expect((await engine.list({ viewer: owner })).length).toBe(all.n);
  });

  it('cancels approvals nobody gave in time, as the system, and leaves the others waiting', async () => {
    const saved = clock;
    const soon = await engine.request('release-credit-hold', hold('7001', 9000), owner); // 24 h
    const later = await engine.request('dunning-notice', { queue: 'latePayments', caseId: '7002', objectId: 'invoice:7002', amount: 5 }, owner); // 72 h
    clock = new Date(saved.getTime() + 25 * 3_600_000);
    try {
      const expired = await engine.expireApprovals();
      expect(expired).toContain(soon.id);
      expect(expired).not.toContain(later.id);
      expect(await engine.get(soon.id)).toMatchObject({ state: 'cancelled', lastError: expect.stringContaining('approval expired') });
      expect((await engine.get(later.id)).state).toBe('awaiting_approval');
      const [e] = await store.sql<{ actor: string }>("SELECT actor FROM audit_log WHERE target = $id AND action = 'workflow.cancel'", { id: soon.id });
      expect(e.actor).toBe('system');
      expect(await engine.expireApprovals()).toEqual([]);
    } finally {
      clock = saved;
    }
  });

  it('refuses a second open run of the same playbook on the same row (a double click acts once)', async () => {
    const first = await engine.request('release-credit-hold', hold('7101', 50), owner);
    await expect(engine.request('release-credit-hold', hold('7101', 50), owner2)).rejects.toThrow(`already has run ${first.id} of release-credit-hold (approved)`);
    await expect(engine.requestMany('release-credit-hold', [hold('7102', 50), hold('7102', 50)], owner)).rejects.toThrow('case 7102 is chosen twice');
    // Another playbook on the same row is its own action.
    expect((await engine.request('notify-owner-team', hold('7101', 50), owner)).state).toBe('approved');
    await engine.cancel(first.id, owner, 'wrong order');
    expect((await engine.request('release-credit-hold', hold('7101', 50), owner)).state).toBe('approved');
  });
});
