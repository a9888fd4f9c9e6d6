// A hand trigger names exception rows (case + object); what a run acts on — the amount that decides
// approval above all — is read here from the store's exception queue, never taken from the caller,
// so an API call cannot shrink an amount to skip an approval. A row that is not (or no longer) in
// the queue is refused by name. The rule runner (after each ingest) will call the same function.
import { exceptionQueue, type ExceptionQueueId, type ExceptionRow } from '../mining';
import type { Store } from '../sql';
import { WorkflowInputError } from './errors';
import type { RunTarget } from './target';

export interface RowPick {
  caseId: string;
  /** The row's object (delivery:…, invoice:…, dispute:…); null/absent = the order's own row. */
  objectId?: string | null;
}

export const MAX_PICKS = 1000;

export function targetOf(logId: string, row: ExceptionRow): RunTarget {
  return {
    logId,
    queue: row.queue,
    caseId: row.caseId,
    objectId: row.objectId,
    amount: row.amount,
    currency: row.currency,
    team: row.team,
    warehouse: row.warehouse,
    segment: row.segment,
    since: row.since,
    ageSeconds: row.ageSeconds,
  };
}

export async function resolveTargets(store: Store, logId: string, queue: ExceptionQueueId, picks: readonly RowPick[]): Promise<RunTarget[]> {
  if (!picks.length) throw new WorkflowInputError('no rows chosen');
  if (picks.length > MAX_PICKS) throw new WorkflowInputError(`at most ${MAX_PICKS} rows per request (got ${picks.length})`);
  const caseIds = [...new Set(picks.map((p) => p.caseId))];
  const page = await exceptionQueue(store, { logId, queue, filters: [{ kind: 'cases', caseIds }], limit: 1000, sort: 'case' });
  const byKey = new Map(page.rows.map((r) => [`${r.caseId}\u0000${r.objectId ?? ''}`, r]));
  return picks.map((p) => {
    const row = byKey.get(`${p.caseId}\u0000${p.objectId ?? ''}`);
    if (!row) throw new WorkflowInputError(`case ${p.caseId}${p.objectId ? ` (${p.objectId})` : ''} is not in the ${queue} queue of log ${logId} (cleared, or another queue)`);
    return targetOf(logId, row);
  });
}
