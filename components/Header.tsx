// The product header: name, what is being looked at, and how fresh the data is.
import { formatAsOf } from './format';
import styles from './Header.module.css';

export interface HeaderProps {
  /** Newest event in the log, ISO UTC; null when there is no data; undefined while not known. */
  asOf: string | null | undefined;
  logName?: string | null;
}

export function Header({ asOf, logName }: HeaderProps) {
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden className={styles.mark}>
          <rect x="1" y="1" width="22" height="22" rx="6" fill="#2f5fd0" />
          <path d="M6 8h12M12 8v10" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
          <circle cx="12" cy="18" r="1.9" fill="#9fd3ff" />
        </svg>
        <span className={styles.name}>Throughline</span>
        <span className={styles.divider} aria-hidden />
        <span className={styles.context}>{logName ?? 'Order-to-cash'}</span>
      </div>
      <div className={styles.meta} data-testid="as-of">
        {asOf ? (
          <>
            <span className={styles.dot} aria-hidden />
            Data as of <strong>{formatAsOf(asOf)}</strong>
          </>
        ) : asOf === null ? (
          <span>No data loaded</span>
        ) : null}
        <span className={styles.tz}>All times UTC</span>
      </div>
    </header>
  );
}
