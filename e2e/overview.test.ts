// The O2C overview in a real browser against a real server and a simulated store: the page shows
// what the API returns for the same store, and the period and map controls drive the URL.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVITY_PCT, DEFAULT_PATH_PCT, HEADLINE } from '../app/_overview/inputs';
import { formatKpiText } from '../components/format';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

let h: Harness;
let page: Page;
let range: Out['logs']['dataRange'];
/** Errors the page logged or threw (hydration mismatches show up here). */
const pageErrors: string[] = [];

const overviewOf = (month: string) => {
  const m = range.months.find((x) => x.id === month)!;
  return h.query<Out['kpi']['overview']>('kpi.overview', { logId: 'o2c', period: m.period } satisfies In['kpi']['overview']);
};
const mapOf = (month: string, activityPct = DEFAULT_ACTIVITY_PCT, pathPct = DEFAULT_PATH_PCT) => {
  const m = range.months.find((x) => x.id === month)!;
  return h.query<Out['map']['process']>('map.process', { logId: 'o2c', perspective: 'order', period: m.period, activityPct, pathPct } satisfies In['map']['process']);
};

/** The KPI texts on the page, by KPI id. */
async function kpiTexts(): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="kpi-card"]', (cards) =>
    Object.fromEntries(cards.map((c) => [c.getAttribute('data-kpi') ?? '', (c.querySelector('[data-testid="kpi-value"]')?.textContent ?? '').replace(/\s+/g, ' ').trim()])),
  );
}

function expectedTexts(o: Out['kpi']['overview']): Record<string, string> {
  return Object.fromEntries(o.kpis.filter((k) => (HEADLINE as readonly string[]).includes(k.id)).map((k) => [k.id, formatKpiText(k.value, k.unit)]));
}

beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  range = await h.query<Out['logs']['dataRange']>('logs.dataRange', { logId: 'o2c' });
  page = await h.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
  page.on('response', (r) => void (r.status() >= 400 && pageErrors.push(`HTTP ${r.status()} ${r.url()}`)));
  await page.goto(h.url, { waitUntil: 'networkidle' });
});

afterAll(async () => {
  await h?.close();
});

describe('the O2C overview', () => {
  it('shows the five headline KPIs with the numbers the API returns', async () => {
    expect(range.defaultMonth).not.toBeNull();
    const api = await overviewOf(range.defaultMonth!);
    for (const id of HEADLINE) expect(api.kpis.map((k) => k.id)).toContain(id);
    await page.waitForSelector('[data-testid="kpi-card"]');
    expect(await kpiTexts()).toEqual(expectedTexts(api));
    const orders = api.kpis.find((k) => k.id === 'orders')!;
    expect(orders.value).toBeGreaterThan(0);
  });

  it('states how fresh the data is, in UTC', async () => {
    const asOf = await page.textContent('[data-testid="as-of"]');
    expect(asOf).toMatch(/Data as of \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(asOf).toContain('All times UTC');
  });

  it('explains each KPI on hover', async () => {
    const api = await overviewOf(range.defaultMonth!);
    const first = api.kpis[0];
    const info = page.locator(`[data-kpi="${first.id}"] [aria-describedby]`);
    await info.hover();
    const tip = page.locator(`[data-kpi="${first.id}"] [role="tooltip"]`);
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/overview-tooltip.png', clip: { x: 0, y: 0, width: 1440, height: 520 } });
    expect((await tip.locator('[data-testid="kpi-definition"]').textContent())?.trim()).toBe(first.definition);
    for (const k of api.kpis.filter((x) => (HEADLINE as readonly string[]).includes(x.id))) {
      expect((await page.locator(`[data-kpi="${k.id}"] [data-testid="kpi-definition"]`).textContent())?.trim()).toBe(k.definition);
    }
    await page.mouse.move(0, 0);
  });

  it('draws the weekly trend as an SVG with marks', async () => {
    await page.waitForSelector('[data-testid="trend-orders"] svg');
    const bars = await page.locator('[data-testid="trend-orders"] svg [aria-label="rect"] rect').count();
    expect(bars).toBeGreaterThan(10);
    for (const id of ['trend-ots', 'trend-latency']) {
      expect(await page.locator(`[data-testid="${id}"] svg [aria-label="line"] path`).count()).toBeGreaterThan(0);
    }
  });

  it('draws a map node for every activity the API returns, with edges', async () => {
    const api = await mapOf(range.defaultMonth!);
    const ids = await page.$$eval('[data-testid="map-node"]', (nodes) => nodes.map((n) => n.getAttribute('data-activity') ?? ''));
    expect(ids.sort()).toEqual(api.nodes.map((n) => n.id).sort());
    expect(await page.locator('[data-testid="map-edge"]').count()).toBe(api.edges.length);
    expect(api.nodes.some((n) => n.id === '__start__')).toBe(true);
  });

  it('takes a screenshot for a human to look at', async () => {
    await page.screenshot({ path: '/tmp/overview.png' });
    await page.screenshot({ path: '/tmp/overview-full.png', fullPage: true });
  });

  it('changes the period from the selector: URL and numbers follow', async () => {
    const target = range.months.filter((m) => !m.partial && m.id !== range.defaultMonth).at(-3)!.id;
    const api = await overviewOf(target);
    await page.selectOption('[data-testid="period-select"]', target);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(target);
    await expect.poll(kpiTexts, { timeout: 15_000 }).toEqual(expectedTexts(api));
    const mapApi = await mapOf(target);
    await expect
      .poll(() => page.$$eval('[data-testid="map-node"]', (n) => n.map((x) => x.getAttribute('data-activity') ?? '').sort()), { timeout: 15_000 })
      .toEqual(mapApi.nodes.map((n) => n.id).sort());
  });

  it('goes back to the previous period with the browser back button', async () => {
    const before = new URL(page.url()).searchParams.get('period');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).not.toBe(before);
    const api = await overviewOf(range.defaultMonth!);
    await expect.poll(kpiTexts, { timeout: 15_000 }).toEqual(expectedTexts(api));
  });

  it('opens a period given in the URL', async () => {
    const target = range.months.filter((m) => !m.partial)[1].id;
    const api = await overviewOf(target);
    await page.goto(`${h.url}/?period=${target}`, { waitUntil: 'networkidle' });
    expect(await kpiTexts()).toEqual(expectedTexts(api));
    expect(await page.inputValue('[data-testid="period-select"]')).toBe(target);
  });

  it('simplifies the map with the activity slider and keeps it in the URL', async () => {
    const month = new URL(page.url()).searchParams.get('period')!;
    const slider = page.locator('[data-testid="map-activities"]');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // +20 points
    const wanted = Math.min(100, DEFAULT_ACTIVITY_PCT + 20);
    await expect.poll(() => new URL(page.url()).searchParams.get('activities')).toBe(String(wanted));
    const api = await mapOf(month, wanted, DEFAULT_PATH_PCT);
    await expect
      .poll(() => page.$$eval('[data-testid="map-node"]', (n) => n.map((x) => x.getAttribute('data-activity') ?? '').sort()), { timeout: 15_000 })
      .toEqual(api.nodes.map((n) => n.id).sort());
    await page.screenshot({ path: '/tmp/overview-simplified.png' });
  });

  it('logged no errors in the browser (no hydration mismatch, no failed request)', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('the HTTP API', () => {
  const ingest = (token: string | null) =>
    fetch(`${h.url}/api/trpc/ingest.run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ kind: 'all', path: h.simDir }),
    });

  it('refuses an ingest without the admin token, or with a wrong one', async () => {
    expect((await ingest(null)).status).toBe(401);
    expect((await ingest(`${h.adminToken}x`)).status).toBe(401);
  });

  it('runs an ingest sent with the admin token, as the CLI does (loading the same files again adds nothing)', async () => {
    const res = await ingest(h.adminToken);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: Out['ingest']['run'] } };
    expect(body.result.data.map((r) => r.sourceKind)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing']);
    for (const r of body.result.data) {
      expect(r.status).toBe('succeeded');
      expect(r.eventsAdded).toBe(0);
    }
  });
});
