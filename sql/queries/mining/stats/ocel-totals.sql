-- Object-centric totals of a log (mining/log-stats.ts).
SELECT
  (SELECT count(*) FROM events WHERE log_id = $log_id)::BIGINT AS events,
  (SELECT count(DISTINCT activity) FROM events WHERE log_id = $log_id)::BIGINT AS event_types,
  (SELECT count(*) FROM objects WHERE log_id = $log_id)::BIGINT AS objects,
  (SELECT count(DISTINCT object_type) FROM objects WHERE log_id = $log_id)::BIGINT AS object_types,
  (SELECT count(*) FROM event_object WHERE log_id = $log_id)::BIGINT AS e2o,
  (SELECT count(*) FROM object_object WHERE log_id = $log_id)::BIGINT AS o2o
