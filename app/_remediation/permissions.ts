// Which run buttons a viewer sees, mirroring server/auth.ts (workflow:request / workflow:approve)
// and the engine's rules, so the page offers only what the server would accept. The server still
// decides: a refusal (e.g. an approval that expired) is shown as it answers.
import type { RunAction } from '../../components/RunDetail';
import { rolesText } from '../../components/remediation-format';

export interface Viewer {
  id: string;
  roles: readonly string[];
}

// workflow:request and workflow:approve are both granted to these roles (analysts only read).
const ACTING_ROLES = ['admin', 'finance_leader', 'process_owner'];
export const mayRequest = (v: Viewer | null): boolean => !!v && v.roles.some((r) => ACTING_ROLES.includes(r));
const CANCELLABLE = ['requested', 'awaiting_approval', 'approved', 'failed'];

export function runActions(
  run: { state: string; requestedBy: string; approvalRoles: readonly string[] },
  v: Viewer | null,
): { allowed: RunAction[]; approveNote: string | null } {
  if (!v || !mayRequest(v)) return { allowed: [], approveNote: null };
  const allowed: RunAction[] = [];
  let approveNote: string | null = null;
  if (run.state === 'awaiting_approval') {
    if (run.requestedBy === v.id) approveNote = 'You requested this run: someone else must approve it.';
    else if (v.roles.some((r) => run.approvalRoles.includes(r))) allowed.push('approve');
    else approveNote = `Waiting for a ${rolesText(run.approvalRoles)} to approve.`;
  }
  if (CANCELLABLE.includes(run.state)) allowed.push('cancel');
  if (run.state === 'dead_lettered') allowed.push('retry');
  if (run.state === 'dead_lettered' || run.state === 'failed') allowed.push('override');
  return { allowed, approveNote };
}

/** The playbooks whose `appliesTo.queues` include the queue (and whose team, if any, matches the row's). */
export function playbooksFor<P extends { appliesTo: { queues: readonly string[]; team?: string } }>(playbooks: readonly P[], queue: string, team?: string | null): P[] {
  return playbooks.filter((p) => p.appliesTo.queues.includes(queue) && (!p.appliesTo.team || !team || p.appliesTo.team === team));
}
