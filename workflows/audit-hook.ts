// THE hook for the audit trail (issue 7, built beside this module): every request, approval,
// refusal, cancel, manual retry and override calls `auditWorkflowEvent` after it committed. Until
// the audit module lands it goes to whatever sink was registered (none by default); the audit
// module registers its writer with `setWorkflowAuditSink` at server start.
export interface WorkflowAuditEvent {
  action: 'request' | 'approve' | 'approval_refused' | 'cancel' | 'retry' | 'override';
  runId: string;
  playbookId: string;
  actor: string;
  at: string;
  detail?: string;
}

type Sink = (e: WorkflowAuditEvent) => void | Promise<void>;
let sink: Sink | null = null;

export function setWorkflowAuditSink(fn: Sink | null): void {
  sink = fn;
}

export async function auditWorkflowEvent(e: WorkflowAuditEvent): Promise<void> {
  if (sink) await sink(e);
}
