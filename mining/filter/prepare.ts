// Compiles filters and makes sure the tables they read exist for the perspective: an `sla` filter
// reads sla_clocks, a `deviation` filter case_deviations, and outside the O2C order perspective
// both are computed only when first needed.
import type { Store } from '../../sql';
import { ensureConformance } from '../conformance/read';
import { ensureSla } from '../sla/read';
import { compileFilters } from './compile';
import type { CaseSelection } from './selection';
import type { Filter } from './types';

export async function selectionFor(store: Store, logId: string, perspective: string | undefined, filters: readonly Filter[] | undefined): Promise<CaseSelection> {
  const selection = compileFilters(filters); // first: a bad filter costs nothing
  if (filters?.some((f) => f.kind === 'sla')) await ensureSla(store, logId, { perspective });
  if (filters?.some((f) => f.kind === 'deviation')) await ensureConformance(store, logId, undefined, perspective);
  return selection;
}
