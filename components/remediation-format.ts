// Words for remediation runs and playbooks (issue 7): run states, approval rules, who approves.
// Pure; shared by the playbooks page, the runs page and the trigger buttons.
import { formatMoney } from './case-format';

export const RUN_STATE_LABEL: Record<string, string> = {
  requested: 'Requested',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved, queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed, will retry',
  dead_lettered: 'Dead-lettered',
  cancelled: 'Cancelled',
};
export const runStateLabel = (s: string): string => RUN_STATE_LABEL[s] ?? s;
/** good / bad / warn / neutral: the colour family of a state's badge. */
export function runStateTone(s: string): 'good' | 'bad' | 'warn' | 'neutral' {
  if (s === 'succeeded') return 'good';
  if (s === 'dead_lettered' || s === 'failed') return 'bad';
  if (s === 'awaiting_approval') return 'warn';
  return 'neutral';
}

const ROLE_LABEL: Record<string, string> = { admin: 'admin', finance_leader: 'finance leader', process_owner: 'process owner', analyst: 'analyst' };
export const roleLabel = (r: string): string => ROLE_LABEL[r] ?? r;
/** "finance leader or admin" style list of roles. */
export const rolesText = (roles: readonly string[]): string => {
  const names = roles.map(roleLabel);
  return names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
};

export interface ApprovalRule {
  amountAtLeast?: number;
  riskAtLeast?: number;
  always?: boolean;
  roles: readonly string[];
  ttlHours: number;
}

/** The approval rule as a sentence, e.g. "Orders of $5,000.00 or more wait for a finance leader (24 h to answer)". */
export function approvalText(a: ApprovalRule, currency = 'USD'): string {
  const who = `a ${rolesText(a.roles)}`;
  const ttl = `, who has ${a.ttlHours} h to answer`;
  if (a.always) return `Always waits for ${who}${ttl}.`;
  const when: string[] = [];
  if (a.amountAtLeast !== undefined) when.push(`the amount is ${formatMoney(a.amountAtLeast, currency)} or more`);
  if (a.riskAtLeast !== undefined) when.push(`the risk score is ${a.riskAtLeast} or more`);
  if (!when.length) return 'Runs at once (no threshold set).';
  return `Runs at once unless ${when.join(' or ')} (or unknown); then it waits for ${who}${ttl}.`;
}

/** What happened to freshly requested runs, for the message after a trigger. */
export function requestOutcome(runs: readonly { state: string; approvalRoles: readonly string[] }[]): string {
  const waiting = runs.filter((r) => r.state === 'awaiting_approval');
  const now = runs.length - waiting.length;
  const roles = rolesText([...new Set(waiting.flatMap((r) => r.approvalRoles))]);
  if (runs.length === 1) return now ? 'Runs at once.' : `Awaits approval by a ${roles}.`;
  const parts: string[] = [];
  if (now) parts.push(`${now} start${now === 1 ? 's' : ''} at once`);
  if (waiting.length) parts.push(`${waiting.length} await${waiting.length === 1 ? 's' : ''} approval by a ${roles}`);
  return parts.join('; ') + '.';
}

/** A run's outcome after closing the loop; `unchecked` = succeeded, no ingest since. Null: not applicable (the run did not succeed). */
export type OutcomeKey = 'fixed' | 'still_open' | 'reopened' | 'unchecked';
export const OUTCOME_KEYS: readonly OutcomeKey[] = ['fixed', 'still_open', 'reopened', 'unchecked'];
const OUTCOME_LABEL: Record<OutcomeKey, string> = { fixed: 'Fixed', still_open: 'Still open', reopened: 'Reopened', unchecked: 'Not yet checked' };
export const outcomeLabel = (o: string): string => OUTCOME_LABEL[o as OutcomeKey] ?? o;
export function outcomeTone(o: string): 'good' | 'bad' | 'warn' | 'neutral' {
  return o === 'fixed' ? 'good' : o === 'reopened' ? 'bad' : o === 'still_open' ? 'warn' : 'neutral';
}
export function outcomeOf(run: { state: string; outcome: string | null }): OutcomeKey | null {
  if (run.outcome) return run.outcome as OutcomeKey;
  return run.state === 'succeeded' ? 'unchecked' : null;
}

export interface OutcomeStep {
  outcome: OutcomeKey;
  at: string | null;
  text: string;
}

/**
 * What the checks after each ingest found, oldest first, from what the run keeps: the first check
 * that found the row gone (clearedAt) and the last check (outcomeCheckedAt). Checks between them
 * that found the same are not kept apart, so the history names only the changes.
 */
export function outcomeHistory(run: { state: string; outcome: string | null; outcomeCheckedAt: string | null; clearedAt: string | null }): OutcomeStep[] {
  const o = outcomeOf(run);
  if (!o) return [];
  if (o === 'unchecked') return [{ outcome: o, at: null, text: 'No ingest since the run succeeded: the next one checks whether the exception cleared.' }];
  const steps: OutcomeStep[] = [];
  if (run.clearedAt) steps.push({ outcome: 'fixed', at: run.clearedAt, text: 'The exception was gone from its queue.' });
  if (o === 'reopened') steps.push({ outcome: o, at: run.outcomeCheckedAt, text: 'The exception was back in its queue (final: it no longer counts as fixed).' });
  else if (o === 'still_open') steps.push({ outcome: o, at: run.outcomeCheckedAt, text: 'The exception was still in its queue.' });
  else if (run.outcomeCheckedAt && run.outcomeCheckedAt !== run.clearedAt) steps.push({ outcome: o, at: run.outcomeCheckedAt, text: 'Still gone at the latest check.' });
  return steps;
}
