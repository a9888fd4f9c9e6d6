'use client';
// A markdown cell: edited as text, shown rendered when not being edited. A new, empty cell opens
// for editing; Escape or Done shows it rendered.
import { useEffect, useRef, useState } from 'react';
import type { MarkdownCell } from '../../notebooks/types';
import { MarkdownView } from './MarkdownView';
import styles from './MarkdownCellView.module.css';

export interface MarkdownCellViewProps {
  cell: MarkdownCell;
  index: number;
  onText(text: string): void;
  focusToken?: number;
}

export function MarkdownCellView({ cell, index, onText, focusToken }: MarkdownCellViewProps) {
  const n = index + 1;
  const [editing, setEditing] = useState(cell.text === '');
  const area = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusToken) setEditing(true);
  }, [focusToken]);
  useEffect(() => {
    if (editing && focusToken) area.current?.focus();
  }, [editing, focusToken]);
  const rows = Math.min(24, Math.max(4, cell.text.split('\n').length + 1));
  const done = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (editing) {
    return (
      <div className={styles.edit}>
        <textarea
          ref={area}
          className={styles.text}
          value={cell.text}
          rows={rows}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || ((e.ctrlKey || e.metaKey || e.shiftKey) && e.key === 'Enter')) {
              e.preventDefault();
              done();
            }
          }}
          aria-label={`Markdown text of cell ${n}`}
          placeholder="Notes in markdown: # headings, **bold**, lists, `code`, [links](https://…)"
          data-testid="markdown-input"
        />
        <div className={styles.actions}>
          <span className={styles.hint}>Markdown · Esc or Ctrl+Enter shows it rendered</span>
          <button type="button" className={styles.button} onClick={done} aria-label={`Show cell ${n} rendered`}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.view} onDoubleClick={() => setEditing(true)}>
      {cell.text.trim() ? <MarkdownView text={cell.text} /> : <p className={styles.hint}>An empty text cell. Edit it to write notes beside the queries.</p>}
      <button ref={editButton} type="button" className={styles.button} onClick={() => setEditing(true)} aria-label={`Edit the text of cell ${n}`} data-testid="edit-markdown">
        Edit
      </button>
    </div>
  );
}
