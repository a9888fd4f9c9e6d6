// The bottlenecks page in a real browser against a real server and a simulated store: the ranked
// transitions equal views.transitions for the chosen dimension, the work in progress draws the
// activities views.wip ranks first, and the root causes equal finance.rootCause for the outcome
// chosen in the page.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wipWindow } from '../app/_bottlenecks/inputs';
import { readFilters } from '../app/_shared/filters-url';
import { topWip } from '../components/WipChart';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

let h: Harness;
let page: Page;

const transitions = (dimension: In['views']['transitions']['dimension']) =>
  h.query<Out['views']['transitions']>('views.transitions', { logId: 'o2c', perspective: 'order', filters: [], dimension, limit: 100 } satisfies In['views']['transitions']);
const tableRows = () =>
  page.$$eval('[data-testid="transition-row"]', (rs) =>
    rs.map((r) => ({ source: r.getAttribute('data-source'), target: r.getAttribute('data-target'), value: r.getAttribute('data-value'), transitions: Number(r.getAttribute('data-transitions')), cases: Number(r.getAttribute('data-cases')) })),
  );
const expected = (rows: Out['views']['transitions']) => rows.map((r) => ({ source: r.source, target: r.target, value: r.value ?? '', transitions: r.transitions, cases: r.cases }));
const drivers = () =>
  page.$$eval('[data-testid="root-cause-panel"] [data-testid="driver-list"]:first-of-type [data-testid="driver"]', (ds) =>
    ds.map((d) => ({ conditions: JSON.parse(d.getAttribute('data-conditions') ?? '[]'), cases: Number(d.getAttribute('data-cases')), outcomeCases: Number(d.getAttribute('data-outcome-cases')) })),
  );

beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  page = await h.newPage();
  await page.goto(`${h.url}/bottlenecks?dim=segment`, { waitUntil: 'networkidle' });
}, 600_000);

afterAll(async () => {
  await h?.close();
});

describe('the bottlenecks page', () => {
  it('ranks the transitions split by the dimension in the URL as views.transitions does', async () => {
    const api = await transitions('segment');
    expect(api.length).toBeGreaterThan(5);
    await expect.poll(tableRows, { timeout: 20_000 }).toEqual(expected(api));
    await page.waitForSelector('[data-testid="transition-chart"] svg');
  });

  it('switches the dimension from the selector, into the URL', async () => {
    await page.selectOption('[data-testid="dimension-select"]', 'warehouse');
    await expect.poll(() => new URL(page.url()).searchParams.get('dim')).toBe('warehouse');
    await expect.poll(tableRows, { timeout: 20_000 }).toEqual(expected(await transitions('warehouse')));
    const first = (await transitions('warehouse'))[0];
    const href = await page.locator('[data-testid="transition-row"] a').first().getAttribute('href');
    const f = readFilters({ get: (k) => new URL(href!, h.url).searchParams.get(k) }).filters;
    expect(f[0]).toEqual({ kind: 'follows', from: first.source, to: first.target, directly: true });
    if (first.value !== null) expect(f[1]).toEqual({ kind: 'attribute', attribute: 'warehouse', values: [first.value] });
  });

  it('draws the work in progress of the activities with the longest queues', async () => {
    const log = (await h.query<Out['logs']['list']>('logs.list')).find((l) => l.logId === 'o2c')!;
    const span = wipWindow(log.lastEvent)!;
    const wip = await h.query<Out['views']['wip']>('views.wip', { logId: 'o2c', perspective: 'order', filters: [], ...span });
    const want = topWip(wip, 6).map((a) => a.activity);
    expect(want.length).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="wip-chart"] svg');
    const shown = await page.$$eval('[data-testid="wip-activity"]', (ls) => ls.map((l) => l.getAttribute('data-activity')));
    expect(shown).toEqual(want);
  });

  it('ranks the root causes of the outcome chosen as finance.rootCause does', async () => {
    const late = await h.query<Out['finance']['rootCause']>('finance.rootCause', { logId: 'o2c', filters: [], outcome: 'latePayment', top: 12 });
    const pick = (r: typeof late) => r.singles.map((d) => ({ conditions: d.conditions, cases: d.cases, outcomeCases: d.outcomeCases }));
    await expect.poll(drivers, { timeout: 20_000 }).toEqual(pick(late));
    await page.selectOption('[data-testid="outcome-select"]', 'creditHold');
    await expect.poll(() => new URL(page.url()).searchParams.get('outcome')).toBe('creditHold');
    const credit = await h.query<Out['finance']['rootCause']>('finance.rootCause', { logId: 'o2c', filters: [], outcome: 'creditHold', top: 12 });
    expect(credit.singles.length).toBeGreaterThan(0);
    await expect.poll(drivers, { timeout: 20_000 }).toEqual(pick(credit));
    const href = await page.locator('[data-testid="driver"] a').first().getAttribute('href');
    const f = readFilters({ get: (k) => new URL(href!, h.url).searchParams.get(k) }).filters;
    expect(f).toEqual(credit.singles[0].conditions.map((c) => ({ kind: 'attribute', attribute: c.attribute, values: [c.value] })));
    await h.shot(page, 'bottlenecks', { fullPage: true });
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors()).toEqual([]);
  });
});
