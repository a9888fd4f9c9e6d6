'use client';
// The runs page: what the playbooks saved on the chosen log (workflows.savings), its remediation
// runs newest first (workflows.runs on the log, narrowed to the viewer's scope by the server) with
// their outcome after the next ingest, filters by status, outcome, playbook and requester, and the chosen
// run's detail with its attempts, outcome history and the buttons the viewer may use. URL keys:
// app/_runs/inputs.ts. Runs in flight are polled, so a run approved here shows its attempts and
// outcome without a reload.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { RunDetail, type RunAction } from '../../components/RunDetail';
import { RunsTable } from '../../components/RunsTable';
import { outcomeLabel, runStateLabel } from '../../components/remediation-format';
import { SavingsPanel } from '../../components/SavingsPanel';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf, writeSearch } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { runActions } from '../_remediation/permissions';
import { isFiltered, readRunsFilter, runsInput } from './inputs';
import { RunsFilters } from './RunsFilters';
import styles from './RunsPage.module.css';

const LIMIT = 200;
const IN_FLIGHT = new Set(['requested', 'approved', 'running', 'failed']);
const POLL_MS = 2000;

export function RunsPage() {
  return (
    <PageShell page="runs" title="Runs" subtitle="Remediation runs: who asked, who approved, every attempt and the system's answer.">
      {(view) => <RunsContent view={view} />}
    </PageShell>
  );
}

function RunsContent({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const search = useSearchParams();
  const filter = readRunsFilter(search);
  const [selected, setSelected] = useState<string | null>(search.get('run'));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const meQ = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 300_000 }));
  const playbooksQ = useQuery(trpc.workflows.playbooks.queryOptions(undefined, { staleTime: 300_000 }));
  const runsQ = useQuery(
    trpc.workflows.runs.queryOptions(runsInput(filter, view.logId, LIMIT), {
      placeholderData: keepPreviousData,
      refetchInterval: (q) => (q.state.data?.runs.some((r) => IN_FLIGHT.has(r.state)) ? POLL_MS : false),
    }),
  );
  const savingsQ = useQuery(trpc.workflows.savings.queryOptions({ logId: view.logId }, { enabled: view.isO2C, placeholderData: keepPreviousData }));
  const runQ = useQuery(
    trpc.workflows.run.queryOptions(selected ? { runId: selected } : skipToken, {
      retry: false,
      refetchInterval: (q) => (q.state.data && IN_FLIGHT.has(q.state.data.run.state) ? POLL_MS : false),
    }),
  );

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.workflows.runs.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.workflows.run.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.workflows.savings.queryKey() });
  };
  const done = (what: string) => () => {
    setMessage({ text: what, error: false });
    refresh();
  };
  const failed = (err: { message: string }) => {
    setMessage({ text: err.message, error: true });
    refresh();
  };
  const approve = useMutation(trpc.workflows.approve.mutationOptions({ onSuccess: done('Approved: the run is queued for the worker.'), onError: failed }));
  const cancel = useMutation(trpc.workflows.cancel.mutationOptions({ onSuccess: done('Cancelled.'), onError: failed }));
  const retry = useMutation(trpc.workflows.retry.mutationOptions({ onSuccess: done('Queued again with a fresh set of attempts.'), onError: failed }));
  const override = useMutation(trpc.workflows.override.mutationOptions({ onSuccess: done('Closed by hand.'), onError: failed }));
  const busy = approve.isPending || cancel.isPending || retry.isPending || override.isPending;

  const onAction = (action: RunAction, opts: { reason?: string; to?: 'succeeded' | 'cancelled' }) => {
    if (!selected) return;
    setMessage(null);
    const reason = opts.reason ?? '';
    if (action === 'approve') approve.mutate({ runId: selected });
    else if (action === 'cancel') cancel.mutate({ runId: selected, reason });
    else if (action === 'retry') retry.mutate({ runId: selected, reason });
    else override.mutate({ runId: selected, reason, to: opts.to ?? 'succeeded' });
  };

  const open = (id: string) => {
    setSelected(id);
    setMessage(null);
    writeSearch({ run: id }, 'push');
  };
  const change = (key: 'state' | 'outcome' | 'pb' | 'by', value: string | null) => writeSearch({ [key]: value }, 'replace');

  const title = (id: string) => playbooksQ.data?.find((p) => p.id === id)?.title ?? id;
  const caseHref = (caseId: string) => view.linkTo(`/cases/${encodeURIComponent(caseId)}`);
  const runs = runsQ.data?.runs;
  const fixedRunsHref = (pb: string | null) => view.linkTo('/runs', { outcome: 'fixed', pb });
  const filterWords = [filter.state && runStateLabel(filter.state).toLowerCase(), filter.outcome && outcomeLabel(filter.outcome).toLowerCase(), filter.playbookId && title(filter.playbookId), filter.requestedBy && `requested by ${filter.requestedBy}`]
    .filter(Boolean)
    .join(', ');

  return (
    <div className={styles.stack}>
      {!view.isO2C ? (
        <p className={styles.note}>Remediation playbooks act on order-to-cash exceptions; this log has none. Choose an order-to-cash log in the header.</p>
      ) : savingsQ.isError ? (
        <ErrorState what="what the playbooks saved" message={messageOf(savingsQ.error)} onRetry={() => void savingsQ.refetch()} />
      ) : !savingsQ.data ? (
        <Placeholder height={190} label="Adding up what the playbooks saved…" />
      ) : (
        <SavingsPanel savings={savingsQ.data} playbookTitle={title} fixedRunsHref={fixedRunsHref} busy={savingsQ.isPlaceholderData} />
      )}

      <RunsFilters filter={filter} playbooks={playbooksQ.data ?? []} onChange={change} />

      {selected &&
        (runQ.isError ? (
          <ErrorState what={`run ${selected}`} message={messageOf(runQ.error)} onRetry={() => void runQ.refetch()} />
        ) : !runQ.data ? (
          <Placeholder height={260} label="Loading the run…" />
        ) : (
          <RunDetail
            key={runQ.data.run.id}
            run={runQ.data.run}
            attempts={runQ.data.attempts}
            playbookTitle={title(runQ.data.run.playbookId)}
            caseHref={caseHref}
            busy={busy}
            message={message}
            onAction={onAction}
            {...runActions(runQ.data.run, meQ.data ?? null)}
          />
        ))}

      {runsQ.isError ? (
        <ErrorState what="the runs" message={messageOf(runsQ.error)} onRetry={() => void runsQ.refetch()} />
      ) : !runs ? (
        <Placeholder height={360} label="Loading the runs…" />
      ) : runs.length === 0 ? (
        <EmptyState title={isFiltered(filter) ? `No runs: ${filterWords}` : 'No runs on this log yet'}>
          <p>
            {isFiltered(filter) ? 'Choose other filters above, or ' : ''}start one from an exception: open the <a href={view.linkTo('/exceptions')}>exception queues</a> and use
            “Fix…” on a row. The <a href={view.linkTo('/playbooks')}>playbooks</a> say what each fix does and who approves it.
          </p>
        </EmptyState>
      ) : (
        <>
          <RunsTable runs={runs} selected={selected} playbookTitle={title} caseHref={caseHref} onOpen={open} busy={runsQ.isPlaceholderData} />
          {runsQ.data?.more && (
            <p className={styles.note} data-testid="runs-more">
              The newest {LIMIT} runs are shown; narrow the list with the filters above.
            </p>
          )}
        </>
      )}
    </div>
  );
}
