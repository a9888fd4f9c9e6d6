-- Per object type (and, object_type NULL, over all): cases, events, activities, variants,
-- distinct directly-follows edges and directly-follows occurrences.
WITH base AS (
  SELECT object_type, count(DISTINCT case_key) AS cases, count(*) AS events, count(DISTINCT activity) AS activities
  FROM stats_trace GROUP BY GROUPING SETS ((object_type), ())
), v AS (
  SELECT object_type, list(activity ORDER BY seq) AS acts FROM stats_trace GROUP BY object_type, case_key
), variants AS (
  SELECT object_type, count(DISTINCT acts) AS variants FROM v GROUP BY GROUPING SETS ((object_type), ())
), d AS (
  SELECT object_type, activity AS a, lead(activity) OVER (PARTITION BY object_type, case_key ORDER BY seq) AS b
  FROM stats_trace
), edges AS (
  SELECT object_type, a, b, count(*) AS n FROM d WHERE b IS NOT NULL GROUP BY ALL
), dfg AS (
  SELECT object_type, count(DISTINCT [a, b]) AS edges, sum(n) AS pairs FROM edges GROUP BY GROUPING SETS ((object_type), ())
)
SELECT base.object_type, base.cases::BIGINT AS cases, base.events::BIGINT AS events, base.activities::BIGINT AS activities,
       coalesce(variants.variants, 0)::BIGINT AS variants, coalesce(dfg.edges, 0)::BIGINT AS dfg_edges,
       coalesce(dfg.pairs, 0)::BIGINT AS dfg_pairs
FROM base
LEFT JOIN variants ON variants.object_type IS NOT DISTINCT FROM base.object_type
LEFT JOIN dfg ON dfg.object_type IS NOT DISTINCT FROM base.object_type
ORDER BY base.object_type NULLS FIRST
