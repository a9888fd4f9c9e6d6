// The playbooks as the product runs them: what each does, on which queue, who must approve, its
// limits and version — the policy a requester and an approver read before acting.
import { approvalText, type ApprovalRule } from './remediation-format';
import { formatMoney } from './case-format';
import styles from './Remediation.module.css';

export interface PlaybookInfo {
  id: string;
  version: string;
  changeNote: string;
  title: string;
  description: string;
  appliesTo: { queues: readonly string[]; team?: string };
  action: { connector: string; method?: string; path?: string; channel?: string; subject?: string; dueInDays?: number };
  approval: ApprovalRule;
  limits: { maxAmount?: number; maxAttempts: number; timeoutMs: number };
}

export function actionText(a: PlaybookInfo['action']): string {
  if (a.connector === 'notify') return `Notification on channel “${a.channel}”: ${a.subject}`;
  return `${a.method} ${a.path} on the ${a.connector.toUpperCase()}${a.dueInDays ? ` (due in ${a.dueInDays} business days)` : ''}`;
}

export function PlaybookList({ playbooks, queueLabel }: { playbooks: readonly PlaybookInfo[]; queueLabel(id: string): string }) {
  return (
    <ul className={styles.playbooks} data-testid="playbook-list">
      {playbooks.map((pb) => (
        <li key={pb.id} id={`playbook-${pb.id}`} className={styles.playbook} data-testid="playbook" data-playbook={pb.id}>
          <header className={styles.playbookHead}>
            <h2 className={styles.playbookTitle}>{pb.title}</h2>
            <span className={styles.version} title={pb.changeNote}>
              {pb.id} · v{pb.version}
            </span>
          </header>
          <p className={styles.description}>{pb.description}</p>
          <dl className={styles.definition}>
            <dt>Applies to</dt>
            <dd data-testid="playbook-queues">
              {pb.appliesTo.queues.map(queueLabel).join(', ')}
              {pb.appliesTo.team ? ` (rows owned by ${pb.appliesTo.team})` : ''}
            </dd>
            <dt>Action</dt>
            <dd>
              <code className={styles.code}>{actionText(pb.action)}</code>
            </dd>
            <dt>Approval</dt>
            <dd data-testid="playbook-approval">{approvalText(pb.approval)}</dd>
            <dt>Limits</dt>
            <dd>
              {pb.limits.maxAmount !== undefined ? `Refused above ${formatMoney(pb.limits.maxAmount, 'USD')}; ` : ''}
              {pb.limits.maxAttempts} attempts at most, {pb.limits.timeoutMs / 1000} s per call
            </dd>
            <dt>Version</dt>
            <dd>
              {pb.version} — {pb.changeNote}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
