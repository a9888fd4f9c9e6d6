-- The log's activities with the integer codes traces.sql streams (0-based, by name), and the
-- log's last event (open cases are measured from it).
SELECT activity, (row_number() OVER (ORDER BY activity) - 1)::INTEGER AS code,
       epoch(max_ts)::DOUBLE AS log_end
FROM (
  SELECT activity, max(max(ts)) OVER () AS max_ts
  FROM case_trace WHERE log_id = $log_id AND perspective = $perspective
  GROUP BY activity
)
ORDER BY code
