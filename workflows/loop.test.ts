// Rules after each ingest and closing the loop, over a simulated company and the test ERP (real
// HTTP): the shipped example rule (enabled here) requests release-credit-hold on exactly the credit
// holds older than 8 business hours under $5,000 (checked against the calendar and the queue
// independently), acts once per row however often it runs, and the runs find their rows fixed,
// still open or reopened after later ingests; the savings report adds those up exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../audit';
import { startTestErp, type TestErp } from '../fixtures/test-erp/server';
import { exceptionQueue, loadSlaPolicy, refreshAndPrepare, type ExceptionRow } from '../mining';
import { businessSecondsBetween } from '../mining/calendar';
import { simulatedStore, type SimulatedStore } from '../mining/testing/simulated-store';
import { callerFor } from '../server/caller';
import type { User } from '../server/auth';
import { afterIngest, parseRule, runRules, savings, startWorkflowWorker, workflowEngine, type Rule } from '.';
import { idempotencyKey } from './signing';
import { waitFor } from './testing';

const analyst: User = { id: 'ana', roles: ['analyst'] };
let sim: SimulatedStore;
let erp: TestErp;
let rule: Rule;
let expected: ExceptionRow[];
const calendars = loadSlaPolicy().calendars;

const creditHolds = async () => exceptionQueue(sim.store, { logId: 'o2c', queue: 'creditHolds', limit: 1000 });
const sec = (iso: string) => Date.parse(iso) / 1000;

/** What the source system's next extract would carry: an event on the order (at `ts`, else the log's newest time). */
async function sourceEvent(caseId: string, activity: 'Release Credit Block' | 'Set Credit Block', n: number, ts: string | null = null) {
  const id = `test:${activity}:${caseId}:${n}`;
  await sim.store.sql(
    `INSERT INTO events (log_id, event_id, activity, ts, seq, source_system, source_key, run_id)
     SELECT 'o2c', $id, $activity, coalesce($ts::TIMESTAMP, max(ts)), max(seq) + 1, 'sap', 'test', 'test' FROM events WHERE log_id = 'o2c'`,
    { id, activity, ts },
  );
  await sim.store.sql(`INSERT INTO event_object VALUES ('o2c', $id, $o, 'test')`, { id, o: caseId });
}

// The controlled scenario: credit blocks set on orders not held. The log ends 2026-01-01 05:59:59Z
// (Wed 23:59:59 Chicago). Six blocks from 08:00 Chicago on Dec 22, 23, 24, 26, 29, 30 (ages
// 835199, 748799, 662399, 489599, 230399, 143999 s; at least 27 business hours on the US Central
// calendar), two from Wed 14:00 (35999 s, 3 business hours).
const OLD = ['2025-12-22 14:00:00', '2025-12-23 14:00:00', '2025-12-24 14:00:00', '2025-12-26 14:00:00', '2025-12-29 14:00:00', '2025-12-30 14:00:00'];
const RECENT = '2025-12-31 20:00:00';
let held: string[];
async function setUpHolds() {
  // Orders not held now (the simulated log ends with no credit hold open; a new block comes after any release).
  expect((await creditHolds()).total).toBe(0);
  const free = `SELECT case_id, net_value FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND cancelled_ts IS NULL AND net_value IS NOT NULL`;
  // (Only orders under $5,000 get a planted block here: the amount condition is tested in rules.test.ts.)
  const orders = await sim.store.sql<{ case_id: string }>(`${free} AND net_value < 5000 ORDER BY case_id LIMIT 8`);
  expect(orders.length).toBe(8);
  held = orders.map((o) => o.case_id);
  for (const [i, c] of orders.slice(0, 6).entries()) await sourceEvent(c.case_id, 'Set Credit Block', i, OLD[i]);
  for (const [i, c] of orders.slice(6).entries()) await sourceEvent(c.case_id, 'Set Credit Block', 10 + i, RECENT);
  await refreshAndPrepare(sim.store, 'o2c');
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: 400, seed: 42 });
  erp = await startTestErp({ secret: 'loop-secret', failRate: 0.3, seed: 5 });
  const sys = { url: erp.url, keyId: 'throughline', secret: 'loop-secret' };
  startWorkflowWorker(sim.store, { connectors: { systems: { erp: sys, wms: sys, billing: sys } }, pollMs: 20, backoff: { baseMs: 10, maxMs: 50 } });
  const file = join(process.cwd(), 'policies/rules/release-small-credit-holds.json');
  const shipped = parseRule(readFileSync(file, 'utf8'), 'policies/rules/release-small-credit-holds.json', workflowEngine(sim.store).listPlaybooks(), calendars);
  expect(shipped.enabled).toBe(false); // the demo ships it off
  rule = { ...shipped, enabled: true };
  await setUpHolds();
  // Independently of the rule code: the calendar's business seconds from each row's start to the log's newest event.
  const page = await creditHolds();
  const cal = calendars.get('us-central')!;
  expected = page.rows.filter((r) => r.amount != null && r.amount < 5000 && businessSecondsBetween(cal, sec(r.since), sec(page.asOf)) >= 8 * 3600);
  expect(page.rows.length).toBe(8);
  expect(expected.length).toBe(6);
});
afterAll(async () => {
  sim.close();
  await erp.close();
});

const ruleRuns = async () => (await workflowEngine(sim.store).list({ limit: 500 })).filter((r) => r.requestedBy === `rule:${rule.id}`);

describe('rules after each ingest', () => {
  it('a disabled rule does nothing', async () => {
    expect(await runRules(sim.store, 'o2c', { rules: [{ ...rule, enabled: false }], calendars })).toEqual([]);
    expect(await ruleRuns()).toEqual([]);
  });

  it('requests the playbook on exactly the matching rows, as rule:<id>, without approval under $5,000, once however often it runs', async () => {
    const [first] = await runRules(sim.store, 'o2c', { rules: [rule], calendars });
    expect(first).toEqual({ ruleId: rule.id, matched: expected.length, skipped: 0, requested: expected.length, awaitingApproval: 0, error: null });
    const runs = await ruleRuns();
    expect(runs.map((r) => r.caseId).sort()).toEqual(expected.map((r) => r.caseId).sort());
    expect(runs.every((r) => r.playbookId === 'release-credit-hold' && !r.approvalRequired && r.exceptionSince != null)).toBe(true);

    const [again] = await runRules(sim.store, 'o2c', { rules: [rule], calendars });
    expect(again).toMatchObject({ matched: expected.length, skipped: expected.length, requested: 0 });

    await waitFor(async () => (await ruleRuns()).every((r) => r.state === 'succeeded'), 20_000, 'rule runs to succeed');
    for (const r of runs) expect(erp.effects.get(idempotencyKey(r.id))).toBe(1);
    const [audit] = await sim.store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM audit_log WHERE actor = $a AND action = 'workflow.request'", { a: `rule:${rule.id}` });
    expect(audit.n).toBe(expected.length);
  });

  it('a rule is a requester like any other: a playbook that asks for approval waits for a finance leader, never for the rule', async () => {
    const dun: Rule = { ...rule, id: 'dun-late-invoices', playbook: 'dunning-notice', queue: 'latePayments', when: {} };
    const late = (await exceptionQueue(sim.store, { logId: 'o2c', queue: 'latePayments', limit: 1000 })).rows;
    expect(late.length).toBeGreaterThan(0);
    const [res] = await runRules(sim.store, 'o2c', { rules: [dun], calendars });
    expect(res).toMatchObject({ matched: late.length, requested: late.length, awaitingApproval: late.length, error: null });
    const mine = (await workflowEngine(sim.store).list({ limit: 500 })).filter((r) => r.requestedBy === 'rule:dun-late-invoices');
    expect(mine.length).toBe(late.length);
    await expect(callerFor(sim.store, { id: 'pat', roles: ['process_owner'] }).workflows.approve({ runId: mine[0].id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await callerFor(sim.store, { id: 'fin', roles: ['finance_leader'] }).workflows.approve({ runId: mine[0].id });
    expect(approved.state).toBe('approved');
    for (const r of mine.slice(1)) await workflowEngine(sim.store).cancel(r.id, { id: 'test', roles: ['admin'] }, 'not part of this test');
    await waitFor(async () => (await workflowEngine(sim.store).list({ limit: 500 })).every((r) => r.state === 'succeeded' || r.state === 'cancelled'), 20_000, 'runs to settle');
  });
});

describe('closing the loop', () => {
  it('after an ingest that changed nothing: still open, and the rule does not act again', async () => {
    await refreshAndPrepare(sim.store, 'o2c');
    const res = await afterIngest(sim.store, 'o2c', { rules: [rule], calendars });
    const ruleIds = new Set((await ruleRuns()).map((r) => r.id));
    const all = await workflowEngine(sim.store).list({ limit: 500 });
    const succeeded = all.filter((r) => r.state === 'succeeded');
    expect(res.outcomes).toEqual({ checked: succeeded.length, fixed: 0, stillOpen: succeeded.length, reopened: 0 });
    expect(res.rules[0]).toMatchObject({ requested: 0, skipped: expected.length });
    const run = (await ruleRuns())[0];
    const { run: shown } = await callerFor(sim.store, analyst).workflows.run({ runId: run.id });
    expect(shown).toMatchObject({ outcome: 'still_open', clearedAt: null });
    expect(shown.outcomeCheckedAt).not.toBeNull();
    expect(ruleIds.size).toBe(expected.length);
  });

  it('fixed when the release arrives, reopened when the block comes back; savings add up exactly', async () => {
    const runs = await ruleRuns();
    // Release the two youngest old holds (Dec 29 and Dec 30).
    const a = runs.find((r) => r.caseId === held[4])!;
    const b = runs.find((r) => r.caseId === held[5])!;
    expect([a.ageAtRequestSeconds, b.ageAtRequestSeconds]).toEqual([230399, 143999]);
    await sourceEvent(a.caseId!, 'Release Credit Block', 1);
    await sourceEvent(b.caseId!, 'Release Credit Block', 1);
    await refreshAndPrepare(sim.store, 'o2c');
    const left = (await creditHolds()).rows; // the queue the check sees, read independently
    expect(left.find((r) => r.caseId === a.caseId || r.caseId === b.caseId)).toBeUndefined();
    const res = await afterIngest(sim.store, 'o2c', { rules: [rule], calendars });
    expect(res.outcomes).toMatchObject({ fixed: 2, reopened: 0 });

    const shownA = (await callerFor(sim.store, analyst).workflows.run({ runId: a.id })).run;
    expect(shownA).toMatchObject({ outcome: 'fixed' });
    expect(shownA.clearedAt).toBe(shownA.outcomeCheckedAt);
    const listed = (await callerFor(sim.store, analyst).workflows.runs({ limit: 500 })).runs.find((r) => r.id === b.id);
    expect(listed?.outcome).toBe('fixed');

    // Expected figures from the parts: the median age of the rows left, each run's success and row start.
    const ages = left.map((r) => r.ageSeconds).sort((x, y) => x - y);
    const m = ages.length >> 1;
    const median = ages.length % 2 ? ages[m] : (ages[m - 1] + ages[m]) / 2;
    expect(median).toBe((489599 + 662399) / 2); // rows left: 35999 ×2, 489599, 662399, 748799, 835199
    const removed = (run: typeof a) => Math.max(0, median - run.ageAtRequestSeconds!) / 86400;
    const fixedB = b;
    expect(removed(a) + removed(b)).toBe(9); // 4 days for the Dec 29 hold, 5 for the Dec 30 one
    const s = await callerFor(sim.store, analyst).workflows.savings({ logId: 'o2c' });
    expect(s).toMatchObject({
      casesFixed: 2,
      runsFixed: 2,
      daysRemoved: 9,
      cashReleased: [{ currency: a.currency, amount: Math.round((a.amount! + b.amount!) * 100) / 100 }],
      byPlaybook: [{ playbookId: 'release-credit-hold', casesFixed: 2 }],
    });
    expect(await savings(sim.store, { logId: 'o2c', from: '2999-01-01' })).toMatchObject({ casesFixed: 0, daysRemoved: 0, cashReleased: [] });
    const elsewhere: User = { id: 'owner-wh9', roles: ['process_owner'], scope: { warehouses: ['WH9'] } } as User;
    expect(await callerFor(sim.store, elsewhere).workflows.savings({ logId: 'o2c' })).toMatchObject({ casesFixed: 0, runsFixed: 0 });
    await expect(callerFor(sim.store, analyst).workflows.savings({ logId: 'o2c', from: '2026-02-01', to: '2026-01-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // The block comes back on a: reopened (final), out of the savings; b stays fixed.
    await sourceEvent(a.caseId!, 'Set Credit Block', 2);
    await refreshAndPrepare(sim.store, 'o2c');
    const res2 = await afterIngest(sim.store, 'o2c', { rules: [rule], calendars });
    expect(res2.outcomes).toMatchObject({ reopened: 1, fixed: 1 });
    expect((await workflowEngine(sim.store).get(a.id)).outcome).toBe('reopened');
    expect((await workflowEngine(sim.store).get(b.id)).outcome).toBe('fixed');
    const s2 = await savings(sim.store, { logId: 'o2c' });
    expect(s2).toMatchObject({ casesFixed: 1, cashReleased: [{ amount: b.amount }], daysRemoved: Math.round(removed(fixedB) * 100) / 100 });
    expect(await verify(sim.store)).toMatchObject({ ok: true });
  });
});
