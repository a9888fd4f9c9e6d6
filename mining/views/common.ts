// What every view takes: the log, the perspective (default: the log's main one) and filters. The
// views make sure the case view is current, compile the filters once and run their SQL on it.
import type { Params, Row, Store } from '../../sql';
import { loadQuery } from '../../sql';
import { compileFilters } from '../filter/compile';
import { selectionFor } from '../filter/prepare';
import { SELECTED_TOKEN, selectedQuery, type CaseSelection } from '../filter/selection';
import type { Filter } from '../filter/types';
import { ensureCaseViews } from '../refresh';

export interface ViewOptions {
  logId?: string;
  perspective?: string;
  filters?: Filter[];
}

export interface ViewScope {
  logId: string;
  perspective: string;
  selection: CaseSelection;
  /** The parameters every view query binds. */
  base: { log_id: string; perspective: string };
}

export async function scope(store: Store, opts: ViewOptions): Promise<ViewScope> {
  const logId = opts.logId ?? 'o2c';
  compileFilters(opts.filters); // first: a bad filter costs nothing
  const perspective = await ensureCaseViews(store, logId, opts.perspective);
  const selection = await selectionFor(store, logId, perspective, opts.filters);
  return { logId, perspective, selection, base: { log_id: logId, perspective } };
}

export interface DurationSummary {
  cases: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
  minSeconds: number | null;
  maxSeconds: number | null;
}

/** The ' → ' join the case view uses for variants, split back into activities. */
export const variantActivities = (variant: string): string[] => (variant === '' ? [] : variant.split(' → '));

/**
 * `selectedQuery` (filter/selection.ts) with a shortcut for an unfiltered selection: every
 * `<column> IN __SELECTED_CASES__` condition becomes TRUE instead of a semi-join with all the cases
 * (every row of case_trace and cases of the (log, perspective) belongs to one of them). Other uses
 * of the token (a NOT IN, a FROM) get the selection as usual.
 */
export function viewQuery<T = Row>(store: Store, name: string, params: Params, selection: CaseSelection): Promise<T[]> {
  if (!selection.all || Object.keys(selection.params).length) return selectedQuery<T>(store, name, params, selection);
  const text = loadQuery(name)
    .replace(new RegExp(`\\b(?!NOT\\b)[\\w.]+ IN ${SELECTED_TOKEN}`, 'g'), 'TRUE')
    .replaceAll(SELECTED_TOKEN, selection.sql);
  return store.sql<T>(text, params);
}
