// What the playbooks saved (workflows.savings): cases fixed, days removed and cash released, in
// total and per playbook, each figure's definition on hover and focus (as the overview's tiles),
// and "cases fixed" linking to the runs behind it. Pure: the page gives the data and the links.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMoney } from './case-format';
import { DefinitionTip } from './DefinitionTip';
import { formatCount, formatKpiText } from './format';
import styles from './SavingsPanel.module.css';

export interface SavingsLineData {
  casesFixed: number;
  runsFixed: number;
  daysRemoved: number;
  cashReleased: readonly { currency: string | null; amount: number }[];
}

export interface SavingsData extends SavingsLineData {
  byPlaybook: readonly (SavingsLineData & { playbookId: string })[];
  definitions: { casesFixed: string; daysRemoved: string; cashReleased: string };
}

export interface SavingsPanelProps {
  savings: SavingsData;
  playbookTitle(id: string): string;
  /** The runs page showing the fixed runs (of one playbook, or all). */
  fixedRunsHref(playbookId: string | null): string;
  busy?: boolean;
}

/** "$1,234.50" or "$1,234.50 · €80.00"; "none" when nothing was released. */
export const cashText = (cash: SavingsLineData['cashReleased']): string => (cash.length ? cash.map((c) => formatMoney(c.amount, c.currency)).join(' · ') : 'none');
export const daysText = (days: number): string => formatKpiText(days, 'days');

function Figure(p: { id: string; label: string; definition: string; value: string; raw: number | string; children?: ReactNode }) {
  const tip = `savings-def-${p.id}`;
  return (
    <article className={styles.figure} data-testid="savings-figure" data-figure={p.id} aria-labelledby={`${tip}-label`}>
      <header className={styles.head}>
        <h3 className={styles.label} id={`${tip}-label`}>
          {p.label}
        </h3>
        <DefinitionTip id={tip} label={p.label.toLowerCase()}>
          {p.definition}
        </DefinitionTip>
      </header>
      <p className={styles.value} data-testid="savings-value" data-value={p.raw} aria-describedby={tip}>
        {p.value}
      </p>
      {p.children}
    </article>
  );
}

export function SavingsPanel({ savings: s, playbookTitle, fixedRunsHref, busy }: SavingsPanelProps) {
  return (
    <section className={styles.panel} data-testid="savings" aria-labelledby="savings-title" aria-busy={busy || undefined}>
      <h2 className={styles.title} id="savings-title">
        What the playbooks saved
      </h2>
      <div className={styles.figures}>
        <Figure id="casesFixed" label="Cases fixed" definition={s.definitions.casesFixed} value={formatCount(s.casesFixed)} raw={s.casesFixed}>
          <p className={styles.note}>
            {formatCount(s.runsFixed)} fixed run{s.runsFixed === 1 ? '' : 's'}
          </p>
          {s.runsFixed > 0 && (
            <Link prefetch={false} href={fixedRunsHref(null)} className={styles.link} data-testid="savings-fixed-link">
              See the fixed runs <span aria-hidden>→</span>
            </Link>
          )}
        </Figure>
        <Figure id="daysRemoved" label="Days removed" definition={s.definitions.daysRemoved} value={daysText(s.daysRemoved)} raw={s.daysRemoved} />
        <Figure id="cashReleased" label="Cash released" definition={s.definitions.cashReleased} value={cashText(s.cashReleased)} raw={s.cashReleased.map((c) => `${c.currency ?? ''}:${c.amount}`).join(',')} />
      </div>
      {s.byPlaybook.length === 0 ? (
        <p className={styles.empty} data-testid="savings-empty">
          No run has been found fixed yet. After each ingest, every run that succeeded is checked: when its exception has left its queue, the run counts here.
        </p>
      ) : (
        <table className={styles.table} data-testid="savings-table">
          <caption className={styles.caption}>Per playbook</caption>
          <thead>
            <tr>
              <th scope="col">Playbook</th>
              <th scope="col" className={styles.num}>
                Cases fixed
              </th>
              <th scope="col" className={styles.num}>
                Fixed runs
              </th>
              <th scope="col" className={styles.num}>
                Days removed
              </th>
              <th scope="col" className={styles.num}>
                Cash released
              </th>
            </tr>
          </thead>
          <tbody>
            {s.byPlaybook.map((p) => (
              <tr key={p.playbookId} data-testid="savings-row" data-playbook={p.playbookId}>
                <th scope="row">{playbookTitle(p.playbookId)}</th>
                <td className={styles.num}>
                  <Link prefetch={false} href={fixedRunsHref(p.playbookId)} aria-label={`${formatCount(p.casesFixed)} cases fixed by ${playbookTitle(p.playbookId)}: see the runs`} data-testid="savings-cases">
                    {formatCount(p.casesFixed)}
                  </Link>
                </td>
                <td className={styles.num} data-testid="savings-runs">
                  {formatCount(p.runsFixed)}
                </td>
                <td className={styles.num} data-testid="savings-days">
                  {daysText(p.daysRemoved)}
                </td>
                <td className={styles.num} data-testid="savings-cash">
                  {cashText(p.cashReleased)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
