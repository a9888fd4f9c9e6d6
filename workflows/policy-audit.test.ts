// Policy and playbook changes reach the audit trail: a real store, a real policies folder copied
// from the shipped one, edits on disk, and the entries checked against the files' own hashes.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { list, verify } from '../audit';
import { Store } from '../sql';
import { auditPolicyChanges, diffPolicies, readPolicyFolder } from './policy-audit';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let dir: string;
let policies: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-policy-audit-'));
  policies = join(dir, 'policies');
  cpSync(join(process.cwd(), 'policies'), policies, { recursive: true });
  store = await Store.open(join(dir, 'store.duckdb'));
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('policy changes on the audit trail', () => {
  it('records every file in force at the first check, then nothing while nothing changes', async () => {
    const files = readPolicyFolder(policies);
    expect(files.length).toBeGreaterThan(5);
    expect(files.map((f) => f.path)).toContain('playbooks/release-credit-hold.json');
    const first = await auditPolicyChanges(store, policies);
    expect(first.map((c) => c.path)).toEqual(files.map((f) => f.path));
    expect(first.every((c) => c.action === 'policy.add' && c.from === null)).toBe(true);
    expect(await auditPolicyChanges(store, policies)).toEqual([]);
    const { total } = await list(store, { action: 'policy.' });
    expect(total).toBe(files.length);
  });

  it('records an edited playbook with the old and new content hashes, an added and a removed file', async () => {
    const file = join(policies, 'playbooks', 'release-credit-hold.json');
    const before = sha(file);
    const playbook = JSON.parse(readFileSync(file, 'utf8'));
    playbook.approval.amountAtLeast = 1;
    writeFileSync(file, JSON.stringify(playbook, null, 2));
    mkdirSync(join(policies, 'rules'), { recursive: true });
    writeFileSync(join(policies, 'rules', 'extra.json'), '{"id":"extra"}');
    const removed = readPolicyFolder(policies).find((f) => f.path.startsWith('playbooks/') && f.path !== 'playbooks/release-credit-hold.json')!;
    unlinkSync(join(policies, removed.path));

    const changes = await auditPolicyChanges(store, policies);
    expect(changes).toEqual([
      { action: 'policy.change', path: 'playbooks/release-credit-hold.json', from: before, to: sha(file) },
      { action: 'policy.remove', path: removed.path, from: removed.sha256, to: null },
      { action: 'policy.add', path: 'rules/extra.json', from: null, to: sha(join(policies, 'rules', 'extra.json')) },
    ].sort((a, b) => (a.path < b.path ? -1 : 1)));
    const [latest] = (await list(store, { action: 'policy.change' })).entries;
    expect(latest.actor).toBe('system');
    expect(latest.target).toBe('playbooks/release-credit-hold.json');
    expect(latest.detail).toMatchObject({ from: before, to: sha(file) });
    expect(await verify(store)).toMatchObject({ ok: true });
    expect(await auditPolicyChanges(store, policies)).toEqual([]);
  });

  it('compares by content, not by time: rewriting the same bytes is no change', async () => {
    const file = join(policies, 'targets.json');
    writeFileSync(file, readFileSync(file));
    expect(await auditPolicyChanges(store, policies)).toEqual([]);
    expect(diffPolicies([{ path: 'a.json', sha256: 'x', bytes: 1 }], [{ path: 'a.json', sha256: 'x', bytes: 1 }])).toEqual([]);
  });
});
