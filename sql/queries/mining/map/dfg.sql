-- The directly-follows graph over the cases that started in [$from, $to), with the traces
-- projected onto the activities in $activities (JSON list; null = all): pairs, distinct cases
-- and the time between the two events (median, mean, p90 seconds). '__start__' → first and
-- last → '__end__' edges carry no time.
WITH sel AS (
  SELECT case_no FROM cases
  WHERE log_id = $log_id AND perspective = $perspective
    AND start_ts >= $from::TIMESTAMP AND start_ts < $to::TIMESTAMP
),
kept AS (SELECT unnest(from_json($activities, '["VARCHAR"]')) AS activity),
ev AS (
  SELECT ce.case_no, ce.seq, ce.activity, ce.ts
  FROM case_trace ce SEMI JOIN sel ON sel.case_no = ce.case_no
  WHERE ce.log_id = $log_id AND ce.perspective = $perspective
    AND ($activities IS NULL OR ce.activity IN (SELECT activity FROM kept))
),
w AS (
  SELECT case_no, activity, ts,
         lag(activity) OVER win AS prev, lag(ts) OVER win AS prev_ts,
         lead(seq) OVER win IS NULL AS is_last
  FROM ev WINDOW win AS (PARTITION BY case_no ORDER BY seq)
),
pairs AS (
  SELECT case_no, coalesce(prev, '__start__') AS source, activity AS target,
         epoch(ts) - epoch(prev_ts) AS secs
  FROM w
  UNION ALL
  SELECT case_no, activity, '__end__', NULL FROM w WHERE is_last
)
SELECT source, target, count(*)::BIGINT AS count, count(DISTINCT case_no)::BIGINT AS cases,
       median(secs) AS median_seconds, avg(secs) AS mean_seconds, quantile_cont(secs, 0.9) AS p90_seconds
FROM pairs
GROUP BY source, target
ORDER BY count DESC, source, target
