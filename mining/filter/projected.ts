// `follows` and `endpoints` filters judged on the traces projected onto some activities (`among`):
// what the process map draws when it hides activities, so a click on one of its paths selects
// exactly the cases the path counted (sql/queries/mining/map/dfg-projected.sql, same method).
// A kept event right after a kept one (or opening the case) is judged on the prepared trace
// (prev_act, act); one right after a run of hidden events takes as predecessor the kept event
// before the run, which the run's first hidden event names (prev_act; NULL: the case's start).
// An ASOF join finds a kept event's run among the hidden rows: no window over whole traces.

type Param = (v: string) => string;

const SCOPE = 'log_id = $log_id AND perspective = $perspective';

export interface Projection {
  /** `(SELECT act ...)`: the codes of the kept activities. */
  kept: string;
  /** The hidden rows that open a run of hidden events (their prev_act is kept, or NULL at the start). */
  runs: string;
}

export function projection(among: readonly string[], p: Param): Projection {
  const kept = `(SELECT act FROM log_activities WHERE log_id = $log_id AND activity IN (SELECT unnest(from_json(${p(JSON.stringify(among))}, '["VARCHAR"]'))))`;
  const runs = `(SELECT case_no, seq, prev_act FROM case_trace WHERE ${SCOPE} AND act NOT IN ${kept} AND coalesce(prev_act IN ${kept}, true))`;
  return { kept, runs };
}

/** Case numbers where, among the kept activities, `to` directly follows `from` (codes as SQL). */
export function followsAmong(from: string, to: string, { kept, runs }: Projection): string {
  return `(SELECT case_no FROM case_trace WHERE ${SCOPE} AND prev_act = ${from} AND act = ${to}
      UNION ALL
      SELECT b.case_no FROM (SELECT case_no, seq FROM case_trace WHERE ${SCOPE} AND act = ${to} AND prev_act NOT IN ${kept}) b
      ASOF JOIN ${runs} r ON r.case_no = b.case_no AND r.seq < b.seq
      WHERE r.prev_act = ${from})`;
}

/** Case numbers whose first kept event is one of `acts` (a list subquery of names). */
export function startsAmong(acts: string, { kept, runs }: Projection): string {
  return `(SELECT case_no FROM case_trace WHERE ${SCOPE} AND seq = 1 AND activity IN ${acts} AND act IN ${kept}
      UNION ALL
      SELECT b.case_no FROM (SELECT case_no, seq FROM case_trace WHERE ${SCOPE} AND activity IN ${acts} AND act IN ${kept} AND prev_act NOT IN ${kept}) b
      ASOF JOIN ${runs} r ON r.case_no = b.case_no AND r.seq < b.seq
      WHERE r.prev_act IS NULL)`;
}

/** Case numbers whose last kept event is one of `acts` (a list subquery of names). */
export function endsAmong(acts: string, { kept, runs }: Projection): string {
  const codes = `(SELECT act FROM log_activities WHERE log_id = $log_id AND activity IN ${acts} AND act IN ${kept})`;
  const last = `(SELECT t.case_no, t.seq, t.act FROM case_trace t JOIN cases l USING (log_id, perspective, case_no)
        WHERE t.log_id = $log_id AND t.perspective = $perspective AND t.seq = l.n_events)`;
  return `(SELECT case_no FROM ${last} WHERE act IN ${codes}
      UNION ALL
      SELECT l.case_no FROM (SELECT * FROM ${last} WHERE act NOT IN ${kept}) l
      ASOF JOIN ${runs} r ON r.case_no = l.case_no AND r.seq <= l.seq
      WHERE r.prev_act IN ${codes})`;
}
