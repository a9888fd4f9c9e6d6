'use client';
// The runs page: remediation runs newest first (workflows.runs, narrowed to the viewer's scope by
// the server), a status filter, and the chosen run's detail with its attempts and the buttons the
// viewer may use. URL keys: `state` (a run state), `run` (the run shown). Runs in flight are
// polled, so a run approved here shows its attempts and outcome without a reload.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { RunDetail, type RunAction } from '../../components/RunDetail';
import { RunsTable } from '../../components/RunsTable';
import { runStateLabel } from '../../components/remediation-format';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf, writeSearch } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { runActions } from '../_remediation/permissions';
import styles from './RunsPage.module.css';

export const STATES = ['awaiting_approval', 'approved', 'running', 'failed', 'dead_lettered', 'succeeded', 'cancelled', 'requested'] as const;
type State = (typeof STATES)[number];
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
  const s = search.get('state');
  const [state, setState] = useState<State | null>(STATES.includes(s as State) ? (s as State) : null);
  const [selected, setSelected] = useState<string | null>(search.get('run'));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const meQ = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 300_000 }));
  const playbooksQ = useQuery(trpc.workflows.playbooks.queryOptions(undefined, { staleTime: 300_000 }));
  const runsQ = useQuery(
    trpc.workflows.runs.queryOptions(state ? { state, limit: 200 } : { limit: 200 }, {
      placeholderData: keepPreviousData,
      refetchInterval: (q) => (q.state.data?.runs.some((r) => IN_FLIGHT.has(r.state)) ? POLL_MS : false),
    }),
  );
  const runQ = useQuery(
    trpc.workflows.run.queryOptions(selected ? { runId: selected } : skipToken, {
      retry: false,
      refetchInterval: (q) => (q.state.data && IN_FLIGHT.has(q.state.data.run.state) ? POLL_MS : false),
    }),
  );

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.workflows.runs.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.workflows.run.queryKey() });
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
  const filter = (next: State | null) => {
    setState(next);
    writeSearch({ state: next }, 'replace');
  };

  const title = (id: string) => playbooksQ.data?.find((p) => p.id === id)?.title ?? id;
  const caseHref = (caseId: string) => view.linkTo(`/cases/${encodeURIComponent(caseId)}`);
  const runs = runsQ.data?.runs;

  return (
    <div className={styles.stack}>
      <div className={styles.filters} role="group" aria-label="Filter by status">
        <button type="button" aria-pressed={state === null} onClick={() => filter(null)}>
          All
        </button>
        {STATES.filter((st) => st !== 'requested').map((st) => (
          <button key={st} type="button" aria-pressed={state === st} onClick={() => filter(st)} data-state={st}>
            {runStateLabel(st)}
          </button>
        ))}
      </div>

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
        <EmptyState title={state ? `No ${runStateLabel(state).toLowerCase()} runs` : 'No runs yet'}>
          <p>
            {state ? 'Choose another status above, or ' : ''}start one from an exception: open the <a href={view.linkTo('/exceptions')}>exception queues</a> and use
            “Fix…” on a row. The <a href={view.linkTo('/playbooks')}>playbooks</a> say what each fix does and who approves it.
          </p>
        </EmptyState>
      ) : (
        <RunsTable runs={runs} selected={selected} playbookTitle={title} caseHref={caseHref} onOpen={open} busy={runsQ.isPlaceholderData} />
      )}
    </div>
  );
}
