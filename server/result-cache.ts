// Answers of the heavy read procedures (finance.*, kpi.*, map.process, views.variants/transitions/
// workInProgress), kept per store until the data they are
// computed from changes (an ingest, a refresh, a new SLA evaluation: sql/queries/store/data-version.sql)
// or the policies change (targets, SLA policy), the way Rill caches its runtime queries. Every
// visitor of the overview asks the same questions; at 1M orders each answer costs 1–3 s of CPU.
// Only finished answers are kept (a cancelled or failed call keeps nothing); at most MAX_ENTRIES,
// least recently used out first. THROUGHLINE_RESULT_CACHE=0 turns it off (benchmarks of compute).
// The key is the procedure's input as parsed. A scoped process owner's scope is already in it:
// trpc.ts `ownerScope` appends it to the raw input's filters before the procedure parses it, so an
// owner's answer is keyed by the narrowed filters and is shared only with a caller who sent exactly
// those filters (the same answer), never with an unscoped caller (owner-scope.test.ts). An answer
// that depended on who asks in any other way would have to carry that in its input, or not be cached.
import { createHash } from 'node:crypto';
import type { Store } from '../sql';
import { loadTargets } from '../mining/kpi-library/targets';
import { loadSlaPolicy } from '../mining/sla';

const MAX_ENTRIES = 300;

interface Entry {
  version: string;
  value: unknown;
}
const caches = new WeakMap<Store, Map<string, Entry>>();

const enabled = () => process.env.THROUGHLINE_RESULT_CACHE !== '0';

/** The policies' fingerprint: answers depend on targets.json and the SLA policy files too. */
function policyVersion(): string {
  return createHash('sha256').update(JSON.stringify(loadTargets())).update(loadSlaPolicy().hash).digest('hex').slice(0, 16);
}

async function dataVersion(store: Store, logId: string): Promise<string> {
  const [row] = await store.query<{ version: string | null }>('store/data-version', { log_id: logId });
  return `${row?.version ?? ''}#${policyVersion()}`;
}

/** `compute()`'s answer for (name, input) on this log's data as it is now, computed at most once per data version. */
export async function cachedAnswer<T>(store: Store, logId: string, name: string, input: unknown, compute: () => Promise<T>): Promise<T> {
  if (!enabled()) return compute();
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const key = `${logId}\u0000${name}\u0000${JSON.stringify(input)}`;
  const version = await dataVersion(store, logId);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  // The data may have changed while computing (an ingest ran): keep the answer only if it did not.
  if ((await dataVersion(store, logId)) === version) {
    cache.delete(key);
    cache.set(key, { version, value });
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  return value;
}
