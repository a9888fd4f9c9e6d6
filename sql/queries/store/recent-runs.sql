-- The newest ingest runs with their counts, for `throughline stats` and the admin views.
SELECT run_id, log_id, source_kind, source_path, status,
       strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') AS started_at,
       rows_read::DOUBLE AS rows_read, rows_loaded::DOUBLE AS rows_loaded,
       rows_rejected::DOUBLE AS rows_rejected, rows_duplicate::DOUBLE AS rows_duplicate,
       events_added::DOUBLE AS events_added, error
FROM ingest_runs
ORDER BY started_at DESC, run_id DESC
LIMIT $limit
