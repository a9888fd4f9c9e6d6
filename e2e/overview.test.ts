// The finance overview in a real browser against a real server and a simulated store: every tile,
// the causes and the aging show what the API (finance.*, kpi.overview) answers for the same store,
// (amounts compared in cents: the sums' last bits depend on DuckDB's order of addition) the month follows the URL, the filter bar's filters reach every number, and the finance leader's
// path runs from the DSO tile to a cause to exactly the cases behind it.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { causeFilters, resolveMonth, TILE_KPIS, type MonthInputs } from '../app/_overview/inputs';
import { readFilters } from '../app/_shared/filters-url';
import { formatKpiText, formatMonthShort } from '../components/format';
import { ingestDirectory } from '../ingest';
import { refreshCaseViews } from '../mining/refresh';
import { overTargetOrders } from '../mining/testing/over-target-orders';
import { Store } from '../sql';
import type { Filter } from '../mining/types';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

let h: Harness;
let page: Page;
let month: MonthInputs;
let range: Out['logs']['dataRange'];

const kpisOf = (m: MonthInputs, filters: Filter[] = []) =>
  h.query<Out['finance']['kpis']>('finance.kpis', { logId: 'o2c', filters, periods: m.year.map((y) => y.period), kpis: [...TILE_KPIS] } satisfies In['finance']['kpis']);
const valueOf = (k: Out['finance']['kpis'], id: string, i = 11) => k.kpis.find((x) => x.id === id)!.points[i].value;
const tileText = (id: string) => page.locator(`[data-kpi="${id}"] [data-testid="tile-value"]`).innerText().then((t) => t.replace(/\s+/g, ' ').trim());

async function expectTiles(m: MonthInputs, filters: Filter[] = []) {
  const k = await kpisOf(m, filters);
  for (const id of ['dsoSimple', 'bestPossibleDso', 'averageDaysDelinquent', 'invoiceLatencyHours', 'latePaymentRate', 'disputeRate']) {
    const series = k.kpis.find((x) => x.id === id)!;
    await expect.poll(() => tileText(id), { timeout: 20_000 }).toBe(formatKpiText(valueOf(k, id), series.unit));
  }
  return k;
}

beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  range = await h.query<Out['logs']['dataRange']>('logs.dataRange', { logId: 'o2c' });
  month = resolveMonth(range, null)!;
  page = await h.newPage();
  await page.goto(h.url, { waitUntil: 'networkidle' });
}, 600_000);

afterAll(async () => {
  await h?.close();
});

describe('the finance overview', () => {
  it('shows the finance KPIs of the default month as finance.kpis answers, and DSO as kpi.overview has it', async () => {
    await page.waitForSelector('[data-testid="dso-tile"]');
    const k = await expectTiles(month);
    expect(valueOf(k, 'dsoSimple')).not.toBeNull();
    const countback = valueOf(k, 'dsoCountback');
    expect((await page.locator('[data-testid="dso-countback"]').innerText()).trim()).toBe(formatKpiText(countback, 'days'));
    const o = await h.query<Out['kpi']['overview']>('kpi.overview', { logId: 'o2c', period: month.month.period });
    expect(o.kpis.find((x) => x.id === 'dsoSimple')!.value).toBeCloseTo(valueOf(k, 'dsoSimple')!, 6);
    expect(o.kpis.find((x) => x.id === 'dsoCountback')!.value).toBeCloseTo(countback!, 6);
    // The change is coloured by whether it is good news: DSO going up is worse.
    const prev = valueOf(k, 'dsoSimple', 10);
    const trend = await page.locator('[data-testid="dso-tile"] [data-testid="tile-change"]').getAttribute('data-trend');
    if (prev !== null && Math.abs(valueOf(k, 'dsoSimple')! - prev) / Math.abs(prev) > 0.001) expect(trend).toBe(valueOf(k, 'dsoSimple')! > prev ? 'worse' : 'better');
    await page.waitForSelector('[data-testid="dso-tile"] [data-testid="sparkline"] svg');
  });

  it('shows cash tied up, open disputes and the AR aging as the API answers', async () => {
    const two = [month.previous.period, month.month.period];
    const [impact, disputes, aging] = await Promise.all([
      h.query<Out['finance']['dsoImpact']>('finance.dsoImpact', { logId: 'o2c', filters: [], period: month.month.period }),
      h.query<Out['finance']['openDisputes']>('finance.openDisputes', { logId: 'o2c', filters: [], periods: two }),
      h.query<Out['finance']['arAging']>('finance.arAging', { logId: 'o2c', filters: [], periods: two }),
    ]);
    await expect.poll(() => tileText('cashTiedUp')).toBe(formatKpiText(impact.inDso.cashTiedUp + impact.beforeInvoice.cashTiedUp, 'usd'));
    await expect.poll(() => tileText('openDisputes')).toBe(formatKpiText(disputes[1].openAtEnd, 'count'));
    const rows = await page.$$eval('[data-testid="aging-row"]', (rs) => rs.map((r) => ({ id: r.getAttribute('data-bucket'), amount: Math.round(Number(r.getAttribute('data-amount')) * 100), invoices: Number(r.getAttribute('data-invoices')) })));
    expect(rows).toEqual(aging[1].buckets.map((b) => ({ id: b.id, amount: Math.round(b.amount * 100), invoices: b.invoices })));
    expect(aging[1].total).toBeGreaterThan(0);
    const causes = await page.$$eval('[data-testid="cause-row"]', (rs) => rs.map((r) => ({ stage: r.getAttribute('data-stage'), delta: Number(r.getAttribute('data-delta')) })));
    expect(causes).toEqual([...impact.stages].sort((a, b) => b.deltaDays - a.deltaDays).map((s) => ({ stage: s.stage, delta: s.deltaDays })));
    await page.waitForSelector('[data-testid="cause-chart"] svg');
    await h.shot(page, 'overview', { fullPage: true });
  });

  it('explains every number on hover and on keyboard focus, tied to it by aria-describedby', async () => {
    const defs = await h.query<Out['finance']['kpiDefinitions']>('finance.kpiDefinitions');
    const info = page.locator('[data-kpi="latePaymentRate"] [aria-describedby]').first();
    await info.hover();
    const tipId = await info.getAttribute('aria-describedby');
    const tip = page.locator(`#${tipId}`);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect((await tip.innerText()).trim()).toBe(defs.find((d) => d.id === 'latePaymentRate')!.definition);
    expect(await page.locator('[data-kpi="latePaymentRate"] [data-testid="tile-value"]').getAttribute('aria-describedby')).toBe(tipId);
    await page.mouse.move(0, 0);
    await page.locator('[data-testid="cause-row"][data-stage="dispute"] [aria-describedby]').focus();
    await expect.poll(() => page.locator('#cause-def-dispute').isVisible()).toBe(true);
  });

  it('walks from the DSO tile to a cause to the cases behind it, with the filters in the link', async () => {
    await page.locator('[data-testid="dso-causes-link"]').click();
    await expect.poll(() => page.url()).toContain('#causes');
    const link = page.locator('[data-testid="cause-creditHold"]');
    const href = (await link.getAttribute('href'))!;
    const target = new URL(href, h.url);
    expect(target.pathname).toBe('/cases');
    expect(target.searchParams.get('period')).toBeNull();
    const filters = readFilters({ get: (k) => target.searchParams.get(k) }).filters;
    expect(filters).toEqual(causeFilters('creditHold', month.month.period));
    expect(filters).toEqual([{ kind: 'stage', stage: 'creditHold', from: month.month.period.from, to: month.month.period.to }]);
    await link.click();
    await page.waitForURL((u) => u.pathname === '/cases');
    await page.waitForSelector('[data-testid="filter-chip"]');
    const chips = await page.locator('[data-testid="filter-chip"]').allInnerTexts();
    expect(chips).toHaveLength(1);
    expect(chips[0]).toContain(`Credit holds over target, invoices of ${formatMonthShort(month.month.id)}`);

    // Exactly the orders behind the cause: the page's total is cases.list's with that filter, and
    // both are the distinct orders of the month's invoices over the credit-hold target, counted by
    // the tests' own SQL over the same simulator output loaded into a store of this process.
    const api = await h.query<Out['cases']['list']>('cases.list', { logId: 'o2c', filters, limit: 1 } satisfies In['cases']['list']);
    await expect.poll(() => page.getAttribute('[data-testid="cases-total"]', 'data-value'), { timeout: 20_000 }).toBe(String(api.total));
    const impact = await h.query<Out['finance']['dsoImpact']>('finance.dsoImpact', { logId: 'o2c', filters: [], period: month.month.period });
    const store = await Store.open(':memory:');
    try {
      await ingestDirectory(store, h.simDir!);
      await refreshCaseViews(store, 'o2c');
      const want = await overTargetOrders(store, 'creditHold', month.month.period);
      expect(want.invoices).toBe(impact.stages.find((s) => s.stage === 'creditHold')!.invoicesOverTarget);
      expect(want.orders.length).toBeGreaterThan(0);
      expect(api.total).toBe(want.orders.length);
    } finally {
      store.close();
    }
  }, 120_000);

  it('opens the orders behind an AR aging bucket and behind best-possible DSO', async () => {
    await page.goto(h.url, { waitUntil: 'networkidle' });
    const aging = await h.query<Out['finance']['arAging']>('finance.arAging', { logId: 'o2c', filters: [], periods: [month.previous.period, month.month.period] });
    const bucket = aging[1].buckets.filter((b) => b.id !== 'current' && b.invoices > 0).sort((a, b) => b.invoices - a.invoices)[0];
    expect(bucket).toBeDefined();
    const at = month.month.period.to.slice(0, 10);
    const link = page.locator(`[data-testid="aging-row"][data-bucket="${bucket.id}"] [data-testid="aging-cases-link"]`);
    expect((await link.innerText()).trim()).toBe(String(bucket.invoices));
    const target = new URL((await link.getAttribute('href'))!, h.url);
    const filters = readFilters({ get: (k) => target.searchParams.get(k) }).filters;
    expect(filters).toEqual([{ kind: 'receivable', at, buckets: [bucket.id] }]);
    await link.click();
    await page.waitForURL((u) => u.pathname === '/cases');
    const api = await h.query<Out['cases']['list']>('cases.list', { logId: 'o2c', filters, limit: 1 } satisfies In['cases']['list']);
    await expect.poll(() => page.getAttribute('[data-testid="cases-total"]', 'data-value'), { timeout: 20_000 }).toBe(String(api.total));
    // An order can have several invoices in the bucket, never more orders than invoices.
    expect(api.total).toBeGreaterThan(0);
    expect(api.total).toBeLessThanOrEqual(bucket.invoices);
    await page.goto(h.url, { waitUntil: 'networkidle' });
    const best = new URL((await page.locator('[data-kpi="bestPossibleDso"] a').first().getAttribute('href'))!, h.url);
    expect(readFilters({ get: (k) => best.searchParams.get(k) }).filters).toEqual([{ kind: 'receivable', at, buckets: ['current'] }]);
  }, 120_000);

  it('follows the month in the URL and the filter bar’s filters', async () => {
    const earlier = resolveMonth(range, month.previous.id)!;
    await page.goto(`${h.url}/?period=${earlier.month.id}`, { waitUntil: 'networkidle' });
    await expectTiles(earlier);
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(month.month.id);
    await expectTiles(month);

    const segment: Filter[] = [{ kind: 'attribute', attribute: 'segment', values: ['SM'] }];
    await page.goto(`${h.url}/?f=${encodeURIComponent(JSON.stringify(segment))}`, { waitUntil: 'networkidle' });
    const filtered = await expectTiles(month, segment);
    const all = await kpisOf(month);
    expect(valueOf(filtered, 'dsoSimple')).not.toBe(valueOf(all, 'dsoSimple'));
    const aging = await h.query<Out['finance']['arAging']>('finance.arAging', { logId: 'o2c', filters: segment, periods: [month.previous.period, month.month.period] });
    await expect.poll(() => page.$$eval('[data-testid="aging-row"]', (rs) => rs.map((r) => Math.round(Number(r.getAttribute('data-amount')) * 100)))).toEqual(aging[1].buckets.map((b) => Math.round(b.amount * 100)));
    const cause = new URL((await page.locator('[data-testid="cause-latePayment"]').getAttribute('href'))!, h.url);
    expect(readFilters({ get: (k) => cause.searchParams.get(k) }).filters).toEqual([...segment, ...causeFilters('latePayment', month.month.period)]);
  });

  it('reads in dark mode too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(h.url, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="cause-chart"] svg');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(244, 246, 249)');
    await h.shot(page, 'overview-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors()).toEqual([]);
  });
});
