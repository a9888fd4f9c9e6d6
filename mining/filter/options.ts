// What the filter bar can offer for a log and perspective: its activities and, per attribute, the
// most common values. Read once per log and perspective by the dashboard (cached there).
import type { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';

export interface AttributeOption {
  attribute: string;
  /** How many distinct values the attribute has (only the most common are listed). */
  distinctValues: number;
  values: { value: string; cases: number }[];
}

export interface FilterOptions {
  logId: string;
  perspective: string;
  activities: { activity: string; cases: number }[];
  attributes: AttributeOption[];
}

/** Per store, the answers of the current store generation: every page asks, the data rarely changes. */
const memo = new WeakMap<Store, Map<string, { generation: number; value: Promise<FilterOptions> }>>();

export async function filterOptions(store: Store, opts: { logId?: string; perspective?: string; top?: number }): Promise<FilterOptions> {
  const logId = opts.logId ?? 'o2c';
  const perspective = await ensureCaseViews(store, logId, opts.perspective);
  let byKey = memo.get(store);
  if (!byKey) memo.set(store, (byKey = new Map()));
  const key = JSON.stringify([logId, perspective, opts.top ?? 100]);
  const hit = byKey.get(key);
  if (hit && hit.generation === store.generation) return hit.value;
  const value = read(store, logId, perspective, opts.top ?? 100);
  byKey.set(key, { generation: store.generation, value });
  value.catch(() => byKey.delete(key));
  return value;
}

async function read(store: Store, logId: string, perspective: string, top: number): Promise<FilterOptions> {
  const base = { log_id: logId, perspective };
  const [activities, values] = await Promise.all([
    store.query<{ activity: string; cases: number }>('mining/filters/activities', base),
    store.query<{ attribute: string; value: string; cases: number; distinct_values: number }>('mining/filters/attribute-values', {
      ...base,
      // O2C orders carry their attributes as cases columns already; reading the order objects'
      // JSON again would only repeat them, slowly.
      object_attrs: perspective !== 'order',
      top,
    }),
  ]);
  const byAttribute = new Map<string, AttributeOption>();
  for (const r of values) {
    let a = byAttribute.get(r.attribute);
    if (!a) byAttribute.set(r.attribute, (a = { attribute: r.attribute, distinctValues: r.distinct_values, values: [] }));
    a.values.push({ value: r.value, cases: r.cases });
  }
  return { logId, perspective, activities, attributes: [...byAttribute.values()] };
}
