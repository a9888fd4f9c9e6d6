-- Where time goes: per transition (previous activity → activity) and value of the dimension
-- the DIMENSION token (a whitelisted column, spliced by mining/views/bottlenecks.ts): transitions,
-- cases, median/mean/p90 and total seconds of the gap. Ranked by total time.
WITH t AS (
  SELECT tr.case_no, tr.prev_act, tr.act, tr.prev_dt, __DIMENSION__ AS value
  FROM case_trace tr
  __DIMENSION_JOIN__
  WHERE tr.log_id = $log_id AND tr.perspective = $perspective AND tr.case_no IN __SELECTED_CASES__
    AND tr.prev_act IS NOT NULL
)
SELECT s.activity AS source, d.activity AS target, t.value, count(*)::BIGINT AS transitions,
       count(DISTINCT t.case_no)::BIGINT AS cases, median(t.prev_dt) AS median_seconds,
       avg(t.prev_dt) AS mean_seconds, quantile_cont(t.prev_dt, 0.9) AS p90_seconds, sum(t.prev_dt) AS total_seconds
FROM t
JOIN log_activities s ON s.log_id = $log_id AND s.act = t.prev_act
JOIN log_activities d ON d.log_id = $log_id AND d.act = t.act
GROUP BY s.activity, d.activity, t.value
ORDER BY total_seconds DESC NULLS LAST, transitions DESC
LIMIT $limit
