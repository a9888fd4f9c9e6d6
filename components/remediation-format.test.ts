import { describe, expect, it } from 'vitest';
import { approvalText, outcomeHistory, outcomeLabel, outcomeOf, outcomeTone, requestOutcome, rolesText, runStateLabel, runStateTone } from './remediation-format';

describe('remediation words', () => {
  it('says who approves and when', () => {
    expect(approvalText({ amountAtLeast: 5000, roles: ['finance_leader'], ttlHours: 24 })).toBe(
      'Runs at once unless the amount is $5,000.00 or more (or unknown); then it waits for a finance leader, who has 24 h to answer.',
    );
    expect(approvalText({ always: true, roles: ['process_owner', 'finance_leader'], ttlHours: 8 })).toBe(
      'Always waits for a process owner or finance leader, who has 8 h to answer.',
    );
    expect(approvalText({ roles: ['admin'], ttlHours: 1 })).toBe('Runs at once (no threshold set).');
    expect(rolesText(['admin', 'finance_leader', 'process_owner'])).toBe('admin, finance leader or process owner');
  });

  it('says what a request did', () => {
    expect(requestOutcome([{ state: 'approved', approvalRoles: [] }])).toBe('Runs at once.');
    expect(requestOutcome([{ state: 'awaiting_approval', approvalRoles: ['finance_leader'] }])).toBe('Awaits approval by a finance leader.');
    expect(
      requestOutcome([
        { state: 'approved', approvalRoles: [] },
        { state: 'approved', approvalRoles: [] },
        { state: 'awaiting_approval', approvalRoles: ['finance_leader'] },
      ]),
    ).toBe('2 start at once; 1 awaits approval by a finance leader.');
  });

  it('labels states', () => {
    expect(runStateLabel('dead_lettered')).toBe('Dead-lettered');
    expect(runStateTone('succeeded')).toBe('good');
    expect(runStateTone('awaiting_approval')).toBe('warn');
  });

  it('names a run\'s outcome and its history from what the run keeps', () => {
    const t1 = '2026-01-02T10:00:00.000Z';
    const t2 = '2026-01-03T10:00:00.000Z';
    expect(outcomeOf({ state: 'running', outcome: null })).toBeNull();
    expect(outcomeOf({ state: 'succeeded', outcome: null })).toBe('unchecked');
    expect(outcomeOf({ state: 'succeeded', outcome: 'still_open' })).toBe('still_open');
    expect(['fixed', 'still_open', 'reopened', 'unchecked'].map((o) => `${outcomeLabel(o)}:${outcomeTone(o)}`)).toEqual([
      'Fixed:good',
      'Still open:warn',
      'Reopened:bad',
      'Not yet checked:neutral',
    ]);
    expect(outcomeHistory({ state: 'cancelled', outcome: null, outcomeCheckedAt: null, clearedAt: null })).toEqual([]);
    expect(outcomeHistory({ state: 'succeeded', outcome: null, outcomeCheckedAt: null, clearedAt: null }).map((s) => s.outcome)).toEqual(['unchecked']);
    expect(outcomeHistory({ state: 'succeeded', outcome: 'still_open', outcomeCheckedAt: t1, clearedAt: null })).toMatchObject([{ outcome: 'still_open', at: t1 }]);
    expect(outcomeHistory({ state: 'succeeded', outcome: 'fixed', outcomeCheckedAt: t1, clearedAt: t1 })).toMatchObject([{ outcome: 'fixed', at: t1 }]);
    expect(outcomeHistory({ state: 'succeeded', outcome: 'fixed', outcomeCheckedAt: t2, clearedAt: t1 }).map((s) => [s.outcome, s.at])).toEqual([
      ['fixed', t1],
      ['fixed', t2],
    ]);
    expect(outcomeHistory({ state: 'succeeded', outcome: 'reopened', outcomeCheckedAt: t2, clearedAt: t1 }).map((s) => [s.outcome, s.at])).toEqual([
      ['fixed', t1],
      ['reopened', t2],
    ]);
  });
});
