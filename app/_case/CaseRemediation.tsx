'use client';
// The case page's `case-actions`: the case's open exceptions (each queue asked with a `cases`
// filter, as the server resolves a request) and, per exception, the playbooks that apply to it.
import { useQueries } from '@tanstack/react-query';
import { RemediationMenu } from '../../components/RemediationMenu';
import { formatAmount, objectLabel } from '../../components/exception-format';
import type { ExceptionQueueId } from '../../mining/types';
import type { ResolvedView } from '../_shared/PageShell';
import { useTRPC } from '../_trpc/client';
import { queueLabel } from '../_remediation/queues';
import { useRemediation } from '../_remediation/use-request';
import styles from './CasePage.module.css';

export function CaseRemediation({ view, caseId }: { view: ResolvedView; caseId: string }) {
  const trpc = useTRPC();
  const fix = useRemediation(view);
  const queues = [...new Set(fix.playbooks.flatMap((p) => p.appliesTo.queues))] as ExceptionQueueId[];
  const results = useQueries({
    queries: view.isO2C
      ? queues.map((queue) =>
          trpc.exceptions.queue.queryOptions({ logId: view.logId, filters: [{ kind: 'cases', caseIds: [caseId] }], groups: {}, queue, sort: 'age', limit: 20, offset: 0 }),
        )
      : [],
  });
  if (!view.isO2C) return <p className={styles.muted}>Remediation playbooks act on order-to-cash exceptions; this log has none.</p>;
  if (!fix.playbooks.length || results.some((r) => r.isPending)) return <p className={styles.muted}>Looking for this case's open exceptions…</p>;
  const failed = results.find((r) => r.isError);
  if (failed) return <p className={styles.muted}>Could not read this case's exceptions: {failed.error?.message}</p>;
  const rows = results.flatMap((r) => (r.data ? r.data.rows.map((row) => ({ queue: r.data.id, row })) : []));
  if (!rows.length) return <p className={styles.muted}>No open exception on this case: nothing to fix.</p>;
  return (
    <>
      <ul className={styles.fixList} data-testid="case-exceptions">
        {rows.map(({ queue, row }) => (
          <li key={`${queue}|${row.objectId ?? ''}|${row.ruleId ?? ''}`} className={styles.fixRow} data-queue={queue}>
            <span>
              <strong>{queueLabel(queue)}</strong>
              {row.objectId && row.objectId !== caseId ? ` · ${objectLabel(row.objectId)}` : ''} · {formatAmount(row.amount, row.currency)}
              <br />
              <span className={styles.muted}>{row.nextStep}</span>
            </span>
            {fix.canRequest ? (
              <RemediationMenu
                playbooks={fix.choicesFor(queue, row.team)}
                target={`${queueLabel(queue)} of this case`}
                busy={fix.busy}
                onPick={(pb) => fix.request(queue, pb, [{ caseId: row.caseId, objectId: row.objectId }])}
              />
            ) : (
              <span className={styles.muted}>Your role reads only</span>
            )}
          </li>
        ))}
      </ul>
      {fix.resultView}
    </>
  );
}
