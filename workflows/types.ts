// Shapes of runs and attempts as the engine returns them: plain data (ISO-8601 UTC times), safe to
// send to the dashboard. Never carries credentials.
import type { RunState } from './states';

export interface WorkflowRun {
  id: string;
  playbookId: string;
  playbookVersion: string;
  connector: string;
  operation: string;
  payload: string;
  logId: string | null;
  caseId: string | null;
  objectId: string | null;
  queue: string | null;
  amount: number | null;
  currency: string | null;
  state: RunState;
  requestedBy: string;
  requestedAt: string;
  approvalRequired: boolean;
  approvalReason: string | null;
  approvalRoles: string[];
  approvalExpiresAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  attempts: number;
  maxAttempts: number;
  timeoutMs: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastBody: string | null;
  lastError: string | null;
  overrideBy: string | null;
  overrideReason: string | null;
  updatedAt: string;
  warehouse: string | null;
  segment: string | null;
  /** When the exception row started waiting (kept at request). */
  exceptionSince: string | null;
  /** The row's age in seconds when requested, as of the log's newest event then. */
  ageAtRequestSeconds: number | null;
  /** Closing the loop, after each ingest (succeeded runs): null = not checked yet. */
  outcome: RunOutcome | null;
  outcomeCheckedAt: string | null;
  /** The check that first found the row gone from its queue. */
  clearedAt: string | null;
}

/** fixed: the row left its queue; still_open: it is there; reopened: gone at one check, back at a later one. */
export type RunOutcome = 'fixed' | 'still_open' | 'reopened';

/** What the runs list filters on; `unchecked` = succeeded and not checked after an ingest yet. */
export const RUN_OUTCOME_FILTERS = ['fixed', 'still_open', 'reopened', 'unchecked'] as const;
export type RunOutcomeFilter = (typeof RUN_OUTCOME_FILTERS)[number];

export interface RunListFilter {
  state?: RunState;
  logId?: string;
  caseId?: string;
  playbookId?: string;
  outcome?: RunOutcomeFilter;
  /** The requester's id: a user, or `rule:<id>` for a rule's runs. */
  requestedBy?: string;
}

export interface WorkflowAttempt {
  runId: string;
  attemptNo: number;
  workerId: string;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  httpStatus: number | null;
  bodyExcerpt: string | null;
  error: string | null;
  durationMs: number;
  stateAfter: RunState;
  nextAttemptAt: string | null;
}

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

export function toRun(r: Record<string, unknown>): WorkflowRun {
  return {
    id: r.id as string,
    playbookId: r.playbook_id as string,
    playbookVersion: r.playbook_version as string,
    connector: r.connector as string,
    operation: r.operation as string,
    payload: r.payload as string,
    logId: (r.log_id as string) ?? null,
    caseId: (r.case_id as string) ?? null,
    objectId: (r.object_id as string) ?? null,
    queue: (r.queue as string) ?? null,
    amount: (r.amount as number) ?? null,
    currency: (r.currency as string) ?? null,
    state: r.state as RunState,
    requestedBy: r.requested_by as string,
    requestedAt: iso(r.requested_at)!,
    approvalRequired: r.approval_required as boolean,
    approvalReason: (r.approval_reason as string) ?? null,
    approvalRoles: r.approval_roles ? String(r.approval_roles).split(',') : [],
    approvalExpiresAt: iso(r.approval_expires_at),
    approvedBy: (r.approved_by as string) ?? null,
    approvedAt: iso(r.approved_at),
    attempts: r.attempts as number,
    maxAttempts: r.max_attempts as number,
    timeoutMs: r.timeout_ms as number,
    nextAttemptAt: iso(r.next_attempt_at),
    lastStatus: (r.last_status as number) ?? null,
    lastBody: (r.last_body as string) ?? null,
    lastError: (r.last_error as string) ?? null,
    overrideBy: (r.override_by as string) ?? null,
    overrideReason: (r.override_reason as string) ?? null,
    updatedAt: iso(r.updated_at)!,
    warehouse: (r.warehouse as string) ?? null,
    segment: (r.segment as string) ?? null,
    exceptionSince: iso(r.exception_since),
    ageAtRequestSeconds: (r.age_at_request_s as number) ?? null,
    outcome: (r.outcome as RunOutcome) ?? null,
    outcomeCheckedAt: iso(r.outcome_checked_at),
    clearedAt: iso(r.cleared_at),
  };
}

export function toAttempt(r: Record<string, unknown>): WorkflowAttempt {
  return {
    runId: r.run_id as string,
    attemptNo: r.attempt_no as number,
    workerId: r.worker_id as string,
    startedAt: iso(r.started_at)!,
    finishedAt: iso(r.finished_at)!,
    outcome: r.outcome as string,
    httpStatus: (r.http_status as number) ?? null,
    bodyExcerpt: (r.body_excerpt as string) ?? null,
    error: (r.error as string) ?? null,
    durationMs: r.duration_ms as number,
    stateAfter: r.state_after as RunState,
    nextAttemptAt: iso(r.next_attempt_at),
  };
}
