// The approval rule of a playbook applied to one target: run at once, or wait for a role.
import type { Playbook } from './playbook';
import type { RunTarget } from './target';

export interface ApprovalDecision {
  required: boolean;
  reason: string;
}

export function decideApproval(pb: Playbook, t: RunTarget): ApprovalDecision {
  const a = pb.approval;
  const roles = a.roles.join(' or ');
  if (a.always) return { required: true, reason: `${pb.id} always needs approval by ${roles}` };
  if (a.amountAtLeast !== undefined) {
    // An unknown amount could be anything: ask.
    if (t.amount == null) return { required: true, reason: `amount unknown; ${pb.id} needs approval by ${roles} from ${a.amountAtLeast}` };
    if (t.amount >= a.amountAtLeast) return { required: true, reason: `amount ${t.amount} ≥ ${a.amountAtLeast}: approval by ${roles}` };
  }
  if (a.riskAtLeast !== undefined && t.risk != null && t.risk >= a.riskAtLeast) {
    return { required: true, reason: `risk ${t.risk} ≥ ${a.riskAtLeast}: approval by ${roles}` };
  }
  const below = a.amountAtLeast !== undefined ? `amount below ${a.amountAtLeast}` : 'no threshold';
  return { required: false, reason: `${below}${a.riskAtLeast !== undefined ? `, risk below ${a.riskAtLeast}` : ''}: runs at once` };
}
