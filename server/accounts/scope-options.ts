// What an admin can scope a process owner to: the warehouse and segment values the store's order
// cases really carry (so a scope never names a warehouse that matches nothing by a typo).
import type { Store } from '../../sql';

export interface ScopeOptions {
  warehouses: { value: string; cases: number }[];
  segments: { value: string; cases: number }[];
}

export async function scopeOptions(store: Pick<Store, 'query'>): Promise<ScopeOptions> {
  const rows = await store.query<{ attribute: 'warehouse' | 'segment'; value: string; cases: number }>('accounts/scope-values');
  const pick = (a: string) => rows.filter((r) => r.attribute === a).map((r) => ({ value: r.value, cases: r.cases }));
  return { warehouses: pick('warehouse'), segments: pick('segment') };
}
