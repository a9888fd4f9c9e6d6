// The conformance result of one case: fitness, the deviations from the reference model and the
// business rules it broke, each with the activity, when, and what it cost in time.
import type { CaseDetail } from '../mining/types';
import { formatDateTime } from './case-format';
import { formatSeconds } from './format';
import styles from './CaseDeviations.module.css';

const KIND: Record<string, string> = {
  skipped: 'Skipped',
  repeated: 'Repeated',
  'out-of-order': 'Out of order',
  unexpected: 'Unexpected',
};

export function CaseDeviations({ conformance }: { conformance: NonNullable<CaseDetail['conformance']> }) {
  const { fitness, deviations, violations } = conformance;
  if (deviations.length === 0 && violations.length === 0) {
    return (
      <p className={styles.ok} data-testid="no-deviations">
        The case follows the reference model{conformance.modelVersion !== null ? ` (version ${conformance.modelVersion})` : ''}: no deviations and no broken rules.
      </p>
    );
  }
  return (
    <div className={styles.wrap}>
      {fitness !== null && (
        <p className={styles.fitness}>
          Fitness <strong>{fitness.toFixed(3)}</strong>
          <span className={styles.muted}> (1 = fits the model exactly)</span>
        </p>
      )}
      <ul className={styles.list}>
        {deviations.map((d, i) => (
          <li key={`d${i}`} className={styles.item} data-testid="case-deviation">
            <span className={styles.kind} data-kind={d.kind}>
              {KIND[d.kind] ?? d.kind}
            </span>
            <span className={styles.what}>
              {d.activity}
              {d.position && ` (${d.position}${d.relatedActivity ? `, relative to ${d.relatedActivity}` : ''})`}
              {d.count > 1 && ` × ${d.count}`}
            </span>
            <span className={styles.muted}>
              {d.ts ? `${formatDateTime(d.ts)} UTC` : 'never happened'}
              {d.costSeconds !== null && d.costSeconds > 0 && ` · ${formatSeconds(d.costSeconds)}`}
            </span>
          </li>
        ))}
        {violations.map((v, i) => (
          <li key={`v${i}`} className={styles.item} data-testid="case-violation">
            <span className={styles.kind} data-kind="rule">
              Rule
            </span>
            <span className={styles.what}>
              {v.description ?? v.ruleId}: {v.activity}
              {v.relatedActivity && ` / ${v.relatedActivity}`}
            </span>
            <span className={styles.muted}>
              {v.ts ? `${formatDateTime(v.ts)} UTC` : ''}
              {v.costSeconds !== null && v.costSeconds > 0 && ` · ${formatSeconds(v.costSeconds)}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
