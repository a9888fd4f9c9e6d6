'use client';
// The case table: a real <table> (headers, aria-rowcount) that renders only the rows in view.
// Rows have a fixed height, so the scroll position says which rows are visible; spacer rows above
// and below keep the scrollbar true to the whole selection. The parent loads rows by range
// (`onRange`) and hands them back through `rowAt`; rows not loaded yet show a placeholder.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseColumnInfo, CaseRow, CaseSort } from '../mining/types';
import { formatCell, isNumeric } from './case-format';
import styles from './CasesTable.module.css';

export const ROW_HEIGHT = 36;
const OVERSCAN = 10;

export interface CasesTableProps {
  columns: CaseColumnInfo[];
  total: number;
  rowAt(index: number): CaseRow | undefined;
  sort: CaseSort;
  onSort(sort: CaseSort): void;
  /** The rows in view changed (first and last index, inclusive): load them. */
  onRange(first: number, last: number): void;
  hrefFor(caseId: string): string;
  /** Height of the scrolling area in px. */
  height?: number;
  busy?: boolean;
}

const WIDTH: Record<CaseColumnInfo['type'], number> = { text: 170, integer: 90, number: 110, money: 130, datetime: 160, duration: 110 };
const widthOf = (c: CaseColumnInfo) => (c.id === 'case_id' ? 210 : c.id === 'customer_name' ? 240 : WIDTH[c.type]);

export function CasesTable({ columns, total, rowAt, sort, onSort, onRange, hrefFor, height = 560, busy }: CasesTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const bodyHeight = height - ROW_HEIGHT; // the sticky header takes one row
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (total > 0) onRange(first, last);
  }, [first, last, total, onRange]);

  // A new selection or order starts at the top.
  const key = `${sort.column}.${sort.dir}.${total}`;
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [key]);

  const onScroll = useCallback(() => {
    if (scroller.current) setScrollTop(scroller.current.scrollTop);
  }, []);

  const toggle = (c: CaseColumnInfo) =>
    onSort(sort.column === c.id ? { column: c.id, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { column: c.id, dir: isNumeric(c) || c.type === 'datetime' ? 'desc' : 'asc' });

  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = rowAt(i);
    rows.push(
      <tr key={i} aria-rowindex={i + 2} className={styles.row} style={{ height: ROW_HEIGHT }} data-testid={row ? 'case-row' : 'case-row-loading'}>
        {columns.map((c) =>
          row ? (
            <td key={c.id} className={isNumeric(c) ? styles.num : undefined}>
              {c.id === 'case_id' ? (
                <a href={hrefFor(String(row.case_id))} className={styles.caseLink}>
                  {String(row.case_id)}
                </a>
              ) : (
                formatCell(c, row[c.id], row)
              )}
            </td>
          ) : (
            <td key={c.id}>
              <span className={styles.skeleton} aria-hidden />
            </td>
          ),
        )}
      </tr>,
    );
  }
  const tableWidth = columns.reduce((s, c) => s + widthOf(c), 0);

  return (
    <div ref={scroller} className={styles.scroller} style={{ height }} onScroll={onScroll} aria-busy={busy || undefined} data-testid="cases-table">
      <table className={styles.table} style={{ width: tableWidth, minWidth: '100%' }} aria-rowcount={total + 1} aria-label={`Cases, ${total} rows`}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: widthOf(c) }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
            {columns.map((c) => {
              const active = sort.column === c.id;
              return (
                <th key={c.id} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={isNumeric(c) ? styles.num : undefined}>
                  <button type="button" className={styles.sortButton} onClick={() => toggle(c)} title={`Sort by ${c.label}${c.type === 'datetime' ? ' (UTC)' : ''}`}>
                    {c.label}
                    {c.type === 'datetime' && <span className={styles.unit}> UTC</span>}
                    <span className={styles.arrow} aria-hidden>
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden style={{ height: first * ROW_HEIGHT }} className={styles.spacer} />}
          {rows}
          {last < total - 1 && <tr aria-hidden style={{ height: (total - 1 - last) * ROW_HEIGHT }} className={styles.spacer} />}
        </tbody>
      </table>
    </div>
  );
}
