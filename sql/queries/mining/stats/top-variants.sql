-- The $n most frequent variants per object type (and, object_type NULL, over all); ties by the
-- variant's first case.
WITH v AS (
  SELECT object_type, case_key, list(activity ORDER BY seq) AS acts FROM stats_trace GROUP BY object_type, case_key
), g AS (
  SELECT object_type, acts, count(*) AS cases, min(case_key) AS first_case
  FROM v GROUP BY GROUPING SETS ((object_type, acts), (acts))
), r AS (
  SELECT *, row_number() OVER (PARTITION BY object_type ORDER BY cases DESC, first_case) AS rk FROM g
)
SELECT object_type, acts AS activities, cases::BIGINT AS cases FROM r WHERE rk <= $n
ORDER BY object_type NULLS FIRST, rk
