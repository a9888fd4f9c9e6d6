// The table import page in a real browser: upload the running example, check the detected
// settings and the mapping, see the preview rows, import, and read the result (42 events, 6 cases).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const RUNNING = join(process.env.THROUGHLINE_DATASETS ?? join(process.cwd(), '..', 'shared', 'datasets'), 'running-example.csv');

let h: Harness;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startHarness({ orders: 0 });
  page = await h.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.url}/import`, { waitUntil: 'networkidle' });
});
afterAll(async () => {
  await h?.close();
});

const selected = (testId: string) => page.$eval(`[data-testid="${testId}"]`, (el) => (el as HTMLSelectElement).value);

describe('the import page', () => {
  it('is linked from the header nav', async () => {
    const link = page.locator('nav a[href="/import"]');
    expect(await link.getAttribute('aria-current')).toBe('page');
  });

  it('uploads the running example, detects the settings and maps the columns', async () => {
    await page.fill('[data-testid="admin-token"]', h.adminToken);
    await page.setInputFiles('[data-testid="file-input"]', RUNNING);
    await page.waitForSelector('[data-testid="preview-row"]');
    expect(await page.textContent('[data-testid="settings-panel"]')).toContain('detected: Comma');
    expect(await page.textContent('[data-testid="settings-panel"]')).toContain('detected: ISO 8601');
    expect(await selected('map-case')).toBe('case:concept:name');
    expect(await selected('map-activity')).toBe('concept:name');
    expect(await selected('map-timestamp')).toBe('time:timestamp');
    // Map the resource explicitly (as a person would) and wait for the preview to follow.
    await page.selectOption('[data-testid="map-resource"]', 'Resource');
    await expect.poll(() => page.locator('[data-testid="preview-row"]').first().textContent()).toContain('Pete');
  });

  it('shows the first rows as they will be read and no problems', async () => {
    const rows = page.locator('[data-testid="preview-row"]');
    expect(await rows.count()).toBe(20);
    const first = ((await rows.first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(first).toContain('register request');
    expect(first).toContain('2010-12-30 13:32:00'); // +01:00 read as UTC
    expect(await page.isVisible('[data-testid="no-problems"]')).toBe(true);
    await page.screenshot({ path: '/tmp/import-preview.png', fullPage: true });
  });

  it('imports and shows 42 events in 6 cases', async () => {
    await page.click('[data-testid="import-button"]');
    await page.waitForSelector('[data-testid="import-result"]');
    expect(await page.textContent('[data-testid="result-events"]')).toBe('42');
    expect(await page.textContent('[data-testid="result-cases"]')).toBe('6');
    expect(await page.textContent('[data-testid="result-rejected"]')).toBe('0');
    const logs = await h.query<{ logId: string; events: number }[]>('logs.list');
    expect(logs.find((l) => l.logId === 'running-example')?.events).toBe(42);
    await page.screenshot({ path: '/tmp/import-result.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('refuses a user whose role may not load data, before anything is stored', async () => {
    await h.signInAs('demo-analyst');
    const p = await h.newPage();
    await p.goto(`${h.url}/import`, { waitUntil: 'networkidle' });
    await p.evaluate(() => sessionStorage.clear());
    await p.reload({ waitUntil: 'networkidle' });
    await p.setInputFiles('[data-testid="file-input"]', RUNNING);
    await p.waitForSelector('[data-testid="import-error"]');
    expect(await p.textContent('[data-testid="import-error"]')).toMatch(/permission "ingest"/);
    const logs = await h.query<{ logId: string; events: number }[]>('logs.list');
    expect(logs.filter((l) => l.logId === 'running-example')).toHaveLength(1); // still the one import above
  });
});
