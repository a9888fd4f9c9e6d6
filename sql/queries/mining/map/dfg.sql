-- The directly-follows graph of the selected cases with the traces projected onto the activities
-- in $activities (JSON list): pairs, distinct cases and the time between the two events.
-- '__start__' → first and last → '__end__' edges carry no time. Without a projection the
-- prepared trace answers faster (dfg-prepared.sql).
WITH sel AS (SELECT case_no FROM __SELECTED_CASES__ AS s),
kept AS (SELECT unnest(from_json($activities, '["VARCHAR"]')) AS activity),
ev AS (
  SELECT ce.case_no, ce.seq, ce.activity, ce.ts
  FROM case_trace ce SEMI JOIN sel ON sel.case_no = ce.case_no
  WHERE ce.log_id = $log_id AND ce.perspective = $perspective
    AND ce.activity IN (SELECT activity FROM kept)
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
       median(secs) AS median_seconds, avg(secs) AS mean_seconds, quantile_cont(secs, 0.9) AS p90_seconds,
       sum(secs) AS total_seconds, min(secs) AS min_seconds, max(secs) AS max_seconds
FROM pairs
GROUP BY source, target
ORDER BY count DESC, source, target
