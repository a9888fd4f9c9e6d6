'use client';
// The overview's numbers: one finance.kpis call for the trailing year (tiles and sparklines), the
// DSO impact of the month and the month before, AR aging and open disputes at both month ends.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { AgingBars } from '../../components/AgingBars';
import { CauseChart } from '../../components/CauseChart';
import { formatKpiText, formatMonthShort } from '../../components/format';
import { KpiTileSkeleton } from '../../components/KpiTile';
import { Panel } from '../../components/Panel';
import { ErrorState, Placeholder } from '../../components/States';
import { useTRPC } from '../_trpc/client';
import type { ResolvedView } from '../_shared/PageShell';
import { filtersParam, FILTER_KEY } from '../_shared/filters-url';
import { messageOf } from '../_shared/url-state';
import { FinanceTiles } from './FinanceTiles';
import { causeFilters, TILE_KPIS, withFilters, type MonthInputs } from './inputs';
import type { Filter, StageId } from '../../mining/types';
import { FILTER_AGING_BUCKETS, type AgingBucketId } from '../../mining/filter/types';
import styles from './Overview.module.css';

const keep = { placeholderData: keepPreviousData };

export function FinanceBody({ view, inputs }: { view: ResolvedView; inputs: MonthInputs | null }) {
  const trpc = useTRPC();
  const { logId, filters } = view;
  const two = inputs ? [inputs.previous.period, inputs.month.period] : null;
  const kpisQ = useQuery(trpc.finance.kpis.queryOptions(inputs ? { logId, filters, periods: inputs.year.map((y) => y.period), kpis: [...TILE_KPIS] } : skipToken, keep));
  const impactQ = useQuery(trpc.finance.dsoImpact.queryOptions(inputs ? { logId, filters, period: inputs.month.period } : skipToken, keep));
  const prevImpactQ = useQuery(trpc.finance.dsoImpact.queryOptions(inputs ? { logId, filters, period: inputs.previous.period } : skipToken, keep));
  const agingQ = useQuery(trpc.finance.arAging.queryOptions(two ? { logId, filters, periods: two } : skipToken, keep));
  const disputesQ = useQuery(trpc.finance.openDisputes.queryOptions(two ? { logId, filters, periods: two } : skipToken, keep));

  const casesHref = (more: Filter[]) => view.linkTo('/cases', { [FILTER_KEY]: filtersParam(withFilters(filters, more)) });
  const causeHref = (stage: StageId) => (inputs ? casesHref(causeFilters(stage, inputs.month.period)) : null);
  // The invoices open at the month's end in some aging buckets (or all): DSO's AR, its parts.
  const receivableHref = (buckets: readonly AgingBucketId[] | 'all') =>
    inputs ? casesHref([{ kind: 'receivable', at: inputs.month.period.to.slice(0, 10), buckets: buckets === 'all' ? [...FILTER_AGING_BUCKETS] : [...buckets] }]) : null;
  const previousLabel = inputs ? formatMonthShort(inputs.previous.id) : 'the month before';
  const impact = impactQ.data;

  return (
    <>
      <section className={styles.tiles} aria-label="Finance KPIs" aria-busy={kpisQ.isFetching || undefined}>
        {kpisQ.isError ? (
          <ErrorState what="the finance KPIs" message={messageOf(kpisQ.error)} onRetry={() => void kpisQ.refetch()} />
        ) : kpisQ.data && inputs ? (
          <FinanceTiles
            kpis={kpisQ.data}
            months={inputs.year.map((y) => y.id)}
            previousLabel={previousLabel}
            impact={impact ?? null}
            previousImpact={prevImpactQ.data ?? null}
            disputes={disputesQ.data ?? null}
            agingTotal={agingQ.data ? [agingQ.data[0].total, agingQ.data[1].total] : null}
            causeHref={causeHref}
            receivableHref={receivableHref}
            disputesHref={inputs ? casesHref([{ kind: 'activity', activity: 'Open Dispute' }]) : undefined}
          />
        ) : (
          Array.from({ length: 8 }, (_, i) => <KpiTileSkeleton key={i} />)
        )}
      </section>

      <div className={styles.panels}>
        <Panel
          title="What is costing us"
          subtitle={
            impact
              ? `Invoices created in ${formatMonthShort(inputs?.month.id ?? impact.period.from.slice(0, 7))}: ${formatKpiText(impact.amount, 'usd')}; DSO ${formatKpiText(impact.dso, 'days')}, ${formatKpiText(impact.inDso.whatIfDso, 'days')} if disputes and late payment met their targets`
              : 'Days and cash lost beyond each stage’s target'
          }
          busy={impactQ.isPlaceholderData}
          testId="causes-panel"
        >
          <div id="causes" tabIndex={-1} />
          {impactQ.isError ? (
            <ErrorState what="the DSO impact" message={messageOf(impactQ.error)} onRetry={() => void impactQ.refetch()} />
          ) : impact ? (
            <CauseChart stages={impact.stages} dso={impact.dso} hrefFor={(s) => causeHref(s.stage)} />
          ) : (
            <Placeholder height={420} label="Working out what delays cash…" />
          )}
        </Panel>

        <Panel
          title="AR aging"
          subtitle={agingQ.data ? `Receivables open at the end of ${formatMonthShort(inputs?.month.id ?? '')}, by days past due` : 'Receivables by days past due'}
          busy={agingQ.isPlaceholderData}
          testId="aging-panel"
        >
          {agingQ.isError ? (
            <ErrorState what="the AR aging" message={messageOf(agingQ.error)} onRetry={() => void agingQ.refetch()} />
          ) : agingQ.data ? (
            <AgingBars
              buckets={agingQ.data[1].buckets}
              previous={agingQ.data[0].buckets}
              previousLabel={`End of ${previousLabel}`}
              hrefFor={(b) => receivableHref(b === 'all' ? 'all' : [b as AgingBucketId])}
            />
          ) : (
            <Placeholder height={280} label="Aging the receivables…" />
          )}
        </Panel>
      </div>
    </>
  );
}
