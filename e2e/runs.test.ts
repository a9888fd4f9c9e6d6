// Closing the loop in a real browser (issue 7): runs created through the API against the test ERP
// on 127.0.0.1 succeed; SAP change extracts loaded through ingest.run (the server's own path,
// which checks every succeeded run after the refresh) release and re-set credit holds, so the runs
// end fixed, still open, reopened or not yet checked. The runs page shows exactly the rows,
// outcome badges and savings that workflows.runs / workflows.savings answer, its filters (status,
// outcome, playbook) live in the URL, "cases fixed" leads to the fixed runs, a reopened run's
// detail tells its history, and the case page lists exactly that case's runs.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashText, daysText } from '../components/SavingsPanel';
import { outcomeOf } from '../components/remediation-format';
import { startTestErp, type TestErp } from '../fixtures/test-erp/server';
import { writeCreditChanges, type CreditChange } from '../ingest/testing/credit-block-changes';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
type Run = Out['workflows']['runs']['runs'][number];
const SECRET = 'e2e-runs-secret';
const LOG = 'o2c';

let erp: TestErp;
let h: Harness;
let page: Page;
const folders: string[] = [];
/** The three credit holds the test plants: A released (fixed), B released then set again (reopened), C left (still open). */
let A = '';
let B = '';
let C = '';

async function mutate<T>(path: string, input: unknown): Promise<T> {
  const res = await h.fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${body.error?.message ?? ''}`);
  return body.result.data;
}
const runsOf = async (input: Record<string, unknown> = {}) => (await h.query<Out['workflows']['runs']>('workflows.runs', { logId: LOG, limit: 200, ...input })).runs;
const order = (caseId: string) => caseId.replace(/^sales_order:/, '');

async function ingestChanges(changes: CreditChange[]) {
  const dir = writeCreditChanges(changes);
  folders.push(dirname(dir));
  const results = await mutate<{ status: string; eventsAdded: number }[]>('ingest.run', { kind: 'sap', path: dir });
  expect(results.map((r) => [r.status, r.eventsAdded])).toEqual([['succeeded', changes.length]]);
}

async function request(queue: string, playbookId: string, caseIds: string[]): Promise<Run[]> {
  return (await mutate<{ runs: Run[] }>('workflows.request', { logId: LOG, queue, playbookId, rows: caseIds.map((caseId) => ({ caseId, objectId: null })) })).runs;
}

/** Waits until every run has succeeded or waits for its approval (expect.poll only works inside a test). */
async function settled() {
  const end = Date.now() + 30_000;
  for (;;) {
    const busy = (await runsOf()).filter((r) => !['succeeded', 'awaiting_approval'].includes(r.state));
    if (!busy.length) return;
    if (Date.now() > end) throw new Error(`runs still in flight: ${busy.map((r) => `${r.id} ${r.state}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The ids and outcome badges of the table's rows, in order. */
const tableRows = (p: Page) =>
  p.$$eval('[data-testid="run-row"]', (rows) => rows.map((r) => [r.getAttribute('data-run'), r.querySelector('[data-testid="run-outcome"]')?.getAttribute('data-outcome') ?? null]));
const expectedRows = (runs: Run[]) => runs.map((r) => [r.id, outcomeOf(r) ?? '']);

async function waitForRows(p: Page, runs: Run[]) {
  await expect.poll(() => tableRows(p), { timeout: 15_000, interval: 200 }).toEqual(expectedRows(runs));
}

beforeAll(async () => {
  erp = await startTestErp({ secret: SECRET, failRate: 0 });
  h = await startHarness({ orders: 500, seed: 11, env: { THROUGHLINE_ERP_URL: erp.url, THROUGHLINE_ERP_SECRET: SECRET, THROUGHLINE_ERP_KEY_ID: 'throughline' } });
  page = await h.newPage();

  // Six orders not on hold and under the playbook's $5,000 approval threshold get a credit block
  // in the next SAP extract (VBAK columns: VBELN … NETWR (10) … CMGST (12)), the first the
  // youngest (Dec 29, then a day older each), so the holds left when A clears are older than A's:
  // days removed > 0.
  const vbak = readFileSync(join(h.simDir!, 'sap', 'VBAK.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const free = vbak.filter((c) => c[12] !== 'B' && Number(c[10]) > 100 && Number(c[10]) < 5000).slice(0, 6).map((c) => c[0]);
  await ingestChanges(free.map((o, i) => ({ order: o, change: 'block', changeNo: 900000 + i, date: `202512${29 - i}`, time: '100000' })));
  const queue = await h.query<Out['exceptions']['queue']>('exceptions.queue', { logId: LOG, filters: [], queue: 'creditHolds', limit: 200 });
  const held = free.map((o) => queue.rows.find((r) => order(r.caseId) === o.replace(/^0+/, '') || order(r.caseId) === o)).filter((r) => r !== undefined);
  expect(held.length).toBeGreaterThanOrEqual(3); // a cancelled order shows no hold
  [A, B, C] = held.slice(0, 3).map((r) => r!.caseId);

  // demo-admin asks: release on A, B, C (at once: under the threshold), a notification on A, and
  // a dunning notice on a late invoice (always waits for a finance leader: no outcome).
  await request('creditHolds', 'release-credit-hold', [A, B, C]);
  await request('creditHolds', 'notify-owner-team', [A]);
  const late = await h.query<Out['exceptions']['queue']>('exceptions.queue', { logId: LOG, filters: [], queue: 'latePayments', limit: 1 });
  await mutate('workflows.request', { logId: LOG, queue: 'latePayments', playbookId: 'dunning-notice', rows: [{ caseId: late.rows[0].caseId, objectId: late.rows[0].objectId }] });
  await settled();
  // The next extracts: A and B released; then B's block is set again.
  await ingestChanges([
    { order: order(A), change: 'release', changeNo: 900011, date: '20251231', time: '120000' },
    { order: order(B), change: 'release', changeNo: 900012, date: '20251231', time: '120100' },
  ]);
  await ingestChanges([{ order: order(B), change: 'block', changeNo: 900013, date: '20251231', time: '130000' }]);
  // A run after the last ingest: succeeded, not checked yet.
  await request('creditHolds', 'notify-owner-team', [C]);
  await settled();
}, 600_000);

afterAll(async () => {
  await h?.close();
  await erp?.close();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('runs: outcomes, savings, filters, and a case\'s runs', () => {
  it('shows every run with the outcome workflows.runs answers, and the savings of workflows.savings', async () => {
    const runs = await runsOf();
    expect(runs).toHaveLength(6);
    // Every outcome is there: fixed (A's two runs), reopened (B), still open (C's release), not yet checked (C's notification), none (awaiting approval).
    expect(runs.map((r) => outcomeOf(r) ?? 'none').sort()).toEqual(['fixed', 'fixed', 'none', 'reopened', 'still_open', 'unchecked']);
    expect(runs.filter((r) => outcomeOf(r) === 'fixed').every((r) => r.caseId === A)).toBe(true);

    await page.goto(`${h.url}/runs`, { waitUntil: 'networkidle' });
    await waitForRows(page, runs);
    const checked = runs.find((r) => r.outcome === 'still_open')!;
    expect(await page.locator(`[data-testid="run-row"][data-run="${checked.id}"] [data-testid="run-outcome"]`).textContent()).toMatch(/^Still openchecked \d+ \w+ 20\d\d \d\d:\d\d UTC$/);

    const s = await h.query<Out['workflows']['savings']>('workflows.savings', { logId: LOG });
    expect({ cases: s.casesFixed, runs: s.runsFixed }).toEqual({ cases: 1, runs: 2 });
    expect(s.daysRemoved).toBeGreaterThan(0);
    const panel = page.locator('[data-testid="savings"]');
    const value = (id: string) => panel.locator(`[data-figure="${id}"] [data-testid="savings-value"]`);
    expect(await value('casesFixed').getAttribute('data-value')).toBe(String(s.casesFixed));
    expect(await value('daysRemoved').getAttribute('data-value')).toBe(String(s.daysRemoved));
    expect(await value('daysRemoved').textContent()).toBe(daysText(s.daysRemoved));
    expect(await value('cashReleased').textContent()).toBe(cashText(s.cashReleased));
    const rows = await panel.locator('[data-testid="savings-row"]').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-playbook'), ...['savings-cases', 'savings-runs', 'savings-days', 'savings-cash'].map((t) => tr.querySelector(`[data-testid="${t}"]`)!.textContent)]),
    );
    expect(rows).toEqual(s.byPlaybook.map((p) => [p.playbookId, String(p.casesFixed), String(p.runsFixed), daysText(p.daysRemoved), cashText(p.cashReleased)]));

    // Each figure's definition on keyboard focus, tied to the number.
    const tip = panel.locator('[data-figure="casesFixed"] [aria-label="How cases fixed is defined"]');
    await tip.focus();
    const def = panel.locator('[data-figure="casesFixed"] [role="tooltip"]');
    await expect.poll(() => def.isVisible()).toBe(true);
    expect(await def.textContent()).toBe(s.definitions.casesFixed);
    await h.shot(page, 'runs-outcomes', { fullPage: true });
  });

  it('"cases fixed" leads to exactly the fixed runs; the outcome and playbook filters are in the URL', async () => {
    await page.goto(`${h.url}/runs`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="savings-fixed-link"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('outcome')).toBe('fixed');
    await waitForRows(page, await runsOf({ outcome: 'fixed' }));

    await page.getByRole('group', { name: 'Filter by outcome' }).getByRole('button', { name: 'Reopened' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('outcome')).toBe('reopened');
    const reopened = await runsOf({ outcome: 'reopened' });
    expect(reopened.map((r) => r.caseId)).toEqual([B]);
    await waitForRows(page, reopened);

    await page.getByRole('group', { name: 'Filter by outcome' }).getByRole('button', { name: 'Any' }).click();
    await page.selectOption('[data-testid="runs-playbook"]', 'notify-owner-team');
    await expect.poll(() => new URL(page.url()).searchParams.get('pb')).toBe('notify-owner-team');
    await waitForRows(page, await runsOf({ playbookId: 'notify-owner-team' }));

    // A link with the filters shows the same (state + playbook).
    await page.goto(`${h.url}/runs?state=succeeded&pb=release-credit-hold`, { waitUntil: 'networkidle' });
    await waitForRows(page, await runsOf({ state: 'succeeded', playbookId: 'release-credit-hold' }));
    await page.goto(`${h.url}/runs?outcome=unchecked&pb=release-credit-hold`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="empty-state"]').waitFor();
    expect(await page.locator('[data-testid="empty-state"]').textContent()).toContain('No runs: not yet checked, Release the credit hold');
  });

  it('a reopened run\'s detail tells what each check found', async () => {
    const [run] = await runsOf({ outcome: 'reopened' });
    await page.goto(`${h.url}/runs?run=${run.id}`, { waitUntil: 'networkidle' });
    const history = page.locator('[data-testid="run-outcome-history"]');
    await history.waitFor();
    const { run: detail } = await h.query<Out['workflows']['run']>('workflows.run', { runId: run.id });
    expect(await history.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-outcome')))).toEqual(['fixed', 'reopened']);
    expect(detail.clearedAt).not.toBeNull();
    expect(await history.locator('li').first().textContent()).toContain(`${new Date(detail.clearedAt!).getUTCFullYear()}`);
    await h.shot(page, 'runs-reopened-detail');
    // The theme is applied before the first paint: reload in dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload({ waitUntil: 'networkidle' });
    await history.waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(244, 246, 249)');
    await h.shot(page, 'runs-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the case page lists exactly that case\'s runs, each linking to its detail', async () => {
    for (const caseId of [A, C]) {
      const runs = await runsOf({ caseId });
      expect(runs.length).toBe(2);
      await page.goto(`${h.url}/cases/${encodeURIComponent(caseId)}`, { waitUntil: 'networkidle' });
      const section = page.locator('[data-testid="case-runs"]');
      await expect
        .poll(() => section.locator('[data-testid="case-run-row"]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-run'), tr.querySelector('[data-testid="run-outcome"]')!.getAttribute('data-outcome')])), { timeout: 15_000 })
        .toEqual(expectedRows(runs));
      // The Fix… actions are still there for the case's open exceptions (C is still on hold).
      await page.locator('[data-testid="case-actions"]').waitFor();
      if (caseId === C) await page.locator('[data-testid="case-exceptions"]').waitFor();
      if (caseId === A) await h.shot(page, 'case-runs', { fullPage: true });
    }
    const [first] = await runsOf({ caseId: C });
    await page.locator(`[data-testid="case-run-row"][data-run="${first.id}"] a`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('run')).toBe(first.id);
    await page.locator(`[data-testid="run-detail"][data-run="${first.id}"]`).waitFor();
    expect(h.consoleErrors()).toEqual([]);
  });
});
