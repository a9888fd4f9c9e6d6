-- Per source: relations its runs wrote that still wait for an object or event no run has defined
-- (pending_relations): how many, and the start of the oldest run that left one waiting. A number
-- that only grows means a source sends references to records another source never delivers.
SELECT CASE WHEN r.source_kind IN ('xes', 'ocel', 'csv', 'parquet') THEN 'imports' ELSE r.source_kind END AS source,
       count(*)::DOUBLE AS n,
       strftime(min(r.started_at), '%Y-%m-%dT%H:%M:%SZ') AS since
FROM pending_relations p
JOIN ingest_runs r ON r.run_id = p.run_id
GROUP BY ALL
