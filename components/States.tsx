// Empty, error and loading states that say what is going on and what to do.
import type { ReactNode } from 'react';
import styles from './States.module.css';

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.empty} data-testid="empty-state">
      <svg width="44" height="44" viewBox="0 0 44 44" aria-hidden>
        <rect x="4" y="8" width="36" height="28" rx="6" fill="#eef3fd" stroke="#b9c9ee" />
        <path d="M12 28l6-7 5 5 8-10" fill="none" stroke="#2f5fd0" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <h2 className={styles.title}>{title}</h2>
      <div className={styles.body}>{children}</div>
    </div>
  );
}

export function ErrorState({ what, message, onRetry }: { what: string; message: string; onRetry?: () => void }) {
  return (
    <div className={styles.error} role="alert" data-testid="error-state">
      <span className={styles.icon} aria-hidden>
        !
      </span>
      <div className={styles.errorText}>
        <p className={styles.errorTitle}>Could not load {what}</p>
        <p className={styles.errorMessage}>{message}</p>
      </div>
      {onRetry && (
        <button type="button" className={styles.retry} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A grey block of a fixed size, so the page does not move when the data arrives. */
export function Placeholder({ height, label }: { height: number | string; label: string }) {
  return (
    <div className={styles.placeholder} style={{ height }} aria-busy="true" aria-label={label}>
      <span className="spinner" aria-hidden /> {label}
    </div>
  );
}

export function Command({ children }: { children: string }) {
  return <code className={styles.command}>{children}</code>;
}
