'use client';
// The Ingest page: reads `?run=` / `?rejects=` from the URL, fetches through tRPC (answers
// prefetched by the server render are reused) and hands plain data to the components.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { formatAsOf, formatCount } from '../../components/format';
import { IngestFreshness, IngestFreshnessSkeleton } from '../../components/IngestFreshness';
import { formatRunDuration } from '../../components/IngestFormat';
import { IngestRejects } from '../../components/IngestRejects';
import { IngestRuns } from '../../components/IngestRuns';
import { NoData } from '../../components/NoData';
import { Panel } from '../../components/Panel';
import { ErrorState, Placeholder } from '../../components/States';
import { useTRPC } from '../_trpc/client';
import { ingestInputs, rejectsPageParam } from './inputs';
import { AppHeader } from '../_shared/AppHeader';
import styles from './Ingest.module.css';
import { messageOf, writeSearch } from '../_shared/url-state';


export function Ingest() {
  const trpc = useTRPC();
  const search = useSearchParams();
  const inputs = ingestInputs(search);

  const freshQ = useQuery(trpc.runs.freshness.queryOptions());
  const runsQ = useQuery(trpc.runs.list.queryOptions(inputs.runs));
  const rejectsQ = useQuery(trpc.runs.rejects.queryOptions(inputs.rejects ?? skipToken, { placeholderData: keepPreviousData }));

  const selectRun = useCallback((runId: string) => writeSearch({ run: runId, rejects: null }, 'push'), []);
  const closeRun = useCallback(() => writeSearch({ run: null, rejects: null }, 'push'), []);
  const setRejectsPage = useCallback((offset: number) => writeSearch({ rejects: rejectsPageParam(offset) }, 'replace'), []);

  const fresh = freshQ.data;
  const runs = runsQ.data;
  const header = <AppHeader asOf={fresh ? fresh.freshest : undefined} logName="Ingest" active="ingest" />;

  if (runs && runs.total === 0) {
    return (
      <>
        {header}
        <main className={styles.page}>
          <NoData logName={null} />
        </main>
      </>
    );
  }

  const lastRun = runs?.runs[0];
  const rejectedTotal = runs ? runs.runs.reduce((n, r) => n + r.rowsRejected, 0) : 0;
  const failedRuns = runs ? runs.runs.filter((r) => r.status !== 'succeeded').length : 0;
  const attention = fresh ? fresh.sources.filter((s) => s.state === 'stale' || s.state === 'failed') : [];
  // The run whose rejects are shown: from the rejects answer, else from the list.
  const shown = rejectsQ.data?.run.runId === inputs.run ? rejectsQ.data.run : runs?.runs.find((r) => r.runId === inputs.run);

  return (
    <>
      {header}
      <main className={styles.page}>
        <div className={styles.titleRow}>
          <div>
            <h1 className={styles.title}>Ingest</h1>
            <p className={styles.subtitle} data-testid="ingest-summary">
              {runs ? (
                <>
                  {formatCount(runs.total)} run{runs.total === 1 ? '' : 's'}
                  {lastRun && (
                    <>
                      <span className={styles.sep}>·</span>last run {formatAsOf(lastRun.startedAt)}
                    </>
                  )}
                  <span className={styles.sep}>·</span>
                  {formatCount(rejectedTotal)} rows rejected
                  {failedRuns > 0 && (
                    <>
                      <span className={styles.sep}>·</span>
                      <span className={styles.bad}>
                        {formatCount(failedRuns)} failed run{failedRuns === 1 ? '' : 's'}
                      </span>
                    </>
                  )}
                </>
              ) : (
                <span className="skeleton-line" style={{ display: 'inline-block', width: 320 }} />
              )}
            </p>
          </div>
        </div>

        {attention.length > 0 && (
          <p className={styles.notice} role="status" data-testid="freshness-notice">
            <strong>Check the integrations:</strong>{' '}
            {attention.map((s) => (s.state === 'failed' ? `the last ${s.label} run failed` : `${s.label} data is stale`)).join(', ')}. Exceptions from{' '}
            {attention.length === 1 ? 'this source' : 'these sources'} may be missing from the overview.
          </p>
        )}

        <section aria-label="Freshness per source">
          <h2 className={styles.sectionTitle}>
            Freshness per source
            <span className={styles.sectionHint}>newest event of each source · stale when more than {fresh ? Math.round(fresh.staleLagHours / 24) : 3} days behind the freshest, or when its last run failed</span>
          </h2>
          {freshQ.isError ? (
            <ErrorState what="the sources' freshness" message={messageOf(freshQ.error)} onRetry={() => void freshQ.refetch()} />
          ) : fresh ? (
            <IngestFreshness sources={fresh.sources} now={fresh.now} />
          ) : (
            <IngestFreshnessSkeleton />
          )}
        </section>

        <Panel
          title="Runs"
          subtitle={runs ? `Newest first${runs.total > runs.runs.length ? ` · the latest ${formatCount(runs.runs.length)} of ${formatCount(runs.total)}` : ''} · choose a run to see its rejected records` : 'Newest first'}
          testId="runs-panel"
        >
          {runsQ.isError ? (
            <ErrorState what="the ingest runs" message={messageOf(runsQ.error)} onRetry={() => void runsQ.refetch()} />
          ) : runs ? (
            <IngestRuns runs={runs.runs} selected={inputs.run} onSelect={selectRun} />
          ) : (
            <Placeholder height={220} label="Loading the runs…" />
          )}
        </Panel>

        {inputs.run && (
          <Panel
            title={shown ? `Rejected records · ${shown.sourceLabel} run of ${formatAsOf(shown.startedAt)}` : 'Rejected records'}
            subtitle={
              shown ? (
                <>
                  {formatCount(shown.rowsRejected)} of {formatCount(shown.rowsRead)} rows rejected<span className={styles.sep}>·</span>
                  {formatRunDuration(shown.durationMs)}
                  <span className={styles.sep}>·</span>
                  <code className={styles.path}>{shown.sourcePath}</code>
                </>
              ) : (
                inputs.run
              )
            }
            actions={
              <button type="button" className={styles.close} onClick={closeRun} aria-label="Close the rejected records">
                Close ✕
              </button>
            }
            busy={rejectsQ.isPlaceholderData}
            testId="rejects-panel"
          >
            {rejectsQ.isError ? (
              <ErrorState what="the run's rejected records" message={messageOf(rejectsQ.error)} onRetry={() => void rejectsQ.refetch()} />
            ) : rejectsQ.data ? (
              <IngestRejects
                rejects={rejectsQ.data.rejects}
                total={rejectsQ.data.total}
                offset={rejectsQ.data.offset}
                limit={rejectsQ.data.limit}
                onPage={setRejectsPage}
                emptyText={shown && shown.status !== 'succeeded' ? `The run failed before rejecting any record: ${shown.error ?? 'no error text'}` : undefined}
              />
            ) : (
              <Placeholder height={160} label="Loading the rejected records…" />
            )}
          </Panel>
        )}
      </main>
    </>
  );
}
