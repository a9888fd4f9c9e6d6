-- Start and end activities: activity → number of cases starting (ending) with it, per object type
-- and (object_type NULL) over all.
WITH t AS (
  SELECT object_type, activity, seq, max(seq) OVER (PARTITION BY object_type, case_key) AS last FROM stats_trace
), x AS (
  SELECT object_type, 'start' AS which, activity FROM t WHERE seq = 1
  UNION ALL
  SELECT object_type, 'end', activity FROM t WHERE seq = last
)
SELECT object_type, which, activity, count(*)::BIGINT AS cases
FROM x GROUP BY GROUPING SETS ((object_type, which, activity), (which, activity))
ORDER BY object_type NULLS FIRST, which, cases DESC, activity
