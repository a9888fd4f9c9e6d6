// The frame around one cell: its number and kind, and the buttons that act on the cell (move,
// add above or below, duplicate, delete). Each button has an accessible name that says which cell.
import type { ReactNode } from 'react';
import styles from './CellFrame.module.css';

export type CellAction = 'up' | 'down' | 'addSqlAbove' | 'addSqlBelow' | 'addMarkdownBelow' | 'duplicate' | 'delete';

export interface CellFrameProps {
  index: number;
  count: number;
  kind: 'sql' | 'markdown';
  /** The result name of a SQL cell, shown beside the number. */
  title?: ReactNode;
  onAction(action: CellAction): void;
  children: ReactNode;
  active?: boolean;
}

export function CellFrame({ index, count, kind, title, onAction, children, active }: CellFrameProps) {
  const n = index + 1;
  const button = (action: CellAction, text: string, label: string, disabled = false) => (
    <button type="button" className={styles.tool} onClick={() => onAction(action)} aria-label={label} title={label} disabled={disabled} data-action={action}>
      {text}
    </button>
  );
  return (
    <section className={`${styles.cell} ${active ? styles.active : ''}`} aria-label={`Cell ${n}, ${kind === 'sql' ? 'SQL' : 'markdown'}`} data-testid="cell" data-kind={kind}>
      <header className={styles.head}>
        <span className={styles.number} aria-hidden>
          [{n}]
        </span>
        <span className={styles.kind}>{kind === 'sql' ? 'SQL' : 'Markdown'}</span>
        <div className={styles.title}>{title}</div>
        <div className={styles.tools} role="toolbar" aria-label={`Cell ${n} actions`}>
          {button('up', '↑', `Move cell ${n} up`, index === 0)}
          {button('down', '↓', `Move cell ${n} down`, index === count - 1)}
          {button('addSqlAbove', '+ SQL above', `Add a SQL cell above cell ${n}`)}
          {button('addSqlBelow', '+ SQL below', `Add a SQL cell below cell ${n}`)}
          {button('addMarkdownBelow', '+ Text below', `Add a markdown cell below cell ${n}`)}
          {button('duplicate', 'Duplicate', `Duplicate cell ${n}`)}
          {button('delete', 'Delete', `Delete cell ${n}`)}
        </div>
      </header>
      <div className={styles.body}>{children}</div>
    </section>
  );
}
