// Remediation runs as a table: state, outcome after the next ingest, playbook, target case (a
// link), requester, approver, attempts, last response, created and updated (UTC). A row's id
// button opens its detail.
import { formatDateTime } from './case-format';
import { caseLabel, formatAmount } from './exception-format';
import { outcomeLabel, outcomeOf, outcomeTone, runStateLabel, runStateTone } from './remediation-format';
import styles from './Remediation.module.css';

/** The fields of a run the page shows (workflows' WorkflowRun fits). */
export interface RunRow {
  id: string;
  playbookId: string;
  playbookVersion: string;
  caseId: string | null;
  objectId: string | null;
  amount: number | null;
  currency: string | null;
  state: string;
  requestedBy: string;
  requestedAt: string;
  approvalRequired: boolean;
  approvalReason: string | null;
  approvalRoles: readonly string[];
  approvalExpiresAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastBody: string | null;
  lastError: string | null;
  overrideBy: string | null;
  overrideReason: string | null;
  updatedAt: string;
  /** Closing the loop: fixed / still_open / reopened, null = not checked (or not succeeded). */
  outcome: string | null;
  outcomeCheckedAt: string | null;
  clearedAt: string | null;
}

export function StateBadge({ state }: { state: string }) {
  return (
    <span className={`${styles.badge} ${styles[runStateTone(state)]}`} data-testid="run-state" data-state={state}>
      {runStateLabel(state)}
    </span>
  );
}

/** The outcome badge with when it was checked; a dash for a run that did not succeed. */
export function OutcomeBadge({ run, withTime = false }: { run: Pick<RunRow, 'state' | 'outcome' | 'outcomeCheckedAt'>; withTime?: boolean }) {
  const o = outcomeOf(run);
  if (!o) return <span className={styles.muted} data-testid="run-outcome" data-outcome="">—</span>;
  const checked = run.outcomeCheckedAt ? `checked ${formatDateTime(run.outcomeCheckedAt)} UTC` : 'checked after the next ingest';
  return (
    <span className={styles.outcome} data-testid="run-outcome" data-outcome={o}>
      <span className={`${styles.badge} ${styles[outcomeTone(o)]}`} title={o === 'unchecked' ? 'Checked after the next ingest' : `Checked ${formatDateTime(run.outcomeCheckedAt!)} UTC`}>
        {outcomeLabel(o)}
      </span>
      {withTime && o !== 'unchecked' && <span className={styles.muted}>{checked}</span>}
    </span>
  );
}

export const lastResponse = (r: Pick<RunRow, 'lastStatus' | 'lastError' | 'lastBody'>): string =>
  r.lastStatus !== null ? `HTTP ${r.lastStatus}` : r.lastError ? r.lastError : '—';

export interface RunsTableProps {
  runs: readonly RunRow[];
  selected: string | null;
  playbookTitle(id: string): string;
  caseHref(caseId: string): string;
  onOpen(runId: string): void;
  busy?: boolean;
}

export function RunsTable({ runs, selected, playbookTitle, caseHref, onOpen, busy }: RunsTableProps) {
  return (
    <div className={styles.scroller} aria-busy={busy || undefined}>
      <table className={styles.table} data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
            <th scope="col">Playbook</th>
            <th scope="col">Case</th>
            <th scope="col" className={styles.num}>
              Amount
            </th>
            <th scope="col">Requested by</th>
            <th scope="col">Approved by</th>
            <th scope="col" className={styles.num}>
              Attempts
            </th>
            <th scope="col">Last response</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Updated (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="run-row" data-run={r.id} data-case={r.caseId ?? ''} aria-selected={r.id === selected} className={r.id === selected ? styles.selectedRow : undefined}>
              <td>
                <button type="button" className={styles.linkButton} onClick={() => onOpen(r.id)} aria-label={`Open run ${r.id}`}>
                  {r.id.slice(0, 8)}
                </button>
              </td>
              <td>
                <StateBadge state={r.state} />
              </td>
              <td>
                <OutcomeBadge run={r} withTime />
              </td>
              <td title={`${r.playbookId} v${r.playbookVersion}`}>{playbookTitle(r.playbookId)}</td>
              <td>{r.caseId ? <a href={caseHref(r.caseId)}>{caseLabel(r.caseId)}</a> : '—'}</td>
              <td className={styles.num}>{formatAmount(r.amount, r.currency)}</td>
              <td>{r.requestedBy}</td>
              <td>{r.approvedBy ?? (r.state === 'awaiting_approval' ? <span className={styles.muted}>waiting</span> : '—')}</td>
              <td className={styles.num}>
                {r.attempts} / {r.maxAttempts}
              </td>
              <td className={styles.response} title={r.lastBody ?? r.lastError ?? ''}>
                {lastResponse(r)}
              </td>
              <td>{formatDateTime(r.requestedAt)}</td>
              <td>{formatDateTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
