-- Where time goes: per transition (previous activity → activity) and value of the dimension
-- the DIMENSION token (a whitelisted column, spliced by mining/views/bottlenecks.ts): transitions,
-- cases, median/mean/p90 and total seconds of the gap. Ranked by total time.
-- Grouped on the integer codes, names joined on the result rows; median and p90 from one quantile
-- state. __CASES__: a case attribute is one value per case, so the cases of a (transition, value)
-- are the transition's first occurrences in its cases (count_if(first_edge)); an event's resource
-- varies within a case, so it counts distinct cases. __GROUP_VALUE__ / __VALUE__: without a
-- dimension the group is the integer pair alone (a perfect hash), its value NULL.
WITH t AS (
  SELECT tr.case_no, tr.prev_act, tr.act, tr.prev_dt, tr.first_edge, __DIMENSION__ AS value
  FROM case_trace tr
  __DIMENSION_JOIN__
  WHERE tr.log_id = $log_id AND tr.perspective = $perspective AND tr.case_no IN __SELECTED_CASES__
    AND tr.prev_act IS NOT NULL
),
g AS (
  SELECT prev_act, act, __VALUE__ AS value, count(*)::BIGINT AS transitions, __CASES__::BIGINT AS cases,
         quantile_cont(prev_dt, [0.5, 0.9]) AS q, avg(prev_dt) AS mean_seconds, sum(prev_dt) AS total_seconds
  FROM t
  GROUP BY prev_act, act__GROUP_VALUE__
)
SELECT s.activity AS source, d.activity AS target, g.value, g.transitions, g.cases, g.q[1] AS median_seconds,
       g.mean_seconds, g.q[2] AS p90_seconds, g.total_seconds
FROM g
JOIN log_activities s ON s.log_id = $log_id AND s.act = g.prev_act
JOIN log_activities d ON d.log_id = $log_id AND d.act = g.act
ORDER BY total_seconds DESC NULLS LAST, transitions DESC, source, target, value
LIMIT $limit
