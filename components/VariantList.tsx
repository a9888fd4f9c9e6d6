'use client';
// Ranked variants: each row a checkbox, its sequence of activity chips, cases, a share bar and
// durations. Long sequences fold after a few chips and unfold on demand. Pure.
import { useState } from 'react';
import type { Variant } from '../mining/types';
import { ActivityChip } from './ActivityChip';
import { formatCount, formatSeconds } from './format';
import styles from './VariantList.module.css';

export interface VariantListProps {
  variants: readonly Variant[];
  /** Selected rows, by variant number. */
  selected: ReadonlySet<number>;
  onToggle: (variantNo: number, on: boolean) => void;
  /** Toggles every listed variant at once. */
  onToggleAll: (on: boolean) => void;
  caseNoun: string;
}

const FOLD = 12;

export const sharePct = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)} %`;

export function VariantList({ variants, selected, onToggle, onToggleAll, caseNoun }: VariantListProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const maxShare = Math.max(0, ...variants.map((v) => v.share));
  const all = variants.length > 0 && variants.every((v) => selected.has(v.variantNo));
  const some = variants.some((v) => selected.has(v.variantNo));
  return (
    <table className={styles.table} data-testid="variant-list">
      <thead>
        <tr>
          <th scope="col" className={styles.check}>
            <input
              type="checkbox"
              aria-label="Select every listed variant"
              checked={all}
              ref={(el) => void (el && (el.indeterminate = some && !all))}
              onChange={(e) => onToggleAll(e.target.checked)}
            />
          </th>
          <th scope="col" className={styles.rank}>
            #
          </th>
          <th scope="col">Sequence</th>
          <th scope="col" className={styles.num}>
            {caseNoun[0].toUpperCase() + caseNoun.slice(1)}
          </th>
          <th scope="col" className={styles.shareCol}>
            Share
          </th>
          <th scope="col" className={styles.num}>
            Median
          </th>
          <th scope="col" className={styles.num}>
            Mean
          </th>
        </tr>
      </thead>
      <tbody>
        {variants.map((v) => {
          const on = selected.has(v.variantNo);
          const unfolded = open.has(v.variantNo) || v.activities.length <= FOLD + 2;
          const shown = unfolded ? v.activities : v.activities.slice(0, FOLD);
          return (
            <tr key={v.variantNo} className={on ? styles.selected : undefined} data-testid="variant-row" data-variant={v.variantNo} data-cases={v.cases} data-activities={JSON.stringify(v.activities)}>
              <td className={styles.check}>
                <input type="checkbox" checked={on} onChange={(e) => onToggle(v.variantNo, e.target.checked)} aria-label={`Select variant ${v.variantNo}`} data-testid="variant-check" />
              </td>
              <td className={styles.rank}>{v.variantNo}</td>
              <td>
                <ol className={styles.sequence} aria-label={`${v.activities.length} activities`}>
                  {shown.map((a, i) => (
                    <li key={i}>
                      <ActivityChip activity={a} />
                    </li>
                  ))}
                  {!unfolded && (
                    <li>
                      <button type="button" className={styles.more} onClick={() => setOpen(new Set(open).add(v.variantNo))}>
                        +{v.activities.length - FOLD} more
                      </button>
                    </li>
                  )}
                  {v.activities.length === 0 && <li className={styles.emptySeq}>no activities</li>}
                </ol>
              </td>
              <td className={styles.num} data-testid="variant-cases">
                {formatCount(v.cases)}
              </td>
              <td className={styles.shareCol}>
                <span className={styles.share}>
                  <span className={styles.bar} aria-hidden>
                    <span style={{ width: `${maxShare ? (100 * v.share) / maxShare : 0}%` }} />
                  </span>
                  {sharePct(v.share)}
                </span>
              </td>
              <td className={styles.num}>{v.medianSeconds === null ? '—' : formatSeconds(v.medianSeconds)}</td>
              <td className={styles.num}>{v.meanSeconds === null ? '—' : formatSeconds(v.meanSeconds)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
