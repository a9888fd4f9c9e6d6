// The triggering rules on /playbooks in a real browser (issue 7). The server reads a copy of the
// policies folder (THROUGHLINE_POLICIES) with the shipped credit-hold rule switched on and a
// notification rule on late payments; an SAP extract planting credit blocks goes through the
// server's ingest.run, after which the rules request their playbooks (no ERP is configured, so the
// releases dead-letter; the notifications succeed). The Rules section shows exactly what
// workflows.rules answers (badges, conditions, counts, playbook links), a rule's "runs requested"
// link opens /runs with exactly that rule's runs, and a broken rule file is shown by file and field
// while the other rules still list.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { inferRouterOutputs } from '@trpc/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCreditChanges } from '../ingest/testing/credit-block-changes';
import type { AppRouter } from '../server/router';
import { startHarness, type Harness } from './harness';

type Out = inferRouterOutputs<AppRouter>;
const LOG = 'o2c';
const policies = join(mkdtempSync(join(tmpdir(), 'tl-e2e-rules-')), 'policies');
const folders: string[] = [dirname(policies)];

let h: Harness;
let page: Page;

async function mutate<T>(path: string, input: unknown): Promise<T> {
  const res = await h.fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${body.error?.message ?? ''}`);
  return body.result.data;
}
const rulesNow = () => h.query<Out['workflows']['rules']>('workflows.rules', { logId: LOG });

beforeAll(async () => {
  cpSync(join(process.cwd(), 'policies'), policies, { recursive: true });
  const shipped = join(policies, 'rules', 'release-small-credit-holds.json');
  writeFileSync(shipped, JSON.stringify({ ...JSON.parse(readFileSync(shipped, 'utf8')), enabled: true }));
  writeFileSync(
    join(policies, 'rules', 'notify-late-payments.json'),
    JSON.stringify({
      id: 'notify-late-payments', version: '1', changeNote: 'e2e', title: 'Tell the owner team about small late payments', description: 'Every late payment under $20,000: notify.',
      enabled: true, playbook: 'notify-owner-team', queue: 'latePayments', when: { amountBelow: 20000 },
    }),
  );
  h = await startHarness({ orders: 500, seed: 11, env: { THROUGHLINE_POLICIES: policies } });
  page = await h.newPage();
  // Four orders not on hold and under $5,000 get a credit block a week before the log ends (well over 8 business hours).
  const vbak = readFileSync(join(h.simDir!, 'sap', 'VBAK.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const free = vbak.filter((c) => c[12] !== 'B' && Number(c[10]) > 100 && Number(c[10]) < 5000).slice(0, 4).map((c) => c[0]);
  const dir = writeCreditChanges(free.map((o, i) => ({ order: o, change: 'block', changeNo: 900000 + i, date: `2025122${2 + i}`, time: '100000' })));
  folders.push(dirname(dir));
  const results = await mutate<{ status: string }[]>('ingest.run', { kind: 'sap', path: dir });
  expect(results.map((r) => r.status)).toEqual(['succeeded']);
  // The worker settles the runs: releases dead-letter (no ERP configured), notifications succeed.
  const end = Date.now() + 30_000;
  for (;;) {
    const runs = (await h.query<Out['workflows']['runs']>('workflows.runs', { logId: LOG, limit: 500 })).runs;
    if (runs.length && runs.every((r) => ['succeeded', 'dead_lettered', 'awaiting_approval'].includes(r.state))) break;
    if (Date.now() > end) throw new Error(`runs not settled: ${runs.map((r) => r.state).join(', ')}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}, 600_000);

afterAll(async () => {
  await h?.close();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('rules on the playbooks page', () => {
  it('shows every rule as workflows.rules answers it: badge, conditions, playbook, what it did', async () => {
    const answer = await rulesNow();
    expect(answer.rules.map((r) => r.id)).toEqual(['notify-late-payments', 'release-small-credit-holds']);
    const by = Object.fromEntries(answer.rules.map((r) => [r.id, r]));
    expect(by['release-small-credit-holds'].activity.requested).toBeGreaterThanOrEqual(3); // a cancelled order shows no hold
    expect(by['release-small-credit-holds'].activity.byState).toEqual({ dead_lettered: by['release-small-credit-holds'].activity.requested });
    expect(by['notify-late-payments'].activity.byState.succeeded).toBeGreaterThan(0);

    await page.goto(`${h.url}/playbooks`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-testid="rule"]');
    const cards = page.locator('[data-testid="rule"]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(answer.rules.map((r) => r.id));
    for (const r of answer.rules) {
      const card = page.locator(`[data-testid="rule"][data-rule="${r.id}"]`);
      expect(await card.getAttribute('data-enabled')).toBe('true');
      expect(await card.locator('[data-testid="rule-badge"]').textContent()).toBe('Enabled');
      const conditions = (await card.locator('[data-testid="rule-conditions"]').textContent())!;
      for (const c of r.rule!.conditions) expect(conditions.toLowerCase()).toContain(c.toLowerCase());
      expect(await card.locator('[data-testid="rule-playbook"]').textContent()).toBe(r.rule!.playbookTitle);
      expect(await card.locator('[data-testid="rule-playbook"]').getAttribute('href')).toBe(`#playbook-${r.rule!.playbook}`);
      const activity = card.locator('[data-testid="rule-activity"]');
      expect(Number(await activity.getAttribute('data-requested'))).toBe(r.activity.requested);
      expect(Number(await activity.getAttribute('data-fixed'))).toBe(r.activity.byOutcome.fixed);
      expect(await activity.textContent()).toContain(`${r.activity.requested} run${r.activity.requested === 1 ? '' : 's'} requested`);
      expect(await card.textContent()).toContain(r.file);
    }
    // The playbook link lands on the playbook's card.
    expect(await page.locator('#playbook-notify-owner-team[data-testid="playbook"]').count()).toBe(1);
    await h.shot(page, 'rules', { fullPage: true });
    expect(h.consoleErrors()).toEqual([]);
  });

  it('"runs requested" opens the runs page with exactly that rule\'s runs', async () => {
    const rule = (await rulesNow()).rules.find((r) => r.id === 'release-small-credit-holds')!;
    await page.goto(`${h.url}/playbooks`, { waitUntil: 'networkidle' });
    await page.locator('[data-rule="release-small-credit-holds"] [data-testid="rule-runs-link"]').click();
    await page.waitForURL(/\/runs\?/);
    expect(new URL(page.url()).searchParams.get('by')).toBe('rule:release-small-credit-holds');
    await page.waitForSelector('[data-testid="run-row"]');
    const shown = await page.locator('[data-testid="run-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-run')));
    const expected = (await h.query<Out['workflows']['runs']>('workflows.runs', { logId: LOG, requestedBy: 'rule:release-small-credit-holds', limit: 200 })).runs;
    expect(shown).toEqual(expected.map((r) => r.id));
    expect(shown.length).toBe(rule.activity.requested);
    expect(await page.locator('[data-testid="runs-requester"]').textContent()).toContain('rule:release-small-credit-holds');
    expect(h.consoleErrors()).toEqual([]);
  });

  it('a broken rule file is named with its field while the other rules still list', async () => {
    const broken = join(policies, 'rules', 'broken-rule.json');
    writeFileSync(broken, JSON.stringify({ id: 'broken-rule', version: '1', changeNote: 'e2e', title: 'Broken', description: 'e2e', enabled: true, playbook: 'release-credit-hold', queue: 'creditHolds', when: { minBusinessHours: 4, calendar: 'mars' } }));
    try {
      await page.goto(`${h.url}/playbooks`, { waitUntil: 'networkidle' });
      const card = page.locator('[data-testid="rule"][data-rule="broken-rule"]');
      await card.waitFor();
      expect(await card.locator('[data-testid="rule-error"]').textContent()).toMatch(/broken-rule\.json: when\.calendar: "mars" is not a calendar/);
      expect(await page.locator('[data-testid="rule"][data-enabled="true"]').count()).toBe(2);
      expect(await page.locator('[data-testid="rules-blocked"]').count()).toBe(1);
      await page.locator('[data-testid="rules"]').scrollIntoViewIfNeeded();
      await h.shot(page, 'rules-broken-file');
    } finally {
      rmSync(broken);
    }
    expect(h.consoleErrors()).toEqual([]);
  });
});
