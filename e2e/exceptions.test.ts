// The process owner's path in a real browser: the exception tiles show exceptions.summary's counts,
// the credit-holds queue filtered to a warehouse shows exactly the API's rows, a filter that leaves
// nothing gives the calm empty state, and a row opens its case page.
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  page = await h.newPage();
}, 600_000);

afterAll(async () => {
  await h?.close();
});

const tileCounts = () =>
  page.$$eval('[data-testid="exception-tile"]', (tiles) => Object.fromEntries(tiles.map((t) => [t.getAttribute('data-queue'), Number(t.getAttribute('data-count'))])));

describe('the exceptions page', () => {
  it('shows each queue with the count, amount and age of exceptions.summary', async () => {
    await page.goto(`${h.url}/exceptions`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="exception-tile"]');
    const api = await h.query<Out['exceptions']['summary']>('exceptions.summary', { logId: 'o2c', filters: [] });
    expect(await tileCounts()).toEqual(Object.fromEntries(api.queues.map((q) => [q.id, q.count])));
    expect(api.queues.reduce((s, q) => s + q.count, 0)).toBeGreaterThan(10);
    // The default queue (SLA) is listed with its rows and the remediation slot on each.
    await page.waitForSelector('[data-testid="exception-row"]');
    const sla = api.queues.find((q) => q.id === 'sla');
    expect(await page.textContent('[data-testid="exception-range"]')).toContain(`of ${sla?.count}`);
    // Signed in as the admin, every row offers "Fix…" (notify-owner-team applies to every queue).
    await page.waitForSelector('[data-testid="remediation-slot"] [data-testid="fix-button"]');
    expect(await page.$$eval('[data-testid="remediation-slot"]', (s) => s.every((x) => x.querySelector('[data-testid="fix-button"]') !== null))).toBe(true);
    await h.shot(page, 'exceptions');
  });

  it('narrows the credit holds to a warehouse and opens the case of a row', async () => {
    const all = await h.query<Out['exceptions']['queue']>('exceptions.queue', { logId: 'o2c', filters: [], queue: 'creditHolds' });
    expect(all.total).toBeGreaterThan(0);
    const wh = all.rows[0].warehouse as string;
    const api = await h.query<Out['exceptions']['queue']>('exceptions.queue', { logId: 'o2c', filters: [], queue: 'creditHolds', groups: { warehouse: wh } });

    await page.click('[data-testid="exception-tile"][data-queue="creditHolds"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('creditHolds');
    await page.waitForSelector('[data-testid="exception-queue"][data-queue="creditHolds"] [data-testid="exception-row"]');
    await page.selectOption('[data-testid="group-filter-warehouse"]', wh);
    await expect.poll(() => new URL(page.url()).searchParams.get('wh')).toBe(wh);
    await expect
      .poll(() => page.$$eval('[data-testid="exception-row"]', (rows) => rows.map((r) => r.getAttribute('data-case'))))
      .toEqual(api.rows.map((r) => r.caseId));
    const summary = await h.query<Out['exceptions']['summary']>('exceptions.summary', { logId: 'o2c', filters: [], groups: { warehouse: wh } });
    await expect.poll(tileCounts).toEqual(Object.fromEntries(summary.queues.map((q) => [q.id, q.count])));
    await h.shot(page, 'exceptions-credit-holds');

    // Keyboard: the case link is focusable and names the case.
    const caseId = api.rows[0].caseId;
    const link = page.locator('[data-testid="exception-case-link"]').first();
    await link.focus();
    expect(await link.getAttribute('aria-label')).toBe(`Open case ${caseId}`);
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/cases/')), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/cases/${encodeURIComponent(caseId)}`);
    expect(url.searchParams.get('log')).toBe(null); // the default log needs no key; log/p/f are kept when set
    // The case page is another helper's; where it renders, its title block (heading and subtitle) names the case.
    const h1 = await page.waitForSelector('h1', { timeout: 15_000 }).catch(() => null);
    if (h1) {
      await expect
        .poll(() => page.$eval('h1', (x) => x.parentElement?.textContent ?? ''), { timeout: 15_000 })
        .toContain(caseId);
    }
  });

  it('says nothing is waiting when a filter leaves a queue empty', async () => {
    await page.goto(`${h.url}/exceptions?q=creditHolds&seg=NO-SUCH-SEGMENT`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="empty-state"]');
    expect(await page.textContent('[data-testid="empty-state"]')).toContain('Nothing waiting');
    expect(h.consoleErrors()).toEqual([]);
  });
});
