// The exception rows of a log, kept in exception_rows: computed from the order case view (every
// queue, every case, no group filter) on the first read after the case view, the SLA policy or
// the local time zone changed, then read as a small table by every summary and page. A read-only
// store cannot keep them: readers then compute them in the query itself.
import type { Store } from '../../sql';
import { loadQuery } from '../../sql';
import { ALL_CASES, selectedText } from '../filter/selection';
import { QUEUE_IDS, queueDef } from './queues';

/** enriched.sql over every queue and case: the rows before selection and group filters. */
export function enrichedText(): string {
  const union = QUEUE_IDS.map((id) => `SELECT '${id}' AS queue, * FROM (${selectedText(queueDef(id).query, ALL_CASES)})`).join('\nUNION ALL BY NAME\n');
  return loadQuery('mining/exceptions/enriched').replace('__QUEUES__', () => union);
}

/** Only the parameters the text names (DuckDB refuses unused ones). */
export const usedParams = <T extends Record<string, unknown>>(text: string, params: T): Partial<T> =>
  Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(text))) as Partial<T>;

const inFlight = new WeakMap<Store, Map<string, Promise<void>>>();

/**
 * The text of the rows' source for rows.sql: the stored rows, refreshed first when `keyParts`
 * (what they depend on besides the case view) or the case view changed; the computation itself on
 * a read-only store. `params` are the enriched query's ($log_id, $perspective, $as_of, $tz, $rule_teams).
 */
export async function exceptionRowsSource(store: Store, logId: string, keyParts: string, params: Record<string, string>): Promise<string> {
  if (store.readOnly) return enrichedText();
  const [s] = await store.query<{ key: string | null; fingerprint: string | null }>('mining/exceptions/state', { log_id: logId });
  const key = `${s?.fingerprint ?? ''}|${keyParts}`;
  if (s?.key !== key) {
    let running = inFlight.get(store);
    if (!running) inFlight.set(store, (running = new Map()));
    const k = `${logId}|${key}`;
    let p = running.get(k);
    if (!p) {
      const mine = running;
      const text = loadQuery('mining/exceptions/store').replace('__ROWS__', () => enrichedText());
      p = store
        .transaction(async (tx) => {
          const t0 = performance.now();
          await tx.query('mining/exceptions/clear', { log_id: logId });
          await tx.sql(text, usedParams(text, params) as Record<string, string>);
          await tx.query('mining/exceptions/record-state', { log_id: logId, key, as_of: params.as_of ?? '', seconds: (performance.now() - t0) / 1000 });
        })
        .finally(() => mine.delete(k));
      running.set(k, p);
    }
    await p;
  }
  return loadQuery('mining/exceptions/cached');
}
