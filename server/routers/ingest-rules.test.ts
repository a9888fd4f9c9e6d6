// The ingest procedure runs the remediation hook after its refresh: with an enabled rule in the
// policies folder, loading a simulated company requests the rule's playbook on exactly the rows of
// its queue (as rule:<id>, waiting for approval as the playbook says); the shipped, disabled rule
// requests nothing.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../fixtures/sim/simulate';
import { exceptionQueue } from '../../mining';
import { Store } from '../../sql';
import { workflowEngine } from '../../workflows';
import { LOCAL_ADMIN } from '../auth';
import { callerFor } from '../caller';

let dir: string;
let simDir: string;
const before = process.env.THROUGHLINE_POLICIES;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-ingest-rules-'));
  simDir = join(dir, 'sim');
  await simulate({ orders: 300, seed: 11, outDir: simDir });
});
afterAll(() => {
  if (before === undefined) delete process.env.THROUGHLINE_POLICIES;
  else process.env.THROUGHLINE_POLICIES = before;
  rmSync(dir, { recursive: true, force: true });
});

async function ingestWith(policies: string) {
  process.env.THROUGHLINE_POLICIES = policies;
  const store = await Store.open(':memory:');
  const results = await callerFor(store, LOCAL_ADMIN).ingest.run({ kind: 'all', path: simDir, logId: 'o2c' });
  expect(results.every((r) => r.status === 'succeeded')).toBe(true);
  return store;
}

describe('ingest → rules', () => {
  it('the shipped rule is disabled: an ingest requests nothing', async () => {
    const store = await ingestWith(join(process.cwd(), 'policies'));
    expect(await workflowEngine(store).list()).toEqual([]);
    store.close();
  });

  it('an enabled rule requests its playbook on its queue\'s rows after the ingest', async () => {
    const policies = join(dir, 'policies');
    cpSync(join(process.cwd(), 'policies'), policies, { recursive: true });
    writeFileSync(
      join(policies, 'rules', 'dun-late-invoices.json'),
      JSON.stringify({
        id: 'dun-late-invoices', version: '1', changeNote: 'test', title: 'Dun every late invoice', description: 'test', enabled: true,
        playbook: 'dunning-notice', queue: 'latePayments', when: {},
      }),
    );
    const store = await ingestWith(policies);
    const late = (await exceptionQueue(store, { logId: 'o2c', queue: 'latePayments', limit: 1000 })).rows;
    expect(late.length).toBeGreaterThan(0);
    const runs = await workflowEngine(store).list({ limit: 500 });
    expect(runs.length).toBe(late.length);
    expect(runs.every((r) => r.requestedBy === 'rule:dun-late-invoices' && r.state === 'awaiting_approval' && r.playbookId === 'dunning-notice')).toBe(true);
    expect(runs.map((r) => `${r.caseId} ${r.objectId}`).sort()).toEqual(late.map((r) => `${r.caseId} ${r.objectId}`).sort());
    store.close();
  });
});
