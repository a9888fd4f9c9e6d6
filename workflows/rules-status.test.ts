// The rule conditions in words, as the Rules section of /playbooks shows them: one phrase per
// condition the schema allows, the calendar by its label, 24x7 as elapsed hours.
import { describe, expect, it } from 'vitest';
import { loadSlaPolicy } from '../mining';
import { loadPlaybooks } from './playbook';
import { parseRule } from './rules';
import { ruleConditions } from './rules-status';

const calendars = loadSlaPolicy().calendars;
const playbooks = loadPlaybooks();
const rule = (when: Record<string, unknown>) =>
  parseRule(
    JSON.stringify({ id: 'r', version: '1', changeNote: 'n', title: 't', description: 'd', enabled: true, playbook: 'notify-owner-team', queue: 'sla', when }),
    'policies/rules/r.json',
    playbooks,
    calendars,
  );

describe('ruleConditions', () => {
  it('says every condition the schema allows', () => {
    expect(ruleConditions(rule({ minBusinessHours: 8, calendar: 'us-central', amountBelow: 4999.5, warehouses: ['WH1', 'WH2', 'WH3'], segments: ['SMB'] }), calendars)).toEqual([
      `waiting at least 8 business hours on the ${calendars.get('us-central')!.label} calendar, as of the log's newest event`,
      "amount known and under 4,999.5 (in the row's currency)",
      'warehouse WH1, WH2 or WH3',
      'customer segment SMB',
    ]);
  });

  it('24x7 is elapsed time; one hour is singular; no condition is every row', () => {
    expect(ruleConditions(rule({ minBusinessHours: 1, calendar: '24x7' }), calendars)).toEqual(["waiting at least 1 hour (elapsed, around the clock), as of the log's newest event"]);
    expect(ruleConditions(rule({ warehouses: ['WH1'] }), calendars)).toEqual(['warehouse WH1']);
    expect(ruleConditions(rule({}), calendars)).toEqual(['every row of the queue']);
  });
});
