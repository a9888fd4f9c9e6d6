// Every row of one exception queue (page by page through the mining facade, so the rows are the
// ones the exceptions page shows), with the log's newest event the ages are measured to.
import { exceptionQueue, type ExceptionQueueId, type ExceptionRow } from '../mining';
import type { Store } from '../sql';

const PAGE = 1000;

export async function queueRows(store: Store, logId: string, queue: ExceptionQueueId): Promise<{ asOf: string; rows: ExceptionRow[] }> {
  const rows: ExceptionRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await exceptionQueue(store, { logId, queue, sort: 'case', limit: PAGE, offset });
    rows.push(...page.rows);
    if (page.rows.length < PAGE || rows.length >= page.total) return { asOf: page.asOf, rows };
  }
}

export const rowKey = (caseId: string, objectId: string | null | undefined): string => `${caseId}\u0000${objectId ?? ''}`;

/** The median of the rows' ages in seconds; null for an empty queue. */
export function medianAge(rows: readonly ExceptionRow[]): number | null {
  if (!rows.length) return null;
  const a = rows.map((r) => r.ageSeconds).sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}
