-- What the canonical tables hold for a log; a case view built from a different fingerprint is
-- stale. Counts catch added rows; the newest succeeded ingest run catches a run that only
-- changed attributes (a merge updates objects in place). The leading 'r2' is the refresh's own
-- version: raise it when the refresh builds different tables, so stores refreshed before rebuild.
SELECT concat_ws('/', 'r4',
  (SELECT count(*) FROM events WHERE log_id = $log_id),
  (SELECT coalesce(max(seq), 0) FROM events WHERE log_id = $log_id),
  (SELECT count(*) FROM event_object WHERE log_id = $log_id),
  (SELECT count(*) FROM object_object WHERE log_id = $log_id),
  (SELECT count(*) FROM objects WHERE log_id = $log_id),
  (SELECT coalesce(strftime(max(finished_at), '%Y-%m-%dT%H:%M:%S.%f'), '-') FROM ingest_runs
   WHERE log_id = $log_id AND status = 'succeeded')) AS fingerprint
