// The autosave's state in words: saving, saved at (UTC), changes waiting, changed elsewhere (a
// newer version was saved from another tab or person: reload), or what failed with a retry.
import { formatAsOf, formatUtc } from '../format';
import styles from './SaveStatus.module.css';

export type SaveState =
  | { status: 'saved'; at: string }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'conflict' }
  | { status: 'error'; message: string };

export function SaveStatus({ state, onReload, onRetry }: { state: SaveState; onReload(): void; onRetry(): void }) {
  let body;
  switch (state.status) {
    case 'saved':
      body = <span title={`Saved ${formatAsOf(state.at)}`}>Saved at {formatUtc(state.at, 'HH:mm')} UTC</span>;
      break;
    case 'pending':
      body = <span>Unsaved changes…</span>;
      break;
    case 'saving':
      body = (
        <span>
          <span className="spinner" aria-hidden /> Saving…
        </span>
      );
      break;
    case 'conflict':
      body = (
        <>
          <span className={styles.bad}>Changed elsewhere: this page holds an older version.</span>
          <button type="button" className={styles.button} onClick={onReload}>
            Reload
          </button>
        </>
      );
      break;
    case 'error':
      body = (
        <>
          <span className={styles.bad}>Not saved: {state.message}</span>
          <button type="button" className={styles.button} onClick={onRetry}>
            Retry
          </button>
        </>
      );
      break;
  }
  return (
    <div className={styles.status} role="status" aria-live="polite" data-testid="save-status" data-status={state.status}>
      {body}
    </div>
  );
}
