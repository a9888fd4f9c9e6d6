// Rule files: the shipped example loads (disabled), errors name the file and the field, and the
// conditions (amount, business-hour age, warehouse, segment) decide on a row as written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSlaPolicy, type ExceptionRow } from '../mining';
import { loadPlaybooks } from './playbook';
import { loadRules, parseRule, ruleMatches, type Rule } from './rules';

const playbooks = loadPlaybooks();
const calendars = loadSlaPolicy().calendars;
const base = {
  id: 'r', version: '1', changeNote: 'n', title: 't', description: 'd', enabled: true,
  playbook: 'release-credit-hold', queue: 'creditHolds', when: { minBusinessHours: 8, calendar: 'us-central', amountBelow: 5000 },
};
const parse = (o: unknown, name = 'policies/rules/r.json') => parseRule(JSON.stringify(o), name, playbooks, calendars);

describe('rule files', () => {
  it('ships the issue example, disabled', () => {
    const [rule, ...rest] = loadRules(playbooks, calendars);
    expect(rest).toEqual([]);
    expect(rule).toMatchObject({ id: 'release-small-credit-holds', enabled: false, playbook: 'release-credit-hold', queue: 'creditHolds', when: { minBusinessHours: 8, calendar: 'us-central', amountBelow: 5000 } });
  });

  it('names the file and the field on errors', () => {
    expect(() => parse({ ...base, enabled: 'yes' })).toThrow('policies/rules/r.json: enabled: ');
    expect(() => parse({ ...base, playbook: 'nope' })).toThrow('policies/rules/r.json: playbook: no playbook "nope"');
    expect(() => parse({ ...base, queue: 'latePayments' })).toThrow('policies/rules/r.json: queue: playbook release-credit-hold applies to creditHolds, not latePayments');
    expect(() => parse({ ...base, when: { minBusinessHours: 8 } })).toThrow('when.calendar: required with when.minBusinessHours');
    expect(() => parse({ ...base, when: { minBusinessHours: 8, calendar: 'mars' } })).toThrow('when.calendar: "mars" is not a calendar');
    expect(() => parse({ ...base, when: { amountBelow: -1 } })).toThrow('when.amountBelow: ');
    expect(() => parse({ ...base, when: { colour: 'red' } })).toThrow('policies/rules/r.json: when: ');
    expect(() => parse(base, 'policies/rules/other.json')).toThrow('id: "r" must match the file name (r.json)');
    expect(() => parseRule('{', 'policies/rules/r.json', playbooks, calendars)).toThrow('policies/rules/r.json: not valid JSON');
    const dir = mkdtempSync(join(tmpdir(), 'tl-rules-'));
    writeFileSync(join(dir, 'r.json'), JSON.stringify({ ...base, queue: 'sla' }));
    expect(() => loadRules(playbooks, calendars, dir)).toThrow(/r\.json: queue: /);
    expect(loadRules(playbooks, calendars, join(dir, 'none'))).toEqual([]);
  });
});

describe('rule conditions', () => {
  const rule: Rule = parse({ ...base, when: { ...base.when, warehouses: ['WH1'], segments: ['SMB'] } });
  const asOf = '2026-01-01T05:59:59Z'; // Wed 23:59:59 Chicago
  const row = (o: Partial<ExceptionRow>): ExceptionRow =>
    ({ queue: 'creditHolds', caseId: 'c', objectId: null, since: '2025-12-31T14:00:00Z', amount: 4999.99, warehouse: 'WH1', segment: 'SMB', ...o }) as ExceptionRow;

  it('age in business hours on the calendar (08:00–17:00 Chicago): 9 h from Wed 08:00 matches, 3 h from 14:00 does not', () => {
    expect(ruleMatches(rule, row({}), asOf, calendars)).toBe(true);
    expect(ruleMatches(rule, row({ since: '2025-12-31T20:00:00Z' }), asOf, calendars)).toBe(false);
    // Fri 16:00 → Mon 15:00 Chicago: 1 + 7 = 8 business hours over a weekend (elapsed: 71 h)
    expect(ruleMatches(rule, row({ since: '2025-12-26T22:00:00Z' }), '2025-12-29T21:00:00Z', calendars)).toBe(true);
    expect(ruleMatches(rule, row({ since: '2025-12-26T22:00:00Z' }), '2025-12-29T20:59:59Z', calendars)).toBe(false);
  });

  it('amount strictly under the limit and known; warehouse (one of a multi-warehouse row) and segment', () => {
    expect(ruleMatches(rule, row({ amount: 5000 }), asOf, calendars)).toBe(false);
    expect(ruleMatches(rule, row({ amount: null }), asOf, calendars)).toBe(false);
    expect(ruleMatches(rule, row({ warehouse: 'WH2' }), asOf, calendars)).toBe(false);
    expect(ruleMatches(rule, row({ warehouse: 'WH2,WH1' }), asOf, calendars)).toBe(true);
    expect(ruleMatches(rule, row({ segment: 'Key Account' }), asOf, calendars)).toBe(false);
    expect(ruleMatches(rule, row({ queue: 'sla' }), asOf, calendars)).toBe(false);
  });
});
