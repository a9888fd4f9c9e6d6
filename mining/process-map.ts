// The process map: a directly-follows graph (frequency and performance per edge) computed in
// DuckDB from the case view, with artificial __start__/__end__ nodes, then simplified in
// TypeScript (simplify.ts). Activity filtering projects the traces in SQL, so the edges between
// kept activities are the real directly-follows relations of the projected log (dfg-projected.sql:
// the prepared edges, plus the ones that bridge runs of hidden events).
import type { Store } from '../sql';
import { selectionFor } from './filter/prepare';
import { selectedQuery } from './filter/selection';
import type { Filter } from './filter/types';
import { ensureCaseViews } from './refresh';
import { END, START, selectActivities, simplifyMap } from './simplify';
import { validatePeriod } from './periods';
import type { MapEdge, MapNode, Period, Perspective, ProcessMap } from './types';

export interface ProcessMapOptions {
  logId?: string;
  /** Default: the log's main perspective (order for O2C, case for XES/CSV). */
  perspective?: Perspective;
  /** Only cases that started in this period (a `started` timeframe filter). Default: all cases. */
  period?: Period;
  /** Filters that select the cases (mining/filter), ANDed with the period. */
  filters?: Filter[];
  /** Percent of activities to keep, most frequent first (default 100). */
  activityPct?: number;
  /** Percent of paths (edges) to keep, most frequent first (default 100). */
  pathPct?: number;
  /**
   * False: a frequency map only (counts and cases; every time field null), which skips the
   * quantiles. Default true.
   */
  performance?: boolean;
}

interface EdgeRow {
  source: string;
  target: string;
  count: number;
  cases: number;
  median_seconds: number | null;
  mean_seconds: number | null;
  p90_seconds: number | null;
  total_seconds: number | null;
  min_seconds: number | null;
  max_seconds: number | null;
}

export async function processMap(store: Store, opts: ProcessMapOptions = {}): Promise<ProcessMap> {
  const logId = opts.logId ?? 'o2c';
  const perspective = await ensureCaseViews(store, logId, opts.perspective);
  const filters: Filter[] = [...(opts.filters ?? [])];
  if (opts.period) {
    const period = validatePeriod(opts.period);
    filters.unshift({ kind: 'timeframe', from: period.from, to: period.to, mode: 'started' });
  }
  const selection = await selectionFor(store, logId, perspective, filters);
  const base = { log_id: logId, perspective };
  const activityPct = opts.activityPct ?? 100;
  const pathPct = opts.pathPct ?? 100;

  // Every activity kept: the full graph does not depend on the activity counts, so all three
  // queries run at once (DuckDB leaves a core idle in parts of each).
  const performance = opts.performance ?? true;
  const prepared = () => selectedQuery<EdgeRow>(store, 'mining/map/dfg-prepared', { ...base, performance }, selection);
  const early = activityPct >= 100 ? prepared() : null;
  early?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const [[totals], acts] = await Promise.all([
    selectedQuery<{ cases: number; events: number }>(store, 'mining/map/totals', base, selection),
    selectedQuery<{ activity: string; events: number; cases: number }>(store, 'mining/map/activities', base, selection),
  ]);
  const activityNodes: MapNode[] = acts.map((a) => ({ id: a.activity, label: a.activity, events: a.events, cases: a.cases }));
  const kept = selectActivities(activityNodes, activityPct);
  const rows =
    kept.size < activityNodes.length
      ? await selectedQuery<EdgeRow>(store, 'mining/map/dfg-projected', { ...base, performance, activities: JSON.stringify([...kept]) }, selection)
      : await (early ?? prepared());

  const ends = (id: string): MapNode => ({ id, label: id === START ? 'Start' : 'End', events: totals.cases, cases: totals.cases });
  const nodes = [ends(START), ...activityNodes.filter((n) => kept.has(n.id)), ends(END)];
  const edges: MapEdge[] = rows.map((r) => ({
    source: r.source,
    target: r.target,
    count: r.count,
    cases: r.cases,
    medianSeconds: r.median_seconds,
    meanSeconds: r.mean_seconds,
    p90Seconds: r.p90_seconds,
    totalSeconds: r.total_seconds,
    minSeconds: r.min_seconds,
    maxSeconds: r.max_seconds,
  }));
  const simple = simplifyMap({ nodes, edges }, { activityPct: 100, pathPct });
  return {
    logId,
    perspective,
    totalCases: totals.cases,
    totalEvents: totals.events,
    nodes: simple.nodes,
    edges: simple.edges,
    activityPct: activityNodes.length ? (100 * kept.size) / activityNodes.length : 100,
    pathPct: simple.pathPct,
  };
}
