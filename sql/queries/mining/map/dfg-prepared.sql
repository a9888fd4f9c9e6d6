-- The directly-follows graph of the selected cases from the prepared trace (prev_act, prev_dt,
-- sql/schema/012): a GROUP BY on integer pairs, no window. '__start__' → first and last →
-- '__end__' edges carry no time. Seconds: median, mean, p90, total, min, max of the gap between
-- the two events.
WITH t AS (
  SELECT case_no, seq, act, prev_act, prev_dt
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
),
pairs AS (
  SELECT case_no, coalesce(prev_act, 0) AS src, act AS tgt, prev_dt AS secs FROM t
  UNION ALL
  SELECT t.case_no, t.act, -1, NULL
  FROM t JOIN cases c ON c.log_id = $log_id AND c.perspective = $perspective AND c.case_no = t.case_no
  WHERE t.seq = c.n_events
),
agg AS (
  SELECT src, tgt, count(*)::BIGINT AS count, count(DISTINCT case_no)::BIGINT AS cases,
         median(secs) AS median_seconds, avg(secs) AS mean_seconds, quantile_cont(secs, 0.9) AS p90_seconds,
         sum(secs) AS total_seconds, min(secs) AS min_seconds, max(secs) AS max_seconds
  FROM pairs GROUP BY src, tgt
)
SELECT CASE agg.src WHEN 0 THEN '__start__' ELSE s.activity END AS source,
       CASE agg.tgt WHEN -1 THEN '__end__' ELSE d.activity END AS target,
       count, cases, median_seconds, mean_seconds, p90_seconds, total_seconds, min_seconds, max_seconds
FROM agg
LEFT JOIN log_activities s ON s.log_id = $log_id AND s.act = agg.src
LEFT JOIN log_activities d ON d.log_id = $log_id AND d.act = agg.tgt
ORDER BY count DESC, source, target
