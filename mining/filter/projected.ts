// `follows` and `endpoints` filters judged on the traces projected onto some activities (`among`):
// what the process map draws when it hides activities, so a click on one of its paths selects
// exactly the cases the path counted (sql/queries/mining/map/dfg-projected.sql, same method).
// A kept event right after a kept one (or opening the case) is judged on the prepared trace
// (prev_act, act); one right after a run of hidden events takes as predecessor the kept event
// before the run, which the run's first hidden event names (prev_act; NULL: the case's start).
// An ASOF join finds a kept event's run among the hidden rows: no window over whole traces.
// Whether an activity is kept comes from a join with the log's few activity codes (`flags`),
// cheaper per trace row than an IN over the kept codes.

type Param = (v: string) => string;

const SCOPE = 'tr.log_id = $log_id AND tr.perspective = $perspective';

export interface Projection {
  /** CTEs (without WITH): `flags(act, k)` and `runs(case_no, seq, prev_act)`, the hidden rows that open a run. */
  ctes: string;
}

export function projection(among: readonly string[], p: Param): Projection {
  const names = `(SELECT unnest(from_json(${p(JSON.stringify(among))}, '["VARCHAR"]')))`;
  const ctes = `flags AS (SELECT act, activity IN ${names} AS k FROM log_activities WHERE log_id = $log_id),
      runs AS (
        SELECT tr.case_no, tr.seq, tr.prev_act FROM case_trace tr
        JOIN flags f ON f.act = tr.act LEFT JOIN flags pf ON pf.act = tr.prev_act
        WHERE ${SCOPE} AND NOT f.k AND coalesce(pf.k, true)
      )`;
  return { ctes };
}

/** Case numbers where, among the kept activities, `to` directly follows `from` (codes as SQL). */
export function followsAmong(from: string, to: string, { ctes }: Projection): string {
  return `(WITH ${ctes}
      SELECT tr.case_no FROM case_trace tr WHERE ${SCOPE} AND tr.prev_act = ${from} AND tr.act = ${to}
      UNION ALL
      SELECT b.case_no FROM (
        SELECT tr.case_no, tr.seq FROM case_trace tr JOIN flags pf ON pf.act = tr.prev_act
        WHERE ${SCOPE} AND tr.act = ${to} AND NOT pf.k
      ) b
      ASOF JOIN runs r ON r.case_no = b.case_no AND r.seq < b.seq
      WHERE r.prev_act = ${from})`;
}

/** Case numbers whose first kept event is one of `acts` (a list subquery of names). */
export function startsAmong(acts: string, { ctes }: Projection): string {
  return `(WITH ${ctes}
      SELECT tr.case_no FROM case_trace tr JOIN flags f ON f.act = tr.act
      WHERE ${SCOPE} AND tr.seq = 1 AND tr.activity IN ${acts} AND f.k
      UNION ALL
      SELECT b.case_no FROM (
        SELECT tr.case_no, tr.seq FROM case_trace tr JOIN flags f ON f.act = tr.act JOIN flags pf ON pf.act = tr.prev_act
        WHERE ${SCOPE} AND tr.activity IN ${acts} AND f.k AND NOT pf.k
      ) b
      ASOF JOIN runs r ON r.case_no = b.case_no AND r.seq < b.seq
      WHERE r.prev_act IS NULL)`;
}

/** Case numbers whose last kept event is one of `acts` (a list subquery of names). */
export function endsAmong(acts: string, { ctes }: Projection): string {
  return `(WITH ${ctes},
      codes AS (SELECT act FROM flags WHERE k AND act IN (SELECT act FROM log_activities WHERE log_id = $log_id AND activity IN ${acts})),
      last AS MATERIALIZED (
        SELECT tr.case_no, tr.seq, tr.act, f.k FROM case_trace tr
        JOIN (SELECT case_no, n_events FROM cases WHERE log_id = $log_id AND perspective = $perspective) l
          ON l.case_no = tr.case_no AND l.n_events = tr.seq
        JOIN flags f ON f.act = tr.act
        WHERE ${SCOPE}
      )
      SELECT case_no FROM last WHERE k AND act IN (SELECT act FROM codes)
      UNION ALL
      SELECT l.case_no FROM (SELECT case_no, seq FROM last WHERE NOT k) l
      ASOF JOIN runs r ON r.case_no = l.case_no AND r.seq <= l.seq
      WHERE r.prev_act IN (SELECT act FROM codes))`;
}
