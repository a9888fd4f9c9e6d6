// The case table and the case page in a real browser against a simulated store: the count under a
// filter from the URL equals cases.list's total, sorting by a column reorders the rows as the API
// does, scrolling loads the last rows, the CSV export holds exactly the filtered cases in the
// table's order, and a case page shows its events with their source systems and source records.
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersParam } from '../app/_shared/filters-url';
import { systemLabel } from '../components/case-format';
import type { Filter } from '../mining/types';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';
import { parseCsv } from '../mining/testing/parse-csv';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;
let page: Page;
const filters: Filter[] = [{ kind: 'attribute', attribute: 'segment', values: ['KA', 'MM'] }];
const list = (more: Record<string, unknown> = {}) => h.query<Out['cases']['list']>('cases.list', { logId: 'o2c', filters, ...more });
const visibleIds = () => page.$$eval('[data-testid="case-row"] td:first-child a', (a) => a.map((x) => x.textContent ?? ''));


beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  page = await h.newPage();
}, 600_000);

afterAll(async () => {
  await h?.close();
});

describe('the case table', () => {
  it('shows the filtered count of cases.list and only the rows in view', async () => {
    await page.goto(`${h.url}/cases?f=${encodeURIComponent(filtersParam(filters)!)}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="case-row"]');
    const api = await list({ limit: 50 });
    expect(api.total).toBeGreaterThan(100);
    expect(await page.getAttribute('[data-testid="cases-total"]', 'data-value')).toBe(String(api.total));
    const ids = await visibleIds();
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.length).toBeLessThan(api.total); // windowed: not every row is in the page
    expect(ids).toEqual(api.rows.slice(0, ids.length).map((r) => r.case_id));
    await h.shot(page, 'cases');
  });

  it('sorts by a column from its header and loads the last rows when scrolled to the end', async () => {
    await page.click('th button:has-text("Net value")');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('net_value');
    expect(await page.getAttribute('th:has(button:has-text("Net value"))', 'aria-sort')).toBe('descending');
    const api = await list({ sort: { column: 'net_value', dir: 'desc' }, limit: 20 });
    await expect.poll(async () => (await visibleIds()).slice(0, 20), { timeout: 20_000 }).toEqual(api.rows.map((r) => r.case_id));
    await page.$eval('[data-testid="cases-table"]', (el) => el.scrollTo(0, el.scrollHeight));
    const tail = await list({ sort: { column: 'net_value', dir: 'desc' }, offset: api.total - 5, limit: 5 });
    await expect.poll(async () => (await visibleIds()).slice(-5), { timeout: 20_000 }).toEqual(tail.rows.map((r) => r.case_id));
  });

  it('exports a CSV whose rows are exactly the filtered cases in the table order', async () => {
    const href = await page.getAttribute('[data-testid="export-csv"]', 'href');
    expect(href).toMatch(/^\/api\/export\/cases\?input=/);
    const res = await h.fetch(`${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="cases-o2c-order-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(await res.text());
    const api = await list({ sort: { column: 'net_value', dir: 'desc' }, limit: 5000 });
    expect(rows.length - 1).toBe(api.total);
    expect(rows[0][0]).toBe('case_id');
    expect(rows.slice(1).map((r) => r[0])).toEqual(api.rows.map((r) => r.case_id));
    const bad = await h.fetch(`/api/export/cases?input=${encodeURIComponent(JSON.stringify({ logId: 'o2c', sort: { column: 'nope', dir: 'asc' } }))}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/cannot sort cases by "nope"/);
  });
});

describe('the case page', () => {
  it('opens from the table and shows every event with its source system and source record', async () => {
    await page.$eval('[data-testid="cases-table"]', (el) => el.scrollTo(0, 0));
    const top = await list({ sort: { column: 'net_value', dir: 'desc' }, limit: 1 });
    const first = String(top.rows[0].case_id);
    await expect.poll(async () => (await visibleIds())[0], { timeout: 20_000 }).toBe(first);
    await page.click(`[data-testid="case-row"] a:text-is(${JSON.stringify(first)})`);
    await page.waitForURL(/\/cases\/[^/?]+/);
    await page.waitForSelector('[data-testid="case-event"]');
    const d = await h.query<Out['cases']['detail']>('cases.detail', { logId: 'o2c', caseId: first });
    expect(await page.locator('[data-testid="case-event"]').count()).toBe(Math.min(d.events.length, 300));
    const sources = await page.$$eval('[data-testid="event-source"]', (n) => n.map((x) => (x.textContent ?? '').trim()));
    expect(sources).toEqual(d.events.slice(0, 300).map((e) => `${e.sourceSystem} · ${e.sourceFile ?? '—'} · ${e.sourceKey}`));
    const systems = await page.$$eval('[data-testid="event-system"]', (n) => n.map((x) => (x.textContent ?? '').trim()));
    expect(systems).toEqual(d.events.slice(0, 300).map((e) => systemLabel(e.sourceSystem)));
    expect(new Set(d.events.map((e) => e.sourceSystem)).size).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="sla-clock"]').count()).toBe(d.sla?.clocks.length ?? 0);
    expect(await page.locator('[data-testid="object-node"]').count()).toBe(d.objects.nodes.length);
    expect(await page.locator('[data-testid="case-actions"]').count()).toBe(1);
    expect((await page.innerText('[data-testid="case-id"]')).trim()).toBe(first);
    await page.mouse.move(5, 5);
    await h.shot(page, 'case-page', { fullPage: true });
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors()).toEqual([]);
  });

  it('says so for a case that does not exist (the 404 of that request is the only console error)', async () => {
    const before = h.consoleErrors().length;
    await page.goto(`${h.url}/cases/${encodeURIComponent('sales_order:none')}`, { waitUntil: 'load' });
    await expect.poll(() => page.innerText('main'), { timeout: 30_000 }).toMatch(/No such case\s+No case "sales_order:none" in log "o2c"/);
    expect(await page.locator('[data-testid="empty-state"]').count()).toBe(1);
    for (const e of h.consoleErrors().slice(before)) expect(e).toMatch(/status of 404/);
  });
});
