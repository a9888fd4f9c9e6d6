// What logs the store holds and their time range. Reads only; safe on a read-only store.
import type { Store } from '../sql';
import type { DataRange, LogSummary } from './types';

/** Per store, the answer of the current store generation: every page asks, the data rarely changes. */
const summaries = new WeakMap<Store, { generation: number; value: Promise<LogSummary[]> }>();

export function logSummaries(store: Store): Promise<LogSummary[]> {
  const hit = summaries.get(store);
  if (hit && hit.generation === store.generation) return hit.value;
  const value = readSummaries(store);
  summaries.set(store, { generation: store.generation, value });
  value.catch(() => summaries.delete(store));
  return value;
}

async function readSummaries(store: Store): Promise<LogSummary[]> {
  const [logs, objects] = await Promise.all([
    store.query<{ log_id: string; name: string; kind: string; events: number; cases: number; first_event: string | null; last_event: string | null }>(
      'mining/logs/summaries',
    ),
    store.query<{ log_id: string; object_type: string; n: number }>('mining/logs/objects-by-type'),
  ]);
  return logs.map((l) => ({
    logId: l.log_id,
    name: l.name,
    kind: l.kind,
    events: l.events,
    cases: l.cases,
    objectsByType: Object.fromEntries(objects.filter((o) => o.log_id === l.log_id).map((o) => [o.object_type, o.n])),
    firstEvent: l.first_event,
    lastEvent: l.last_event,
  }));
}

/** The first and last event of a log (null for an empty or unknown log). */
export async function dataRange(store: Store, logId = 'o2c'): Promise<DataRange> {
  const [r] = await store.query<{ first_event: string | null; last_event: string | null; events: number }>('mining/logs/data-range', {
    log_id: logId,
  });
  return { logId, firstEvent: r.first_event, lastEvent: r.last_event, events: r.events };
}
