// The exception queues as tiles: how many are waiting, the amount at stake and the oldest age. The
// chosen queue is pressed; choosing another is an event (the page keeps the choice in the URL).
import type { ExceptionQueueId, ExceptionQueueSummary } from '../mining/types';
import { formatCount } from './format';
import { formatAge, formatStake } from './exception-format';
import styles from './ExceptionTiles.module.css';

export interface ExceptionTilesProps {
  queues: readonly ExceptionQueueSummary[];
  active: ExceptionQueueId;
  onSelect(id: ExceptionQueueId): void;
}

export function ExceptionTiles({ queues, active, onSelect }: ExceptionTilesProps) {
  return (
    <nav className={styles.grid} aria-label="Exception queues" data-testid="exception-tiles">
      {queues.map((q) => (
        <button
          key={q.id}
          type="button"
          className={`${styles.tile} ${q.id === active ? styles.active : ''}`}
          aria-pressed={q.id === active}
          onClick={() => onSelect(q.id)}
          title={q.definition}
          data-testid="exception-tile"
          data-queue={q.id}
          data-count={q.count}
        >
          <span className={styles.label}>{q.label}</span>
          <span className={`${styles.count} ${q.count === 0 ? styles.zero : ''}`} data-testid="exception-tile-count">
            {formatCount(q.count)}
          </span>
          <span className={styles.meta}>
            <span>
              <span className={styles.metaLabel}>At stake </span>
              {formatStake(q)}
            </span>
            <span>
              <span className={styles.metaLabel}>Oldest </span>
              {q.oldestSeconds === null ? '—' : formatAge(q.oldestSeconds)}
            </span>
          </span>
        </button>
      ))}
    </nav>
  );
}

/** Tiles' shape while the summary loads, so nothing moves when it arrives. */
export function ExceptionTilesPlaceholder({ count = 6 }: { count?: number }) {
  return (
    <div className={styles.grid} aria-busy="true" aria-label="Counting the exception queues…">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={styles.tile}>
          <span className="skeleton-line" style={{ width: '60%' }} />
          <span className="skeleton-line" style={{ width: '35%', height: 26, marginTop: 10 }} />
          <span className="skeleton-line" style={{ width: '80%', marginTop: 10 }} />
        </div>
      ))}
    </div>
  );
}
