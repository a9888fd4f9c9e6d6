'use client';
// The case page: the case's key facts, its events across systems with their source records, the
// SLA clock of each rule, the deviations from the reference model, and its related objects as a
// graph. `case-actions` offers the playbooks that apply to the case's open exceptions; `case-runs`
// lists the runs on the case.
import { useQuery } from '@tanstack/react-query';
import { CaseDeviations } from '../../components/CaseDeviations';
import { CaseFacts } from '../../components/CaseFacts';
import { CaseTimeline } from '../../components/CaseTimeline';
import { ObjectGraph } from '../../components/ObjectGraph';
import { Panel } from '../../components/Panel';
import { SlaClocks } from '../../components/SlaClocks';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { CaseRemediation } from './CaseRemediation';
import { CaseRuns } from './CaseRuns';
import styles from './CasePage.module.css';

export function CasePage({ caseId }: { caseId: string }) {
  return (
    <PageShell
      page="cases"
      title="Case"
      subtitle={
        <span className={styles.caseId} data-testid="case-id">
          {caseId}
        </span>
      }
      actions={(view) => (
        <a href={view.linkTo('/cases')} className={styles.back}>
          ← All cases
        </a>
      )}
    >
      {(view) => <CaseContent view={view} caseId={caseId} />}
    </PageShell>
  );
}

function CaseContent({ view, caseId }: { view: ResolvedView; caseId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.cases.detail.queryOptions({ logId: view.input.logId, perspective: view.input.perspective, caseId }, { retry: false }));
  if (q.error) {
    if (q.error.data?.code === 'NOT_FOUND') {
      return (
        <EmptyState title="No such case">
          <p>{q.error.message} Open the case table and pick a case from there.</p>
          <p>
            <a href={view.linkTo('/cases')}>Go to the case table</a>
          </p>
        </EmptyState>
      );
    }
    return <ErrorState what={`case ${caseId}`} message={messageOf(q.error)} onRetry={() => void q.refetch()} />;
  }
  const d = q.data;
  if (!d) return <Placeholder height={640} label="Loading the case…" />;
  return (
    <div className={styles.page}>
      <CaseFacts detail={d} />
      <div className={styles.grid}>
        <Panel title="Timeline" subtitle={`${d.events.length} events in time order, by source system, each with the record it was read from`} testId="case-timeline" className={styles.timeline}>
          <CaseTimeline events={d.events} />
        </Panel>
        <div className={styles.side}>
          <section className={styles.actions} data-testid="case-actions" aria-label="Actions">
            <h2 className={styles.actionsTitle}>Actions</h2>
            <CaseRemediation view={view} caseId={caseId} />
          </section>
          <CaseRuns view={view} caseId={caseId} />
          {d.sla && (
            <Panel title="SLA clocks" subtitle={`Policy ${d.sla.policyVersion ?? ''}: business time used against each rule's allowance`} testId="case-sla">
              <SlaClocks rules={d.sla.rules} clocks={d.sla.clocks} />
            </Panel>
          )}
          <Panel title="Deviations" subtitle="Against the reference model and its rules" testId="case-deviations">
            {d.conformance ? <CaseDeviations conformance={d.conformance} /> : <p className={styles.muted}>No conformance result for this case yet.</p>}
          </Panel>
        </div>
      </div>
      <Panel title="Related objects" subtitle="What the case touched, and how the objects relate" testId="case-objects">
        {d.objects.nodes.length > 1 ? (
          <ObjectGraph nodes={d.objects.nodes} edges={d.objects.edges} truncated={d.objects.truncated} />
        ) : (
          <p className={styles.muted}>This case relates to no other objects.</p>
        )}
      </Panel>
    </div>
  );
}
