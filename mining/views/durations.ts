// Case durations and throughput time between two activities, over the selected cases.
import type { Store } from '../../sql';
import { selectedQuery } from '../filter/selection';
import { scope, type DurationSummary, type ViewOptions } from './common';

interface Row {
  cases: number;
  mean_seconds: number | null;
  median_seconds: number | null;
  p90_seconds: number | null;
  min_seconds: number | null;
  max_seconds: number | null;
}

const summary = (r: Row): DurationSummary => ({
  cases: r.cases,
  meanSeconds: r.mean_seconds,
  medianSeconds: r.median_seconds,
  p90Seconds: r.p90_seconds,
  minSeconds: r.min_seconds,
  maxSeconds: r.max_seconds,
});

export interface CaseDurations extends DurationSummary {
  p10Seconds: number | null;
  totalSeconds: number | null;
}

/** First to last event of each selected case. */
export async function caseDurations(store: Store, opts: ViewOptions = {}): Promise<CaseDurations> {
  const s = await scope(store, opts);
  const [r] = await selectedQuery<Row & { p10_seconds: number | null; total_seconds: number | null }>(store, 'mining/views/durations', s.base, s.selection);
  return { ...summary(r), p10Seconds: r.p10_seconds, totalSeconds: r.total_seconds };
}

export interface Throughput extends DurationSummary {
  from: string;
  to: string;
  /** Selected cases that contain `from` at all (those without a later `to` are not in `cases`). */
  casesWithFrom: number;
}

/** From each case's first `from` to the first `to` after it. */
export async function throughputTime(store: Store, opts: ViewOptions & { from: string; to: string }): Promise<Throughput> {
  const s = await scope(store, opts);
  const [r] = await selectedQuery<Row & { cases_with_from: number }>(
    store,
    'mining/views/throughput',
    { ...s.base, from_activity: opts.from, to_activity: opts.to },
    s.selection,
  );
  return { from: opts.from, to: opts.to, ...summary(r), casesWithFrom: r.cases_with_from };
}
