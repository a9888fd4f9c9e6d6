'use client';
// A query result as a real <table> that renders only the rows in view: rows have a fixed height,
// so the scroll position says which rows are visible, and spacer rows keep the scrollbar true to
// the whole result. The header sticks and names each column with its DuckDB type.
import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatCount } from '../format';
import styles from './ResultTable.module.css';
import { displayValue, isNumericKind, type ResultColumn } from './result-values';

export const ROW_HEIGHT = 30;
const OVERSCAN = 8;

export interface ResultTableProps {
  table: Table;
  columns: readonly ResultColumn[];
  /** Accessible name, e.g. "Result of cell 2". */
  label: string;
  /** Height of the scrolling area at most, in px (shorter when the result is short). */
  maxHeight?: number;
}

const widthOf = (c: ResultColumn) => {
  const base = c.kind === 'integer' || c.kind === 'number' ? 120 : c.kind === 'time' ? 170 : c.kind === 'date' ? 110 : c.kind === 'boolean' ? 80 : 200;
  // Wide enough for the header's name and type side by side (about 7 px a character).
  return Math.max(base, Math.min(320, 28 + 7 * (c.name.length + c.type.length + 1)));
};

export function ResultTable({ table, columns, label, maxHeight = 420 }: ResultTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const total = table.numRows;
  const height = Math.min(maxHeight, (total + 1) * ROW_HEIGHT + 2);
  const bodyHeight = height - ROW_HEIGHT;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);

  // A new result starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [table]);
  const onScroll = useCallback(() => {
    if (scroller.current) setScrollTop(scroller.current.scrollTop);
  }, []);

  const vectors = columns.map((c) => table.getChild(c.name));
  const gutter = Math.max(48, 14 + 8 * String(total).length);
  const rows = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <tr key={i} aria-rowindex={i + 2} className={styles.row} style={{ height: ROW_HEIGHT }} data-testid="result-row">
        <th scope="row" className={styles.gutter}>
          {i + 1}
        </th>
        {columns.map((c, j) => {
          const text = displayValue(vectors[j]?.get(i), c.kind);
          return (
            <td key={c.name + j} className={isNumericKind(c.kind) ? styles.num : undefined} title={text !== null && text.length > 24 ? text : undefined}>
              {text === null ? <span className={styles.null}>null</span> : text}
            </td>
          );
        })}
        <td aria-hidden className={styles.filler} />
      </tr>,
    );
  }
  // The filler column after the last takes what is left of a wide container, so the columns keep their widths.
  const tableWidth = gutter + columns.reduce((s, c) => s + widthOf(c), 0) + 1;

  return (
    <div ref={scroller} className={styles.scroller} style={{ height }} onScroll={onScroll} tabIndex={0} role="region" aria-label={label} data-testid="result-table">
      <table className={styles.table} style={{ width: tableWidth, minWidth: '100%' }} aria-rowcount={total + 1} aria-label={`${label}, ${formatCount(total)} rows`}>
        <colgroup>
          <col style={{ width: gutter }} />
          {columns.map((c, j) => (
            <col key={c.name + j} style={{ width: widthOf(c) }} />
          ))}
          <col />
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
            <th scope="col" className={styles.gutter}>
              <span className="sr-only">Row</span>
            </th>
            {columns.map((c, j) => (
              <th key={c.name + j} scope="col" className={isNumericKind(c.kind) ? styles.num : undefined} title={`${c.name} (${c.type})`} data-testid="result-column">
                <span className={styles.colName}>{c.name}</span>{' '}
                <span className={styles.colType}>{c.type.toLowerCase()}</span>
              </th>
            ))}
            <th aria-hidden className={styles.filler} />
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
