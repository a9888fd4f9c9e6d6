// Compiles filters and makes sure the tables they read exist for the perspective: an `sla` filter
// reads sla_clocks, a `deviation` filter case_deviations, and outside the O2C order perspective
// both are computed only when first needed. A `stage` filter needs the perspective resolved (it
// selects orders only).
import type { Store } from '../../sql';
import { ensureConformance } from '../conformance/read';
import { ensureSla } from '../sla/read';
import { ensureCaseViews } from '../refresh';
import { compileFilters } from './compile';
import type { CaseSelection } from './selection';
import type { Filter } from './types';

export async function selectionFor(store: Store, logId: string, perspective: string | undefined, filters: readonly Filter[] | undefined): Promise<CaseSelection> {
  let selection = compileFilters(filters, perspective); // first: a bad filter costs nothing
  if (perspective === undefined && filters?.some((f) => f.kind === 'stage')) selection = compileFilters(filters, await ensureCaseViews(store, logId));
  if (filters?.some((f) => f.kind === 'sla')) await ensureSla(store, logId, { perspective });
  if (filters?.some((f) => f.kind === 'deviation')) await ensureConformance(store, logId, undefined, perspective);
  return selection;
}
