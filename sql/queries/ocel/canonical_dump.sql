-- A log's canonical content as sorted text lines, without lineage (run, file, load order), for
-- comparing the same log loaded from different encodings or before/after a round trip.
SELECT line FROM (
  SELECT 'E|' || event_id || '|' || activity || '|' || strftime(ts, '%Y-%m-%dT%H:%M:%S.%gZ') || '|' || coalesce(attrs::VARCHAR, '') AS line
  FROM events WHERE log_id = $log_id
  UNION ALL
  SELECT 'O|' || object_id || '|' || object_type || '|' || coalesce(attrs::VARCHAR, '') FROM objects WHERE log_id = $log_id
  UNION ALL
  SELECT 'C|' || object_id || '|' || strftime(ts, '%Y-%m-%dT%H:%M:%S.%gZ') || '|' || field || '|' || coalesce(old_value, '∅') || '|' || coalesce(new_value, '∅')
  FROM object_changes WHERE log_id = $log_id
  UNION ALL
  SELECT 'EO|' || event_id || '|' || object_id || '|' || qualifier FROM event_object WHERE log_id = $log_id
  UNION ALL
  SELECT 'OO|' || source_id || '|' || target_id || '|' || qualifier FROM object_object WHERE log_id = $log_id
) ORDER BY line;
