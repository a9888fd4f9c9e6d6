// What an ingest calls once its data is in: rebuild the case views (refresh.ts) and, for an O2C
// log, fill the exception queues' table now, so the first person to open the dashboard after an
// ingest does not wait for it (at 1M orders that fill took ~25 s on first read).
import type { Store } from '../sql';
import { MiningInputError } from './errors';
import { refreshCaseViews, type CasePerspective, type RefreshResult } from './refresh';
import { exceptionsSummary } from './exceptions';

export async function refreshAndPrepare(store: Store, logId: string, perspective?: CasePerspective): Promise<RefreshResult> {
  const result = await refreshCaseViews(store, logId, perspective);
  if (result.perspective === 'order') {
    const t = performance.now();
    try {
      await exceptionsSummary(store, { logId });
    } catch (err) {
      if (!(err instanceof MiningInputError)) throw err; // a log without events has no queues to fill
    }
    result.steps['exception rows'] = (performance.now() - t) / 1000;
  }
  return result;
}
