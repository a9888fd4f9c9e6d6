// The headline KPI cards: value, change against the previous period, definition on hover.
import type { KpiValue } from '../mining/types';
import { compare, formatKpi, formatKpiText, formatPct } from './format';
import styles from './KpiCards.module.css';

export interface KpiCardsProps {
  kpis: readonly KpiValue[];
  /** e.g. "Oct 2025": the previous period, for the comparison line. */
  previousLabel: string;
  /** A second reading shown small in a card, by card id (e.g. DSO by the countback method). */
  secondary?: Readonly<Record<string, KpiValue | undefined>>;
}

export function KpiCards({ kpis, previousLabel, secondary }: KpiCardsProps) {
  return (
    <section className={styles.grid} aria-label="Headline KPIs" data-testid="kpi-cards">
      {kpis.map((k) => (
        <KpiCard key={k.id} kpi={k} previousLabel={previousLabel} secondary={secondary?.[k.id]} />
      ))}
    </section>
  );
}

function KpiCard({ kpi, previousLabel, secondary }: { kpi: KpiValue; previousLabel: string; secondary?: KpiValue }) {
  const shown = formatKpi(kpi.value, kpi.unit);
  const change = compare(kpi.value, kpi.previous, kpi.higherIsBetter);
  const tipId = `kpi-def-${kpi.id}`;
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '■';
  return (
    <article className={styles.card} data-testid="kpi-card" data-kpi={kpi.id}>
      <header className={styles.head}>
        <h3 className={styles.label}>{kpi.label}</h3>
        <span className={styles.info} tabIndex={0} aria-describedby={tipId} aria-label={`How ${kpi.label} is defined`}>
          i
          <span role="tooltip" id={tipId} className={styles.tooltip}>
            <span data-testid="kpi-definition">{kpi.definition}</span>
            {kpi.breakdown && kpi.breakdown.length > 0 && (
              <span className={styles.breakdown}>
                {kpi.breakdown.map((b) => (
                  <span key={b.id} className={styles.breakdownRow}>
                    <span>{b.label}</span>
                    <strong>{formatKpiText(b.value, kpi.unit)}</strong>
                  </span>
                ))}
              </span>
            )}
            {secondary && (
              <span className={styles.breakdown}>
                <strong>{secondary.label}:</strong> {secondary.definition}
              </span>
            )}
          </span>
        </span>
      </header>
      <p className={styles.value} data-testid="kpi-value">
        {shown.value}
        {shown.unit && <span className={styles.unit}> {shown.unit}</span>}
      </p>
      {secondary && (
        <p className={styles.secondary} data-testid="kpi-secondary">
          {secondary.label} <strong>{formatKpiText(secondary.value, secondary.unit)}</strong>
        </p>
      )}
      <p className={`${styles.change} ${styles[change.trend]}`} data-testid="kpi-change" data-trend={change.trend}>
        {change.trend === 'none' ? (
          <span>No value for {previousLabel}</span>
        ) : change.trend === 'same' ? (
          <span>
            No change <span className={styles.vs}>vs {previousLabel} ({formatKpiText(kpi.previous, kpi.unit, kpi.value)})</span>
          </span>
        ) : (
          <>
            <span className={styles.arrow} aria-hidden>
              {arrow}
            </span>
            <span>{change.pct === null ? 'new' : formatPct(change.pct)}</span>
            <span className={styles.vs}>
              vs {previousLabel} ({formatKpiText(kpi.previous, kpi.unit, kpi.value)})
            </span>
          </>
        )}
      </p>
    </article>
  );
}

export function KpiCardsSkeleton({ count = 5 }: { count?: number }) {
  return (
    <section className={styles.grid} aria-busy="true" aria-label="Loading KPIs">
      {Array.from({ length: count }, (_, i) => (
        <article key={i} className={`${styles.card} ${styles.skeleton}`}>
          <div className="skeleton-line" style={{ width: '60%' }} />
          <div className="skeleton-line" style={{ width: '45%', height: 30, marginTop: 14 }} />
          <div className="skeleton-line" style={{ width: '75%', marginTop: 14 }} />
        </article>
      ))}
    </section>
  );
}
