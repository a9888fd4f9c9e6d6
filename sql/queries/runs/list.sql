-- Ingest runs, newest first, with their duration and counts (the Ingest page's runs table).
-- $log_id NULL = every log. Paged by $limit / $offset; Counted by list_count.sql.
SELECT * EXCLUDE (started_ts)
FROM ingest_run_rows
WHERE $log_id::VARCHAR IS NULL OR log_id = $log_id::VARCHAR
ORDER BY started_ts DESC, run_id DESC
LIMIT $limit OFFSET $offset
