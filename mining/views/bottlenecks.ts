// Bottlenecks: where time goes by transition and by a dimension (a case attribute or the resource
// of the event that ends the wait), work in progress per activity per day, and, where the log has
// start and complete events, waiting before an activity against time in it.
import type { Store } from '../../sql';
import { selectedQuery, selectedSql, selectedText } from '../filter/selection';
import { CASE_COLUMNS } from '../filter/types';
import { scope, type ViewOptions } from './common';

export const BOTTLENECK_DIMENSIONS = ['none', 'resource', ...CASE_COLUMNS] as const;
export type BottleneckDimension = (typeof BOTTLENECK_DIMENSIONS)[number];

export interface TransitionTime {
  source: string;
  target: string;
  /** The dimension's value (null for 'none' or when the case has none). */
  value: string | null;
  transitions: number;
  cases: number;
  medianSeconds: number | null;
  meanSeconds: number | null;
  p90Seconds: number | null;
  totalSeconds: number | null;
}

// The case's row joined on its integer number alone (its log and perspective filtered first): a
// join on the two strings as well cost 3 s of 1M orders' 14.6M transitions.
const CASE_JOIN = 'JOIN (SELECT * FROM cases WHERE log_id = $log_id AND perspective = $perspective) c ON c.case_no = tr.case_no';
const EVENT_JOIN = 'JOIN events e ON e.log_id = tr.log_id AND e.seq = tr.event_seq';

const NONE = 'NULL::VARCHAR';
// cases: the first occurrences of a transition in its case, where the value is the case's own.
const FIRST = 'count_if(first_edge)';

function dimensionSql(d: BottleneckDimension): { expr: string; join: string; cases: string } {
  if (d === 'none') return { expr: NONE, join: '', cases: FIRST };
  if (d === 'resource') return { expr: 'e.user_id', join: EVENT_JOIN, cases: 'count(DISTINCT case_no)' };
  if ((CASE_COLUMNS as readonly string[]).includes(d)) return { expr: `c.${d}`, join: CASE_JOIN, cases: FIRST };
  throw new Error(`unknown dimension "${d}"; use one of ${BOTTLENECK_DIMENSIONS.join(', ')}`);
}

/** Transitions ranked by the total time spent in them, split by `dimension`. */
export async function transitionTimes(
  store: Store,
  opts: ViewOptions & { dimension?: BottleneckDimension; limit?: number } = {},
): Promise<TransitionTime[]> {
  const dim = dimensionSql(opts.dimension ?? 'none'); // validate before any work
  const s = await scope(store, opts);
  const text = selectedText('mining/views/bottlenecks', s.selection).replaceAll('__DIMENSION_JOIN__', dim.join).replaceAll('__DIMENSION__', dim.expr).replaceAll('__CASES__', dim.cases)
    .replaceAll('__GROUP_VALUE__', dim.expr === NONE ? '' : ', value')
    .replaceAll('__VALUE__', dim.expr === NONE ? NONE : 'value');
  const rows = await selectedSql<{
    source: string;
    target: string;
    value: string | null;
    transitions: number;
    cases: number;
    median_seconds: number | null;
    mean_seconds: number | null;
    p90_seconds: number | null;
    total_seconds: number | null;
  }>(store, text, { ...s.base, limit: Math.max(1, Math.min(opts.limit ?? 200, 10_000)) }, s.selection);
  return rows.map((r) => ({
    source: r.source,
    target: r.target,
    value: r.value,
    transitions: r.transitions,
    cases: r.cases,
    medianSeconds: r.median_seconds,
    meanSeconds: r.mean_seconds,
    p90Seconds: r.p90_seconds,
    totalSeconds: r.total_seconds,
  }));
}

export interface WipPoint {
  activity: string;
  /** YYYY-MM-DD (UTC); the count is taken at the end of the day. */
  day: string;
  wip: number;
}

/** Cases queued before each activity at the end of each day in [from, to). */
export async function workInProgress(store: Store, opts: ViewOptions & { from: string; to: string }): Promise<WipPoint[]> {
  const s = await scope(store, opts);
  return selectedQuery<WipPoint>(store, 'mining/views/wip', { ...s.base, from: opts.from, to: opts.to }, s.selection);
}

export interface WaitingProcessing {
  activity: string;
  instances: number;
  medianWaitingSeconds: number | null;
  meanWaitingSeconds: number | null;
  medianProcessingSeconds: number | null;
  meanProcessingSeconds: number | null;
}

/** Per activity, waiting before it and time in it (logs with start/complete pairs; else empty). */
export async function waitingAndProcessing(store: Store, opts: ViewOptions = {}): Promise<WaitingProcessing[]> {
  const s = await scope(store, opts);
  const rows = await selectedQuery<{
    activity: string;
    instances: number;
    median_waiting_seconds: number | null;
    mean_waiting_seconds: number | null;
    median_processing_seconds: number | null;
    mean_processing_seconds: number | null;
  }>(store, 'mining/views/waiting-processing', s.base, s.selection);
  return rows.map((r) => ({
    activity: r.activity,
    instances: r.instances,
    medianWaitingSeconds: r.median_waiting_seconds,
    meanWaitingSeconds: r.mean_waiting_seconds,
    medianProcessingSeconds: r.median_processing_seconds,
    meanProcessingSeconds: r.mean_processing_seconds,
  }));
}
