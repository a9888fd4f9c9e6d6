'use client';
// The case table page: every case of the selection (the filter bar's filters), sortable by any
// column, with a column chooser and a CSV export of exactly what the table shows. Rows are fetched
// a page at a time as the user scrolls (CasesTable renders only the rows in view).
import { keepPreviousData, skipToken, useQueries, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { CaseColumnChooser } from '../../components/CaseColumnChooser';
import { CasesTable } from '../../components/CasesTable';
import { formatCount } from '../../components/format';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import type { CaseColumnInfo, CaseListPage, CaseSort } from '../../mining/types';
import { PageShell, perspectiveLabel, type ResolvedView } from '../_shared/PageShell';
import { messageOf, writeSearch } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import styles from './CasesPage.module.css';
import { caseSettingsPatch, casePath, DEFAULT_SORT, exportHref, PAGE_SIZE, pagesFor, readCaseSettings, type CaseTableSettings } from './settings';

const TABLE_HEIGHT = 620;

function useCaseSettings(): [CaseTableSettings, (next: Partial<CaseTableSettings>) => void] {
  const search = useSearchParams();
  const text = search.toString();
  const settings = useMemo(() => readCaseSettings(new URLSearchParams(text)), [text]);
  const set = useCallback((next: Partial<CaseTableSettings>) => writeSearch(caseSettingsPatch({ ...settings, ...next }), 'push'), [settings]);
  return [settings, set];
}

export function CasesPage() {
  const [settings, set] = useCaseSettings();
  return (
    <PageShell page="cases" title="Cases" perspectiveSwitch subtitle={(view) => `Every ${perspectiveLabel(view.perspective).toLowerCase()} of the selection, one row each`}>
      {(view) => <CasesContent view={view} settings={settings} set={set} />}
    </PageShell>
  );
}

function CasesContent({ view, settings, set }: { view: ResolvedView; settings: CaseTableSettings; set: (next: Partial<CaseTableSettings>) => void }) {
  const trpc = useTRPC();
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const columnsQ = useQuery(trpc.cases.columns.queryOptions({ logId: view.input.logId, perspective: view.input.perspective }, { staleTime: 300_000 }));
  // A link made on another log or perspective may name columns this one does not have: keep what exists.
  const known = columnsQ.data ? new Set(columnsQ.data.columns.map((c) => c.id)) : null;
  const sort = known && !known.has(settings.sort.column) ? DEFAULT_SORT : settings.sort;
  const columns = known && settings.columns ? settings.columns.filter((c) => known.has(c)) : settings.columns;
  const shown: CaseTableSettings = { sort, columns: columns && columns.length ? columns : null };
  const base = { ...view.input, sort: shown.sort, ...(shown.columns ? { columns: shown.columns } : {}) };
  const pages = pagesFor(range[0], range[1]);
  const results = useQueries({
    queries: pages.map((p) => trpc.cases.list.queryOptions(known ? { ...base, offset: p * PAGE_SIZE, limit: PAGE_SIZE } : skipToken, { staleTime: 60_000 })),
  });
  // The first page keeps showing while a new sort or filter loads, so the count and the header do not blink.
  const headQ = useQuery(trpc.cases.list.queryOptions(known ? { ...base, offset: 0, limit: PAGE_SIZE } : skipToken, { placeholderData: keepPreviousData, staleTime: 60_000 }));

  const byOffset = new Map<number, CaseListPage>();
  for (const r of results) if (r.data) byOffset.set(r.data.offset, r.data);
  if (headQ.data && !headQ.isPlaceholderData) byOffset.set(0, headQ.data);
  const rowsRef = useRef(byOffset);
  rowsRef.current = byOffset;
  const rowAt = useCallback((i: number) => rowsRef.current.get(Math.floor(i / PAGE_SIZE) * PAGE_SIZE)?.rows[i % PAGE_SIZE], []);
  const onRange = useCallback((first: number, last: number) => setRange((r) => (r[0] === first && r[1] === last ? r : [first, last])), []);
  const onSort = useCallback((sort: CaseSort) => set({ sort }), [set]);

  const failed = headQ.error ?? results.find((r) => r.error)?.error ?? columnsQ.error;
  if (failed) return <ErrorState what="the cases" message={messageOf(failed)} onRetry={() => void headQ.refetch()} />;
  const head = headQ.data;
  if (!head || !columnsQ.data) return <Placeholder height={TABLE_HEIGHT + 48} label="Loading cases…" />;

  const available: CaseColumnInfo[] = columnsQ.data.columns;
  const chosen = shown.columns ?? available.filter((c) => c.default).map((c) => c.id);
  const busy = headQ.isPlaceholderData || results.some((r) => r.isFetching && !r.data);
  return (
    <section className={styles.wrap} aria-label="Case table">
      <div className={styles.toolbar}>
        <p className={styles.count}>
          <strong data-testid="cases-total" data-value={head.total}>
            {formatCount(head.total)}
          </strong>{' '}
          {head.total === 1 ? 'case' : 'cases'}
          {view.filters.length > 0 && <span className={styles.muted}> match the filters</span>}
          <span className={styles.muted}> · sorted by {available.find((c) => c.id === shown.sort.column)?.label ?? shown.sort.column}, {shown.sort.dir === 'asc' ? 'ascending' : 'descending'}</span>
        </p>
        <div className={styles.tools}>
          <CaseColumnChooser available={available} chosen={chosen} onChange={(ids) => set({ columns: ids })} />
          <a className={styles.export} href={exportHref(view.input, shown)} download data-testid="export-csv">
            Export CSV
          </a>
        </div>
      </div>
      {head.total === 0 ? (
        <EmptyState title="No cases match these filters">
          <p>Remove or loosen a filter in the bar above to see cases again.</p>
        </EmptyState>
      ) : (
        <CasesTable
          columns={head.columns}
          total={head.total}
          rowAt={rowAt}
          sort={shown.sort}
          onSort={onSort}
          onRange={onRange}
          hrefFor={(id) => view.linkTo(casePath(id))}
          height={TABLE_HEIGHT}
          busy={busy}
        />
      )}
    </section>
  );
}
