// The freshness strip: one card per source with its newest event, its age in words and its last
// run. A card turns amber when the source is stale and red when its last run failed.
import { formatAsOf, formatCount } from './format';
import { formatAge, formatLag } from './IngestFormat';
import styles from './IngestFreshness.module.css';

export interface FreshnessCard {
  source: string;
  label: string;
  newestEvent: string | null;
  events: number;
  logs: { logId: string }[];
  lagHours: number | null;
  runs: number;
  lastRun: { status: string; startedAt: string } | null;
  lastSuccessAt: string | null;
  state: 'ok' | 'stale' | 'failed' | 'never';
  reason: string | null;
  waitingRelations?: number;
  waitingSince?: string | null;
}

const BADGE: Record<FreshnessCard['state'], string> = { ok: 'Fresh', stale: 'Stale', failed: 'Failed', never: 'Not connected' };

export function IngestFreshness({ sources, now }: { sources: readonly FreshnessCard[]; now: string }) {
  return (
    <div className={styles.strip} data-testid="freshness">
      {sources.map((s) => {
        const lag = formatLag(s.lagHours);
        return (
          <section key={s.source} className={`${styles.card} ${styles[s.state]}`} data-testid="freshness-card" data-source={s.source} data-state={s.state}>
            <header className={styles.head}>
              <h3 className={styles.label}>{s.label}</h3>
              <span className={styles.badge}>{BADGE[s.state]}</span>
            </header>
            {s.newestEvent ? (
              <>
                <p className={styles.age} data-testid="freshness-age">
                  {formatAge(s.newestEvent, now)}
                </p>
                <p className={styles.when} data-testid="freshness-newest" title="Newest event of this source">
                  {formatAsOf(s.newestEvent)}
                </p>
              </>
            ) : (
              <>
                <p className={`${styles.age} ${styles.none}`}>No events</p>
                <p className={styles.when}>{s.runs > 0 ? `${formatCount(s.runs)} run${s.runs === 1 ? '' : 's'}, nothing loaded` : 'No run of this source yet'}</p>
              </>
            )}
            <p className={styles.foot}>
              {s.state === 'failed' ? (
                <span
                  className={styles.reason}
                  title={`${s.reason ?? 'Last run failed'}${s.lastSuccessAt ? ` (last success ${formatAsOf(s.lastSuccessAt)})` : ' (never succeeded)'}`}
                >
                  Last run failed
                </span>
              ) : s.state === 'stale' ? (
                <>
                  {formatCount(s.events)} events ·{' '}
                  <span className={styles.reason} title={`${s.reason ?? 'Stale'}${lag ? ` (${lag} the freshest source)` : ''}`}>
                    {lag ?? 'stale'}
                  </span>
                </>
              ) : s.newestEvent ? (
                <>
                  {formatCount(s.events)} events{s.logs.length > 1 ? ` in ${s.logs.length} logs` : ''}
                  <span className={styles.lag} title={lag ? `${lag} the freshest source` : 'The freshest source'}>
                    {' '}
                    · {lag ?? 'freshest'}
                  </span>
                </>
              ) : (
                <span className={styles.muted}>—</span>
              )}
            </p>
            {s.waitingRelations ? (
              <p
                className={styles.waiting}
                data-testid="freshness-waiting"
                title={`Links from this source to records no source has delivered yet; they are retried on every run${s.waitingSince ? ` (waiting since the run of ${formatAsOf(s.waitingSince)})` : ''}. A number that keeps growing means another system never sends them.`}
              >
                {formatCount(s.waitingRelations)} link{s.waitingRelations === 1 ? '' : 's'} waiting
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

export function IngestFreshnessSkeleton() {
  return (
    <div className={styles.strip} aria-busy="true" aria-label="Loading the sources' freshness">
      {Array.from({ length: 6 }, (_, i) => (
        <section key={i} className={styles.card}>
          <span className="skeleton-line" style={{ width: '50%' }} />
          <span className="skeleton-line" style={{ width: '70%', height: 20, marginTop: 14 }} />
          <span className="skeleton-line" style={{ width: '85%', marginTop: 10 }} />
        </section>
      ))}
    </div>
  );
}
