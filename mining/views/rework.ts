// Rework: repeated activities and loops per case, over the selected cases.
import type { Store } from '../../sql';
import { selectedQuery } from '../filter/selection';
import { scope, type ViewOptions } from './common';

export interface ActivityRework {
  activity: string;
  /** Selected cases containing the activity. */
  cases: number;
  /** Of those, cases where it happens more than once. */
  casesRepeated: number;
  /** Occurrences beyond the first, summed over cases. */
  extraOccurrences: number;
  /** The activity directly after itself. */
  selfLoops: number;
}

export interface Rework {
  cases: number;
  casesWithRework: number;
  /** casesWithRework / cases (0 when there are none). */
  reworkRate: number;
  activities: ActivityRework[];
}

export async function rework(store: Store, opts: ViewOptions = {}): Promise<Rework> {
  const s = await scope(store, opts);
  const [[totals], rows] = await Promise.all([
    selectedQuery<{ cases: number; cases_with_rework: number }>(store, 'mining/views/rework-cases', s.base, s.selection),
    selectedQuery<{ activity: string; cases: number; cases_repeated: number; extra_occurrences: number; self_loops: number }>(
      store,
      'mining/views/rework',
      s.base,
      s.selection,
    ),
  ]);
  return {
    cases: totals.cases,
    casesWithRework: totals.cases_with_rework,
    reworkRate: totals.cases ? totals.cases_with_rework / totals.cases : 0,
    activities: rows.map((r) => ({
      activity: r.activity,
      cases: r.cases,
      casesRepeated: r.cases_repeated,
      extraOccurrences: r.extra_occurrences,
      selfLoops: r.self_loops,
    })),
  };
}
