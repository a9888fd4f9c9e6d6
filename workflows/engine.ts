// The engine's people-facing side: request a run of a playbook on targets, approve, cancel,
// retry a dead-lettered run, override by hand; read runs and attempts. Every rule is checked here
// (not only in the API), so calling the engine some other way cannot skip an approval.
import { randomUUID } from 'node:crypto';
import type { Store, Tx } from '../sql';
import type { User } from '../server/auth';
import { decideApproval } from './approval';
import { auditWorkflow, auditWorkflowMany } from './audit';
import { ApprovalRefusedError, OutOfScopeError, RunNotFoundError, WorkflowInputError } from './errors';
import { outOfScope, scopeFilter } from './scope';
import { playbookById, type Playbook } from './playbook';
import { canTransition, transition, type RunState } from './states';
import { mismatch, type RunTarget } from './target';
import { fillString, fillValue, templateVars } from './template';
import { toAttempt, toRun, type RunListFilter, type WorkflowAttempt, type WorkflowRun } from './types';

export interface EngineOptions {
  now?: () => Date;
}

const HOUR = 3_600_000;

// workflow_runs columns in table order, with appendTyped kinds (timestamps as ISO text).
const RUN_KINDS = 'vvvvvvvvvv' + 'd' + 'vvvv' + 'b' + 'vvvvv' + 'iii' + 'vv' + 'i' + 'vvvvv' + 'vv' + 'vdvvvd';
const RUN_COLUMNS = [
  'id', 'playbook_id', 'playbook_version', 'connector', 'operation', 'payload', 'log_id', 'case_id', 'object_id', 'queue',
  'amount', 'currency', 'state', 'requested_by', 'requested_at', 'approval_required', 'approval_reason', 'approval_roles',
  'approval_expires_at', 'approved_by', 'approved_at', 'attempts', 'max_attempts', 'timeout_ms', 'next_attempt_at',
  'claimed_by', 'last_status', 'last_body', 'last_error', 'override_by', 'override_reason', 'updated_at',
  'warehouse', 'segment', // 056_workflow_scope.sql
  'exception_since', 'age_at_request_s', 'outcome', 'outcome_checked_at', 'cleared_at', 'baseline_age_s', // 057_workflow_outcomes.sql
];

export class WorkflowEngine {
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly playbooks: readonly Playbook[],
    opts: EngineOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  listPlaybooks(): readonly Playbook[] {
    return this.playbooks;
  }

  /** Requests one run; it waits for approval or is due at once, as the playbook's rule says. */
  async request(playbookId: string, target: RunTarget, requestedBy: User): Promise<WorkflowRun> {
    return (await this.requestMany(playbookId, [target], requestedBy))[0];
  }

  /** Requests one run per target in one transaction: all are recorded, or none (a selection). */
  async requestMany(playbookId: string, targets: readonly RunTarget[], requestedBy: User): Promise<WorkflowRun[]> {
    const pb = this.playbook(playbookId);
    if (targets.length === 0) throw new WorkflowInputError('no targets: choose at least one exception row');
    const now = this.now();
    const rows = targets.map((t, i) => this.newRow(pb, t, requestedBy, now, `targets[${i}]`));
    await this.store.transaction(async (tx) => {
      // Inside the writer's transaction, so two requests racing for one row cannot both pass.
      await this.refuseDuplicates(tx, pb, targets);
      await tx.appendTyped('workflow_runs', RUN_KINDS, rows);
      await auditWorkflowMany(
        tx,
        rows.map((r) => ({ action: 'request', runId: r[0] as string, playbookId: pb.id, actor: requestedBy.id, at: now, detail: { case: r[7], object: r[8], amount: r[10], state: r[12], approval: r[16] } })),
      );
    });
    // The rows as written (no read-back: a selection of thousands would cost a query each).
    return rows.map((r) => toRun(Object.fromEntries(RUN_COLUMNS.map((c, i) => [c, r[i]]))));
  }

  /**
   * Approves a run waiting for approval. Refused for the requester, for a caller without one of the
   * playbook's approver roles, and after the approval's time to live (the run is then cancelled).
   */
  async approve(runId: string, approver: User): Promise<WorkflowRun> {
    const now = this.now();
    const result = await this.store.transaction(async (tx) => {
      const run = await this.load(tx, runId);
      const refuse = async (message: string, reason: ApprovalRefusedError['reason']) => {
        await auditWorkflow(tx, { action: 'approval_refused', runId, playbookId: run.playbookId, actor: approver.id, at: now, detail: { reason, message } });
        return { run, refused: new ApprovalRefusedError(message, reason) };
      };
      if (run.state !== 'awaiting_approval') return await refuse(`run ${runId} is ${run.state}, not awaiting approval`, 'state');
      const outside = outOfScope(approver, run);
      if (outside) return await refuse(`cannot approve run ${runId}: ${outside}`, 'scope');
      if (approver.id === run.requestedBy) return await refuse(`${approver.id} requested run ${runId} and cannot approve it`, 'requester');
      if (!approver.roles.some((r) => run.approvalRoles.includes(r))) {
        return await refuse(`approving ${run.playbookId} needs the role ${run.approvalRoles.join(' or ')}; ${approver.id} has ${approver.roles.join(', ') || 'none'}`, 'role');
      }
      if (run.approvalExpiresAt && now.getTime() > Date.parse(run.approvalExpiresAt)) {
        await this.setState(tx, run, 'cancelled', now, { lastError: `approval expired at ${run.approvalExpiresAt}` });
        return await refuse(`the approval of run ${runId} expired at ${run.approvalExpiresAt}; request it again`, 'expired');
      }
      await this.setState(tx, run, 'approved', now, { approvedBy: approver.id, approvedAt: now, nextAttemptAt: now });
      await auditWorkflow(tx, { action: 'approve', runId, playbookId: run.playbookId, actor: approver.id, at: now, detail: { amount: run.amount } });
      return { run, refused: null };
    });
    // The refusal (and an expiry's cancel) committed with its audit entry; now tell the caller.
    if (result.refused) throw result.refused;
    return this.get(runId);
  }

  /** Cancels a run that is not running or finished; a reason is required. */
  cancel(runId: string, by: User, reason: string): Promise<WorkflowRun> {
    return this.manual(runId, by, reason, 'cancel', () => 'cancelled', {});
  }

  /** Manual retry of a dead-lettered run: due at once, with the playbook's attempts once more. */
  retry(runId: string, by: User, reason: string): Promise<WorkflowRun> {
    return this.manual(runId, by, reason, 'retry', (run) => (run.state === 'dead_lettered' ? 'approved' : null), {
      next: true,
      extraAttempts: true,
    });
  }

  /** Manual override of a failed or dead-lettered run: done by hand (succeeded) or given up (cancelled). */
  override(runId: string, by: User, to: 'succeeded' | 'cancelled', reason: string): Promise<WorkflowRun> {
    return this.manual(runId, by, reason, 'override', (run) => (run.state === 'dead_lettered' || run.state === 'failed' ? to : null), {});
  }

  /**
   * Cancels every run whose approval expired unanswered (actor `system` in the audit trail); the
   * service runs it every minute. Returns the cancelled run ids.
   */
  async expireApprovals(): Promise<string[]> {
    const now = this.now();
    return this.store.transaction(async (tx) => {
      const due = (await tx.query('workflows/expired-approvals', { now: now.toISOString() })).map(toRun);
      for (const run of due) {
        await this.setState(tx, run, 'cancelled', now, { lastError: `approval expired at ${run.approvalExpiresAt}` });
        await auditWorkflow(tx, { action: 'cancel', runId: run.id, playbookId: run.playbookId, actor: 'system', at: now, detail: { from: run.state, to: 'cancelled', reason: 'approval expired' } });
      }
      return due.map((r) => r.id);
    });
  }

  async get(runId: string): Promise<WorkflowRun> {
    const rows = await this.store.query('workflows/get-run', { id: runId });
    if (!rows.length) throw new RunNotFoundError(runId);
    return toRun(rows[0]);
  }

  /** Newest first; `viewer` narrows to their scope (a scoped process owner sees only their runs). */
  async list(opts: RunListFilter & { limit?: number; viewer?: User | null } = {}): Promise<WorkflowRun[]> {
    const s = scopeFilter(opts.viewer ?? null);
    const rows = await this.store.query('workflows/list-runs', {
      state: opts.state ?? null,
      log_id: opts.logId ?? null,
      case_id: opts.caseId ?? null,
      playbook_id: opts.playbookId ?? null,
      outcome: opts.outcome ?? null,
      requested_by: opts.requestedBy ?? null,
      limit: opts.limit ?? 200,
      warehouses: s.warehouses ? s.warehouses.join(',') : null,
      segments: s.segments ? s.segments.join(',') : null,
    });
    return rows.map(toRun);
  }

  async attempts(runId: string): Promise<WorkflowAttempt[]> {
    return (await this.store.query('workflows/attempts', { id: runId })).map(toAttempt);
  }

  async stateCounts(): Promise<Record<string, { runs: number; attempts: number }>> {
    const rows = await this.store.query<{ state: string; runs: number; attempts: number }>('workflows/state-counts');
    return Object.fromEntries(rows.map((r) => [r.state, { runs: r.runs, attempts: r.attempts }]));
  }

  private playbook(id: string): Playbook {
    try {
      return playbookById(this.playbooks, id);
    } catch (err) {
      throw new WorkflowInputError((err as Error).message);
    }
  }

  private newRow(pb: Playbook, t: RunTarget, by: User, now: Date, where: string): (string | number | boolean | null)[] {
    const wrong = mismatch(pb, t);
    if (wrong) throw new WorkflowInputError(`${where}: ${wrong}`);
    const outside = outOfScope(by, t);
    if (outside) throw new OutOfScopeError(`${where}: ${outside}`);
    if (pb.limits.maxAmount !== undefined && t.amount != null && t.amount > pb.limits.maxAmount) {
      throw new WorkflowInputError(`${where}: amount ${t.amount} is above ${pb.id}'s limit of ${pb.limits.maxAmount}; do it in the source system after review`);
    }
    const id = randomUUID();
    const vars = templateVars(pb, t, id, now);
    let operation: string;
    let payload: unknown;
    try {
      const a = pb.action;
      if (a.connector === 'notify') {
        operation = `NOTIFY ${a.channel}`;
        payload = { channel: a.channel, team: t.team ?? null, subject: fillString(a.subject, vars, 'subject'), body: fillString(a.body, vars, 'body') };
      } else {
        operation = `${a.method} ${fillString(a.path, vars, 'path', true)}`;
        payload = fillValue(a.payload, vars, 'payload');
      }
    } catch (err) {
      throw new WorkflowInputError(`${where}: playbook ${pb.id}: ${(err as Error).message}`);
    }
    const decision = decideApproval(pb, t);
    const state = transition('requested', decision.required ? 'awaiting_approval' : 'approved');
    const at = now.toISOString();
    return [
      id, pb.id, pb.version, pb.action.connector, operation, JSON.stringify(payload),
      t.logId ?? null, t.caseId, t.objectId ?? null, t.queue, t.amount ?? null, t.currency ?? null,
      state, by.id, at, decision.required, decision.reason, pb.approval.roles.join(','),
      decision.required ? new Date(now.getTime() + pb.approval.ttlHours * HOUR).toISOString() : null,
      null, null, 0, pb.limits.maxAttempts, pb.limits.timeoutMs,
      state === 'approved' ? at : null, null, null, null, null, null, null, at,
      t.warehouse ?? null, t.segment ?? null,
      t.since ?? null, t.ageSeconds ?? null, null, null, null, null,
    ];
  }

  /** One open run per playbook and row: a double click or a rule firing twice must not act twice. */
  private async refuseDuplicates(tx: Tx, pb: Playbook, targets: readonly RunTarget[]): Promise<void> {
    const key = (log: string | null | undefined, c: string, o: string | null | undefined) => `${log ?? ''}\u0000${c}\u0000${o ?? ''}`;
    const open = new Map<string, { id: string; state: string }>();
    for (const r of await tx.query<{ id: string; log_id: string | null; case_id: string; object_id: string | null; state: string }>('workflows/open-runs', { playbook_id: pb.id })) {
      open.set(key(r.log_id, r.case_id, r.object_id), r);
    }
    const seen = new Set<string>();
    targets.forEach((t, i) => {
      const k = key(t.logId, t.caseId, t.objectId);
      const other = open.get(k);
      if (other) throw new WorkflowInputError(`targets[${i}]: case ${t.caseId}${t.objectId ? ` (${t.objectId})` : ''} already has run ${other.id} of ${pb.id} (${other.state}); wait for it, or cancel it first`);
      if (seen.has(k)) throw new WorkflowInputError(`targets[${i}]: case ${t.caseId}${t.objectId ? ` (${t.objectId})` : ''} is chosen twice`);
      seen.add(k);
    });
  }

  private async load(tx: Tx, runId: string): Promise<WorkflowRun> {
    const rows = await tx.query('workflows/get-run', { id: runId });
    if (!rows.length) throw new RunNotFoundError(runId);
    return toRun(rows[0]);
  }

  private async setState(
    tx: Tx,
    run: WorkflowRun,
    to: RunState,
    now: Date,
    f: { approvedBy?: string; approvedAt?: Date; nextAttemptAt?: Date; maxAttempts?: number; overrideBy?: string; overrideReason?: string; lastError?: string },
  ): Promise<void> {
    transition(run.state, to);
    await tx.query('workflows/set-state', {
      id: run.id,
      from: run.state,
      state: to,
      approved_by: f.approvedBy ?? null,
      approved_at: f.approvedAt?.toISOString() ?? null,
      next_attempt_at: f.nextAttemptAt?.toISOString() ?? null,
      max_attempts: f.maxAttempts ?? null,
      override_by: f.overrideBy ?? null,
      override_reason: f.overrideReason ?? null,
      last_error: f.lastError ?? null,
      now: now.toISOString(),
    });
  }

  private async manual(
    runId: string,
    by: User,
    reason: string,
    action: 'cancel' | 'retry' | 'override',
    target: (run: WorkflowRun) => RunState | null,
    opts: { next?: boolean; extraAttempts?: boolean },
  ): Promise<WorkflowRun> {
    if (!reason.trim()) throw new WorkflowInputError(`a ${action} needs a reason`);
    const now = this.now();
    await this.store.transaction(async (tx) => {
      const r = await this.load(tx, runId);
      const to = target(r);
      const outside = outOfScope(by, r);
      if (outside) throw new OutOfScopeError(`cannot ${action} run ${runId}: ${outside}`);
      if (!to || !canTransition(r.state, to)) throw new WorkflowInputError(`cannot ${action} run ${runId}: it is ${r.state}`);
      const pb = this.playbooks.find((p) => p.id === r.playbookId);
      await this.setState(tx, r, to, now, {
        nextAttemptAt: opts.next ? now : undefined,
        maxAttempts: opts.extraAttempts ? r.attempts + (pb?.limits.maxAttempts ?? r.maxAttempts) : undefined,
        overrideBy: by.id,
        overrideReason: `${action}: ${reason.trim()}`,
      });
      await auditWorkflow(tx, { action, runId, playbookId: r.playbookId, actor: by.id, at: now, detail: { from: r.state, to, reason: reason.trim() } });
    });
    return this.get(runId);
  }
}
