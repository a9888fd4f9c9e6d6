// The three users' paths through the built app, each walked by clicking (no typed URLs after the
// first page), and checked at the end against the API for the same state:
// - the finance leader: the DSO tile → what drives it → a cause → the cases behind it → a case;
// - the process owner: an exception queue → a row → the case page with its source records;
// - the analyst: the map → an activity → the variants → keep the top one → the cases → CSV export
//   whose rows are the filtered cases.
// Each page is saved under artifacts/screenshots/journey-*.png; any console error fails the walk.
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFilters } from '../app/_shared/filters-url';
import { parseCsv } from '../mining/testing/parse-csv';
import type { Filter } from '../mining/types';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ orders: 600, seed: 23 });
}, 600_000);

afterAll(async () => {
  await h?.close();
});

const urlFilters = (page: Page): Filter[] => readFilters({ get: (k) => new URL(page.url()).searchParams.get(k) }).filters;
const q = (s: string) => JSON.stringify(s);

/** The case table's total for the page's URL filters, as the page shows it and as the API answers. */
async function casesTotal(page: Page): Promise<{ shown: number; api: number }> {
  const filters = urlFilters(page);
  const api = await h.query<Out['cases']['list']>('cases.list', { logId: 'o2c', filters, limit: 1 });
  await expect.poll(() => page.getAttribute('[data-testid="cases-total"]', 'data-value'), { timeout: 30_000 }).toBe(String(api.total));
  return { shown: Number(await page.getAttribute('[data-testid="cases-total"]', 'data-value')), api: api.total };
}

/** The case page of the page's URL shows the case's events with their source records. */
async function expectCasePage(page: Page): Promise<string> {
  await page.waitForURL(/\/cases\/[^/?]+/);
  const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  await page.waitForSelector('[data-testid="case-event"]', { timeout: 30_000 });
  expect((await page.innerText('[data-testid="case-id"]')).trim()).toBe(caseId);
  const d = await h.query<Out['cases']['detail']>('cases.detail', { logId: 'o2c', caseId });
  const sources = await page.$$eval('[data-testid="event-source"]', (n) => n.map((x) => (x.textContent ?? '').trim()));
  expect(sources.length).toBe(Math.min(d.events.length, 300));
  expect(sources).toEqual(d.events.slice(0, sources.length).map((e) => `${e.sourceSystem} · ${e.sourceFile ?? '—'} · ${e.sourceKey}`));
  expect(await page.locator('[data-testid="case-actions"]').count()).toBe(1);
  return caseId;
}

describe('the finance leader', () => {
  it('goes from the DSO tile to a cause, to the cases behind it, to one case', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="dso-tile"] [data-testid="tile-value"]');
    await h.shot(page, 'journey-finance-overview');

    await page.click('[data-testid="dso-causes-link"]');
    await page.waitForSelector('[data-testid="cause-row"]');
    // The cause that weighs most this month (ties: the first listed).
    const causes = await page.$$eval('[data-testid="cause-row"]', (rs) => rs.map((r) => ({ stage: r.getAttribute('data-stage') ?? '', delta: Number(r.getAttribute('data-delta')) })));
    const top = causes.filter((c) => c.stage !== 'latePayment' && c.stage !== 'dispute').sort((a, b) => b.delta - a.delta)[0];
    expect(top).toBeDefined();
    await page.click(`[data-testid="cause-${top.stage}"]`);
    await page.waitForURL((u) => u.pathname === '/cases');
    expect(urlFilters(page).length).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="case-row"]', { timeout: 30_000 });
    const { shown, api } = await casesTotal(page);
    expect(shown).toBe(api);
    expect(shown).toBeGreaterThan(0);
    await h.shot(page, 'journey-finance-cases');

    await page.locator('[data-testid="case-row"] td:first-child a').first().click();
    await expectCasePage(page);
    await h.shot(page, 'journey-finance-case', { fullPage: true });
    await page.close();
  });
});

describe('the process owner', () => {
  it('goes from an exception queue to the case page with its source records', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/exceptions`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="exception-tile"]');
    const summary = await h.query<Out['exceptions']['summary']>('exceptions.summary', { logId: 'o2c', filters: [] });
    const queue = summary.queues.find((x) => x.id === 'creditHolds' && x.count > 0) ?? summary.queues.find((x) => x.count > 0);
    expect(queue).toBeDefined();
    await page.click(`[data-testid="exception-tile"][data-queue="${queue!.id}"]`);
    await page.waitForSelector(`[data-testid="exception-queue"][data-queue="${queue!.id}"] [data-testid="exception-row"]`, { timeout: 30_000 });
    await h.shot(page, 'journey-owner-queue');

    const rows = await h.query<Out['exceptions']['queue']>('exceptions.queue', { logId: 'o2c', filters: [], queue: queue!.id });
    const first = rows.rows[0].caseId;
    await expect.poll(() => page.getAttribute('[data-testid="exception-row"]', 'data-case')).toBe(first);
    await page.locator('[data-testid="exception-case-link"]').first().click();
    expect(await expectCasePage(page)).toBe(first);
    await h.shot(page, 'journey-owner-case', { fullPage: true });
    await page.close();
  });
});

describe('the analyst', () => {
  it('goes from the map to a filtered variant list and exports the matching cases', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/map`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="map-node"][data-kind="activity"]', { timeout: 30_000 });
    await h.shot(page, 'journey-analyst-map');

    // An activity that only some orders have, so the filter changes the numbers.
    const map = await h.query<Out['map']['process']>('map.process', { logId: 'o2c', perspective: 'order', filters: [], activityPct: 60, pathPct: 30 });
    const pick = map.nodes.filter((n) => !n.id.startsWith('__') && n.cases < map.totalCases).sort((a, b) => b.cases - a.cases)[0];
    // With every activity shown the node may sit below the fold of the map: the keyboard reaches it.
    await page.locator(`[data-testid="map-node"][data-activity=${q(pick.id)}]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => urlFilters(page)).toEqual([{ kind: 'activity', activity: pick.id }]);

    await page.getByRole('link', { name: 'Variants' }).click();
    await page.waitForURL((u) => u.pathname === '/variants');
    await page.waitForSelector('[data-testid="variant-row"]', { timeout: 30_000 });
    const vs = await h.query<Out['views']['variants']>('views.variants', { logId: 'o2c', filters: urlFilters(page), limit: 5 });
    await expect
      .poll(() => page.$$eval('[data-testid="variant-cases"]', (n) => n.slice(0, 5).map((x) => Number(x.getAttribute('data-value') ?? (x.textContent ?? '').replace(/\D/g, '')))))
      .toEqual(vs.variants.slice(0, 5).map((v) => v.cases));
    await page.locator('[data-testid="variant-check"]').first().check();
    await page.click('[data-testid="variants-keep"]');
    await expect.poll(() => urlFilters(page).map((f) => f.kind)).toEqual(['activity', 'variant']);
    await expect.poll(() => page.locator('[data-testid="variant-row"]').count()).toBe(1);
    await h.shot(page, 'journey-analyst-variants');

    await page.getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL((u) => u.pathname === '/cases');
    await page.waitForSelector('[data-testid="case-row"]', { timeout: 30_000 });
    const { api } = await casesTotal(page);
    expect(api).toBe(vs.variants[0].cases);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const path = await download.path();
    const text = (await import('node:fs')).readFileSync(path!, 'utf8');
    const rows = parseCsv(text);
    expect(rows.length - 1).toBe(api);
    const list = await h.query<Out['cases']['list']>('cases.list', { logId: 'o2c', filters: urlFilters(page), limit: 5000 });
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids)).toEqual(new Set(list.rows.map((r) => String(r.case_id))));
    await h.shot(page, 'journey-analyst-cases');
    await page.close();
  });
});

describe('all along', () => {
  it('no page logged a console error', () => {
    expect(h.consoleErrors()).toEqual([]);
  });
});
