// Closing the loop: after each ingest, every succeeded run of the log whose outcome can still change
// looks for its exception row in the queue again. Gone → fixed; there → still_open; there after a
// check found it gone → reopened (final). Kept on the run with the check's time.
import type { ExceptionQueueId } from '../mining';
import type { Store } from '../sql';
import { medianAge, queueRows, rowKey } from './queue-rows';
import type { RunOutcome } from './types';

export interface OutcomeCheck {
  checked: number;
  fixed: number;
  stillOpen: number;
  reopened: number;
}

interface Pending {
  id: string;
  case_id: string;
  object_id: string | null;
  queue: ExceptionQueueId;
  outcome: RunOutcome | null;
}

export function nextOutcome(previous: RunOutcome | null, present: boolean): RunOutcome {
  if (!present) return 'fixed';
  return previous === 'fixed' || previous === 'reopened' ? 'reopened' : 'still_open';
}

export async function checkOutcomes(store: Store, logId: string, now = new Date()): Promise<OutcomeCheck> {
  const pending = await store.query<Pending>('workflows/outcome-pending', { log_id: logId });
  const result: OutcomeCheck = { checked: pending.length, fixed: 0, stillOpen: 0, reopened: 0 };
  if (!pending.length) return result;
  const updates: { ids: string[]; outcome: RunOutcome; baseline: number | null }[] = [];
  for (const queue of new Set(pending.map((p) => p.queue))) {
    const { rows } = await queueRows(store, logId, queue);
    const present = new Set(rows.map((r) => rowKey(r.caseId, r.objectId)));
    const baseline = medianAge(rows);
    const byOutcome = new Map<RunOutcome, string[]>();
    for (const p of pending.filter((x) => x.queue === queue)) {
      const outcome = nextOutcome(p.outcome, present.has(rowKey(p.case_id, p.object_id)));
      byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), p.id]);
    }
    for (const [outcome, ids] of byOutcome) {
      updates.push({ ids, outcome, baseline: outcome === 'fixed' ? baseline : null });
      result[outcome === 'fixed' ? 'fixed' : outcome === 'still_open' ? 'stillOpen' : 'reopened'] += ids.length;
    }
  }
  const at = now.toISOString();
  await store.transaction(async (tx) => {
    for (const u of updates) await tx.query('workflows/set-outcome', { ids: u.ids.join(','), outcome: u.outcome, at, baseline: u.baseline });
  });
  return result;
}
