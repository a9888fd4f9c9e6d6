// The runs page's URL keys, read the same way everywhere: `state` (a run state), `outcome`
// (fixed / still_open / reopened / unchecked), `pb` (a playbook id), `by` (the requester: a user id
// or rule:<id>, as the rules on /playbooks link), `run` (the run shown).
// A value the page does not know is ignored, as if the key were absent.
import { OUTCOME_KEYS, type OutcomeKey } from '../../components/remediation-format';
import type { Search } from '../_shared/url-state';

export const STATES = ['awaiting_approval', 'approved', 'running', 'failed', 'dead_lettered', 'succeeded', 'cancelled', 'requested'] as const;
export type State = (typeof STATES)[number];

export interface RunsFilter {
  state: State | null;
  outcome: OutcomeKey | null;
  playbookId: string | null;
  requestedBy: string | null;
}

export function readRunsFilter(search: Search): RunsFilter {
  const state = search.get('state');
  const outcome = search.get('outcome');
  const pb = search.get('pb');
  const by = search.get('by');
  return {
    state: STATES.includes(state as State) ? (state as State) : null,
    outcome: OUTCOME_KEYS.includes(outcome as OutcomeKey) ? (outcome as OutcomeKey) : null,
    playbookId: pb && /^[a-z0-9-]{1,64}$/.test(pb) ? pb : null,
    requestedBy: by && by.length <= 200 ? by : null,
  };
}

/** The workflows.runs input for the page's filter on a log. */
export function runsInput(f: RunsFilter, logId: string, limit: number) {
  return { logId, limit, ...(f.state && { state: f.state }), ...(f.outcome && { outcome: f.outcome }), ...(f.playbookId && { playbookId: f.playbookId }), ...(f.requestedBy && { requestedBy: f.requestedBy }) };
}

export const isFiltered = (f: RunsFilter): boolean => !!(f.state || f.outcome || f.playbookId || f.requestedBy);
