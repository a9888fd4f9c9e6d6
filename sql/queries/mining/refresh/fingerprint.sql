-- What the canonical tables hold for a log; a case view built from a different fingerprint is stale.
SELECT concat_ws('/',
  (SELECT count(*) FROM events WHERE log_id = $log_id),
  (SELECT coalesce(max(seq), 0) FROM events WHERE log_id = $log_id),
  (SELECT count(*) FROM event_object WHERE log_id = $log_id),
  (SELECT count(*) FROM object_object WHERE log_id = $log_id),
  (SELECT count(*) FROM objects WHERE log_id = $log_id)) AS fingerprint
