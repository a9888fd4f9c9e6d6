// The product header: name, what is being looked at, and how fresh the data is.
import Link from 'next/link';
import { formatAsOf } from './format';
import styles from './Header.module.css';

export interface HeaderProps {
  /** Newest event in the log, ISO UTC; null when there is no data; undefined while not known. */
  asOf: string | null | undefined;
  logName?: string | null;
  /** The page being shown, for the nav. */
  active?: 'overview' | 'ingest' | 'import';
}

const NAV = [
  { id: 'overview', href: '/', label: 'Overview' },
  { id: 'ingest', href: '/ingest', label: 'Ingest' },
  { id: 'import', href: '/import', label: 'Import' },
] as const;

export function Header({ asOf, logName, active = 'overview' }: HeaderProps) {
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
        <nav className={styles.nav} aria-label="Pages">
          {NAV.map((n) => (
            <Link key={n.id} href={n.href} className={`${styles.navLink} ${n.id === active ? styles.navActive : ''}`} aria-current={n.id === active ? 'page' : undefined}>
              {n.label}
            </Link>
          ))}
        </nav>
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
