import { describe, expect, it } from 'vitest';
import { mayRequest, playbooksFor, runActions } from './permissions';

const owner = { id: 'demo-owner', roles: ['process_owner'] };
const finance = { id: 'demo-finance', roles: ['finance_leader'] };
const analyst = { id: 'demo-analyst', roles: ['analyst'] };
const waiting = { state: 'awaiting_approval', requestedBy: 'demo-owner', approvalRoles: ['finance_leader'] };

describe('run buttons per role and state', () => {
  it('never offers approve to the requester or to a role not listed', () => {
    expect(runActions(waiting, owner)).toEqual({ allowed: ['cancel'], approveNote: 'You requested this run: someone else must approve it.' });
    expect(runActions(waiting, finance).allowed).toEqual(['approve', 'cancel']);
    expect(runActions(waiting, { id: 'demo-admin', roles: ['admin'] })).toEqual({ allowed: ['cancel'], approveNote: 'Waiting for a finance leader to approve.' });
  });
  it('offers retry and override on dead-lettered runs, nothing on final ones, nothing to analysts', () => {
    expect(runActions({ ...waiting, state: 'dead_lettered' }, finance).allowed).toEqual(['retry', 'override']);
    expect(runActions({ ...waiting, state: 'failed' }, finance).allowed).toEqual(['cancel', 'override']);
    expect(runActions({ ...waiting, state: 'succeeded' }, finance).allowed).toEqual([]);
    expect(runActions(waiting, analyst).allowed).toEqual([]);
    expect(mayRequest(analyst)).toBe(false);
    expect(mayRequest(owner)).toBe(true);
  });
  it('picks the playbooks of a queue (and team)', () => {
    const pbs = [
      { id: 'a', appliesTo: { queues: ['creditHolds'] } },
      { id: 'b', appliesTo: { queues: ['sla'], team: 'Warehouse' } },
      { id: 'c', appliesTo: { queues: ['sla', 'creditHolds'] } },
    ];
    expect(playbooksFor(pbs, 'creditHolds').map((p) => p.id)).toEqual(['a', 'c']);
    expect(playbooksFor(pbs, 'sla', 'Finance').map((p) => p.id)).toEqual(['c']);
    expect(playbooksFor(pbs, 'sla', 'Warehouse').map((p) => p.id)).toEqual(['b', 'c']);
  });
});
