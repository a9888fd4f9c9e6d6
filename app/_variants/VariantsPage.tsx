'use client';
// The variants page: the selected cases' variants ranked by cases, each drawn as its sequence.
// Ticking variants and choosing "Filter to these" (or "Exclude") adds a variant filter to the
// shared filters, so every page then shows those cases.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { formatCount } from '../../components/format';
import { Panel } from '../../components/Panel';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { sharePct, VariantList } from '../../components/VariantList';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { caseNoun } from '../_map/settings';
import { VARIANT_PAGE } from './paging';
import styles from './VariantsPage.module.css';


export function VariantsPage() {
  return (
    <PageShell page="variants" title="Variants" perspectiveSwitch subtitle={(view) => <Summary view={view} />}>
      {(view) => <VariantsContent key={`${view.logId}|${view.perspective}`} view={view} />}
    </PageShell>
  );
}

function Summary({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.views.variants.queryOptions({ ...view.input, limit: VARIANT_PAGE }, { placeholderData: keepPreviousData }));
  if (!q.data) return <span className="skeleton-line" style={{ display: 'inline-block', width: 300 }} />;
  return (
    <span data-testid="variants-summary">
      <strong data-testid="total-variants" data-value={q.data.totalVariants}>
        {formatCount(q.data.totalVariants)}
      </strong>{' '}
      variants over {formatCount(q.data.totalCases)} {caseNoun(view.perspective)}
      {view.filters.length > 0 && ' · filtered'}
    </span>
  );
}

function VariantsContent({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const [limit, setLimit] = useState(VARIANT_PAGE);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const filtersKey = JSON.stringify(view.filters);
  // New filters: a new list; what was ticked may not be in it.
  useEffect(() => {
    setSelected(new Set());
    setLimit(VARIANT_PAGE);
  }, [filtersKey]);
  const q = useQuery(trpc.views.variants.queryOptions({ ...view.input, limit }, { placeholderData: keepPreviousData }));
  const noun = caseNoun(view.perspective);
  const data = q.data;
  const covered = useMemo(() => (data ? data.variants.reduce((s, v) => s + v.cases, 0) : 0), [data]);

  if (q.isError) return <ErrorState what="the variants" message={messageOf(q.error)} onRetry={() => void q.refetch()} />;
  if (!data) return <Placeholder height={520} label="Ranking the variants…" />;
  if (data.totalCases === 0)
    return (
      <EmptyState title={`No ${noun} match these filters`}>
        <p>Remove a filter in the bar above to see the variants again.</p>
      </EmptyState>
    );

  const chosen = data.variants.filter((v) => selected.has(v.variantNo));
  const apply = (exclude: boolean) => {
    view.addFilters([{ kind: 'variant', variants: chosen.map((v) => v.activities), ...(exclude ? { exclude: true } : {}) }]);
    setSelected(new Set());
  };
  const toggle = (no: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(no);
    else next.delete(no);
    setSelected(next);
  };
  const shown = data.variants.length;
  const more = data.totalVariants > shown;

  return (
    <Panel
      title={`Top ${formatCount(shown)} of ${formatCount(data.totalVariants)} variants`}
      subtitle={
        <span data-testid="variants-coverage">
          They cover {formatCount(covered)} of {formatCount(data.totalCases)} {noun} ({sharePct(data.totalCases ? covered / data.totalCases : 0)}). Tick
          variants to filter every page to them.
        </span>
      }
      actions={
        <div className={styles.actions} role="group" aria-label="Selected variants">
          <span className={styles.count} aria-live="polite">
            {chosen.length ? `${chosen.length} selected` : 'None selected'}
          </span>
          <button type="button" className={styles.primary} disabled={!chosen.length} onClick={() => apply(false)} data-testid="variants-keep">
            Filter to these variants
          </button>
          <button type="button" className={styles.secondary} disabled={!chosen.length} onClick={() => apply(true)} data-testid="variants-exclude">
            Exclude them
          </button>
          {chosen.length > 0 && (
            <button type="button" className={styles.link} onClick={() => setSelected(new Set())}>
              Clear
            </button>
          )}
        </div>
      }
      busy={q.isPlaceholderData}
      testId="variants-panel"
    >
      <VariantList
        variants={data.variants}
        selected={selected}
        onToggle={toggle}
        onToggleAll={(on) => setSelected(on ? new Set(data.variants.map((v) => v.variantNo)) : new Set())}
        caseNoun={noun}
      />
      {more && (
        <div className={styles.more}>
          <button type="button" className={styles.secondary} onClick={() => setLimit(limit + VARIANT_PAGE)} disabled={q.isFetching} data-testid="variants-more">
            {q.isFetching ? 'Loading…' : `Show ${formatCount(Math.min(VARIANT_PAGE, data.totalVariants - shown))} more`}
          </button>
          <span>
            {formatCount(data.totalVariants - shown)} rarer variants not listed ({formatCount(data.totalCases - covered)} {noun})
          </span>
        </div>
      )}
    </Panel>
  );
}
