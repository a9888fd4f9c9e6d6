-- How many ingest runs list.sql pages through ($log_id NULL = every log).
SELECT count(*)::DOUBLE AS n FROM ingest_runs WHERE $log_id::VARCHAR IS NULL OR log_id = $log_id::VARCHAR
