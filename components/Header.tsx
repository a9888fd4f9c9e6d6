// The product header: name, the pages, which log is being looked at, how fresh its data is, and
// the light/dark switch. Pure: links come from `hrefFor`, changes go out through the callbacks.
import Link from 'next/link';
import { Fragment } from 'react';
import type { LogSummary } from '../mining/types';
import { formatAsOf, formatCount } from './format';
import styles from './Header.module.css';
import { visibleGroups, type PageId } from './header-nav';
import { NavMenu } from './NavMenu';

export type { PageId } from './header-nav';
export type Theme = 'light' | 'dark';

export interface HeaderProps {
  /** Newest event in the log, ISO UTC; null when there is no data; undefined while not known. */
  asOf: string | null | undefined;
  logName?: string | null;
  /** The page being shown, for the nav. */
  active?: PageId;
  /** The logs to switch between (the switcher shows when there are any). */
  logs?: readonly LogSummary[];
  logId?: string | null;
  onLogChange?: (logId: string) => void;
  /** The href of a page keeping the shared view state (log, filters); plain paths otherwise. */
  hrefFor?: (path: string) => string;
  theme?: Theme;
  onThemeChange?: (theme: Theme) => void;
  /**
   * The signed-in user: the nav shows only the pages their roles may open (undefined = not known
   * yet: the pages every role may open), the account link and, with `onSignOut`, sign-out.
   */
  user?: { id: string; roles: readonly string[] } | null;
  onSignOut?: () => void;
}

const KIND_LABEL: Record<string, string> = { o2c: 'O2C', odoo: 'O2C', xes: 'XES', ocel: 'OCEL', csv: 'CSV' };

export function Header({ asOf, logName, active = 'overview', logs, logId, onLogChange, hrefFor = (p) => p, theme, onThemeChange, user, onSignOut }: HeaderProps) {
  const current = logs?.find((l) => l.logId === logId);
  const o2c = !current || current.kind === 'o2c' || current.kind === 'odoo';
  const groups = visibleGroups({ roles: user === undefined ? undefined : (user?.roles ?? []), active, o2c });
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <Link href={hrefFor('/')} className={styles.home} aria-label="Throughline home">
          <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden className={styles.mark}>
            <rect x="1" y="1" width="22" height="22" rx="6" fill="#2f5fd0" />
            <path d="M6 8h12M12 8v10" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
            <circle cx="12" cy="18" r="1.9" fill="#9fd3ff" />
          </svg>
          <span className={styles.name}>Throughline</span>
        </Link>
        <span className={styles.divider} aria-hidden />
        {logs && logs.length > 0 && onLogChange ? (
          <label className={styles.logSwitch}>
            <span className={styles.srOnly}>Log</span>
            <select value={logId ?? ''} onChange={(e) => onLogChange(e.target.value)} data-testid="log-switcher" title={current ? `${current.name}: ${formatCount(current.cases)} cases` : undefined}>
              {logs.map((l) => (
                <option key={l.logId} value={l.logId}>
                  {l.name} · {KIND_LABEL[l.kind] ?? l.kind}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className={styles.context}>{logName ?? 'Order-to-cash'}</span>
        )}
        <nav className={styles.nav} aria-label="Pages">
          {groups.map((g, i) => {
            // The active page's group, and a group of one page, show their links; the others open as menus.
            const inline = g.items.length === 1 || g.items.some((n) => n.id === active);
            return (
              <Fragment key={g.id}>
                {i > 0 && <span className={styles.groupGap} aria-hidden />}
                {inline ? (
                  <div role="group" aria-label={g.label} className={styles.group} data-testid={`nav-group-${g.id}`}>
                    {g.items.map((n) => (
                      <Link
                        key={n.id}
                        href={n.keepsView ? hrefFor(n.href) : n.href}
                        className={`${styles.navLink} ${n.id === active ? styles.navActive : ''}`}
                        aria-current={n.id === active ? 'page' : undefined}
                      >
                        {n.label}
                      </Link>
                    ))}
                  </div>
                ) : (
                  <NavMenu label={g.label} items={g.items.map((n) => ({ ...n, href: n.keepsView ? hrefFor(n.href) : n.href }))} />
                )}
              </Fragment>
            );
          })}
        </nav>
      </div>
      <div className={styles.meta} data-testid="as-of">
        {asOf ? (
          <>
            <span className={styles.dot} aria-hidden />
            <span className={styles.asOf} title={`Newest event in this log: ${formatAsOf(asOf)}; all times are UTC`}>
              <span className={styles.asOfLabel}>Data as of </span>
              <strong>{formatAsOf(asOf)}</strong>
            </span>
          </>
        ) : asOf === null ? (
          <span>No data loaded</span>
        ) : null}
        <span className={styles.tz}>All times UTC</span>
        {theme && onThemeChange && (
          <button
            type="button"
            className={styles.theme}
            onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}
            aria-label={theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'}
            title={theme === 'dark' ? 'Light mode' : 'Dark mode'}
            data-testid="theme-toggle"
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
        )}
        {user && (
          <Link
            href="/account"
            className={`${styles.theme} ${styles.signOut} ${styles.account} ${active === 'account' ? styles.accountActive : ''}`}
            aria-label={`Your account: ${user.id}`}
            aria-current={active === 'account' ? 'page' : undefined}
            title={`Signed in as ${user.id} (${user.roles.join(', ')}): your account, password and API tokens`}
            data-testid="account-link"
          >
            <span aria-hidden>{user.id.replace(/^demo-/, '').slice(0, 1).toUpperCase()}</span>
          </Link>
        )}
        {user && onSignOut && (
          // A compact icon button (the header is full at 1440 px); its name says who and what it does.
          <button
            type="button"
            className={styles.theme}
            onClick={onSignOut}
            aria-label={`Sign out ${user.id}`}
            title={`Signed in as ${user.id} (${user.roles.join(', ')}). Click to sign out.`}
            data-testid="sign-out"
          >
            <span data-testid="signed-in-user" className={styles.srOnly}>
              {user.id}
            </span>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
              <path d="M5 2H3a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h2M9 10l3-3-3-3M12 7H5.5" stroke="currentColor" fill="none" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        )}
      </div>
    </header>
  );
}
