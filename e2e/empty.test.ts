// An empty store: the page says there is no data yet and how to load some.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ orders: 0 });
});
afterAll(async () => {
  await h?.close();
});

describe('the overview of an empty store', () => {
  it('says there is no data yet and which command loads it', async () => {
    const page = await h.newPage();
    await page.goto(h.url, { waitUntil: 'networkidle' });
    const empty = page.locator('[data-testid="empty-state"]');
    await expect.poll(() => empty.isVisible()).toBe(true);
    const text = (await empty.textContent()) ?? '';
    expect(text).toContain('No data yet');
    expect(text).toContain('npx throughline ingest');
    expect(await page.textContent('[data-testid="as-of"]')).toContain('No data loaded');
    await page.screenshot({ path: '/tmp/overview-empty.png' });
  });
});
