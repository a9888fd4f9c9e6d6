'use client';
// The case page's runs: every remediation run on this case (workflows.runs with the case and the
// log; the server narrows to the viewer's scope), newest first, with its state, its outcome after
// the next ingest and who asked when; each links to its detail on the runs page. Polled while a
// run is in flight, so a "Fix…" from this page shows up and settles here.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatDateTime } from '../../components/case-format';
import { Panel } from '../../components/Panel';
import { OutcomeBadge, StateBadge } from '../../components/RunsTable';
import { ErrorState, Placeholder } from '../../components/States';
import type { ResolvedView } from '../_shared/PageShell';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import styles from './CasePage.module.css';

const IN_FLIGHT = new Set(['requested', 'approved', 'running', 'failed']);
const LIMIT = 100;

export function CaseRuns({ view, caseId }: { view: ResolvedView; caseId: string }) {
  const trpc = useTRPC();
  const runsQ = useQuery(
    trpc.workflows.runs.queryOptions(
      { logId: view.logId, caseId, limit: LIMIT },
      { enabled: view.isO2C, placeholderData: keepPreviousData, refetchInterval: (q) => (q.state.data?.runs.some((r) => IN_FLIGHT.has(r.state)) ? 2000 : false) },
    ),
  );
  const playbooksQ = useQuery(trpc.workflows.playbooks.queryOptions(undefined, { staleTime: 300_000 }));
  if (!view.isO2C) return null;
  const title = (id: string) => playbooksQ.data?.find((p) => p.id === id)?.title ?? id;
  const runs = runsQ.data?.runs;
  return (
    <Panel title="Runs" subtitle="Remediation runs on this case, newest first, and whether the exception cleared after the next ingest" testId="case-runs">
      {runsQ.isError ? (
        <ErrorState what="this case's runs" message={messageOf(runsQ.error)} onRetry={() => void runsQ.refetch()} />
      ) : !runs ? (
        <Placeholder height={96} label="Loading this case's runs…" />
      ) : runs.length === 0 ? (
        <p className={styles.muted} data-testid="case-runs-empty">
          No run on this case yet. Use “Fix…” on one of its open exceptions above to start one.
        </p>
      ) : (
        <table className={styles.runs}>
          <thead>
            <tr>
              <th scope="col">Playbook</th>
              <th scope="col">Status</th>
              <th scope="col">Outcome</th>
              <th scope="col">Requested (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} data-testid="case-run-row" data-run={r.id}>
                <td>
                  <Link prefetch={false} href={view.linkTo('/runs', { run: r.id })} aria-label={`Open run ${r.id}: ${title(r.playbookId)}`}>
                    {title(r.playbookId)}
                  </Link>
                </td>
                <td>
                  <StateBadge state={r.state} />
                </td>
                <td>
                  <OutcomeBadge run={r} withTime />
                </td>
                <td>
                  {r.requestedBy}
                  <br />
                  <span className={styles.muted}>{formatDateTime(r.requestedAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runsQ.data?.more && <p className={styles.muted}>The newest {LIMIT} runs are shown.</p>}
    </Panel>
  );
}
