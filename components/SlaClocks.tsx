// The SLA clocks of one case: per rule of the policy, a bar per clock showing the business time
// used against the allowance (the mark at 100 % is the due time), coloured by status. Rules with
// no clock in this case say so.
import type { CaseSlaClock } from '../mining/types';
import { formatDateTime } from './case-format';
import { formatSeconds } from './format';
import styles from './SlaClocks.module.css';

export interface SlaClocksProps {
  rules: { ruleId: string; label: string; within: string }[];
  clocks: CaseSlaClock[];
}

const STATUS_LABEL: Record<CaseSlaClock['status'], string> = {
  met: 'Met',
  breached: 'Breached',
  open: 'Running',
  at_risk: 'At risk',
  open_breached: 'Running, breached',
  exempt: 'Exempt (on hold)',
  restarted: 'Restarted',
};

/** The bar shows up to twice the allowance; beyond that it is full and says by how much. */
const SCALE = 2;

function Clock({ c }: { c: CaseSlaClock }) {
  const share = c.allowanceSeconds > 0 ? c.usedSeconds / c.allowanceSeconds : 0;
  const pct = Math.round(share * 100);
  return (
    <li className={styles.clock} data-testid="sla-clock" data-status={c.status}>
      <div className={styles.clockHead}>
        <span className={styles.status} data-status={c.status}>
          {STATUS_LABEL[c.status]}
          {c.severity && ` · ${c.severity}`}
        </span>
        <span className={styles.entity}>
          {c.entityId}
          {c.clockNo > 0 && ` · restart ${c.clockNo}`}
        </span>
      </div>
      <div
        className={styles.track}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={Math.round(c.allowanceSeconds)}
        aria-valuenow={Math.round(Math.min(c.usedSeconds, c.allowanceSeconds * SCALE))}
        aria-label={`${formatSeconds(c.usedSeconds)} of ${formatSeconds(c.allowanceSeconds)} business time used`}
      >
        <div className={styles.fill} data-status={c.status} style={{ width: `${(Math.min(share, SCALE) / SCALE) * 100}%` }} />
        <div className={styles.due} style={{ left: `${100 / SCALE}%` }} aria-hidden />
      </div>
      <div className={styles.facts}>
        <span>
          {formatSeconds(c.usedSeconds)} of {formatSeconds(c.allowanceSeconds)} ({pct} %)
        </span>
        <span>started {formatDateTime(c.start)} UTC</span>
        <span>due {formatDateTime(c.due)} UTC</span>
        {c.stop ? <span>stopped {formatDateTime(c.stop)} UTC</span> : <span>as of {formatDateTime(c.asOf)} UTC</span>}
      </div>
    </li>
  );
}

export function SlaClocks({ rules, clocks }: SlaClocksProps) {
  return (
    <ul className={styles.rules}>
      {rules.map((r) => {
        const mine = clocks.filter((c) => c.ruleId === r.ruleId);
        return (
          <li key={r.ruleId} className={styles.rule}>
            <div className={styles.ruleHead}>
              <span className={styles.ruleLabel}>{r.label}</span>
              <span className={styles.within}>within {r.within}</span>
            </div>
            {mine.length === 0 ? (
              <p className={styles.none}>No clock: this rule does not apply to the case, or its start event has not happened.</p>
            ) : (
              <ul className={styles.clocks}>
                {mine.map((c) => (
                  <Clock key={`${c.entityId}|${c.start}|${c.clockNo}`} c={c} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
