INSERT OR REPLACE INTO case_view_state
SELECT $log_id, $perspective, now()::TIMESTAMP, $fingerprint,
  (SELECT count(*) FROM cases WHERE log_id = $log_id AND perspective = $perspective),
  (SELECT count(*) FROM case_trace WHERE log_id = $log_id AND perspective = $perspective),
  $seconds::DOUBLE
