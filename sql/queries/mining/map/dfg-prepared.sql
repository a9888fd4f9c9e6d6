-- The directly-follows graph of the selected cases from the prepared trace (prev_act, prev_dt,
-- sql/schema/012): one GROUP BY on integer pairs, no window and no join. '__start__' → first
-- edges are the events without prev_act. Last → '__end__' edges need no pass of their own: an
-- activity ends a case as often as it occurs minus the times another event follows it, and each
-- such case ends once (so their cases = their count). Edges from '__start__' and to '__end__'
-- carry no time. Seconds: median, mean, p90, total, min, max of the gap between the two events
-- (median and p90 from one quantile state). Cases per edge: the pair's first occurrences. $performance = false skips the times (a frequency map).
WITH t AS (
  SELECT first_edge, coalesce(prev_act, 0) AS src, act AS tgt, CASE WHEN $performance THEN prev_dt END AS secs
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
),
agg AS MATERIALIZED (
  SELECT src, tgt, count(*)::BIGINT AS count, count_if(first_edge)::BIGINT AS cases,
         quantile_cont(secs, [0.5, 0.9]) AS q, avg(secs) AS mean_seconds, sum(secs) AS total_seconds,
         min(secs) AS min_seconds, max(secs) AS max_seconds
  FROM t GROUP BY src, tgt
),
ends AS (
  SELECT act AS src, -1 AS tgt, (sum(n_in) - sum(n_out))::BIGINT AS count
  FROM (SELECT tgt AS act, count AS n_in, 0 AS n_out FROM agg
        UNION ALL
        SELECT src, 0, count FROM agg WHERE src <> 0)
  GROUP BY act
  HAVING sum(n_in) > sum(n_out)
),
edges AS (
  SELECT src, tgt, count, cases, q[1] AS median_seconds, mean_seconds, q[2] AS p90_seconds,
         total_seconds, min_seconds, max_seconds
  FROM agg
  UNION ALL
  SELECT src, tgt, count, count, NULL, NULL, NULL, NULL, NULL, NULL FROM ends
)
SELECT CASE e.src WHEN 0 THEN '__start__' ELSE s.activity END AS source,
       CASE e.tgt WHEN -1 THEN '__end__' ELSE d.activity END AS target,
       count, cases, median_seconds, mean_seconds, p90_seconds, total_seconds, min_seconds, max_seconds
FROM edges e
LEFT JOIN log_activities s ON s.log_id = $log_id AND s.act = e.src
LEFT JOIN log_activities d ON d.log_id = $log_id AND d.act = e.tgt
ORDER BY count DESC, source, target
