// One number for a finance leader: value, change against the previous period coloured by whether
// it is good news, its definition on hover/focus, an optional trend and a link to what is behind it.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { KpiUnit } from '../mining/types';
import { DefinitionTip } from './DefinitionTip';
import { compare, formatKpi, formatKpiText, formatPct } from './format';
import styles from './KpiTile.module.css';

export interface KpiTileProps {
  id: string;
  label: string;
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  higherIsBetter: boolean;
  definition: ReactNode;
  /** e.g. "Oct 2025". */
  previousLabel: string;
  /** Where the number comes from: the cases behind it, or the panel that explains it. */
  href?: string;
  linkLabel?: string;
  linkTestId?: string;
  /** A second reading, small under the value. */
  secondary?: ReactNode;
  /** Further lines (a split by cause, a trend). */
  children?: ReactNode;
  testId?: string;
}

export function KpiTile(p: KpiTileProps) {
  const shown = formatKpi(p.value, p.unit);
  const change = compare(p.value, p.previous, p.higherIsBetter);
  const tipId = `tile-def-${p.id}`;
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '■';
  return (
    <article className={styles.tile} data-testid={p.testId ?? 'kpi-tile'} data-kpi={p.id} aria-labelledby={`${tipId}-label`}>
      <header className={styles.head}>
        <h3 className={styles.label} id={`${tipId}-label`}>
          {p.label}
        </h3>
        <DefinitionTip id={tipId} label={p.label}>
          {p.definition}
        </DefinitionTip>
      </header>
      <p className={styles.value} data-testid="tile-value" data-value={p.value ?? ''} aria-describedby={tipId}>
        {shown.value}
        {shown.unit && <span className={styles.unit}> {shown.unit}</span>}
      </p>
      {p.secondary && <div className={styles.secondary}>{p.secondary}</div>}
      <p className={`${styles.change} ${styles[change.trend]}`} data-testid="tile-change" data-trend={change.trend}>
        {change.trend === 'none' ? (
          <span>No value for {p.previousLabel}</span>
        ) : change.trend === 'same' ? (
          <span>
            No change <span className={styles.vs}>vs {p.previousLabel}</span>
          </span>
        ) : (
          <>
            <span className={styles.arrow} aria-hidden>
              {arrow}
            </span>
            <span>
              <span className={styles.srOnly}>{change.trend === 'better' ? 'better: ' : 'worse: '}</span>
              {change.pct === null ? 'new' : formatPct(change.pct)}
            </span>
            <span className={styles.vs}>
              vs {p.previousLabel} ({formatKpiText(p.previous, p.unit, p.value)})
            </span>
          </>
        )}
      </p>
      {p.children && <div className={styles.extra}>{p.children}</div>}
      {p.href && (
        <Link prefetch={false} href={p.href} className={styles.link} data-testid={p.linkTestId}>
          {p.linkLabel ?? 'See the cases'} <span aria-hidden>→</span>
        </Link>
      )}
    </article>
  );
}

export function KpiTileSkeleton() {
  return (
    <article className={styles.tile} aria-hidden>
      <span className="skeleton-line" style={{ width: '55%' }} />
      <span className="skeleton-line" style={{ width: '40%', height: 28, marginTop: 12 }} />
      <span className="skeleton-line" style={{ width: '70%', marginTop: 'auto' }} />
    </article>
  );
}
