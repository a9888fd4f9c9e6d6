'use client';
// The playbooks as the product runs them (workflows.playbooks): what each does, on which queue,
// who approves, its limits and version. Read-only: playbooks change as files in policies/playbooks.
import { useQuery } from '@tanstack/react-query';
import { PlaybookList } from '../../components/PlaybookList';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { PageShell } from '../_shared/PageShell';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { queueLabel } from '../_remediation/queues';

export function PlaybooksPage() {
  return (
    <PageShell page="playbooks" title="Playbooks" subtitle="What each remediation does, on which exceptions, who must approve it and within which limits.">
      {() => <PlaybooksContent />}
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
