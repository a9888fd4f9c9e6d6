// The triggering rules (policies/rules): each as a card — on or off, the condition in words, the
// playbook it requests (a link to its card), what it did on the log (runs requested, fixed, still
// open, reopened, the last request, links to those runs) and how to switch it. A file with an
// error shows the file and the field instead. Pure: the page gives the data and the links.
import { formatAsOf, formatCount } from './format';
import { runStateLabel } from './remediation-format';
import styles from './RuleList.module.css';

export interface RuleActivityInfo {
  requested: number;
  byState: Record<string, number>;
  byOutcome: { fixed: number; still_open: number; reopened: number };
  lastRequestedAt: string | null;
}

export interface RuleInfo {
  file: string;
  id: string;
  rule: {
    version: string;
    changeNote: string;
    title: string;
    description: string;
    enabled: boolean;
    playbook: string;
    playbookTitle: string;
    queue: string;
    conditions: readonly string[];
  } | null;
  error: string | null;
  activity: RuleActivityInfo;
}

export interface RuleListProps {
  rules: readonly RuleInfo[];
  /** Runs requested by rules whose file is gone. */
  removed: readonly { id: string; activity: RuleActivityInfo }[];
  queueLabel(id: string): string;
  /** The playbook's card on this page. */
  playbookHref(id: string): string;
  /** The runs page filtered to the runs this rule requested (and an outcome). */
  runsHref(ruleId: string, outcome: 'fixed' | null): string;
}

const sentence = (parts: readonly string[]): string => {
  const s = parts.join('; ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};
const runs = (n: number) => `${formatCount(n)} run${n === 1 ? '' : 's'}`;

function Activity({ id, a, runsHref }: { id: string; a: RuleActivityInfo; runsHref: RuleListProps['runsHref'] }) {
  if (a.requested === 0) return <p className={styles.quiet} data-testid="rule-activity" data-requested={0}>No runs requested on this log.</p>;
  const states = Object.entries(a.byState)
    .sort((x, y) => y[1] - x[1])
    .map(([s, n]) => `${formatCount(n)} ${runStateLabel(s).toLowerCase()}`)
    .join(', ');
  return (
    <div className={styles.activity} data-testid="rule-activity" data-requested={a.requested} data-fixed={a.byOutcome.fixed}>
      <p className={styles.figures}>
        <a href={runsHref(id, null)} data-testid="rule-runs-link">
          {runs(a.requested)} requested
        </a>
        {' · '}
        <a href={runsHref(id, 'fixed')}>{formatCount(a.byOutcome.fixed)} fixed</a>
        {' · '}
        {formatCount(a.byOutcome.still_open)} still open · {formatCount(a.byOutcome.reopened)} reopened
      </p>
      <p className={styles.quiet}>
        By status: {states}. Last request {a.lastRequestedAt ? formatAsOf(a.lastRequestedAt) : '—'}.
      </p>
    </div>
  );
}

export function RuleList({ rules, removed, queueLabel, playbookHref, runsHref }: RuleListProps) {
  const broken = rules.some((r) => r.error);
  return (
    <div className={styles.stack}>
      {broken && (
        <p className={styles.blocked} data-testid="rules-blocked">
          A rule file has an error: while it is there, no rule runs after an ingest (the folder is loaded as a whole). Fix the field named below.
        </p>
      )}
      <ul className={styles.rules} data-testid="rule-list">
        {rules.map((r) => (
          <li key={r.file} className={styles.rule} data-testid="rule" data-rule={r.id} data-enabled={r.rule ? String(r.rule.enabled) : undefined}>
            {r.rule ? (
              <>
                <header className={styles.head}>
                  <h3 className={styles.title}>{r.rule.title}</h3>
                  <span className={`${styles.badge} ${r.rule.enabled ? styles.on : styles.off}`} data-testid="rule-badge">
                    {r.rule.enabled ? 'Enabled' : 'Disabled'}
                  </span>
                </header>
                <p className={styles.version} title={r.rule.changeNote}>
                  {r.id} · v{r.rule.version} — {r.rule.changeNote}
                </p>
                <p className={styles.description}>{r.rule.description}</p>
                <dl className={styles.definition}>
                  <dt>Queue</dt>
                  <dd>{queueLabel(r.rule.queue)}</dd>
                  <dt>When</dt>
                  <dd data-testid="rule-conditions">{sentence(r.rule.conditions)}</dd>
                  <dt>Requests</dt>
                  <dd>
                    <a href={playbookHref(r.rule.playbook)} data-testid="rule-playbook">
                      {r.rule.playbookTitle}
                    </a>{' '}
                    as <code className={styles.code}>rule:{r.id}</code> (the playbook's approval rule applies)
                  </dd>
                  <dt>On this log</dt>
                  <dd>
                    <Activity id={r.id} a={r.activity} runsHref={runsHref} />
                  </dd>
                </dl>
                <p className={styles.howTo}>
                  To switch it {r.rule.enabled ? 'off' : 'on'}, set <code className={styles.code}>&quot;enabled&quot;: {r.rule.enabled ? 'false' : 'true'}</code> in{' '}
                  <code className={styles.code}>{r.file}</code>. The file is read again at each ingest, so the change applies from the next one without a
                  restart; the edit is recorded on the audit trail as a <code className={styles.code}>policy.change</code> entry.
                </p>
              </>
            ) : (
              <>
                <header className={styles.head}>
                  <h3 className={styles.title}>{r.file}</h3>
                  <span className={`${styles.badge} ${styles.error}`} data-testid="rule-badge">
                    Error
                  </span>
                </header>
                <p className={styles.errorText} data-testid="rule-error">
                  {r.error}
                </p>
                {r.activity.requested > 0 && <Activity id={r.id} a={r.activity} runsHref={runsHref} />}
              </>
            )}
          </li>
        ))}
      </ul>
      {removed.length > 0 && (
        <p className={styles.quiet} data-testid="rules-removed">
          Runs requested by rules no longer in the folder:{' '}
          {removed.map((x, i) => (
            <span key={x.id}>
              {i > 0 ? ', ' : ''}
              <a href={runsHref(x.id, null)}>
                rule:{x.id} ({runs(x.activity.requested)})
              </a>
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}
