// The engine's entries in the audit trail (audit/): written in the same transaction as the change
// they record, so a request, approval, refusal, cancel, retry or override is never committed
// without its entry (nor an entry without it).
import { append, appendMany, type AuditInput } from '../audit';
import type { Tx } from '../sql';

export type WorkflowAction = 'request' | 'approve' | 'approval_refused' | 'cancel' | 'retry' | 'override';

export interface WorkflowAuditEvent {
  action: WorkflowAction;
  runId: string;
  playbookId: string;
  actor: string;
  at: Date;
  detail?: Record<string, unknown>;
}

const entryOf = (e: WorkflowAuditEvent): AuditInput => ({ actor: e.actor, action: `workflow.${e.action}`, target: e.runId, at: e.at, detail: { playbook: e.playbookId, ...e.detail } });

export async function auditWorkflow(tx: Tx, e: WorkflowAuditEvent): Promise<void> {
  await append(tx, entryOf(e));
}

/** One entry per event, in order, written as one batch (a request for a whole selection). */
export async function auditWorkflowMany(tx: Tx, events: readonly WorkflowAuditEvent[]): Promise<void> {
  await appendMany(tx, events.map(entryOf));
}
