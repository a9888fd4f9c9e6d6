'use client';
// The state every page shares, read from the URL: which log, which perspective, which filters.
// Pages read it through `useView()` and change it through its setters, so a link always shows a
// colleague the same view and the filter bar's filters apply on every page.
import { skipToken, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { Filter, LogSummary } from '../../mining/types';
import { useTRPC } from '../_trpc/client';
import { filtersParam, FILTER_KEY, readFilters } from './filters-url';
import { writeSearch } from './url-state';

/** URL keys the shell owns; every other key belongs to the page that set it. */
export const SHARED_KEYS = ['log', 'p', FILTER_KEY, 'period'] as const;

/** Log kinds with the O2C model (orders, deliveries, invoices, receivables). */
const O2C_KINDS = new Set(['o2c', 'odoo']);

/** The log to show: the one in the URL, else the O2C log, else the first with events. */
export function chooseLog(logs: readonly LogSummary[] | undefined, wanted: string | null): LogSummary | null {
  if (!logs || logs.length === 0) return null;
  return logs.find((l) => l.logId === wanted) ?? logs.find((l) => l.logId === 'o2c') ?? logs.find((l) => l.events > 0) ?? logs[0];
}

export interface ViewInput {
  logId: string;
  perspective: string | undefined;
  filters: Filter[];
}

export interface View {
  logs: LogSummary[] | undefined;
  /** The logs list failed: what to say, and how to ask again. */
  logsError: string | null;
  logsLoaded: boolean;
  retryLogs(): void;
  log: LogSummary | null;
  logId: string | null;
  /** The perspective in the URL, else the log's main one once known. */
  perspective: string | undefined;
  perspectives: string[];
  filters: Filter[];
  /** Set when the link's filters could not all be read. */
  filterProblem: string | null;
  isO2C: boolean;
  /** What the viewInput procedures take. */
  input: ViewInput | null;
  setFilters(filters: Filter[], mode?: 'push' | 'replace'): void;
  addFilters(filters: Filter[]): void;
  setLog(logId: string): void;
  setPerspective(perspective: string): void;
  /** An href to another page keeping log, perspective, filters and period (and `extra`). */
  linkTo(path: string, extra?: Record<string, string | null>): string;
}

export function useView(): View {
  const trpc = useTRPC();
  const search = useSearchParams();
  const logsQuery = useQuery(trpc.logs.list.queryOptions(undefined, { staleTime: 30_000 }));
  const log = chooseLog(logsQuery.data, search.get('log'));
  const hasData = !!log && log.events > 0;
  const perspectivesQ = useQuery(trpc.logs.perspectives.queryOptions(hasData ? { logId: log.logId } : skipToken, { staleTime: 300_000 }));
  const perspectives = perspectivesQ.data ?? [];
  const askedPerspective = search.get('p');
  const perspective = askedPerspective && perspectives.includes(askedPerspective) ? askedPerspective : perspectives[0];
  const fKey = search.get(FILTER_KEY);
  const { filters, problem } = useMemo(() => readFilters({ get: (k) => (k === FILTER_KEY ? fKey : null) }), [fKey]);
  const searchText = search.toString();

  const setFilters = useCallback((next: Filter[], mode: 'push' | 'replace' = 'push') => writeSearch({ [FILTER_KEY]: filtersParam(next) }, mode), []);
  const addFilters = useCallback(
    (more: Filter[]) => {
      const known = new Set(filters.map((f) => JSON.stringify(f)));
      setFilters([...filters, ...more.filter((f) => !known.has(JSON.stringify(f)))]);
    },
    [filters, setFilters],
  );
  // A filter names activities and attributes of one log; another log starts unfiltered.
  const setLog = useCallback((id: string) => writeSearch({ log: id, p: null, [FILTER_KEY]: null, period: null }, 'push'), []);
  const setPerspective = useCallback((p: string) => writeSearch({ p }, 'push'), []);
  const linkTo = useCallback(
    (path: string, extra: Record<string, string | null> = {}) => {
      const current = new URLSearchParams(searchText);
      const next = new URLSearchParams();
      for (const k of SHARED_KEYS) {
        const v = current.get(k);
        if (v !== null) next.set(k, v);
      }
      for (const [k, v] of Object.entries(extra)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      return `${path}${qs ? `?${qs}` : ''}`;
    },
    [searchText],
  );

  return {
    logs: logsQuery.data,
    logsError: logsQuery.isError ? logsQuery.error.message : null,
    logsLoaded: logsQuery.isSuccess,
    retryLogs: () => void logsQuery.refetch(),
    log,
    logId: log?.logId ?? null,
    perspective,
    perspectives,
    filters,
    filterProblem: problem,
    isO2C: !!log && O2C_KINDS.has(log.kind),
    input: hasData && perspective ? { logId: log.logId, perspective, filters } : null,
    setFilters,
    addFilters,
    setLog,
    setPerspective,
    linkTo,
  };
}
