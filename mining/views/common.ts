// What every view takes: the log, the perspective (default: the log's main one) and filters. The
// views make sure the case view is current, compile the filters once and run their SQL on it.
import type { Store } from '../../sql';
import { compileFilters } from '../filter/compile';
import { selectionFor } from '../filter/prepare';
import type { CaseSelection } from '../filter/selection';
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
