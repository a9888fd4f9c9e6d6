// Root causes ranked by lift: each attribute value (or pair) with how much more often the outcome
// happens with it than without it, the share of its orders that had the outcome against the rest,
// and a link to those orders.
import Link from 'next/link';
import type { Driver } from '../mining/types';
import { formatCount } from './format';
import styles from './DriverList.module.css';

export interface DriverListProps {
  drivers: readonly Driver[];
  /** The outcome's label, e.g. "Late payment". */
  outcome: string;
  attributeLabel: (attribute: string) => string;
  hrefFor: (driver: Driver) => string;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);
export const driverText = (d: Driver, label: (a: string) => string) => d.conditions.map((c) => `${label(c.attribute)} ${c.value}`).join(' ∧ ');

export function DriverList({ drivers, outcome, attributeLabel, hrefFor }: DriverListProps) {
  if (drivers.length === 0) {
    return <p className={styles.empty}>No attribute value stands out for {outcome.toLowerCase()}: each has too few orders or the same rate as the rest. Loosen the filters to compare more orders.</p>;
  }
  const maxLift = Math.max(...drivers.map((d) => d.lift ?? 0), 1);
  return (
    <ol className={styles.list} data-testid="driver-list">
      {drivers.map((d) => {
        const text = driverText(d, attributeLabel);
        return (
          <li key={text} className={styles.item} data-testid="driver" data-lift={d.lift ?? ''} data-cases={d.cases} data-outcome-cases={d.outcomeCases} data-conditions={JSON.stringify(d.conditions)}>
            <div className={styles.head}>
              <Link prefetch={false} href={hrefFor(d)} className={styles.name} aria-label={`Orders with ${text}`}>
                {text}
              </Link>
              <span className={`${styles.lift} ${d.lift !== null && d.lift < 1 ? styles.below : ''}`} title={d.lift !== null && d.lift < 1 ? 'Less often than in the rest' : undefined}>{d.lift === null ? 'only here' : `${d.lift.toFixed(2)}×`}</span>
            </div>
            <div className={styles.bars}>
              <span className={styles.barLabel}>Lift</span>
              <span className={styles.track} role="img" aria-label={`Lift ${d.lift === null ? 'unbounded' : d.lift.toFixed(2)}`}>
                <span className={`${styles.liftBar} ${d.lift !== null && d.lift < 1 ? styles.belowBar : ''}`} style={{ width: `${Math.min(100, ((d.lift ?? maxLift) / maxLift) * 100)}%` }} />
              </span>
              <span className={styles.barLabel}>Rate</span>
              <span className={styles.track} role="img" aria-label={`${pct(d.rate)} of these orders against ${pct(d.rateWithout)} of the rest`}>
                <span className={styles.rateBar} style={{ width: `${d.rate * 100}%` }} />
                {d.rateWithout !== null && <span className={styles.baseline} style={{ left: `${d.rateWithout * 100}%` }} />}
              </span>
            </div>
            <p className={styles.detail}>
              {formatCount(d.outcomeCases)} of {formatCount(d.cases)} orders ({pct(d.rate)}) against {pct(d.rateWithout)} of the rest
              {d.excessCases !== null && d.excessCases > 0 && <> · {formatCount(Math.round(d.excessCases))} more than the rest&apos;s rate gives</>}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
