-- Records what a log's exception rows were computed from.
INSERT OR REPLACE INTO exception_state (log_id, key, as_of, rows, computed_at, seconds)
VALUES ($log_id, $key, $as_of, (SELECT count(*) FROM exception_rows WHERE log_id = $log_id), now()::TIMESTAMP, $seconds)
