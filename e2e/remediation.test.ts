// Remediation in a real browser against the test ERP on 127.0.0.1 (issue 7), the whole loop: a
// process owner asks for "release credit hold" on a held order of $5,000 or more from the
// exceptions page, is told it awaits a finance leader, cannot approve it herself; a finance leader
// approves it on the runs page; the server's worker calls the ERP and the run succeeds — the ERP
// counts exactly one effect for the run's Idempotency-Key. The ERP is a system of record holding the
// simulated company's SAP tables (fixtures/test-erp/records.ts): the release becomes a change
// document in its next delta extract, which an admin loads through the server's ingest API (as
// `throughline ingest sap` does); after it the case shows the release with its source record, the
// credit-hold queue no longer lists the case, and the run's outcome is "fixed". The shipped
// playbooks are used as they are: 20,000 orders (the demo's size) hold a few orders over $5,000 at
// the extract, since large orders fail the credit check and wait for a credit rep's review.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_USER, clockFrom, SourceRecords } from '../fixtures/test-erp/records';
import { startTestErp, type TestErp } from '../fixtures/test-erp/server';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
const SECRET = 'e2e-remediation-secret';
const APPROVAL_FROM = 5000; // policies/playbooks/release-credit-hold.json, as shipped
const extracts = mkdtempSync(join(tmpdir(), 'tl-e2e-erp-extract-'));
const holdsInput = { logId: 'o2c', filters: [], queue: 'creditHolds', sort: 'amount', dir: 'desc', limit: 200 } as const;

let erp: TestErp;
let h: Harness;
let page: Page;
let runId = '';
let target: Out['exceptions']['queue']['rows'][number];

beforeAll(async () => {
  // No seeded failures here: the engine's tests cover failing, hanging and slow ERPs.
  erp = await startTestErp({ secret: SECRET, failRate: 0 });
  h = await startHarness({
    orders: 20_000,
    seed: 11,
    env: { THROUGHLINE_ERP_URL: erp.url, THROUGHLINE_ERP_SECRET: SECRET, THROUGHLINE_ERP_KEY_ID: 'throughline' },
  });
  // The ERP holds the same company the store was loaded from; its clock runs on from the extract.
  const { extractedAt } = JSON.parse(readFileSync(join(h.simDir!, 'manifest.json'), 'utf8')) as { extractedAt: string };
  erp.configure({ records: new SourceRecords(h.simDir!, clockFrom(extractedAt)) });
  page = await h.newPage();
}, 600_000);

afterAll(async () => {
  await h?.close();
  await erp?.close();
  rmSync(extracts, { recursive: true, force: true });
});

describe('remediation: request, approve, run against the ERP', () => {
  it('lists every playbook with its approval rule and limits', async () => {
    const playbooks = await h.query<Out['workflows']['playbooks']>('workflows.playbooks');
    await page.goto(`${h.url}/playbooks`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="playbook"]');
    expect(await page.$$eval('[data-testid="playbook"]', (els) => els.map((e) => e.getAttribute('data-playbook')))).toEqual(playbooks.map((p) => p.id));
    const card = page.locator('[data-playbook="release-credit-hold"]');
    expect(await card.locator('[data-testid="playbook-queues"]').textContent()).toBe('Credit holds');
    expect(await card.locator('[data-testid="playbook-approval"]').textContent()).toContain('$5,000.00 or more');
    expect(await card.textContent()).toContain('Refused above $250,000.00');
    await h.shot(page, 'playbooks', { fullPage: true });
  });

  it('a process owner requests "release credit hold" on a row and is told it awaits a finance leader', async () => {
    await h.signInAs('demo-owner');
    const queue = await h.query<Out['exceptions']['queue']>('exceptions.queue', holdsInput);
    // A hold big enough to need approval and small enough for the playbook's limit; the ERP has it on hold.
    target = queue.rows.find((r) => r.amount !== null && r.amount >= APPROVAL_FROM && r.amount <= 250_000)!;
    expect(target).toBeDefined();
    expect(erp.records!.order(target.caseId.replace(/^sales_order:/, ''))?.CMGST).toBe('B');

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

  it('after the next ingest of the ERP\'s extract the case shows the hold released, the queue no longer lists it, the run is fixed', async () => {
    const order = target.caseId.replace(/^sales_order:/, '');
    const before = await h.query<Out['exceptions']['queue']>('exceptions.queue', holdsInput);
    expect(before.rows.some((r) => r.caseId === target.caseId)).toBe(true); // Throughline has not seen the release yet
    const released = erp.records!.changes.filter((c) => c.order === order);
    expect(released.map((c) => c.effect)).toEqual(['credit-hold-released']);

    // The ERP's next delta extract, loaded by an admin through the server's ingest API (what `throughline ingest sap` sends).
    const delta = erp.extract(extracts);
    expect(delta.rows).toEqual({ USR02: 1, VBAK: 1, CDHDR: 1, CDPOS: 1 });
    await h.signInAs('demo-admin');
    const res = await h.fetch('/api/trpc/ingest.run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'sap', path: join(extracts, 'sap') }) });
    const body = (await res.json()) as { result?: { data: Out['ingest']['run'] } };
    expect(res.status).toBe(200);
    const [ingested] = body.result!.data;
    expect(ingested).toMatchObject({ status: 'succeeded', eventsAdded: 1, rowsRejected: 0 });

    // The API's answers: the queue lost exactly this case, the run found it gone.
    const after = await h.query<Out['exceptions']['queue']>('exceptions.queue', holdsInput);
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.map((r) => r.caseId)).toEqual(before.rows.map((r) => r.caseId).filter((c) => c !== target.caseId));
    const { run } = await h.query<Out['workflows']['run']>('workflows.run', { runId });
    expect(run.outcome).toBe('fixed');
    expect(run.clearedAt).not.toBeNull();
    const detail = await h.query<Out['cases']['detail']>('cases.detail', { logId: 'o2c', caseId: target.caseId });
    const release = detail.events.find((e) => e.activity === 'Release Credit Block' && e.runId === ingested.runId)!;
    expect(release).toMatchObject({ sourceSystem: 'sap', sourceKey: `sap:CDPOS:${order}:${released[0].document}:100${order.padStart(10, '0')}:CMGST`, user: API_USER });

    // The case page: the release with its source record, the run fixed, no credit hold left to fix.
    await page.goto(`${h.url}/cases/${encodeURIComponent(target.caseId)}?log=o2c`, { waitUntil: 'networkidle' });
    const event = page.locator('[data-testid="case-event"]', { hasText: 'Release Credit Block' }).filter({ has: page.locator('[data-testid="event-source"]', { hasText: release.sourceKey }) });
    await event.waitFor();
    expect(await event.count()).toBe(1);
    expect(await event.textContent()).toContain(`by ${API_USER} (system)`);
    const caseRun = page.locator(`[data-testid="case-run-row"][data-run="${runId}"] [data-testid="run-outcome"]`);
    await caseRun.waitFor();
    expect(await caseRun.getAttribute('data-outcome')).toBe('fixed');
    const actions = page.locator('[data-testid="case-actions"]');
    await expect.poll(async () => (await actions.textContent()) ?? '', { timeout: 30_000 }).not.toMatch(/Looking for this case's open exceptions|^$/);
    expect(await page.locator('[data-testid="case-exceptions"] [data-queue="creditHolds"]').count()).toBe(0);
    await event.scrollIntoViewIfNeeded();
    await h.shot(page, 'remediation-case-released', { fullPage: true });

    // The exceptions page lists what the API lists, without the case.
    await page.goto(`${h.url}/exceptions?q=creditHolds&sort=amount&dir=desc`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="exception-row"]').first().waitFor();
    expect(await page.locator(`[data-testid="exception-row"][data-case="${target.caseId}"]`).count()).toBe(0);
    const shown = await page.$$eval('[data-testid="exception-row"]', (els) => els.map((e) => e.getAttribute('data-case')));
    expect(shown).toEqual(after.rows.slice(0, shown.length).map((r) => r.caseId));
    await h.shot(page, 'remediation-queue-cleared');

    // The runs page shows the outcome.
    await page.goto(`${h.url}/runs`, { waitUntil: 'networkidle' });
    const outcome = page.locator(`[data-testid="run-row"][data-run="${runId}"] [data-testid="run-outcome"]`);
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('fixed');
    await h.shot(page, 'remediation-run-fixed');
    expect(h.consoleErrors()).toEqual([]);
  });
});
