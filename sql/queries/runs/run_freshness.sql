-- Per source: its newest run (whatever its outcome) and its newest successful run.
WITH r AS (
  SELECT CASE WHEN source_kind IN ('xes', 'ocel', 'csv', 'parquet') THEN 'imports' ELSE source_kind END AS source, *
  FROM ingest_runs
),
latest AS (
  SELECT source, arg_max(run_id, (started_at, run_id)) AS run_id, count(*)::DOUBLE AS runs
  FROM r GROUP BY source
),
ok AS (
  SELECT source, arg_max(run_id, (started_at, run_id)) AS run_id
  FROM r WHERE status = 'succeeded' GROUP BY source
)
SELECT latest.source, latest.runs,
       l.run_id AS last_run_id, l.status AS last_status, l.error AS last_error,
       strftime(l.started_at, '%Y-%m-%dT%H:%M:%SZ') AS last_started_at,
       s.run_id AS last_success_run_id,
       strftime(s.finished_at, '%Y-%m-%dT%H:%M:%SZ') AS last_success_at
FROM latest
JOIN r l ON l.run_id = latest.run_id
LEFT JOIN ok ON ok.source = latest.source
LEFT JOIN r s ON s.run_id = ok.run_id
ORDER BY latest.source
