'use client';
// Bottlenecks and root causes (issue 5): where time goes by transition and dimension, work in
// progress over time, and (O2C) the ranked root causes of a chosen outcome. URL keys: `dim`
// (the split of the transitions), `outcome` (the root-cause outcome).
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { DriverList } from '../../components/DriverList';
import { formatCount, formatUtc } from '../../components/format';
import { Panel } from '../../components/Panel';
import { ErrorState, Placeholder } from '../../components/States';
import { TransitionTable } from '../../components/TransitionTable';
import { WipChart } from '../../components/WipChart';
import type { Filter } from '../../mining/types';
import { useTRPC } from '../_trpc/client';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { filtersParam, FILTER_KEY } from '../_shared/filters-url';
import { messageOf, writeSearch } from '../_shared/url-state';
import { attributeLabel, dimensionsFor, driverFilters, readDimension, readOutcome, transitionFilters, wipWindow } from './inputs';
import styles from './Bottlenecks.module.css';

const keep = { placeholderData: keepPreviousData };

export function Bottlenecks() {
  return (
    <PageShell page="bottlenecks" title="Bottlenecks and root causes" subtitle="Where time goes, what waits, and what goes with a bad outcome" perspectiveSwitch>
      {(view) => <Content view={view} />}
    </PageShell>
  );
}

function Content({ view }: { view: ResolvedView }) {
  const casesHref = (more: Filter[]) => {
    const known = new Set(view.filters.map((f) => JSON.stringify(f)));
    return view.linkTo('/cases', { [FILTER_KEY]: filtersParam([...view.filters, ...more.filter((f) => !known.has(JSON.stringify(f)))]) });
  };
  return (
    <div className={styles.grid}>
      <Transitions view={view} casesHref={casesHref} />
      <Wip view={view} />
      {view.isO2C && <RootCauses view={view} casesHref={casesHref} />}
    </div>
  );
}

type Href = (more: Filter[]) => string;

function Transitions({ view, casesHref }: { view: ResolvedView; casesHref: Href }) {
  const trpc = useTRPC();
  const search = useSearchParams();
  const dims = dimensionsFor(view.isO2C);
  const dim = readDimension(search.get('dim'), view.isO2C);
  const q = useQuery(trpc.views.transitions.queryOptions({ ...view.input, dimension: dim, limit: 100 }, keep));
  const label = dim === 'none' ? null : (dims.find((d) => d.id === dim)?.label ?? dim);
  return (
    <Panel
      title="Where time goes"
      subtitle="Transitions ranked by the total time cases spent between the two activities"
      busy={q.isPlaceholderData}
      className={styles.wide}
      testId="transitions-panel"
      actions={
        <label className={styles.control}>
          Split by
          <select value={dim} onChange={(e) => writeSearch({ dim: e.target.value === 'none' ? null : e.target.value }, 'push')} data-testid="dimension-select">
            {dims.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {q.isError ? (
        <ErrorState what="the transition times" message={messageOf(q.error)} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <TransitionTable rows={q.data} dimensionLabel={label} hrefFor={(r) => casesHref(transitionFilters(r, dim))} />
      ) : (
        <Placeholder height={560} label="Measuring the transitions…" />
      )}
    </Panel>
  );
}

function Wip({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const span = wipWindow(view.log.lastEvent);
  const q = useQuery(trpc.views.wip.queryOptions(span ? { ...view.input, ...span } : skipToken, keep));
  return (
    <Panel
      title="Work in progress"
      subtitle={span ? `Cases waiting before each activity at the end of each day, ${formatUtc(span.from, 'd MMM')} – ${formatUtc(view.log.lastEvent ?? span.to, 'd MMM yyyy')} (UTC)` : 'Cases waiting before each activity'}
      busy={q.isPlaceholderData}
      testId="wip-panel"
    >
      {q.isError ? (
        <ErrorState what="the work in progress" message={messageOf(q.error)} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <WipChart points={q.data} />
      ) : (
        <Placeholder height={320} label="Counting the queues…" />
      )}
    </Panel>
  );
}

function RootCauses({ view, casesHref }: { view: ResolvedView; casesHref: Href }) {
  const trpc = useTRPC();
  const search = useSearchParams();
  const outcomesQ = useQuery(trpc.finance.outcomes.queryOptions(undefined, { staleTime: Infinity }));
  const outcome = readOutcome(search.get('outcome'), outcomesQ.data);
  const q = useQuery(trpc.finance.rootCause.queryOptions({ logId: view.logId, filters: view.filters, outcome, top: 12 }, keep));
  const chosen = outcomesQ.data?.find((o) => o.id === outcome);
  const r = q.data;
  return (
    <Panel
      title="Root causes"
      subtitle={
        r ? (
          <>
            {chosen?.label ?? r.outcome.label}: {formatCount(r.outcomeCases)} of {formatCount(r.cases)} orders ({r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)} %`}); values with at least {formatCount(r.minCases)} orders, ranked by lift
          </>
        ) : (
          'What goes with the outcome, ranked by lift'
        )
      }
      busy={q.isPlaceholderData}
      testId="root-cause-panel"
      actions={
        <label className={styles.control}>
          Outcome
          <select value={outcome} onChange={(e) => writeSearch({ outcome: e.target.value }, 'push')} disabled={!outcomesQ.data} data-testid="outcome-select" title={chosen?.definition}>
            {(outcomesQ.data ?? [{ id: outcome, label: 'Late payment', definition: '' }]).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {chosen && <p className={styles.definition}>{chosen.definition}</p>}
      {q.isError ? (
        <ErrorState what="the root causes" message={messageOf(q.error)} onRetry={() => void q.refetch()} />
      ) : r ? (
        <>
          <DriverList drivers={r.singles} outcome={r.outcome.label} attributeLabel={attributeLabel} hrefFor={(d) => casesHref(driverFilters(d))} />
          {r.pairs.length > 0 && (
            <>
              <h3 className={styles.subhead}>Combinations that say more than their parts</h3>
              <DriverList drivers={r.pairs} outcome={r.outcome.label} attributeLabel={attributeLabel} hrefFor={(d) => casesHref(driverFilters(d))} />
            </>
          )}
        </>
      ) : (
        <Placeholder height={320} label="Ranking the causes…" />
      )}
    </Panel>
  );
}
