// Remediation in a real browser against the test ERP on 127.0.0.1 (issue 7): a process owner asks
// for "release credit hold" on a credit-hold row from the exceptions page, is told it awaits a
// finance leader, cannot approve it herself; a finance leader approves it on the runs page; the
// server's worker calls the ERP and the run succeeds — the ERP counts exactly one effect for the
// run's Idempotency-Key. The playbooks page shows every playbook's policy.
//
// The simulated company's open credit holds are small (about $100–$1,500, under the shipped
// playbook's $5,000 approval threshold), so the server reads a copy of policies/ whose
// release-credit-hold asks approval from $500: the same gate, a threshold the data reaches.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestErp, type TestErp } from '../fixtures/test-erp/server';
import type { AppRouter } from '../server/router';
import { ROOT, startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
const SECRET = 'e2e-remediation-secret';
const APPROVAL_FROM = 500;
const policies = mkdtempSync(join(tmpdir(), 'tl-e2e-policies-'));

let erp: TestErp;
let h: Harness;
let page: Page;
let runId = '';
let target: Out['exceptions']['queue']['rows'][number];

beforeAll(async () => {
  // No seeded failures here: the engine's tests cover failing, hanging and slow ERPs.
  erp = await startTestErp({ secret: SECRET, failRate: 0 });
  cpSync(join(ROOT, 'policies'), policies, { recursive: true });
  const file = join(policies, 'playbooks', 'release-credit-hold.json');
  const playbook = JSON.parse(readFileSync(file, 'utf8'));
  playbook.approval.amountAtLeast = APPROVAL_FROM;
  writeFileSync(file, JSON.stringify(playbook, null, 2));
  h = await startHarness({
    orders: 500,
    seed: 11,
    env: { THROUGHLINE_ERP_URL: erp.url, THROUGHLINE_ERP_SECRET: SECRET, THROUGHLINE_ERP_KEY_ID: 'throughline', THROUGHLINE_POLICIES: policies },
  });
  page = await h.newPage();
}, 600_000);

afterAll(async () => {
  await h?.close();
  await erp?.close();
  rmSync(policies, { recursive: true, force: true });
});

describe('remediation: request, approve, run against the ERP', () => {
  it('lists every playbook with its approval rule and limits', async () => {
    const playbooks = await h.query<Out['workflows']['playbooks']>('workflows.playbooks');
    await page.goto(`${h.url}/playbooks`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="playbook"]');
    expect(await page.$$eval('[data-testid="playbook"]', (els) => els.map((e) => e.getAttribute('data-playbook')))).toEqual(playbooks.map((p) => p.id));
    const card = page.locator('[data-playbook="release-credit-hold"]');
    expect(await card.locator('[data-testid="playbook-queues"]').textContent()).toBe('Credit holds');
    expect(await card.locator('[data-testid="playbook-approval"]').textContent()).toContain('$500.00 or more');
    expect(await card.textContent()).toContain('Refused above $250,000.00');
    await h.shot(page, 'playbooks', { fullPage: true });
  });

  it('a process owner requests "release credit hold" on a row and is told it awaits a finance leader', async () => {
    await h.signInAs('demo-owner');
    const queue = await h.query<Out['exceptions']['queue']>('exceptions.queue', { logId: 'o2c', filters: [], queue: 'creditHolds', sort: 'amount', dir: 'desc', limit: 50 });
    // A hold big enough to need approval and small enough for the playbook's limit.
    target = queue.rows.find((r) => r.amount !== null && r.amount >= APPROVAL_FROM && r.amount <= 250_000)!;
    expect(target).toBeDefined();

    await page.goto(`${h.url}/exceptions?q=creditHolds&sort=amount&dir=desc`, { waitUntil: 'networkidle' });
    const row = page.locator(`[data-testid="exception-row"][data-case="${target.caseId}"]`).first();
    await row.locator('[data-testid="fix-button"]').click();
    const menu = row.locator('[data-testid="fix-menu"]');
    expect(await menu.locator('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-playbook')))).toEqual(['notify-owner-team', 'release-credit-hold']);
    await menu.locator('[data-playbook="release-credit-hold"]').click();

    const result = page.locator('[data-testid="request-result"]');
    await result.waitFor();
    expect(await result.textContent()).toContain('Awaits approval by a finance leader.');
    const href = (await result.locator('[data-testid="request-run-link"]').getAttribute('href'))!;
    runId = new URL(href, h.url).searchParams.get('run')!;
    await h.shot(page, 'remediation-request');

    const { run, attempts } = await h.query<Out['workflows']['run']>('workflows.run', { runId });
    expect(run).toMatchObject({ state: 'awaiting_approval', requestedBy: 'demo-owner', caseId: target.caseId, amount: target.amount, approvalRoles: ['finance_leader'] });
    expect(attempts).toEqual([]);
    expect(erp.effects.size).toBe(0);

    // The requester is not offered the approval.
    await page.goto(`${h.url}${href}`, { waitUntil: 'networkidle' });
    const detail = page.locator('[data-testid="run-detail"]');
    await detail.waitFor();
    expect(await detail.locator('button', { hasText: 'Approve' }).count()).toBe(0);
    expect(await detail.textContent()).toContain('You requested this run: someone else must approve it.');
  });

  it('a finance leader approves it on the runs page; the run succeeds and the ERP took effect once', async () => {
    await h.signInAs('demo-finance');
    await page.goto(`${h.url}/runs?state=awaiting_approval`, { waitUntil: 'networkidle' });
    const row = page.locator(`[data-testid="run-row"][data-run="${runId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-case')).toBe(target.caseId);
    expect(await row.locator('[data-testid="run-state"]').getAttribute('data-state')).toBe('awaiting_approval');
    await row.getByRole('button', { name: `Open run ${runId}` }).click();

    const detail = page.locator('[data-testid="run-detail"]');
    await detail.waitFor();
    await h.shot(page, 'runs-approve');
    await detail.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => detail.locator('[data-testid="run-state"]').getAttribute('data-state'), { timeout: 30_000, interval: 500 })
      .toBe('succeeded');
    await detail.locator('[data-testid="attempt-row"]').first().waitFor();

    const { run, attempts } = await h.query<Out['workflows']['run']>('workflows.run', { runId });
    expect(run).toMatchObject({ state: 'succeeded', approvedBy: 'demo-finance', lastStatus: 201 });
    expect(attempts.map((a) => a.httpStatus)).toEqual([201]);
    expect(await detail.locator('[data-testid="attempt-row"]').count()).toBe(attempts.length);
    expect(await detail.textContent()).toContain('Approved by demo-finance');

    // The independent witness: one effect for this run's key, on the order's release path.
    expect(erp.effects.get(`throughline-run-${runId}`)).toBe(1);
    expect(erp.log.filter((e) => e.key === `throughline-run-${runId}`).map((e) => e.path)).toEqual([expect.stringMatching(/^\/credit-holds\/.+\/release$/)]);
    await h.shot(page, 'runs-succeeded', { fullPage: true });
    expect(h.consoleErrors()).toEqual([]);
  });
});
