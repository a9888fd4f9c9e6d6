// The Ingest page in a real browser against a real server and a simulated store (the simulator
// plants bad records, so runs have rejects): the runs table shows the counts the API returns, the
// freshness strip has a card per source, and choosing a run shows its rejects, page by page.
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REJECTS_LIMIT } from '../app/_ingest/inputs';
import { formatCount } from '../components/format';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;

let h: Harness;
let page: Page;
let runs: Out['runs']['list'];
let fresh: Out['runs']['freshness'];
const pageErrors: string[] = [];

interface RowText {
  runId: string;
  source: string;
  read: string;
  loaded: string;
  rejected: string;
  duplicates: string;
  status: string;
}

const runRows = (): Promise<RowText[]> =>
  page.$$eval('[data-testid="run-row"]', (rows) =>
    rows.map((r) => {
      const col = (c: string) => (r.querySelector(`[data-col="${c}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return { runId: r.getAttribute('data-run-id') ?? '', source: col('source'), read: col('read'), loaded: col('loaded'), rejected: col('rejected'), duplicates: col('duplicates'), status: col('status') };
    }),
  );

const rejectRows = (): Promise<{ file: string; row: string; field: string }[]> =>
  page.$$eval('[data-testid="reject-row"]', (rows) =>
    rows.map((r) => {
      const val = (c: string) => r.querySelector(`[data-col="${c}"]`)?.getAttribute('data-value') ?? '';
      return { file: val('file'), row: val('row'), field: val('field') };
    }),
  );

const expectedRejects = (rs: Out['runs']['rejects']) => rs.rejects.map((r) => ({ file: r.file, row: r.rowNo === null ? '' : String(r.rowNo), field: r.field ?? '' }));

beforeAll(async () => {
  h = await startHarness({ orders: 500, seed: 11 });
  runs = await h.query<Out['runs']['list']>('runs.list', { limit: 100, offset: 0 });
  fresh = await h.query<Out['runs']['freshness']>('runs.freshness');
  page = await h.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
  page.on('response', (r) => void (r.status() >= 400 && pageErrors.push(`HTTP ${r.status()} ${r.url()}`)));
  await page.goto(`${h.url}/ingest`, { waitUntil: 'networkidle' });
});

afterAll(async () => {
  await h?.close();
});

describe('the Ingest page', () => {
  it('lists the four runs with the counts the API returns', async () => {
    expect(runs.total).toBe(4);
    const rows = await runRows();
    expect(rows.map((r) => r.runId)).toEqual(runs.runs.map((r) => r.runId));
    expect(rows).toEqual(
      runs.runs.map((r) => ({
        runId: r.runId,
        source: r.sourceLabel,
        read: formatCount(r.rowsRead),
        loaded: formatCount(r.rowsLoaded),
        rejected: formatCount(r.rowsRejected),
        duplicates: formatCount(r.rowsDuplicate),
        status: r.status === 'succeeded' ? 'Succeeded' : expect.stringContaining('Failed'),
      })),
    );
  });

  it('shows a freshness card per source with its newest event', async () => {
    const cards = await page.$$eval('[data-testid="freshness-card"]', (cs) =>
      cs.map((c) => ({ source: c.getAttribute('data-source'), state: c.getAttribute('data-state'), newest: c.querySelector('[data-testid="freshness-newest"]')?.textContent ?? null })),
    );
    expect(cards.map((c) => c.source)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing', 'odoo', 'imports']);
    expect(cards.map((c) => c.state)).toEqual(fresh.sources.map((s) => s.state));
    for (const s of fresh.sources) {
      const card = cards.find((c) => c.source === s.source)!;
      if (s.newestEvent) expect(card.newest).toContain(`${new Date(s.newestEvent).getUTCFullYear()}`);
      else expect(card.newest).toBeNull();
    }
    // The four simulated sources have events; Odoo and imports were never run here.
    expect(fresh.sources.filter((s) => s.newestEvent).map((s) => s.source)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing']);
  });

  it('shows the rejects of a run when it is clicked, with the file, row and field the API gives', async () => {
    const run = [...runs.runs].sort((a, b) => b.rowsRejected - a.rowsRejected)[0];
    expect(run.rowsRejected).toBeGreaterThan(0);
    await page.click(`[data-testid="run-row"][data-run-id="${run.runId}"]`);
    await page.waitForSelector('[data-testid="reject-row"]');
    expect(new URL(page.url()).searchParams.get('run')).toBe(run.runId);
    const api = await h.query<Out['runs']['rejects']>('runs.rejects', { runId: run.runId, limit: REJECTS_LIMIT, offset: 0 });
    expect(api.rejects.length).toBeGreaterThan(0);
    await expect.poll(rejectRows, { timeout: 15_000 }).toEqual(expectedRejects(api));
    await page.screenshot({ path: '/tmp/ingest.png' });
    await page.screenshot({ path: '/tmp/ingest-full.png', fullPage: true });

    if (api.total > REJECTS_LIMIT) {
      await page.click('[data-testid="rejects-next"]');
      const next = await h.query<Out['runs']['rejects']>('runs.rejects', { runId: run.runId, limit: REJECTS_LIMIT, offset: REJECTS_LIMIT });
      await expect.poll(rejectRows, { timeout: 15_000 }).toEqual(expectedRejects(next));
      expect(new URL(page.url()).searchParams.get('rejects')).toBe('2');
    }
  });

  it('opens a run straight from the URL', async () => {
    const run = runs.runs.find((r) => r.rowsRejected > 0)!;
    const p = await h.newPage();
    try {
      await p.goto(`${h.url}/ingest?run=${encodeURIComponent(run.runId)}`, { waitUntil: 'networkidle' });
      const api = await h.query<Out['runs']['rejects']>('runs.rejects', { runId: run.runId, limit: REJECTS_LIMIT, offset: 0 });
      const n = await p.$$eval('[data-testid="reject-row"]', (rs) => rs.length);
      expect(n).toBe(Math.min(REJECTS_LIMIT, api.total));
      expect(await p.getAttribute(`[data-testid="run-row"][data-run-id="${run.runId}"]`, 'aria-selected')).toBe('true');
    } finally {
      await p.close();
    }
  });

  it('logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
