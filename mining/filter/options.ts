// What the filter bar can offer for a log and perspective: its activities and, per attribute, the
// most common values. Read once per log and perspective by the dashboard (cached there). Counted
// over a selection when filters are given: a scoped process owner is offered only the values of
// their own cases (server/owner-scope.ts adds their scope as filters).
import type { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';
import { selectedQuery, type CaseSelection } from './selection';
import { selectionFor } from './prepare';
import type { Filter } from './types';

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

export async function filterOptions(store: Store, opts: { logId?: string; perspective?: string; top?: number; filters?: Filter[] }): Promise<FilterOptions> {
  const logId = opts.logId ?? 'o2c';
  const perspective = await ensureCaseViews(store, logId, opts.perspective);
  const selection = await selectionFor(store, logId, perspective, opts.filters);
  let byKey = memo.get(store);
  if (!byKey) memo.set(store, (byKey = new Map()));
  // The selection is part of the key: options counted for one owner's scope are not anyone else's.
  const key = JSON.stringify([logId, perspective, opts.top ?? 100, selection.sql, selection.params]);
  const hit = byKey.get(key);
  if (hit && hit.generation === store.generation) return hit.value;
  const value = read(store, logId, perspective, opts.top ?? 100, selection);
  byKey.set(key, { generation: store.generation, value });
  value.catch(() => byKey.delete(key));
  return value;
}

async function read(store: Store, logId: string, perspective: string, top: number, selection: CaseSelection): Promise<FilterOptions> {
  const base = { log_id: logId, perspective };
  const [activities, values] = await Promise.all([
    selectedQuery<{ activity: string; cases: number }>(store, 'mining/filters/activities', base, selection),
    selectedQuery<{ attribute: string; value: string; cases: number; distinct_values: number }>(store, 'mining/filters/attribute-values', {
      ...base,
      // O2C orders carry their attributes as cases columns already; reading the order objects'
      // JSON again would only repeat them, slowly.
      object_attrs: perspective !== 'order',
      top,
    }, selection),
  ]);
  const byAttribute = new Map<string, AttributeOption>();
  for (const r of values) {
    let a = byAttribute.get(r.attribute);
    if (!a) byAttribute.set(r.attribute, (a = { attribute: r.attribute, distinctValues: r.distinct_values, values: [] }));
    a.values.push({ value: r.value, cases: r.cases });
  }
  return { logId, perspective, activities, attributes: [...byAttribute.values()] };
}
