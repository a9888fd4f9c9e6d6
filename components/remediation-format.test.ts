import { describe, expect, it } from 'vitest';
import { approvalText, requestOutcome, rolesText, runStateLabel, runStateTone } from './remediation-format';

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
});
