// The shell on more than one kind of log: the header's switcher moves every generic page (map,
// variants, cases) to an imported XES or OCEL log, O2C pages say what they need, the perspective
// switch offers an OCEL log's object types, the filter bar adds and removes filters through its
// panel (with the count it keeps), and the light/dark choice survives a reload.
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFilters } from '../app/_shared/filters-url';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({
    orders: 200,
    seed: 5,
    logs: [
      { file: 'running-example.xes', logId: 'running-example', name: 'Running example' },
      { file: 'ocel20_example.jsonocel', logId: 'ocel-example', name: 'OCEL example' },
    ],
  });
  page = await h.newPage();
}, 600_000);

afterAll(async () => {
  await h?.close();
});

const mapActivities = () => page.$$eval('[data-testid="map-node"][data-kind="activity"]', (n) => n.map((x) => x.getAttribute('data-activity') ?? '').sort());
const urlFilters = () => readFilters({ get: (k) => new URL(page.url()).searchParams.get(k) }).filters;

describe('switching logs', () => {
  it('lists every log in the header and moves the map to the chosen one', async () => {
    await page.goto(`${h.url}/map?activities=100&paths=100`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="map-node"][data-kind="activity"]', { timeout: 30_000 });
    const logs = await h.query<Out['logs']['list']>('logs.list');
    const options = await page.$$eval('[data-testid="log-switcher"] option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options).toEqual(logs.map((l) => l.logId));
    expect(options).toEqual(expect.arrayContaining(['o2c', 'running-example', 'ocel-example']));

    await page.selectOption('[data-testid="log-switcher"]', 'running-example');
    await expect.poll(() => new URL(page.url()).searchParams.get('log')).toBe('running-example');
    const api = await h.query<Out['map']['process']>('map.process', { logId: 'running-example', filters: [], activityPct: 100, pathPct: 100 });
    const expected = api.nodes.filter((n) => !n.id.startsWith('__')).map((n) => n.id).sort();
    expect(expected).toContain('register request');
    await expect.poll(mapActivities, { timeout: 30_000 }).toEqual(expected);
    // The O2C pages leave the nav of a log that has no orders.
    const nav = await page.$$eval('nav[aria-label="Pages"] a', (a) => a.map((x) => x.textContent));
    expect(nav).not.toContain('Overview');
    expect(nav).not.toContain('Exceptions');
    await h.shot(page, 'logs-xes-map');
  });

  it('keeps the log on the variants and cases pages', async () => {
    await page.getByRole('link', { name: 'Variants' }).click();
    await page.waitForURL((u) => u.pathname === '/variants' && u.searchParams.get('log') === 'running-example');
    const vs = await h.query<Out['views']['variants']>('views.variants', { logId: 'running-example', filters: [] });
    await expect.poll(() => page.locator('[data-testid="variant-row"]').count(), { timeout: 30_000 }).toBe(vs.variants.length);
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL((u) => u.pathname === '/cases');
    await expect.poll(() => page.getAttribute('[data-testid="cases-total"]', 'data-value'), { timeout: 30_000 }).toBe('6');
  });

  it('says what an O2C page needs on a log without orders', async () => {
    await page.goto(`${h.url}/?log=running-example`, { waitUntil: 'load' });
    await expect.poll(() => page.innerText('main'), { timeout: 30_000 }).toMatch(/needs an order-to-cash log/);
    expect(await page.locator('main a[href*="/map"]').count()).toBeGreaterThan(0);
  });

  it("offers an OCEL log's object types as perspectives", async () => {
    await page.goto(`${h.url}/map?log=ocel-example&activities=100&paths=100`, { waitUntil: 'load' });
    const perspectives = await h.query<string[]>('logs.perspectives', { logId: 'ocel-example' });
    expect(perspectives.length).toBeGreaterThan(1);
    await page.waitForSelector('[data-testid="perspective-switch"]', { timeout: 30_000 });
    expect(await page.$$eval('[data-testid="perspective-switch"] option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(perspectives);
    const other = perspectives[1];
    await page.selectOption('[data-testid="perspective-switch"]', other);
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe(other);
    const api = await h.query<Out['map']['process']>('map.process', { logId: 'ocel-example', perspective: other, filters: [], activityPct: 100, pathPct: 100 });
    await expect.poll(mapActivities, { timeout: 30_000 }).toEqual(api.nodes.filter((n) => !n.id.startsWith('__')).map((n) => n.id).sort());
  });
});

describe('the filter bar', () => {
  it('adds an activity filter from its panel, shows what it keeps, and removes it', async () => {
    await page.goto(`${h.url}/variants?log=running-example`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="variant-row"]', { timeout: 30_000 });
    await page.click('[data-testid="add-filter"]');
    await page.waitForSelector('[data-testid="filter-panel"]');
    await page.locator('[data-testid="filter-panel"] label', { hasText: /^Activity$/ }).click();
    expect(await page.getByRole('radio', { name: 'Activity' }).isChecked()).toBe(true);
    await page.waitForSelector('[data-testid="filter-activity"] option[value="reinitiate request"]', { state: 'attached' });
    await page.selectOption('[data-testid="filter-activity"]', 'reinitiate request');
    await page.click('[data-testid="filter-apply"]');
    await expect.poll(urlFilters).toEqual([{ kind: 'activity', activity: 'reinitiate request' }]);
    const kept = await h.query<Out['views']['durations']>('views.durations', { logId: 'running-example', filters: urlFilters() });
    expect(kept.cases).toBeGreaterThan(0);
    expect(kept.cases).toBeLessThan(6);
    await expect.poll(() => page.innerText('[data-testid="filter-count"]')).toMatch(new RegExp(`^${kept.cases} of 6 cases`));
    expect(await page.innerText('[data-testid="filter-chip"]')).toContain('With reinitiate request');
    const vs = await h.query<Out['views']['variants']>('views.variants', { logId: 'running-example', filters: urlFilters() });
    await expect.poll(() => page.locator('[data-testid="variant-row"]').count()).toBe(vs.variants.length);
    await h.shot(page, 'filter-bar');

    await page.getByRole('button', { name: 'Remove filter: With reinitiate request' }).click();
    await expect.poll(urlFilters).toEqual([]);
    await expect.poll(() => page.locator('[data-testid="filter-chip"]').count()).toBe(0);
  });

  it('adds an attribute filter with the values and counts of filterOptions', async () => {
    await page.goto(`${h.url}/cases`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="case-row"]', { timeout: 30_000 });
    const opts = await h.query<Out['logs']['filterOptions']>('logs.filterOptions', { logId: 'o2c' });
    const segment = opts.attributes.find((a) => a.attribute === 'segment')!;
    await page.click('[data-testid="add-filter"]');
    await page.selectOption('[data-testid="filter-attribute"]', 'segment');
    const v = segment.values[0];
    await page.getByRole('checkbox', { name: new RegExp(`^${v.value}`) }).check();
    await page.click('[data-testid="filter-apply"]');
    await expect.poll(urlFilters).toEqual([{ kind: 'attribute', attribute: 'segment', values: [v.value] }]);
    await expect.poll(() => page.getAttribute('[data-testid="cases-total"]', 'data-value'), { timeout: 30_000 }).toBe(String(v.cases));
  });
});

describe('light and dark', () => {
  it('switches and remembers the choice across a reload', async () => {
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.click('[data-testid="theme-toggle"]');
    const after = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).not.toBe(before);
    expect(['light', 'dark']).toContain(after);
    await page.reload({ waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
    await page.waitForSelector('[data-testid="case-row"]', { timeout: 30_000 });
    await h.shot(page, `cases-${after}`);
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors()).toEqual([]);
  });
});
