'use client';
// "What is costing us": the DSO impact stages as bars of days (ΔDSO after the invoice, days of cash
// later before it) and a list with the cash each ties up, the DSO if it met its target, and a link
// to the cases behind it.
import * as Plot from '@observablehq/plot';
import Link from 'next/link';
import { useMemo } from 'react';
import type { StageImpact } from '../mining/types';
import { DefinitionTip } from './DefinitionTip';
import { formatCount, formatHours, formatKpiText } from './format';
import { causeColours, palette } from './palette';
import { PlotFigure } from './PlotFigure';
import styles from './CauseChart.module.css';

export interface CauseChartProps {
  stages: readonly StageImpact[];
  /** The period's DSO, for the what-if column. */
  dso: number | null;
  /** The cases behind a stage; null when no filter can select them. */
  hrefFor: (stage: StageImpact) => string | null;
}

const money = (v: number) => formatKpiText(v, 'usd');
const days = (v: number) => `${v.toFixed(1)} d`;

export function CauseChart({ stages, dso, hrefFor }: CauseChartProps) {
  const ranked = useMemo(() => [...stages].sort((a, b) => b.deltaDays - a.deltaDays), [stages]);
  const make = useMemo(
    () => (width: number) =>
      Plot.plot({
        width,
        height: 36 + ranked.length * 30,
        marginLeft: Math.min(220, Math.max(120, width * 0.32)),
        marginRight: 60,
        marginTop: 6,
        marginBottom: 26,
        x: { label: 'days', grid: true, nice: true, tickFormat: (v: number) => `${v}` },
        y: { label: null, domain: ranked.map((s) => s.label) },
        style: { background: 'transparent', fontSize: '11.5px', color: 'var(--muted)' },
        marks: [
          Plot.barX(ranked, { x: 'deltaDays', y: 'label', fill: (s: StageImpact) => (s.visibleInDso ? causeColours.inDso : causeColours.beforeInvoice), insetTop: 4, insetBottom: 4 }),
          Plot.text(ranked, { x: 'deltaDays', y: 'label', text: (s: StageImpact) => days(s.deltaDays), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
          Plot.ruleX([0], { stroke: palette.border }),
          Plot.tip(ranked, Plot.pointerY({ x: 'deltaDays', y: 'label', title: (s: StageImpact) => `${s.label}\n${s.visibleInDso ? 'ΔDSO' : 'Cash later by'} ${days(s.deltaDays)}\nCash tied up ${money(s.cashTiedUp)}` })),
        ],
      }),
    [ranked],
  );
  if (ranked.length === 0) return <p className={styles.empty}>No invoices in this period, so nothing to attribute.</p>;
  return (
    <div className={styles.wrap}>
      <div className={styles.legend} aria-hidden>
        <span><i style={{ background: causeColours.inDso }} /> After the invoice: ΔDSO</span>
        <span><i style={{ background: causeColours.beforeInvoice }} /> Before the invoice: days cash arrives later (DSO cannot see it)</span>
      </div>
      <PlotFigure make={make} label={`Days added by cause: ${ranked.map((s) => `${s.label} ${days(s.deltaDays)}`).join(', ')}`} height={36 + ranked.length * 30} testId="cause-chart" />
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Cause</th>
            <th scope="col" className={styles.num}>Days</th>
            <th scope="col" className={styles.num}>Cash tied up</th>
            <th scope="col" className={styles.num}>Invoices over target</th>
            <th scope="col" className={styles.num}>DSO if on target</th>
            <th scope="col"><span className={styles.hidden}>Cases</span></th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((s) => {
            const href = hrefFor(s);
            return (
              <tr key={s.stage} data-testid="cause-row" data-stage={s.stage} data-delta={s.deltaDays} data-cash={s.cashTiedUp}>
                <th scope="row">
                  <span className={styles.cell}>
                    <i className={styles.swatch} style={{ background: s.visibleInDso ? causeColours.inDso : causeColours.beforeInvoice }} aria-hidden />
                    {s.label}
                    <DefinitionTip id={`cause-def-${s.stage}`} label={s.label}>
                      {s.definition} Target: {formatHours(s.targetHours)}.{' '}
                      {s.visibleInDso ? 'After the invoice: counted in DSO.' : 'Before the invoice exists: DSO does not show it, but cash arrives that much later.'}
                    </DefinitionTip>
                  </span>
                </th>
                <td className={styles.num}>{days(s.deltaDays)}</td>
                <td className={styles.num}>{money(s.cashTiedUp)}</td>
                <td className={styles.num}>{formatCount(s.invoicesOverTarget)}</td>
                <td className={styles.num}>{s.visibleInDso && s.whatIfDso !== null ? days(s.whatIfDso) : dso !== null ? <span className={styles.muted}>{days(dso)}</span> : '—'}</td>
                <td>
                  {href ? (
                    <Link prefetch={false} href={href} className={styles.link} data-testid={`cause-${s.stage}`} aria-label={`The cases behind ${s.label}`}>
                      Cases →
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
