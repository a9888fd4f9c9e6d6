// Between the scope picker's ticks and the API's `scope` (pure, tested): only a process owner has a
// scope, an empty list means "all of it" and is left out, nothing ticked at all = unscoped (null).
import type { ScopeChoice } from '../../components/ScopePicker';

export type ApiScope = { warehouses?: string[]; segments?: string[] };

export function scopeForApi(roles: readonly string[], choice: ScopeChoice): ApiScope | null {
  if (!roles.includes('process_owner')) return null;
  const out: ApiScope = {};
  if (choice.warehouses.length) out.warehouses = [...choice.warehouses];
  if (choice.segments.length) out.segments = [...choice.segments];
  return out.warehouses || out.segments ? out : null;
}

export const choiceOf = (scope: { warehouses?: readonly string[]; segments?: readonly string[] } | null): ScopeChoice => ({
  warehouses: [...(scope?.warehouses ?? [])],
  segments: [...(scope?.segments ?? [])],
});
