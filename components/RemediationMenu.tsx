// "Fix…": the playbooks that apply to a row (or a selection, or a case), one button each; and the
// message after a request — what happened (ran at once / awaits approval by a role) with links to
// the runs. Pure: the caller requests and passes the outcome back.
import { useState } from 'react';
import styles from './Remediation.module.css';

export interface PlaybookChoice {
  id: string;
  title: string;
  /** e.g. "Waits for a finance leader at $5,000 or more". */
  note?: string;
}

export interface RemediationMenuProps {
  playbooks: readonly PlaybookChoice[];
  /** What the button acts on, for its accessible name, e.g. "case 1042" or "3 selected rows". */
  target: string;
  label?: string;
  disabled?: boolean;
  busy?: boolean;
  onPick(playbookId: string): void;
}

export function RemediationMenu({ playbooks, target, label = 'Fix…', disabled, busy, onPick }: RemediationMenuProps) {
  const [open, setOpen] = useState(false);
  if (!playbooks.length) return <span className={styles.muted}>No playbook</span>;
  return (
    <div className={styles.menuWrap}>
      <button
        type="button"
        className={styles.fixButton}
        aria-expanded={open}
        aria-label={`${label.replace('…', '')} ${target}`}
        disabled={disabled || busy}
        onClick={() => setOpen((o) => !o)}
        data-testid="fix-button"
      >
        {busy ? 'Requesting…' : label}
      </button>
      {open && (
        <ul className={styles.menu} role="list" data-testid="fix-menu">
          {playbooks.map((pb) => (
            <li key={pb.id}>
              <button
                type="button"
                className={styles.menuItem}
                data-playbook={pb.id}
                onClick={() => {
                  setOpen(false);
                  onPick(pb.id);
                }}
              >
                <span>{pb.title}</span>
                {pb.note && <span className={styles.menuNote}>{pb.note}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface RequestResultProps {
  /** requestOutcome(...) or the server's refusal. */
  message: string;
  error?: boolean;
  runs: readonly { id: string; href: string }[];
  onDismiss(): void;
}

export function RequestResult({ message, error, runs, onDismiss }: RequestResultProps) {
  return (
    <div className={`${styles.result} ${error ? styles.resultError : ''}`} role={error ? 'alert' : 'status'} data-testid="request-result">
      <span>{message}</span>
      {runs.slice(0, 5).map((r, i) => (
        <a key={r.id} href={r.href} className={styles.runLink} data-testid="request-run-link">
          {runs.length === 1 ? 'Open the run' : `Run ${i + 1}`}
        </a>
      ))}
      {runs.length > 5 && <span className={styles.muted}>and {runs.length - 5} more on the runs page</span>}
      <button type="button" className={styles.dismiss} onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
