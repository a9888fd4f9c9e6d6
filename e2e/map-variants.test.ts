// The analyst's path: the process map (counts equal map.process for the same input), performance
// view, zoom, a click on an activity that filters every page, then the variants under that filter
// (counts equal views.variants), and a variant chosen as a filter.
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVITY_PCT, DEFAULT_PATH_PCT } from '../app/_map/settings';
import { VARIANT_PAGE } from '../app/_variants/paging';
import type { Filter } from '../mining/types';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;
let page: Page;
let perspective: string;
let chosen: string; // the activity clicked on the map

const mapOf = (filters: Filter[]) =>
  h.query<Out['map']['process']>('map.process', { logId: 'o2c', perspective, filters, activityPct: DEFAULT_ACTIVITY_PCT, pathPct: DEFAULT_PATH_PCT });
const variantsOf = (filters: Filter[]) => h.query<Out['views']['variants']>('views.variants', { logId: 'o2c', perspective, filters, limit: VARIANT_PAGE });
const urlFilters = (): Filter[] => JSON.parse(new URL(page.url()).searchParams.get('f') ?? '[]') as Filter[];
/** A quoted CSS attribute value (JSON's string escapes are valid CSS ones). */
const q = (s: string) => JSON.stringify(s);
const scaleOf = (t: string | null) => Number(/scale\(([\d.]+)\)/.exec(t ?? '')?.[1] ?? NaN);
const mapTransform = () => page.getAttribute('[data-testid="map-transform"]', 'transform');

beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  perspective = (await h.query<string[]>('logs.perspectives', { logId: 'o2c' }))[0];
  page = await h.newPage();
  await page.goto(`${h.url}/map`, { waitUntil: 'load' });
});

afterAll(async () => {
  await h?.close();
});

describe('the process map page', () => {
  it('draws one node per activity and one edge per path of map.process for the same input', async () => {
    const api = await mapOf([]);
    await page.waitForSelector('[data-testid="map-node"][data-kind="activity"]');
    const ids = await page.$$eval('[data-testid="map-node"]', (n) => n.map((x) => x.getAttribute('data-activity') ?? '').sort());
    expect(ids).toEqual(api.nodes.map((n) => n.id).sort());
    expect(await page.locator('[data-testid="map-edge"]').count()).toBe(api.edges.length);
    // The frequency view shows case counts on the paths.
    const values = await page.$$eval('[data-testid="map-edge"]', (e) => e.map((x) => `${x.getAttribute('data-source')}>${x.getAttribute('data-target')}=${x.getAttribute('data-value')}`).sort());
    expect(values).toEqual(api.edges.map((e) => `${e.source}>${e.target}=${e.cases}`).sort());
    expect(await page.getAttribute('[data-testid="map-total-cases"]', 'data-value')).toBe(String(api.totalCases));
    expect(api.totalCases).toBe(500);
    await h.shot(page, 'map');
  });

  it('switches to the performance view: median durations on the paths, mode in the URL', async () => {
    const api = await mapOf([]);
    await page.click('label:has([data-testid="map-mode-perf"])');
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('perf');
    const medians = api.edges.map((e) => `${e.source}>${e.target}=${e.medianSeconds ?? ''}`).sort();
    expect(api.edges.some((e) => e.medianSeconds !== null && e.medianSeconds > 0)).toBe(true);
    await expect
      .poll(() => page.$$eval('[data-testid="map-edge"]', (e) => e.map((x) => `${x.getAttribute('data-source')}>${x.getAttribute('data-target')}=${x.getAttribute('data-value')}`).sort()))
      .toEqual(medians);
    await page.click('label:has([data-testid="map-metric-p90"])');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('p90');
    await page.mouse.move(5, 5);
    await h.shot(page, 'map-performance');
  });

  it('zooms with the buttons and the keyboard, and fits again', async () => {
    const before = await mapTransform();
    await page.click('[data-testid="zoom-in"]');
    await expect.poll(mapTransform).not.toBe(before);
    const zoomed = scaleOf(await mapTransform());
    expect(zoomed).toBeCloseTo(scaleOf(before) * 1.25, 3);
    await page.focus('[data-testid="map-viewport"]');
    await page.keyboard.press('-');
    await expect.poll(async () => scaleOf(await mapTransform())).toBeCloseTo(scaleOf(before), 3);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(mapTransform).not.toBe(before);
    // Fit shows the whole map inside the viewport.
    await page.click('[data-testid="zoom-fit"]');
    const inside = async () => {
      const [g, vp] = await Promise.all([
        page.$eval('[data-testid="map-transform"]', (el) => el.getBoundingClientRect().toJSON() as DOMRect),
        page.$eval('[data-testid="map-viewport"]', (el) => el.getBoundingClientRect().toJSON() as DOMRect),
      ]);
      return g.left >= vp.left - 1 && g.right <= vp.right + 1 && g.top >= vp.top - 1 && g.bottom <= vp.bottom + 1 && g.width > 100;
    };
    await expect.poll(inside).toBe(true);
    expect(scaleOf(await mapTransform())).toBeLessThanOrEqual(scaleOf(before));
  });

  it('filters every page to the cases of an activity clicked on the map', async () => {
    const api = await mapOf([]);
    // An activity that not every case has, so the filter changes the numbers.
    const pick = api.nodes.filter((n) => !n.id.startsWith('__') && n.cases < api.totalCases).sort((a, b) => b.cases - a.cases)[0];
    expect(pick).toBeDefined();
    chosen = pick.id;
    await page.click(`[data-testid="map-node"][data-activity=${q(chosen)}]`);
    await expect.poll(urlFilters).toEqual([{ kind: 'activity', activity: chosen }]);
    const filtered = await mapOf([{ kind: 'activity', activity: chosen }]);
    expect(filtered.totalCases).toBe(pick.cases);
    await expect.poll(() => page.getAttribute('[data-testid="map-total-cases"]', 'data-value')).toBe(String(filtered.totalCases));
    await expect
      .poll(() => page.$$eval('[data-testid="map-node"]', (n) => n.map((x) => x.getAttribute('data-activity') ?? '').sort()))
      .toEqual(filtered.nodes.map((n) => n.id).sort());
  });

  it('filters with the keyboard too: Enter on a focused path adds a directly-follows filter', async () => {
    const filtered = await mapOf([{ kind: 'activity', activity: chosen }]);
    const path = filtered.edges.find((e) => !e.source.startsWith('__') && !e.target.startsWith('__'))!;
    const el = page.locator(`[data-testid="map-edge"][data-source=${q(path.source)}][data-target=${q(path.target)}]`);
    expect(await el.getAttribute('aria-label')).toContain(`Path ${path.source} to ${path.target}`);
    await el.focus();
    await page.keyboard.press('Enter');
    const expected: Filter[] = [{ kind: 'activity', activity: chosen }, { kind: 'follows', from: path.source, to: path.target, directly: true }];
    await expect.poll(urlFilters).toEqual(expected);
    const both = await mapOf(expected);
    await expect.poll(() => page.getAttribute('[data-testid="map-total-cases"]', 'data-value')).toBe(String(both.totalCases));
    await page.goBack(); // back to the activity filter alone
    await expect.poll(urlFilters).toEqual([{ kind: 'activity', activity: chosen }]);
  });
});

describe('the process map with hidden activities', () => {
  it('a click on a path that joins shown activities across hidden ones keeps exactly the cases it counted', async () => {
    const p = await h.newPage();
    await p.goto(`${h.url}/map?activities=50&paths=100`, { waitUntil: 'load' });
    const api = await h.query<Out['map']['process']>('map.process', { logId: 'o2c', perspective, filters: [], activityPct: 50, pathPct: 100 });
    const among = api.nodes.map((n) => n.id).filter((id) => !id.startsWith('__'));
    expect(api.activityPct).toBeLessThan(100);
    // A path whose count differs from the plain directly-follows filter's (it bridges hidden activities).
    let path: (typeof api.edges)[number] | undefined;
    for (const e of api.edges.filter((x) => !x.source.startsWith('__') && !x.target.startsWith('__'))) {
      const plain = await h.query<Out['map']['process']>('map.process', { logId: 'o2c', perspective, filters: [{ kind: 'follows', from: e.source, to: e.target, directly: true }], activityPct: 100, pathPct: 100 });
      if (plain.totalCases !== e.cases) {
        path = e;
        break;
      }
    }
    expect(path).toBeDefined();
    const el = p.locator(`[data-testid="map-edge"][data-source=${q(path!.source)}][data-target=${q(path!.target)}]`);
    await el.focus();
    await p.keyboard.press('Enter');
    const want: Filter[] = [{ kind: 'follows', from: path!.source, to: path!.target, directly: true, among }];
    await expect.poll(() => JSON.parse(new URL(p.url()).searchParams.get('f') ?? '[]')).toEqual(want);
    await expect.poll(() => p.getAttribute('[data-testid="map-total-cases"]', 'data-value'), { timeout: 20_000 }).toBe(String(path!.cases));
    await expect.poll(() => p.getByText('(hidden activities skipped)').count()).toBeGreaterThan(0);
    await p.close();
  });
});

describe('the variants page', () => {
  it('keeps the filter and lists the counts of views.variants under it', async () => {
    await page.click('nav a[href^="/variants"]');
    await page.waitForURL(/\/variants/);
    expect(urlFilters()).toEqual([{ kind: 'activity', activity: chosen }]);
    const api = await variantsOf([{ kind: 'activity', activity: chosen }]);
    await page.waitForSelector('[data-testid="variant-row"]');
    const rows = await page.$$eval('[data-testid="variant-row"]', (r) => r.map((x) => ({ cases: Number(x.getAttribute('data-cases')), activities: JSON.parse(x.getAttribute('data-activities') ?? '[]') as string[] })));
    expect(rows).toEqual(api.variants.map((v) => ({ cases: v.cases, activities: v.activities })));
    expect(rows.every((r) => r.activities.includes(chosen))).toBe(true);
    const shown = await page.$$eval('[data-testid="variant-cases"]', (c) => c.map((x) => x.textContent?.trim()));
    expect(shown).toEqual(api.variants.map((v) => v.cases.toLocaleString('en-US')));
    expect(await page.getAttribute('[data-testid="total-variants"]', 'data-value')).toBe(String(api.totalVariants));
    await h.shot(page, 'variants');
  });

  it('filters to the top variant when it is ticked and applied', async () => {
    const api = await variantsOf([{ kind: 'activity', activity: chosen }]);
    const top = api.variants[0];
    await page.locator('[data-testid="variant-check"]').first().check();
    await page.click('[data-testid="variants-keep"]');
    const expected: Filter[] = [{ kind: 'activity', activity: chosen }, { kind: 'variant', variants: [top.activities] }];
    await expect.poll(urlFilters).toEqual(expected);
    await expect.poll(() => page.$$eval('[data-testid="variant-row"]', (r) => r.map((x) => Number(x.getAttribute('data-cases'))))).toEqual([top.cases]);
    const after = await variantsOf(expected);
    expect(after.totalVariants).toBe(1);
    expect(after.variants[0].activities).toEqual(top.activities);
    expect(after.totalCases).toBe(top.cases);
  });

  it('logged no console errors on any page', () => {
    expect(h.consoleErrors()).toEqual([]);
  });
});
