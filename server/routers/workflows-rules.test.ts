// workflows.rules over a simulated company loaded through the server's ingest (which runs the
// rules): three enabled rules in a copied policies folder fire after the ingest (a notification
// that succeeds and is then checked, a billing call with no connector that dead-letters, a dunning
// notice that waits for approval), and each rule's counts equal plain SQL over workflow_runs where
// requested_by = 'rule:<id>'; a person's run is never counted; a broken file is named with its
// field while the others still list; a scoped owner sees only their rows' runs.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../fixtures/sim/simulate';
import { exceptionQueue } from '../../mining';
import { Store } from '../../sql';
import { afterIngest, startWorkflowWorker } from '../../workflows';
import { waitFor } from '../../workflows/testing';
import { LOCAL_ADMIN, type User } from '../auth';
import { callerFor } from '../caller';

let dir: string;
let policies: string;
let store: Store;
const before = process.env.THROUGHLINE_POLICIES;

const rule = (id: string, playbook: string, queue: string, when: Record<string, unknown>) => ({
  id, version: '1', changeNote: 'test', title: `Rule ${id}`, description: 'test', enabled: true, playbook, queue, when,
});
const RULES = [
  rule('notify-late', 'notify-owner-team', 'latePayments', { amountBelow: 20000 }),
  rule('invoice-small', 'create-missing-invoice', 'shippedNotInvoiced', { amountBelow: 10000, minBusinessHours: 8, calendar: 'us-central' }),
  rule('dun-late', 'dunning-notice', 'latePayments', {}),
];

interface Counted { requested: number; byState: Record<string, number>; byOutcome: Record<string, number>; lastRequestedAt: string | null }
/** The same figures by plain SQL, over runs requested as rule:<id> on the log, inside `where`. */
async function sqlCounts(id: string, where = 'TRUE'): Promise<Counted> {
  const base = `FROM workflow_runs WHERE log_id = 'o2c' AND requested_by = $by AND ${where}`;
  const by = `rule:${id}`;
  const states = await store.sql<{ state: string; n: number }>(`SELECT state, count(*)::INTEGER AS n ${base} GROUP BY state`, { by });
  const outcomes = await store.sql<{ outcome: string; n: number }>(`SELECT outcome, count(*)::INTEGER AS n ${base} AND outcome IS NOT NULL GROUP BY outcome`, { by });
  const [{ n, last }] = await store.sql<{ n: number; last: string | null }>(`SELECT count(*)::INTEGER AS n, strftime(max(requested_at), '%Y-%m-%dT%H:%M:%S.%g') AS last ${base}`, { by });
  return {
    requested: n,
    byState: Object.fromEntries(states.map((s) => [s.state, s.n])),
    byOutcome: { fixed: 0, still_open: 0, reopened: 0, ...Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])) },
    lastRequestedAt: last ? `${last}Z` : null,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-rules-status-'));
  await simulate({ orders: 300, seed: 11, outDir: join(dir, 'sim') });
  policies = join(dir, 'policies');
  cpSync(join(process.cwd(), 'policies'), policies, { recursive: true });
  for (const r of RULES) writeFileSync(join(policies, 'rules', `${r.id}.json`), JSON.stringify(r));
  process.env.THROUGHLINE_POLICIES = policies;
  store = await Store.open(':memory:');
  // No billing connector: invoice runs dead-letter at once; notifications go to the outbox and succeed.
  startWorkflowWorker(store, { connectors: { systems: {} }, pollMs: 20, backoff: { baseMs: 10, maxMs: 50 } });
  const results = await callerFor(store, LOCAL_ADMIN).ingest.run({ kind: 'all', path: join(dir, 'sim'), logId: 'o2c' });
  expect(results.every((r) => r.status === 'succeeded')).toBe(true);
  await waitFor(
    async () => (await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM workflow_runs WHERE state IN ('requested', 'approved', 'running', 'failed')`))[0].n === 0,
    30_000,
    'the rules\' runs to finish',
  );
  await afterIngest(store, 'o2c'); // the next ingest's check: succeeded runs are found fixed or still open
  // A person's run on a late payment: not a rule's, never counted.
  const late = (await exceptionQueue(store, { logId: 'o2c', queue: 'latePayments', limit: 1 })).rows[0];
  await callerFor(store, LOCAL_ADMIN).workflows.request({ logId: 'o2c', queue: 'latePayments', playbookId: 'payment-reminder', rows: [{ caseId: late.caseId, objectId: late.objectId }] });
}, 180_000);
afterAll(() => {
  store?.close();
  if (before === undefined) delete process.env.THROUGHLINE_POLICIES;
  else process.env.THROUGHLINE_POLICIES = before;
  rmSync(dir, { recursive: true, force: true });
});

describe('workflows.rules', () => {
  it('lists every rule file with its definition, and counts equal to SQL over requested_by = rule:<id>', async () => {
    const answer = await callerFor(store, LOCAL_ADMIN).workflows.rules({ logId: 'o2c' });
    expect(answer.rules.map((r) => r.id)).toEqual(['dun-late', 'invoice-small', 'notify-late', 'release-small-credit-holds']);
    expect(answer.rules.every((r) => r.error === null && r.rule !== null)).toBe(true);
    for (const r of answer.rules) expect(r.activity).toEqual(await sqlCounts(r.id));
    const by = Object.fromEntries(answer.rules.map((r) => [r.id, r]));
    // The three enabled rules acted, each as its playbook's approval rule says; the shipped one is off.
    expect(by['notify-late'].activity.byState.succeeded).toBeGreaterThan(0);
    expect(by['notify-late'].activity.byOutcome.still_open + by['notify-late'].activity.byOutcome.fixed).toBe(by['notify-late'].activity.byState.succeeded);
    expect(by['invoice-small'].activity.byState).toEqual({ dead_lettered: by['invoice-small'].activity.requested });
    expect(by['invoice-small'].activity.requested).toBeGreaterThan(0);
    expect(by['dun-late'].activity.byState).toEqual({ awaiting_approval: by['dun-late'].activity.requested });
    expect(by['release-small-credit-holds']).toMatchObject({ rule: { enabled: false }, activity: { requested: 0, lastRequestedAt: null } });
    // Every run the rules requested is counted once; the person's run is not.
    const [{ n }] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM workflow_runs WHERE log_id = 'o2c' AND requested_by LIKE 'rule:%'`);
    expect(answer.rules.reduce((s, r) => s + r.activity.requested, 0)).toBe(n);
    expect(answer.removed).toEqual([]);
    // The definition as written, the playbook's title and the conditions in words.
    expect(by['invoice-small'].rule).toMatchObject({ playbook: 'create-missing-invoice', playbookTitle: expect.any(String), queue: 'shippedNotInvoiced', when: RULES[1].when });
    expect(by['invoice-small'].rule!.conditions).toEqual([
      expect.stringMatching(/^waiting at least 8 business hours on the US Central office: Mon–Fri 08:00–17:00 America\/Chicago, US holidays calendar/),
      'amount known and under 10,000 (in the row\'s currency)',
    ]);
    expect(by['dun-late'].rule!.conditions).toEqual(['every row of the queue']);
  });

  it('workflows.runs filtered by requester lists exactly that rule\'s runs', async () => {
    const listed = await callerFor(store, LOCAL_ADMIN).workflows.runs({ logId: 'o2c', requestedBy: 'rule:notify-late', limit: 500 });
    const ids = await store.sql<{ id: string }>(`SELECT id FROM workflow_runs WHERE requested_by = 'rule:notify-late' ORDER BY requested_at DESC, id`);
    expect(listed.runs.map((r) => r.id)).toEqual(ids.map((r) => r.id));
  });

  it('a scoped process owner counts only the runs of rows inside the scope', async () => {
    const [{ wh }] = await store.sql<{ wh: string }>(
      `SELECT warehouse AS wh FROM workflow_runs WHERE requested_by LIKE 'rule:%' AND warehouse IS NOT NULL AND NOT contains(warehouse, ',') GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`,
    );
    const owner: User = { id: 'scoped-owner', roles: ['process_owner'], scope: { warehouses: [wh] } };
    const answer = await callerFor(store, owner).workflows.rules({ logId: 'o2c' });
    const inScope = `list_contains(string_split(coalesce(warehouse, ''), ','), '${wh}')`;
    for (const r of answer.rules) expect(r.activity).toEqual(await sqlCounts(r.id, inScope));
    const all = await callerFor(store, LOCAL_ADMIN).workflows.rules({ logId: 'o2c' });
    expect(answer.rules.reduce((s, r) => s + r.activity.requested, 0)).toBeLessThan(all.rules.reduce((s, r) => s + r.activity.requested, 0));
    expect(answer.rules.reduce((s, r) => s + r.activity.requested, 0)).toBeGreaterThan(0);
  });

  it('runs of a rule whose file is gone are listed apart, with the same counts', async () => {
    const file = join(policies, 'rules', 'notify-late.json');
    rmSync(file);
    try {
      const answer = await callerFor(store, LOCAL_ADMIN).workflows.rules({ logId: 'o2c' });
      expect(answer.rules.map((r) => r.id)).toEqual(['dun-late', 'invoice-small', 'release-small-credit-holds']);
      expect(answer.removed).toEqual([{ id: 'notify-late', activity: await sqlCounts('notify-late') }]);
    } finally {
      writeFileSync(file, JSON.stringify(RULES[0]));
    }
  });

  it('a broken file is named with its field while the others still list; while it is there, no rule runs after an ingest', async () => {
    writeFileSync(join(policies, 'rules', 'broken.json'), JSON.stringify(rule('broken', 'release-credit-hold', 'creditHolds', { minBusinessHours: 4, calendar: 'mars' })));
    try {
      const answer = await callerFor(store, LOCAL_ADMIN).workflows.rules({ logId: 'o2c' });
      const broken = answer.rules.find((r) => r.id === 'broken')!;
      expect(broken.rule).toBeNull();
      expect(broken.error).toMatch(/rules\/broken\.json: when\.calendar: "mars" is not a calendar/);
      expect(answer.rules.filter((r) => r.rule).map((r) => r.id)).toEqual(['dun-late', 'invoice-small', 'notify-late', 'release-small-credit-holds']);
      // What the page says is true: the ingest hook loads the folder as a whole, so one broken file stops every rule.
      const res = await afterIngest(store, 'o2c');
      expect(res.rules).toEqual([]);
    } finally {
      rmSync(join(policies, 'rules', 'broken.json'));
    }
  });
});
