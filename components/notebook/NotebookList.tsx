'use client';
// The notebooks as a table: title (a link), owner, last change (relative, exact UTC on hover),
// cells, and per row rename (in place), duplicate, export and delete (asks first).
import Link from 'next/link';
import { useState } from 'react';
import type { NotebookSummary } from '../../notebooks/types';
import { formatAsOf, formatCount } from '../format';
import styles from './NotebookList.module.css';
import { relativeTime } from './relative-time';

export interface NotebookListProps {
  notebooks: readonly NotebookSummary[];
  hrefFor(id: string): string;
  /** ms since the epoch, for "5 min ago". */
  now: number;
  onRename(id: string, title: string): void;
  onDuplicate(id: string): void;
  onExport(id: string): void;
  onDelete(id: string): void;
  /** The notebook an action is under way for (its buttons wait). */
  busyId?: string | null;
}

export function NotebookList({ notebooks, hrefFor, now, onRename, onDuplicate, onExport, onDelete, busyId }: NotebookListProps) {
  const [renaming, setRenaming] = useState<{ id: string; draft: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const commitRename = () => {
    if (!renaming) return;
    const t = renaming.draft.trim();
    const nb = notebooks.find((n) => n.id === renaming.id);
    if (t && nb && t !== nb.title) onRename(renaming.id, t);
    setRenaming(null);
  };
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label="Notebooks" data-testid="notebook-list">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Owner</th>
            <th scope="col">Last change</th>
            <th scope="col" className={styles.num}>
              Cells
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {notebooks.map((nb) => {
            const busy = busyId === nb.id;
            return (
              <tr key={nb.id} data-testid="notebook-row" data-id={nb.id} aria-busy={busy || undefined}>
                <td className={styles.titleCell}>
                  {renaming?.id === nb.id ? (
                    <input
                      className={styles.rename}
                      value={renaming.draft}
                      maxLength={120}
                      autoFocus
                      onChange={(e) => setRenaming({ id: nb.id, draft: e.target.value })}
                      onBlur={commitRename}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') commitRename();
                        if (e.key === 'Escape') setRenaming(null);
                      }}
                      aria-label={`New title for ${nb.title}`}
                    />
                  ) : (
                    <Link href={hrefFor(nb.id)} prefetch={false} className={styles.title} data-testid="notebook-link">
                      {nb.title}
                    </Link>
                  )}
                </td>
                <td className={styles.muted}>{nb.owner}</td>
                <td>
                  <time dateTime={nb.updatedAt} title={formatAsOf(nb.updatedAt)} suppressHydrationWarning>
                    {relativeTime(nb.updatedAt, now)}
                  </time>
                </td>
                <td className={styles.num}>{formatCount(nb.cells)}</td>
                <td className={styles.actions}>
                  {confirming === nb.id ? (
                    <span className={styles.confirm} role="group" aria-label={`Delete ${nb.title}?`}>
                      Delete “{nb.title}”? It cannot be undone.
                      <button
                        type="button"
                        className={styles.danger}
                        onClick={() => {
                          setConfirming(null);
                          onDelete(nb.id);
                        }}
                        data-testid="confirm-delete"
                      >
                        Delete
                      </button>
                      <button type="button" className={styles.action} onClick={() => setConfirming(null)} autoFocus>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <>
                      <Link href={hrefFor(nb.id)} prefetch={false} className={styles.action} aria-label={`Open ${nb.title}`}>
                        Open
                      </Link>
                      <button type="button" className={styles.action} disabled={busy} onClick={() => setRenaming({ id: nb.id, draft: nb.title })} aria-label={`Rename ${nb.title}`}>
                        Rename
                      </button>
                      <button type="button" className={styles.action} disabled={busy} onClick={() => onDuplicate(nb.id)} aria-label={`Duplicate ${nb.title}`}>
                        Duplicate
                      </button>
                      <button type="button" className={styles.action} disabled={busy} onClick={() => onExport(nb.id)} aria-label={`Export ${nb.title} as a file`}>
                        Export
                      </button>
                      <button type="button" className={styles.action} disabled={busy} onClick={() => setConfirming(nb.id)} aria-label={`Delete ${nb.title}`} data-testid="delete-notebook">
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
