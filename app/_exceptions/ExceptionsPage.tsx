'use client';
// The exceptions page: the queues as tiles (count, amount at stake, oldest), the chosen queue as a
// work list with its group filters and grouping. URL keys: app/_exceptions/inputs.ts. The filter
// bar's filters apply to every queue; each row links to its case page. "Fix…" on a row (or on the
// rows ticked) requests a playbook that applies to the queue (app/_remediation).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ExceptionGroups } from '../../components/ExceptionGroups';
import { ExceptionQueue, exceptionRowKey } from '../../components/ExceptionQueue';
import { RemediationMenu } from '../../components/RemediationMenu';
import { caseLabel } from '../../components/exception-format';
import { ExceptionTiles, ExceptionTilesPlaceholder } from '../../components/ExceptionTiles';
import { formatAsOf } from '../../components/format';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import type { ExceptionGroupDim, ExceptionQueueId, ExceptionSortKey } from '../../mining/types';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf, writeSearch } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { useRemediation, type PickedRow } from '../_remediation/use-request';
import { defaultDir, GROUP_KEYS, PAGE_SIZE, readExceptionsState } from './inputs';
import styles from './ExceptionsPage.module.css';

export function ExceptionsPage() {
  return (
    <PageShell page="exceptions" title="Exceptions" requires="o2c" subtitle="Work queues of what needs action now: each row opens its case.">
      {(view) => <ExceptionsContent key={view.logId} view={view} />}
    </PageShell>
  );
}

function ExceptionsContent({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const search = useSearchParams();
  const state = readExceptionsState(search);
  const base = { logId: view.logId, filters: view.filters, groups: state.groups };
  const summaryQ = useQuery(trpc.exceptions.summary.queryOptions(base, { placeholderData: keepPreviousData }));
  const queueQ = useQuery(
    trpc.exceptions.queue.queryOptions(
      { ...base, queue: state.queue, sort: state.sort, dir: state.dir, limit: PAGE_SIZE, offset: state.page * PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );

  const selectQueue = (q: ExceptionQueueId) => writeSearch({ q, sort: null, dir: null, pg: null }, 'push');
  const setGroup = (dim: ExceptionGroupDim, value: string | null) => writeSearch({ [GROUP_KEYS[dim]]: value, pg: null }, 'push');
  const setGroupBy = (dim: ExceptionGroupDim | null) => writeSearch({ group: dim }, 'replace');
  const setSort = (key: ExceptionSortKey) => {
    const dir = key === state.sort ? (state.dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
    writeSearch({ sort: key, dir, pg: null }, 'replace');
  };
  const setPage = (offset: number) => writeSearch({ pg: offset > 0 ? String(Math.floor(offset / PAGE_SIZE) + 1) : null }, 'push');

  const summary = summaryQ.data;
  const chosen = summary?.queues.find((q) => q.id === state.queue);
  const page = queueQ.data && queueQ.data.id === state.queue ? queueQ.data : null;
  const grouped = Object.keys(state.groups).length > 0;

  const fix = useRemediation(view);
  // Ticked rows, kept per queue (a selection never mixes queues: a request names one).
  const [picked, setPicked] = useState<{ queue: ExceptionQueueId; rows: Map<string, PickedRow> }>({ queue: state.queue, rows: new Map() });
  const pickedRows = picked.queue === state.queue ? picked.rows : new Map<string, PickedRow>();
  const toggle = (rows: readonly PickedRow[], on: boolean) => {
    const next = new Map(pickedRows);
    for (const r of rows) {
      if (on) next.set(exceptionRowKey({ caseId: r.caseId, objectId: r.objectId ?? null }), r);
      else next.delete(exceptionRowKey({ caseId: r.caseId, objectId: r.objectId ?? null }));
    }
    setPicked({ queue: state.queue, rows: next });
  };
  const queueChoices = fix.choicesFor(state.queue);
  const requestPicked = (playbookId: string) => {
    fix.request(state.queue, playbookId, [...pickedRows.values()]);
    setPicked({ queue: state.queue, rows: new Map() });
  };

  return (
    <div className={styles.stack}>
      {summaryQ.isError ? (
        <ErrorState what="the exception queues" message={messageOf(summaryQ.error)} onRetry={() => void summaryQ.refetch()} />
      ) : summary ? (
        <>
          <p className={styles.asOf} data-testid="exceptions-as-of">
            As of the newest event, {formatAsOf(summary.asOf)}
            {view.filters.length > 0 || grouped ? ' · filtered' : ''}
          </p>
          <ExceptionTiles queues={summary.queues} active={state.queue} onSelect={selectQueue} />
        </>
      ) : (
        <ExceptionTilesPlaceholder />
      )}

      <section className={styles.queue} aria-labelledby="exception-queue-title" data-testid="exception-queue" data-queue={state.queue}>
        <header className={styles.queueHead}>
          <div>
            <h2 id="exception-queue-title" className={styles.queueTitle}>
              {chosen?.label ?? 'Queue'}
            </h2>
            {chosen && <p className={styles.definition}>{chosen.definition}</p>}
          </div>
          {fix.canRequest && queueChoices.length > 0 && (
            <div className={styles.bulk} data-testid="bulk-fix">
              <span>{pickedRows.size ? `${pickedRows.size} selected` : 'Tick rows to fix several at once'}</span>
              <RemediationMenu
                playbooks={queueChoices}
                target={`${pickedRows.size} selected rows`}
                label="Fix selected…"
                disabled={pickedRows.size === 0}
                busy={fix.busy}
                onPick={requestPicked}
              />
            </div>
          )}
        </header>
        {fix.resultView}
        {chosen && (
          <ExceptionGroups byGroup={chosen.byGroup} groups={state.groups} groupBy={state.groupBy} onChange={setGroup} onGroupBy={setGroupBy} />
        )}
        {queueQ.isError ? (
          <ErrorState what="the queue's rows" message={messageOf(queueQ.error)} onRetry={() => void queueQ.refetch()} />
        ) : !page ? (
          <Placeholder height={420} label="Finding what is waiting…" />
        ) : page.total === 0 ? (
          <EmptyState title="Nothing waiting">
            <p>
              No {page.label.toLowerCase()} as of {formatAsOf(page.asOf)}
              {view.filters.length > 0 || grouped ? ' for these filters. Clear a filter to see the whole queue.' : '. Pick another queue above.'}
            </p>
          </EmptyState>
        ) : (
          <ExceptionQueue
            queue={page.id}
            ageBasis={page.ageBasis}
            rows={page.rows}
            total={page.total}
            offset={state.page * PAGE_SIZE}
            limit={PAGE_SIZE}
            sort={state.sort}
            dir={state.dir}
            busy={queueQ.isPlaceholderData}
            onSort={setSort}
            onPage={setPage}
            caseHref={(id) => view.linkTo(`/cases/${encodeURIComponent(id)}`)}
            selected={fix.canRequest && queueChoices.length ? new Set(pickedRows.keys()) : undefined}
            onToggle={fix.canRequest && queueChoices.length ? (r) => toggle([r], !pickedRows.has(exceptionRowKey(r))) : undefined}
            onToggleAll={() => {
              const all = page.rows.every((r) => pickedRows.has(exceptionRowKey(r)));
              toggle(page.rows, !all);
            }}
            renderActions={(r) =>
              fix.canRequest ? (
                <RemediationMenu
                  playbooks={fix.choicesFor(page.id, r.team)}
                  target={caseLabel(r.caseId)}
                  busy={fix.busy}
                  onPick={(pb) => fix.request(page.id, pb, [{ caseId: r.caseId, objectId: r.objectId }])}
                />
              ) : (
                <span className={styles.muted}>Your role reads only</span>
              )
            }
          />
        )}
      </section>
    </div>
  );
}
