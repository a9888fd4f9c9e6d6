'use client';
// The playbooks as the product runs them (workflows.playbooks): what each does, on which queue,
// who approves, its limits and version; and the rules that request them after each ingest
// (workflows.rules on the chosen log): on or off, conditions, what each did, links to its runs
// (/runs?by=rule:<id>). Read-only: playbooks and rules change as files in policies/.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PlaybookList } from '../../components/PlaybookList';
import { RuleList } from '../../components/RuleList';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { queueLabel } from '../_remediation/queues';
import styles from './PlaybooksPage.module.css';

export function PlaybooksPage() {
  return (
    <PageShell page="playbooks" title="Playbooks" subtitle="What each remediation does, on which exceptions, who must approve it and within which limits.">
      {(view) => (
        <div className={styles.stack}>
          <PlaybooksContent />
          <RulesSection view={view} />
        </div>
      )}
    </PageShell>
  );
}

function PlaybooksContent() {
  const trpc = useTRPC();
  const q = useQuery(trpc.workflows.playbooks.queryOptions());
  if (q.isError) return <ErrorState what="the playbooks" message={messageOf(q.error)} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Placeholder height={480} label="Loading the playbooks…" />;
  if (!q.data.length) {
    return (
      <EmptyState title="No playbooks">
        <p>Add playbook files to policies/playbooks (see policies/README.md) and restart the server.</p>
      </EmptyState>
    );
  }
  return <PlaybookList playbooks={q.data} queueLabel={queueLabel} />;
}

function RulesSection({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.workflows.rules.queryOptions({ logId: view.logId }, { placeholderData: keepPreviousData }));
  return (
    <section className={styles.section} aria-labelledby="rules-title" data-testid="rules" aria-busy={q.isPlaceholderData || undefined}>
      <h2 className={styles.title} id="rules-title">
        Rules
      </h2>
      <p className={styles.intro}>
        After each ingest every enabled rule requests its playbook on the exception rows that meet its conditions. Activity counts the runs each rule requested on{' '}
        {view.log.name ?? view.logId}
        {view.isO2C ? '' : ' (rules act on order-to-cash exceptions; this log has none)'}.
      </p>
      {q.isError ? (
        <ErrorState what="the rules" message={messageOf(q.error)} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Placeholder height={320} label="Loading the rules…" />
      ) : q.data.rules.length === 0 && q.data.removed.length === 0 ? (
        <EmptyState title="No rules">
          <p>
            Add a rule file to {q.data.folder} (the format is in policies/README.md, “rules/”); the next ingest reads it.
          </p>
        </EmptyState>
      ) : (
        <RuleList
          rules={q.data.rules}
          removed={q.data.removed}
          queueLabel={queueLabel}
          playbookHref={(id) => `#playbook-${id}`}
          runsHref={(id, outcome) => view.linkTo('/runs', { by: `rule:${id}`, outcome })}
        />
      )}
    </section>
  );
}
