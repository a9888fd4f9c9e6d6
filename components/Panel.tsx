// A titled card. `busy` dims the content in place (no jump) while newer data is on its way.
import type { ReactNode } from 'react';
import styles from './Panel.module.css';

export interface PanelProps {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  busy?: boolean;
  className?: string;
  bodyClassName?: string;
  testId?: string;
  children: ReactNode;
}

export function Panel({ title, subtitle, actions, footer, busy, className, bodyClassName, testId, children }: PanelProps) {
  return (
    <section className={`${styles.panel} ${className ?? ''}`} aria-busy={busy || undefined} data-testid={testId}>
      <header className={styles.head}>
        <div>
          <h2 className={styles.title}>{title}</h2>
          {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </header>
      <div className={`${styles.body} ${busy ? styles.busy : ''} ${bodyClassName ?? ''}`}>
        {children}
        {busy && (
          <span className={styles.updating} role="status">
            <span className="spinner" aria-hidden /> Updating…
          </span>
        )}
      </div>
      {footer && <footer className={styles.footer}>{footer}</footer>}
    </section>
  );
}
