'use client';
// One group of the header's pages behind a button (disclosure pattern): Enter, Space or ↓ opens
// it on the first link, ↑/↓ move, Home/End jump, Escape closes it and returns to the button;
// leaving it with Tab or a click elsewhere closes it.
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import styles from './Header.module.css';

export interface NavMenuProps {
  label: string;
  items: readonly { id: string; href: string; label: string }[];
}

export function NavMenu({ label, items }: NavMenuProps) {
  const [open, setOpen] = useState(false);
  const [focusFirst, setFocusFirst] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  const links = () => Array.from(root.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);

  useEffect(() => {
    if (!open) return;
    if (focusFirst) links()[0]?.focus();
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, focusFirst]);

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setFocusFirst(true);
      setOpen(true);
      if (open) (e.key === 'ArrowDown' ? links()[0] : links().at(-1))?.focus();
    }
  };
  const onListKey = (e: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const go = (i: number) => {
      e.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
  };

  return (
    <div
      ref={root}
      className={styles.menu}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        // Escape from the button or any link of the open menu.
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`${styles.navLink} ${styles.menuButton}`}
        aria-expanded={open}
        aria-controls={listId}
        data-testid={`nav-group-${label.toLowerCase()}`}
        onClick={() => {
          setFocusFirst(false);
          setOpen(!open);
        }}
        onKeyDown={onButtonKey}
      >
        {label}
        <svg width="10" height="6" viewBox="0 0 10 6" aria-hidden className={styles.caret}>
          <path d="M1 1l4 4 4-4" stroke="currentColor" fill="none" strokeWidth="1.5" />
        </svg>
      </button>
      <ul id={listId} className={styles.menuList} hidden={!open} onKeyDown={onListKey} aria-label={label}>
        {items.map((n) => (
          <li key={n.id}>
            <Link href={n.href} className={styles.menuLink} onClick={() => setOpen(false)}>
              {n.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
