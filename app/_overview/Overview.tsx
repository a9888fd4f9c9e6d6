'use client';
// The O2C overview: reads its state from the URL, fetches through tRPC (answers prefetched by the
// server render are reused), and hands plain data to the components.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { formatCount, formatMonth, formatMonthShort, formatPeriod } from '../../components/format';
import { Header } from '../../components/Header';
import { KpiCards, KpiCardsSkeleton } from '../../components/KpiCards';
import { MapControls } from '../../components/MapControls';
import { Panel } from '../../components/Panel';
import { PeriodSelector } from '../../components/PeriodSelector';
import { ProcessMapLegend, ProcessMapView } from '../../components/ProcessMapView';
import { NoData } from '../../components/NoData';
import { ErrorState, Placeholder } from '../../components/States';
import { TrendChart } from '../../components/TrendChart';
import { useTRPC } from '../_trpc/client';
import { chooseLog, DEFAULT_ACTIVITY_PCT, DEFAULT_PATH_PCT, HEADLINE, resolveInputs } from './inputs';
import styles from './Overview.module.css';
import { messageOf, writeSearch } from '../_shared/url-state';

const TREND_HEIGHT = 470;
/** The map fills the screen below the KPI row on a laptop, and keeps a usable height elsewhere. */
const MAP_HEIGHT = 'max(480px, calc(100vh - 330px))';


export function Overview() {
  const trpc = useTRPC();
  const search = useSearchParams();

  const logsQ = useQuery(trpc.logs.list.queryOptions());
  const log = chooseLog(logsQ.data, search.get('log'));
  const hasData = !!log && log.events > 0;
  const rangeQ = useQuery(trpc.logs.dataRange.queryOptions(log && hasData ? { logId: log.logId } : skipToken));
  const inputs = log && rangeQ.data ? resolveInputs(log.logId, rangeQ.data, search) : null;

  const overviewQ = useQuery(trpc.kpi.overview.queryOptions(inputs ? inputs.overview : skipToken, { placeholderData: keepPreviousData }));
  const trendQ = useQuery(trpc.kpi.trend.queryOptions(inputs ? inputs.trend : skipToken, { placeholderData: keepPreviousData }));
  const mapQ = useQuery(trpc.map.process.queryOptions(inputs ? inputs.map : skipToken, { placeholderData: keepPreviousData }));

  const setPeriod = useCallback((id: string) => writeSearch({ period: id }, 'push'), []);
  const setMap = useCallback(
    (next: { activityPct: number; pathPct: number }) =>
      writeSearch(
        {
          activities: next.activityPct === DEFAULT_ACTIVITY_PCT ? null : String(next.activityPct),
          paths: next.pathPct === DEFAULT_PATH_PCT ? null : String(next.pathPct),
        },
        'replace',
      ),
    [],
  );

  const asOf = overviewQ.data?.asOf ?? rangeQ.data?.lastEvent ?? log?.lastEvent ?? null;
  // undefined = not known yet (loading or failed), null = known to be empty
  const header = <Header asOf={logsQ.isSuccess ? (hasData ? asOf : null) : undefined} logName={log?.name} />;

  if (logsQ.isError) {
    return (
      <>
        {header}
        <main className={styles.page}>
          <ErrorState what="the workspace's logs" message={messageOf(logsQ.error)} onRetry={() => void logsQ.refetch()} />
        </main>
      </>
    );
  }
  if (logsQ.isSuccess && !hasData) {
    return (
      <>
        {header}
        <main className={styles.page}>
          <NoData logName={log?.name ?? null} />
        </main>
      </>
    );
  }

  const overview = overviewQ.data;
  const month = inputs?.month;
  const previousLabel = overview ? formatMonthShort(overview.previousPeriod.from.slice(0, 7)) : 'previous period';

  return (
    <>
      {header}
      <main className={styles.page}>
        <div className={styles.titleRow}>
          <div>
            <h1 className={styles.title}>Order-to-cash overview</h1>
            <p className={styles.subtitle} data-testid="period-label">
              {month ? (
                <>
                  {formatPeriod(month.period)}
                  {month.partial && <span className={styles.partial}>partial month</span>}
                  <span className={styles.sep}>·</span>compared with {overview ? formatPeriod(overview.previousPeriod) : 'the month before'}
                  {log && (
                    <>
                      <span className={styles.sep}>·</span>
                      {formatCount(log.cases)} orders in the log
                    </>
                  )}
                </>
              ) : (
                <span className="skeleton-line" style={{ display: 'inline-block', width: 320 }} />
              )}
            </p>
          </div>
          {rangeQ.data && month ? (
            <PeriodSelector months={rangeQ.data.months} value={month.id} onChange={setPeriod} />
          ) : (
            <div className={styles.selectorSkeleton} />
          )}
        </div>

        {inputs?.unknownMonth && (
          <p className={styles.notice} role="status">
            There is no data for {inputs.unknownMonth}; showing {formatMonth(inputs.month.id)} instead.
          </p>
        )}
        {rangeQ.isError && <ErrorState what="the log's date range" message={messageOf(rangeQ.error)} onRetry={() => void rangeQ.refetch()} />}

        <div className={`${styles.kpis} ${overviewQ.isPlaceholderData ? styles.stale : ''}`}>
          {overviewQ.isError ? (
            <ErrorState what="the KPIs" message={messageOf(overviewQ.error)} onRetry={() => void overviewQ.refetch()} />
          ) : overview ? (
            <KpiCards
              kpis={HEADLINE.map((id) => overview.kpis.find((k) => k.id === id)).filter((k) => k !== undefined)}
              secondary={{ dsoSimple: overview.kpis.find((k) => k.id === 'dsoCountback') }}
              previousLabel={previousLabel}
            />
          ) : (
            <KpiCardsSkeleton />
          )}
        </div>

        <div className={styles.grid}>
          <Panel
            title="Weekly trend"
            subtitle={
              inputs ? `${formatPeriod({ from: inputs.trend.from, to: inputs.trend.to })} · weeks from Monday, UTC` : 'The last 12 months'
            }
            busy={trendQ.isPlaceholderData}
            testId="trend-panel"
          >
            {trendQ.isError ? (
              <ErrorState what="the trend" message={messageOf(trendQ.error)} onRetry={() => void trendQ.refetch()} />
            ) : trendQ.data && month ? (
              <div style={{ minHeight: TREND_HEIGHT }}>
                <TrendChart points={trendQ.data} highlight={month.period} />
              </div>
            ) : (
              <Placeholder height={TREND_HEIGHT} label="Loading the trend…" />
            )}
          </Panel>

          <Panel
            title="Process map"
            subtitle={
              mapQ.data && month
                ? `Orders created in ${formatMonthShort(month.id)}: ${formatCount(mapQ.data.totalCases)} orders, ${formatCount(mapQ.data.totalEvents)} events`
                : 'Order perspective'
            }
            actions={
              inputs && (
                <MapControls
                  activityPct={inputs.map.activityPct}
                  pathPct={inputs.map.pathPct}
                  onChange={setMap}
                  busy={mapQ.isFetching}
                />
              )
            }
            footer={mapQ.data && <ProcessMapLegend map={mapQ.data} />}
            busy={mapQ.isPlaceholderData}
            bodyClassName={styles.mapBody}
            testId="map-panel"
          >
            {mapQ.isError ? (
              <ErrorState what="the process map" message={messageOf(mapQ.error)} onRetry={() => void mapQ.refetch()} />
            ) : mapQ.data ? (
              mapQ.data.nodes.length === 0 ? (
                <p className={styles.mapEmpty}>No orders in this period. Pick another month.</p>
              ) : (
                <ProcessMapView map={mapQ.data} height={MAP_HEIGHT} />
              )
            ) : (
              <Placeholder height={MAP_HEIGHT} label="Drawing the process map…" />
            )}
          </Panel>
        </div>
      </main>
    </>
  );
}
