'use client';
// The notebook's title, edited in place: a heading that turns into a field on click (or Enter on
// its button); Enter or leaving the field keeps the change, Escape drops it.
import { useEffect, useRef, useState } from 'react';
import styles from './NotebookTitle.module.css';

export function NotebookTitle({ title, onChange, maxLength = 120 }: { title: string; onChange(title: string): void; maxLength?: number }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);
  const commit = () => {
    const t = draft.trim().replace(/\s+/g, ' ');
    setEditing(false);
    if (t && t !== title) onChange(t);
    else setDraft(title);
  };
  if (editing) {
    return (
      <input
        ref={input}
        className={styles.input}
        value={draft}
        maxLength={maxLength}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(title);
            setEditing(false);
          }
        }}
        aria-label="Notebook title"
        data-testid="title-input"
      />
    );
  }
  return (
    <h1 className={styles.title}>
      <button
        type="button"
        className={styles.button}
        onClick={() => {
          setDraft(title);
          setEditing(true);
        }}
        title="Rename"
        data-testid="notebook-title"
      >
        {title}
        <span className={styles.pen} aria-hidden>
          ✎
        </span>
        <span className="sr-only"> (rename)</span>
      </button>
    </h1>
  );
}
