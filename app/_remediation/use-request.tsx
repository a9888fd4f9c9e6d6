'use client';
// Requesting a playbook on exception rows (workflows.request) from the exceptions page or a case
// page, and the message that follows: ran at once / awaits approval by a role, with run links; a
// refusal as the server words it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PlaybookChoice } from '../../components/RemediationMenu';
import { RequestResult } from '../../components/RemediationMenu';
import { approvalText, requestOutcome } from '../../components/remediation-format';
import type { ExceptionQueueId } from '../../mining/types';
import type { ResolvedView } from '../_shared/PageShell';
import { useTRPC } from '../_trpc/client';
import { mayRequest, playbooksFor } from './permissions';

export interface PickedRow {
  caseId: string;
  objectId?: string | null;
}

export function useRemediation(view: ResolvedView) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const meQ = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 300_000 }));
  const playbooksQ = useQuery(trpc.workflows.playbooks.queryOptions(undefined, { staleTime: 300_000 }));
  const [result, setResult] = useState<{ message: string; error: boolean; runs: { id: string; href: string }[] } | null>(null);
  const mutation = useMutation(
    trpc.workflows.request.mutationOptions({
      onSuccess: ({ runs }) => {
        setResult({ message: requestOutcome(runs), error: false, runs: runs.map((r) => ({ id: r.id, href: view.linkTo('/runs', { run: r.id }) })) });
        void qc.invalidateQueries({ queryKey: trpc.workflows.runs.queryKey() });
      },
      onError: (err) => setResult({ message: `Not requested: ${err.message}`, error: true, runs: [] }),
    }),
  );
  const canRequest = mayRequest(meQ.data ?? null);
  const choicesFor = (queue: string, team?: string | null): PlaybookChoice[] =>
    canRequest ? playbooksFor(playbooksQ.data ?? [], queue, team).map((p) => ({ id: p.id, title: p.title, note: approvalText(p.approval) })) : [];
  const request = (queue: ExceptionQueueId, playbookId: string, rows: readonly PickedRow[]) => {
    setResult(null);
    mutation.mutate({ logId: view.logId, queue, playbookId, rows: rows.map((r) => ({ caseId: r.caseId, objectId: r.objectId ?? null })) });
  };
  const resultView = result ? <RequestResult message={result.message} error={result.error} runs={result.runs} onDismiss={() => setResult(null)} /> : null;
  return { canRequest, playbooks: playbooksQ.data ?? [], choicesFor, request, busy: mutation.isPending, resultView };
}
