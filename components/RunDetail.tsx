// One run: its target, approval, its outcome history after each ingest, every attempt with its
// response, and the buttons the viewer may
// use in its state (approve, cancel, retry, override with a reason). Pure: which buttons show is
// decided by the caller (`allowed`); the server decides again and its refusal is shown as given.
import { useState } from 'react';
import { formatDateTime } from './case-format';
import { caseLabel, formatAmount } from './exception-format';
import { outcomeHistory, outcomeLabel, outcomeTone, rolesText } from './remediation-format';
import { OutcomeBadge, StateBadge, lastResponse, type RunRow } from './RunsTable';
import styles from './Remediation.module.css';

export interface AttemptRow {
  attemptNo: number;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  httpStatus: number | null;
  bodyExcerpt: string | null;
  error: string | null;
  durationMs: number;
  stateAfter: string;
}

export type RunAction = 'approve' | 'cancel' | 'retry' | 'override';

export interface RunDetailProps {
  run: RunRow;
  attempts: readonly AttemptRow[];
  playbookTitle: string;
  caseHref(caseId: string): string;
  allowed: readonly RunAction[];
  /** Why approve is not offered (e.g. "you requested it"), shown in its place. */
  approveNote?: string | null;
  busy?: boolean;
  /** The server's answer to the last action (refusals as given). */
  message?: { text: string; error: boolean } | null;
  onAction(action: RunAction, opts: { reason?: string; to?: 'succeeded' | 'cancelled' }): void;
}

export function RunDetail(p: RunDetailProps) {
  const r = p.run;
  const [reason, setReason] = useState('');
  const needsReason = p.allowed.some((a) => a !== 'approve');
  const short = reason.trim().length < 3;
  return (
    <section className={styles.detail} data-testid="run-detail" data-run={r.id} aria-label={`Run ${r.id}`}>
      <header className={styles.detailHead}>
        <h2 className={styles.detailTitle}>{p.playbookTitle}</h2>
        <StateBadge state={r.state} />
      </header>
      <dl className={styles.definition}>
        <dt>Run</dt>
        <dd>
          <code className={styles.code}>{r.id}</code> · playbook {r.playbookId} v{r.playbookVersion}
        </dd>
        <dt>Target</dt>
        <dd>
          {r.caseId ? <a href={p.caseHref(r.caseId)}>{caseLabel(r.caseId)}</a> : '—'}
          {r.objectId && r.objectId !== r.caseId ? ` · ${r.objectId}` : ''} · {formatAmount(r.amount, r.currency)}
        </dd>
        <dt>Requested</dt>
        <dd>
          by {r.requestedBy}, {formatDateTime(r.requestedAt)} UTC
        </dd>
        <dt>Approval</dt>
        <dd data-testid="run-approval">
          {!r.approvalRequired
            ? 'Not needed (ran at once)'
            : r.approvedBy
              ? `Approved by ${r.approvedBy}, ${formatDateTime(r.approvedAt!)} UTC`
              : `Needs a ${rolesText(r.approvalRoles)}${r.approvalReason ? ` (${r.approvalReason})` : ''}${r.approvalExpiresAt ? `; expires ${formatDateTime(r.approvalExpiresAt)} UTC` : ''}`}
        </dd>
        {r.overrideBy && (
          <>
            <dt>Override</dt>
            <dd>
              by {r.overrideBy}: {r.overrideReason}
            </dd>
          </>
        )}
        <dt>Last response</dt>
        <dd>{lastResponse(r)}</dd>
        {r.nextAttemptAt && r.state === 'failed' && (
          <>
            <dt>Next attempt</dt>
            <dd>{formatDateTime(r.nextAttemptAt)} UTC</dd>
          </>
        )}
      </dl>

      <OutcomeHistory run={r} />

      <div className={styles.actionsRow} data-testid="run-actions">
        {p.allowed.includes('approve') && (
          <button type="button" className={styles.primary} disabled={p.busy} onClick={() => p.onAction('approve', {})}>
            Approve
          </button>
        )}
        {p.approveNote && <span className={styles.muted}>{p.approveNote}</span>}
        {needsReason && (
          <>
            <label className={styles.reason}>
              <span>Reason</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Say why (at least 3 characters)" maxLength={500} />
            </label>
            {p.allowed.includes('retry') && (
              <button type="button" disabled={p.busy || short} onClick={() => p.onAction('retry', { reason })}>
                Retry
              </button>
            )}
            {p.allowed.includes('override') && (
              <>
                <button type="button" disabled={p.busy || short} onClick={() => p.onAction('override', { reason, to: 'succeeded' })}>
                  Mark done by hand
                </button>
                <button type="button" disabled={p.busy || short} onClick={() => p.onAction('override', { reason, to: 'cancelled' })}>
                  Give up
                </button>
              </>
            )}
            {p.allowed.includes('cancel') && (
              <button type="button" className={styles.danger} disabled={p.busy || short} onClick={() => p.onAction('cancel', { reason })}>
                Cancel run
              </button>
            )}
          </>
        )}
      </div>
      {p.message && (
        <p className={p.message.error ? styles.errorText : styles.okText} role={p.message.error ? 'alert' : 'status'} data-testid="run-action-message">
          {p.message.text}
        </p>
      )}

      <h3 className={styles.subhead}>Attempts</h3>
      {p.attempts.length === 0 ? (
        <p className={styles.muted} data-testid="no-attempts">
          No attempt yet{r.state === 'awaiting_approval' ? ': the run waits for its approval.' : r.state === 'approved' ? ': the worker picks it up shortly.' : '.'}
        </p>
      ) : (
        <div className={styles.scroller}>
          <table className={styles.table} data-testid="attempts-table">
            <thead>
              <tr>
                <th scope="col" className={styles.num}>
                  #
                </th>
                <th scope="col">Started (UTC)</th>
                <th scope="col">Outcome</th>
                <th scope="col">HTTP</th>
                <th scope="col">Response</th>
                <th scope="col" className={styles.num}>
                  Took
                </th>
                <th scope="col">Run after</th>
              </tr>
            </thead>
            <tbody>
              {p.attempts.map((a) => (
                <tr key={a.attemptNo} data-testid="attempt-row">
                  <td className={styles.num}>{a.attemptNo}</td>
                  <td>{formatDateTime(a.startedAt)}</td>
                  <td>{a.outcome}</td>
                  <td>{a.httpStatus ?? '—'}</td>
                  <td className={styles.response}>
                    <code className={styles.code}>{a.bodyExcerpt ?? a.error ?? '—'}</code>
                  </td>
                  <td className={styles.num}>{a.durationMs} ms</td>
                  <td>{a.stateAfter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Closing the loop: what the checks after each ingest found (only for a run that succeeded). */
function OutcomeHistory({ run }: { run: RunRow }) {
  const steps = outcomeHistory(run);
  if (!steps.length) return null;
  return (
    <div data-testid="run-outcome-history">
      <h3 className={styles.subhead}>
        After the next ingest <OutcomeBadge run={run} />
      </h3>
      <ol className={styles.history}>
        {steps.map((s, i) => (
          <li key={i} data-outcome={s.outcome}>
            <span className={`${styles.badge} ${styles[outcomeTone(s.outcome)]}`}>{outcomeLabel(s.outcome)}</span>
            {s.at && <span className={styles.muted}>{formatDateTime(s.at)} UTC</span>}
            <span>{s.text}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
