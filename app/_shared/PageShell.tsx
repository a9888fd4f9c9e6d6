'use client';
// The frame of every analysis page: the header (pages, log switcher, theme), the filter bar, the
// page title, and the states before there is anything to show (logs loading or failing, an empty
// store, an O2C page on a log that is not O2C). The page's content renders only once a log with
// data is chosen, and receives the resolved view.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FilterBar } from '../../components/FilterBar';
import type { PageId } from '../../components/Header';
import { NoData } from '../../components/NoData';
import { EmptyState, ErrorState } from '../../components/States';
import { useTRPC } from '../_trpc/client';
import { AppHeader } from './AppHeader';
import styles from './PageShell.module.css';
import { useView, type View, type ViewInput } from './use-view';

export type ResolvedView = View & { log: NonNullable<View['log']>; logId: string; perspective: string; input: ViewInput };

const PERSPECTIVE_LABEL: Record<string, string> = { order: 'Sales order', order_line: 'Order line', delivery: 'Delivery', invoice: 'Invoice', case: 'Case' };
export const perspectiveLabel = (p: string): string => PERSPECTIVE_LABEL[p] ?? p;

export interface PageShellProps {
  page: PageId;
  title: string;
  subtitle?: ReactNode | ((view: ResolvedView) => ReactNode);
  actions?: (view: ResolvedView) => ReactNode;
  /** 'o2c': the page reads the order-to-cash model (receivables, SLAs on orders). */
  requires?: 'any' | 'o2c';
  /** Offer the log's perspectives (what a case is) next to the title. */
  perspectiveSwitch?: boolean;
  children: (view: ResolvedView) => ReactNode;
}

export function PageShell({ page, title, subtitle, actions, requires = 'any', perspectiveSwitch = false, children }: PageShellProps) {
  const trpc = useTRPC();
  const view = useView();
  const ready = view.input !== null && view.log !== null;
  const resolved = ready ? (view as ResolvedView) : null;

  const optionsQ = useQuery(
    trpc.logs.filterOptions.queryOptions(view.input ? { logId: view.input.logId, perspective: view.input.perspective } : skipToken, { staleTime: 60_000 }),
  );
  const filtered = !!view.input && view.filters.length > 0;
  const selectedQ = useQuery(trpc.views.durations.queryOptions(filtered && view.input ? view.input : skipToken, { placeholderData: keepPreviousData }));
  const allQ = useQuery(
    trpc.views.durations.queryOptions(filtered && view.input ? { ...view.input, filters: [] } : skipToken, { staleTime: 60_000 }),
  );

  const header = (
    <AppHeader
      active={page}
      asOf={view.logsLoaded ? (view.log && view.log.events > 0 ? view.log.lastEvent : null) : undefined}
      logName={view.log?.name}
      logs={view.logs}
      logId={view.logId}
      onLogChange={view.setLog}
      hrefFor={(p) => view.linkTo(p)}
    />
  );

  let body: ReactNode;
  if (view.logsError) {
    body = <ErrorState what="the workspace's logs" message={view.logsError} onRetry={view.retryLogs} />;
  } else if (view.logsLoaded && (!view.log || view.log.events === 0)) {
    body = <NoData logName={view.log?.name ?? null} />;
  } else if (resolved && requires === 'o2c' && !resolved.isO2C) {
    body = (
      <EmptyState title={`${title} needs an order-to-cash log`}>
        <p>
          “{resolved.log.name}” is a {resolved.log.kind.toUpperCase()} log: it has cases and activities but no orders, invoices or receivables. Choose an
          order-to-cash log in the switcher above, or explore this log on the <a href={view.linkTo('/map')}>process map</a>,{' '}
          <a href={view.linkTo('/variants')}>variants</a> and <a href={view.linkTo('/cases')}>cases</a>.
        </p>
      </EmptyState>
    );
  } else if (resolved) {
    body = children(resolved);
  } else {
    body = null; // the logs are on their way; the title row and bar keep their place meanwhile
  }

  const showBar = !view.logsError && !(view.logsLoaded && (!view.log || view.log.events === 0));
  return (
    <>
      {header}
      {showBar &&
        (view.input ? (
          <FilterBar
            filters={view.filters}
            onChange={(f) => view.setFilters(f)}
            options={optionsQ.data}
            scope={optionsQ.data?.scope}
            problem={view.filterProblem}
            selected={selectedQ.data && allQ.data ? { cases: selectedQ.data.cases, of: allQ.data.cases } : null}
          />
        ) : (
          <div className={styles.barSkeleton} aria-hidden />
        ))}
      <main className={styles.page} aria-busy={!view.logsLoaded}>
        <div className={styles.titleRow}>
          <div>
            <h1 className={styles.title}>{title}</h1>
            <div className={styles.subtitle}>{resolved && (typeof subtitle === 'function' ? subtitle(resolved) : subtitle)}</div>
          </div>
          <div className={styles.actions}>
            {resolved && perspectiveSwitch && resolved.perspectives.length > 1 && (
              <label className={styles.perspective}>
                Case is a
                <select value={resolved.perspective} onChange={(e) => view.setPerspective(e.target.value)} data-testid="perspective-switch">
                  {resolved.perspectives.map((p) => (
                    <option key={p} value={p}>
                      {perspectiveLabel(p)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {resolved && actions?.(resolved)}
          </div>
        </div>
        {body}
      </main>
    </>
  );
}
