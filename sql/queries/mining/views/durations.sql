-- Case durations (first to last event, seconds) of the selected cases: summary and quantiles.
WITH d AS (
  SELECT epoch(end_ts) - epoch(start_ts) AS secs
  FROM cases
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
)
SELECT count(*)::BIGINT AS cases, avg(secs) AS mean_seconds, median(secs) AS median_seconds,
       quantile_cont(secs, 0.1) AS p10_seconds, quantile_cont(secs, 0.9) AS p90_seconds,
       min(secs) AS min_seconds, max(secs) AS max_seconds, sum(secs) AS total_seconds
FROM d
