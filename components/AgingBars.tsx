'use client';
// AR aging as one horizontal stacked bar (Observable Plot) over a table of the buckets: amount,
// invoices, share of AR and the amount a month earlier. Buckets run from current to over 90 days.
import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { AgingBucket } from '../mining/types';
import { DefinitionTip } from './DefinitionTip';
import { formatCount, formatKpiText } from './format';
import { agingColours } from './palette';
import { PlotFigure } from './PlotFigure';
import styles from './AgingBars.module.css';

export interface AgingBarsProps {
  buckets: readonly AgingBucket[];
  /** The same buckets at the previous period's end (matched by id), for comparison. */
  previous?: readonly AgingBucket[];
  previousLabel: string;
  /** Link to the orders behind a bucket (or every open invoice for `all`); none when null. */
  hrefFor?: (bucket: string) => string | null;
}

/** Sub-cent balances (rounding left over by payments) read as zero, not "-$0". */
const cents = (v: number) => (Math.abs(v) < 0.005 ? 0 : v);
const money = (v: number) => formatKpiText(cents(v), 'usd');

export function AgingBars({ buckets, previous, previousLabel, hrefFor }: AgingBarsProps) {
  const count = (bucket: string, label: string, n: number) => {
    const href = n > 0 ? hrefFor?.(bucket) : null;
    return href ? (
      <a href={href} aria-label={`${formatCount(n)} invoices ${label}: open their orders`} data-testid="aging-cases-link">
        {formatCount(n)}
      </a>
    ) : (
      formatCount(n)
    );
  };
  const total = buckets.reduce((s, b) => s + b.amount, 0);
  const make = useMemo(() => {
    const rows = buckets.map((b, i) => ({ ...b, i, y: 'AR' }));
    return (width: number) =>
      Plot.plot({
        width,
        height: 54,
        marginLeft: 0,
        marginRight: 0,
        marginTop: 4,
        marginBottom: 20,
        x: { tickFormat: (v: number) => money(v), ticks: 5, label: null },
        y: { axis: null },
        style: { background: 'transparent', fontSize: '11px', color: 'var(--muted)' },
        marks: [
          Plot.barX(rows, Plot.stackX({ x: (d: (typeof rows)[number]) => Math.max(0, d.amount), y: 'y', fill: (d: (typeof rows)[number]) => agingColours[d.i], inset: 0.5 })),
          Plot.tip(rows, Plot.pointerX(Plot.stackX({ x: (d: (typeof rows)[number]) => Math.max(0, d.amount), y: 'y', title: (d: (typeof rows)[number]) => `${d.label}: ${money(d.amount)} · ${formatCount(d.invoices)} invoices` }))),
        ],
      });
  }, [buckets]);
  if (total === 0 && buckets.every((b) => b.invoices === 0)) {
    return <p className={styles.empty}>No receivables open at the end of this period.</p>;
  }
  return (
    <div className={styles.wrap} data-testid="aging">
      <PlotFigure make={make} label={`AR aging: ${buckets.map((b) => `${b.label} ${money(b.amount)}`).join(', ')}`} height={54} />
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Days past due</th>
            <th scope="col" className={styles.num}>Amount</th>
            <th scope="col" className={styles.num}>Invoices</th>
            <th scope="col" className={styles.num}>Share</th>
            <th scope="col" className={styles.num}>{previousLabel}</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b, i) => {
            const prev = previous?.find((p) => p.id === b.id);
            return (
              <tr key={b.id} data-testid="aging-row" data-bucket={b.id} data-amount={b.amount} data-invoices={b.invoices}>
                <th scope="row">
                  <span className={styles.cell}>
                    <span className={styles.swatch} style={{ background: agingColours[i] }} aria-hidden />
                    {b.label}
                    <DefinitionTip id={`aging-def-${b.id}`} label={b.label}>
                      {b.definition}
                    </DefinitionTip>
                  </span>
                </th>
                <td className={styles.num}>{money(b.amount)}</td>
                <td className={styles.num}>{count(b.id, b.label.toLowerCase(), b.invoices)}</td>
                <td className={styles.num}>{total > 0 ? `${((cents(b.amount) / total) * 100).toFixed(1)} %` : '—'}</td>
                <td className={`${styles.num} ${styles.prev}`}>{prev ? money(prev.amount) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total AR</th>
            <td className={styles.num}>{money(total)}</td>
            <td className={styles.num}>{count('all', 'open', buckets.reduce((s, b) => s + b.invoices, 0))}</td>
            <td className={styles.num}>100 %</td>
            <td className={`${styles.num} ${styles.prev}`}>{previous ? money(previous.reduce((s, b) => s + b.amount, 0)) : '—'}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
