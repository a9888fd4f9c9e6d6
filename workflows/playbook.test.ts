import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideApproval } from './approval';
import { loadPlaybooks, parsePlaybook, playbookById, playbooksDir } from './playbook';
import { fillValue, templateVars } from './template';

const shipped = loadPlaybooks();

describe('playbooks as code', () => {
  it('ships the O2C playbooks, each valid', () => {
    expect(shipped.map((p) => p.id)).toEqual([
      'assign-dispute',
      'create-missing-invoice',
      'dunning-notice',
      'expedite-shipment',
      'notify-owner-team',
      'payment-reminder',
      'release-credit-hold',
      'remove-billing-block',
      'remove-delivery-block',
    ]);
    for (const p of shipped) expect(p.version).toBeTruthy();
  });

  it('names the file and the field on errors', () => {
    const text = readFileSync(join(playbooksDir(), 'release-credit-hold.json'), 'utf8');
    const bad = JSON.parse(text);
    bad.approval.roles = ['janitor'];
    expect(() => parsePlaybook(JSON.stringify(bad), 'policies/playbooks/release-credit-hold.json')).toThrow(
      /^policies\/playbooks\/release-credit-hold\.json: approval\.roles\[0\]: /,
    );
    const noQueue = { ...JSON.parse(text), appliesTo: { queues: ['nope'] } };
    expect(() => parsePlaybook(JSON.stringify(noQueue), 'x/release-credit-hold.json')).toThrow(/x\/release-credit-hold\.json: appliesTo\.queues\[0\]/);
    const extra = { ...JSON.parse(text), surprise: 1 };
    expect(() => parsePlaybook(JSON.stringify(extra), 'x/release-credit-hold.json')).toThrow(/x\/release-credit-hold\.json: \(file\): .*surprise/);
    expect(() => parsePlaybook('{', 'x/a.json')).toThrow(/^x\/a\.json: not valid JSON/);
    expect(() => parsePlaybook(text, 'x/other-name.json')).toThrow(/id: "release-credit-hold" must match the file name/);
  });

  it('loads a folder and names the bad file in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbooks-'));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ id: 'broken', version: '1' }));
    expect(() => loadPlaybooks(dir)).toThrow(/broken\.json: changeNote: /);
  });

  it('decides approval by amount, risk and "always"', () => {
    const release = playbookById(shipped, 'release-credit-hold');
    expect(decideApproval(release, { queue: 'creditHolds', caseId: '1', amount: 4999.99 }).required).toBe(false);
    expect(decideApproval(release, { queue: 'creditHolds', caseId: '1', amount: 5000 }).required).toBe(true);
    expect(decideApproval(release, { queue: 'creditHolds', caseId: '1', amount: null }).required).toBe(true);
    const dunning = playbookById(shipped, 'dunning-notice');
    expect(decideApproval(dunning, { queue: 'latePayments', caseId: '1', amount: 1 }).required).toBe(true);
    const risky = { ...release, approval: { ...release.approval, riskAtLeast: 0.8 } };
    expect(decideApproval(risky, { queue: 'creditHolds', caseId: '1', amount: 10, risk: 0.9 }).required).toBe(true);
    expect(decideApproval(risky, { queue: 'creditHolds', caseId: '1', amount: 10, risk: 0.5 }).required).toBe(false);
  });

  it('fills the payload template from the exception row, keeping numbers numbers', () => {
    const invoice = playbookById(shipped, 'create-missing-invoice');
    const vars = templateVars(invoice, { queue: 'shippedNotInvoiced', caseId: '4711', objectId: 'delivery:80001234', amount: 812.5, currency: 'USD' }, 'r1', new Date('2026-03-06T10:00:00Z'));
    expect(fillValue((invoice.action as { payload: unknown }).payload, vars, 'payload')).toEqual({
      delivery: '80001234',
      order: '4711',
      amount: 812.5,
      currency: 'USD',
      source: 'throughline:r1',
    });
    const dispute = playbookById(shipped, 'assign-dispute');
    // Friday + 5 business days = the next Friday.
    expect(templateVars(dispute, { queue: 'disputesAging', caseId: '1', objectId: 'dispute:9', team: 'Disputes' }, 'r', new Date('2026-03-06T10:00:00Z')).dueDate).toBe('2026-03-13');
    expect(() => fillValue({ x: '{{nope}}' }, vars, 'payload')).toThrow('payload.x: unknown placeholder {{nope}}');
  });
});
